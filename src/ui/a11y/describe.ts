import { formatNumber } from '../../draw/format';
import type { Messages } from '../../i18n';
import type { FinishedStatus } from './status-changes';
import { colourName } from './colour-name';

const point = (x: number, y: number) => `(${formatNumber(x)}, ${formatNumber(y)})`;

/** The 3D view in words: the landscape's name, the start, the shown runners, the lowest minimum. */
export function canvasDescription(
  t: Messages,
  c: {
    landscape: string;
    start: readonly [number, number];
    runners: readonly { label: string; color: string; visible: boolean }[];
    minima: readonly { x: number; y: number; value: number; global: boolean }[];
  },
): string {
  const lowest = c.minima.find((m) => m.global) ?? null;
  return t.a11y.canvas({
    landscape: c.landscape,
    start: point(c.start[0], c.start[1]),
    runners: c.runners
      .filter((r) => r.visible)
      .map((r) => ({ label: r.label, colour: colourName(r.color) })),
    colours: t.a11y.colours,
    lowest: lowest ? point(lowest.x, lowest.y) : null,
  });
}

/** A runner that has just converged, got stuck or diverged, in words (the legend's words). */
export function statusSentence(t: Messages, r: FinishedStatus): string {
  const n = r.step;
  const words =
    r.status === 'converged'
      ? t.app.convergedAt(n)
      : r.status === 'trained'
        ? t.app.trainedAt(n)
        : r.status === 'stuck'
          ? r.settledAtMinimum
            ? t.app.stuckLocalAt(n)
            : t.app.stuckFlatAt(n)
          : r.divergedBecause === 'left-landscape'
            ? t.app.divergedLeftAt(n)
            : t.app.divergedOverflowAt(n);
  return t.a11y.statusChange(r.label, words);
}
