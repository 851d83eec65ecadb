import { DEFAULT_RUNNERS } from '../race/defaults';
import type { RunnerSpec } from '../race/types';
import type { OptimizerKind } from '../optimizers';

/** The networks one can train: the penguin classifier (4 → 8 tanh → 3, 67 weights). */
export const NET_IDS = ['penguins-mlp'] as const;

/** A network's id. */
export type NetId = (typeof NET_IDS)[number];

/** True when `id` names a network. */
export function isNetId(id: string | null | undefined): id is NetId {
  return (NET_IDS as readonly string[]).includes(id ?? '');
}

/**
 * Learning rates for the penguin classifier, by optimizer: from 500 full-batch steps from seed 1,
 * each reaches ≥ 95 % training accuracy in tens of steps without diverging (SGD-momentum 0.1 by
 * step 54, RMSProp 0.003 by 23, Adam 0.01 by 31), and their trajectories' plane holds 94 % of
 * the motion. Kinds not listed take Adam's scale (adaptive) or momentum's (SGD-like).
 */
export const NET_SUGGESTED_LR: Readonly<Record<OptimizerKind, number>> = {
  sgd: 0.5,
  momentum: 0.1,
  nesterov: 0.1,
  rmsprop: 0.003,
  adam: 0.01,
  adamw: 0.01,
  adagrad: 0.1,
};

/** The lecture's three runners (SGD-momentum, RMSProp, Adam) with the network's rates. */
export function defaultNetRunners(): RunnerSpec[] {
  return DEFAULT_RUNNERS.map((r) => ({
    ...r,
    optimizer: { ...r.optimizer, lr: NET_SUGGESTED_LR[r.optimizer.kind] },
  }));
}
