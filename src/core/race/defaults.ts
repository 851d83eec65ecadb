import { domainSpan, type Landscape } from '../landscapes';
import { defaultSpec, type OptimizerKind } from '../optimizers';
import { typicalSlope } from './settle';
import type { RunnerSpec } from './types';

/** The lecture's colours: SGD-momentum green, RMSProp red, Adam black. */
export const LECTURE_COLORS = { momentum: '#2ecc40', rmsprop: '#ff4136', adam: '#111111' } as const;

/** The lecture's race: SGD-momentum in green, RMSProp in red, Adam in black (default settings). */
export const DEFAULT_RUNNERS: readonly RunnerSpec[] = [
  { label: 'SGD-momentum', color: LECTURE_COLORS.momentum, optimizer: defaultSpec('momentum') },
  { label: 'RMSProp', color: LECTURE_COLORS.rmsprop, optimizer: defaultSpec('rmsprop') },
  { label: 'Adam', color: LECTURE_COLORS.adam, optimizer: defaultSpec('adam') },
];

/** Rounds to one significant digit (0.0137 → 0.01), so suggested rates read cleanly. */
function roundRate(lr: number): number {
  const p = 10 ** Math.floor(Math.log10(lr));
  return Math.round(lr / p) * p;
}

/**
 * A learning rate for `kind` on a landscape: the preset's hand-tuned one, else a scale estimate
 * from the domain's span s and typical slope G: Adam and RMSProp move about lr (10·lr) per step,
 * so lr = s/80 (s/400); SGD-style steps are lr·‖g‖, so lr = s/(25·G).
 */
export function suggestedLearningRate(landscape: Landscape, kind: OptimizerKind): number {
  const tuned = landscape.suggestedLr[kind];
  if (tuned !== undefined) return tuned;
  const span = domainSpan(landscape.domain);
  switch (kind) {
    case 'adam':
    case 'adamw':
    case 'adagrad':
      return roundRate(span / 80);
    case 'rmsprop':
      return roundRate(span / 400);
    default:
      return roundRate(span / (25 * typicalSlope(landscape)));
  }
}

/** The lecture's three runners with learning rates suited to this landscape. */
export function defaultRunnersFor(landscape: Landscape): RunnerSpec[] {
  return DEFAULT_RUNNERS.map((r) => ({
    ...r,
    optimizer: { ...r.optimizer, lr: suggestedLearningRate(landscape, r.optimizer.kind) },
  }));
}
