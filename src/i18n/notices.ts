/** A finished runner as the "finished" notice lists it. */
export interface FinishedRunner {
  label: string;
  status: 'converged' | 'stuck' | 'diverged';
  step: number;
}

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
  finished: (a: { runners: FinishedRunner[] }) =>
    `Every runner has finished: ${a.runners
      .map(
        (r) =>
          `${r.label} ${{ converged: 'converged', stuck: 'got stuck', diverged: 'diverged' }[r.status]} at step ${r.step}`,
      )
      .join(', ')}. Press play to race again or reset.`,
};

export const ru: typeof en = {
  unknownLandscape: (a) => `В ссылке неизвестная поверхность «${a.id}»; показываем ${a.fallback}.`,
  badStart: (a) => `Старт «${a.text}» в ссылке — не два числа x,y; берём старт по умолчанию.`,
  startOutside: (a) =>
    `Старт (${a.x}, ${a.y}) из ссылки лежит вне области поверхности ${a.landscape}; берём старт по умолчанию.`,
  finished: (a) =>
    `Все бегуны финишировали: ${a.runners
      .map(
        (r) =>
          `${r.label} ${{ converged: 'сошёлся', stuck: 'застрял', diverged: 'разошёлся' }[r.status]} на шаге ${r.step}`,
      )
      .join(', ')}. Нажмите «Пуск», чтобы запустить снова, или «Сброс».`,
};

type Messages = typeof en;
/** A notice: which message and its arguments. */
export type Notice = {
  [K in keyof Messages]: { key: K; args: Parameters<Messages[K]>[0] };
}[keyof Messages];
