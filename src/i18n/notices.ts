import type { ParseProblem } from '../core/expression';
import * as functionErrors from './function-errors';
import { describeFunctionError } from './function-errors';

/** Where and why a typed function does not parse, as a notice carries it. */
type FunctionError = { column: number; problem: ParseProblem };

/** A finished runner as the "finished" notice lists it. */
export interface FinishedRunner {
  label: string;
  status: 'converged' | 'stuck' | 'diverged' | 'trained';
  step: number;
}

/** The parts of a shared link that can be unreadable on their own (see store/share-link). */
export type LinkPart =
  | 'landscape'
  | 'function'
  | 'start'
  | 'runners'
  | 'shake'
  | 'layout'
  | 'panes'
  | 'scene'
  | 'language'
  | 'view'
  | 'selected'
  | 'data';

const LINK_PARTS_EN: Record<LinkPart, string> = {
  landscape: 'landscape',
  function: 'function',
  start: 'start',
  runners: 'runners',
  shake: 'shake',
  layout: 'layout',
  panes: 'panes',
  scene: 'scene',
  language: 'language',
  view: 'view settings',
  selected: 'selected runner',
  data: 'data settings (raw units, batch size)',
};

const LINK_PARTS_RU: Record<LinkPart, string> = {
  landscape: 'поверхность',
  function: 'функцию',
  start: 'старт',
  runners: 'бегунов',
  shake: 'встряску',
  layout: 'раскладку',
  panes: 'панели',
  scene: 'сцену',
  language: 'язык',
  view: 'настройки вида',
  selected: 'выбранного бегуна',
  data: 'настройки данных (сырые единицы, размер батча)',
};

/**
 * Messages the app shows in its notice area. The store keeps notices as keys with arguments, so
 * they can be shown in either language.
 */
export const en = {
  unknownLandscape: (a: { id: string; fallback: string }) =>
    `Unknown landscape "${a.id}" in the link; showing ${a.fallback}.`,
  badStart: (a: { text: string }) =>
    `The start "${a.text}" in the link is not two numbers x,y; using the default start.`,
  startOutside: (a: { x: number; y: number; landscape: string }) =>
    `The start (${a.x}, ${a.y}) in the link is outside ${a.landscape}'s domain; using the default start.`,
  linkUnreadable: (a: { chars: number }) =>
    `The shared link (${a.chars} characters) could not be read; it may have been cut off when it was copied. Showing the default race.`,
  linkTooLong: (a: { chars: number; max: number }) =>
    `The shared link is too long (${a.chars} characters, at most ${a.max} are read); showing the default race.`,
  linkVersion: (a: { version: number; current: number }) =>
    `The link was made in format version ${a.version}, this page reads version ${a.current}: whatever could not be read is at its default.`,
  linkPart: (a: { part: LinkPart }) =>
    `The ${LINK_PARTS_EN[a.part]} in the link could not be read; using the default.`,
  badFunction: (a: { error: FunctionError; fallback: string }) =>
    `The function in the link does not parse (${describeFunctionError(functionErrors.en, a.error)}); it is in the function field, and ${a.fallback} is shown meanwhile.`,
  badRunner: (a: { position: number; field: string }) =>
    `Runner ${a.position} in the link was left out: its ${a.field} is not valid.`,
  tooManyRunners: (a: { count: number; max: number }) =>
    `The link has ${a.count} runners; only the first ${a.max} are shown.`,
  unknownScene: (a: { id: string }) => `Unknown scene "${a.id}" in the link; it was ignored.`,
  runnerLimit: (a: { max: number }) =>
    `At most ${a.max} runners race at once: remove one to add another.`,
  gpuLost: () =>
    'The graphics card dropped the 3D view (the driver reset it). Waiting for it to come back; the race is paused.',
  gpuRestored: () => 'The 3D view is back; the race goes on where it was.',
  netFailed: (a: { message: string }) =>
    `The network could not be trained (${a.message}); the last picture stays.`,
  swarmFailed: (a: { message: string }) =>
    `The swarm stopped (${a.message}); it is switched off. A smaller swarm may fit.`,
  finished: (a: { runners: FinishedRunner[] }) =>
    `Every runner has finished: ${a.runners
      .map((r) =>
        r.status === 'trained'
          ? `${r.label} trained for ${r.step} steps`
          : `${r.label} ${{ converged: 'converged', stuck: 'got stuck', diverged: 'diverged' }[r.status]} at step ${r.step}`,
      )
      .join(', ')}. Press play to race again or reset.`,
};

/** Russian noun form for a number of steps: 1 шаг, 2 шага, 5 шагов (21 шаг, 11 шагов). */
export function ruSteps(n: number): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'шаг';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'шага';
  return 'шагов';
}

export const ru: typeof en = {
  unknownLandscape: (a) => `В ссылке неизвестная поверхность «${a.id}»; показываем ${a.fallback}.`,
  badStart: (a) => `Старт «${a.text}» в ссылке — не два числа x,y; берём старт по умолчанию.`,
  startOutside: (a) =>
    `Старт (${a.x}, ${a.y}) из ссылки лежит вне области поверхности ${a.landscape}; берём старт по умолчанию.`,
  linkUnreadable: (a) =>
    `Ссылку (длина ${a.chars}) не удалось прочитать — возможно, её обрезали при копировании. Показываем гонку по умолчанию.`,
  linkTooLong: (a) =>
    `Ссылка слишком длинная (длина ${a.chars}, читаем не больше ${a.max} знаков); показываем гонку по умолчанию.`,
  linkVersion: (a) =>
    `Ссылка сделана в формате версии ${a.version}, а эта страница читает версию ${a.current}: всё, что не удалось прочитать, взято по умолчанию.`,
  linkPart: (a) =>
    `Не удалось прочитать ${LINK_PARTS_RU[a.part]} из ссылки; взято значение по умолчанию.`,
  badFunction: (a) =>
    `Функция из ссылки не разбирается (${describeFunctionError(functionErrors.ru, a.error)}); она стоит в поле функции, а пока показываем ${a.fallback}.`,
  badRunner: (a) => `Бегун ${a.position} из ссылки пропущен: недопустимое поле ${a.field}.`,
  tooManyRunners: (a) => `Бегунов в ссылке: ${a.count}; показываем только первых ${a.max}.`,
  unknownScene: (a) => `В ссылке неизвестная сцена «${a.id}»; она пропущена.`,
  runnerLimit: (a) =>
    `Одновременно бегут не больше ${a.max} бегунов: уберите одного, чтобы добавить нового.`,
  gpuLost: () =>
    'Видеокарта сбросила 3D-вид (драйвер перезапустил его). Ждём, пока он вернётся; гонка на паузе.',
  gpuRestored: () => '3D-вид вернулся; гонка продолжается с того же места.',
  netFailed: (a) => `Сеть не удалось обучить (${a.message}); осталась прежняя картина.`,
  swarmFailed: (a) => `Рой остановился (${a.message}) и выключен. Рой поменьше может поместиться.`,
  finished: (a) =>
    `Все бегуны финишировали: ${a.runners
      .map((r) =>
        r.status === 'trained'
          ? `${r.label} обучен за ${r.step} ${ruSteps(r.step)}`
          : `${r.label} ${{ converged: 'сошёлся', stuck: 'застрял', diverged: 'разошёлся' }[r.status]} на шаге ${r.step}`,
      )
      .join(', ')}. Нажмите «Пуск», чтобы запустить снова, или «Сброс».`,
};

type Messages = typeof en;
/** A notice: which message and its arguments. */
export type Notice = {
  [K in keyof Messages]: { key: K; args: Parameters<Messages[K]>[0] };
}[keyof Messages];
