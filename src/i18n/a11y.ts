/** The colours a runner's ball can be named by (see ui/a11y/colour-name.ts). */
export type ColourName =
  | 'black'
  | 'white'
  | 'grey'
  | 'red'
  | 'orange'
  | 'yellow'
  | 'green'
  | 'cyan'
  | 'blue'
  | 'purple'
  | 'pink';

/** A runner as the 3D view's text alternative names it. */
export interface DescribedRunner {
  label: string;
  colour: ColourName;
}

const list = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`;

/** What screen readers and keyboard users get in place of what the eye sees. */
export const en = {
  viewSwitch: 'View',
  settingsPanel: 'Race settings',
  liveViewsPanel: 'Live views',
  runnerSettings: 'Runner settings',
  landscapeSelect: 'Landscape',
  colours: {
    black: 'black',
    white: 'white',
    grey: 'grey',
    red: 'red',
    orange: 'orange',
    yellow: 'yellow',
    green: 'green',
    cyan: 'cyan',
    blue: 'blue',
    purple: 'purple',
    pink: 'pink',
  } satisfies Record<ColourName, string>,
  /** The 3D view in words: the landscape, where the balls start, who races, where the bottom is. */
  canvas: (c: {
    landscape: string;
    start: string;
    runners: DescribedRunner[];
    colours: Record<ColourName, string>;
    lowest: string | null;
  }) =>
    `3D view of the loss surface “${c.landscape}”. ` +
    (c.runners.length === 0
      ? 'No runners are shown. '
      : `${c.runners.length === 1 ? 'One ball rolls' : `${c.runners.length} balls roll`} down from the start ${c.start}: ` +
        `${list(
          c.runners.map((r) => `${r.label} (${c.colours[r.colour]})`),
          'and',
        )}. `) +
    (c.lowest ? `The lowest point is at ${c.lowest}.` : ''),
  /** How to turn the 3D view from the keyboard (the canvas's description). */
  canvasKeys: 'Shift and the arrow keys turn the camera, plus and minus zoom.',
  /** A runner's new status as the live region reads it out. */
  statusChange: (label: string, status: string) => `${label}: ${status}.`,
};

export const ru: typeof en = {
  viewSwitch: 'Вид',
  settingsPanel: 'Настройки гонки',
  liveViewsPanel: 'Живые графики',
  runnerSettings: 'Настройки участников',
  landscapeSelect: 'Поверхность',
  colours: {
    black: 'чёрный',
    white: 'белый',
    grey: 'серый',
    red: 'красный',
    orange: 'оранжевый',
    yellow: 'жёлтый',
    green: 'зелёный',
    cyan: 'голубой',
    blue: 'синий',
    purple: 'фиолетовый',
    pink: 'розовый',
  },
  canvas: (c) =>
    `Трёхмерный вид поверхности потерь «${c.landscape}». ` +
    (c.runners.length === 0
      ? 'Участники не показаны. '
      : `${c.runners.length === 1 ? 'Шарик скатывается' : `Шарики (${c.runners.length}) скатываются`} из старта ${c.start}: ` +
        `${list(
          c.runners.map((r) => `${r.label} (${c.colours[r.colour]})`),
          'и',
        )}. `) +
    (c.lowest ? `Самая низкая точка — ${c.lowest}.` : ''),
  canvasKeys: 'Shift и стрелки поворачивают камеру, плюс и минус приближают и отдаляют.',
  statusChange: (label, status) => `${label}: ${status}.`,
};
