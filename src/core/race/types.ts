import type { Landscape } from '../landscapes';
import type { BatchSampler } from '../data/sampler';
import type { OptimizerBuffers, OptimizerSpec, ScheduleSpec, ScheduleState } from '../optimizers';
import type { RandomState } from '../random';
import type { History } from './history';

/**
 * One ball in the race: an optimizer with its label and colour (CSS colour text), its
 * learning-rate schedule (constant when absent) and, on a dataset's landscape, its batch size
 * (the race's default when absent).
 */
export interface RunnerSpec {
  label: string;
  color: string;
  optimizer: OptimizerSpec;
  schedule?: ScheduleSpec;
  batch?: number;
}

/**
 * Where a runner is in its race: still `running`; `converged` (settled at a global minimum);
 * `stuck` (settled at a local minimum or another stationary point); `diverged` (a value became
 * non-finite or the runner left the landscape far behind; it freezes at its last good point);
 * `trained` (a network's runner played back to the end of its computed training).
 */
export type RunnerStatus = 'running' | 'converged' | 'stuck' | 'diverged' | 'trained';

/**
 * The shake: Gaussian noise N(0, σ²) added to every gradient component, standing in for the noise
 * of minibatch gradients. One seeded stream per race, drawn once per step and shared by every
 * runner — like every optimizer seeing the same minibatches — so a seed replays the same race.
 */
export interface Shake {
  sigma: number;
  seed: number;
}

/**
 * A runner's computed path, played back by a race instead of stepped (a network trained in full
 * parameter space, seen on a plane): point k = (points[2k], points[2k+1]) with loss[k], for
 * k = 0 … steps; lr[k] the rate of step k + 1. When `divergedAt` is set, the update of that step
 * was not finite: the runner stands at point divergedAt − 1 from then on.
 */
export interface ReplayTrack {
  points: Float64Array;
  loss: Float64Array;
  lr: Float64Array;
  divergedAt: number | null;
}

/** The live state of one runner (mutated in place as the race steps). */
export interface Runner {
  spec: RunnerSpec;
  /** Current point (x, y). */
  point: Float64Array;
  /** f at the current point. */
  loss: number;
  /** ∇f at the current point, without noise. */
  gradient: Float64Array;
  buffers: OptimizerBuffers;
  status: RunnerStatus;
  /** The step at which the status was reached (null while running). */
  statusStep: number | null;
  /** Why a diverged runner stopped: "not-finite" or "left-landscape". */
  divergedBecause: 'not-finite' | 'left-landscape' | null;
  /** For a settled runner, the known minimum it settled at (null: another stationary point). */
  settledAt: { x: number; y: number; value: number; global: boolean } | null;
  /**
   * The points visited and f there, the start first, in bounded memory (thinned by powers of two,
   * the latest points exact). `history.count` is the number of points: steps taken + 1 while
   * running; a diverged runner's ends at its last finite point.
   */
  history: History;
  /** The gradient used at the last step, noise included (for the formula panel). */
  lastGradient: Float64Array;
  /** The point before the last step. */
  previousPoint: Float64Array;
  /** The learning-rate schedule; `schedule.lr` is the rate the next step uses. */
  schedule: ScheduleState;
  /** The learning rate the last step used (the base rate before the first step). */
  lastLr: number;
  /** The optimizer spec the steps use: `spec.optimizer` with the scheduled rate. */
  stepSpec: OptimizerSpec;
  /** On a dataset's landscape: the minibatch sampler (null elsewhere). */
  sampler: BatchSampler | null;
  /**
   * The batch losses, point j holding the loss of the batch of step j + 1 at point j, thinned
   * exactly as `history` (null off data).
   */
  batchHistory: History | null;
}

/** Thresholds that decide when a runner has settled (see {@link createRace}). */
export interface SettleRule {
  /** Steps the runner must stay put. */
  window: number;
  /** Radius around the window's centroid, in domain units. */
  radius: number;
  /** Largest noise-free gradient norm at the centroid that still counts as stationary. */
  gradientNorm: number;
  /** How close to a known minimum counts as "at" it, in domain units. */
  minimumDistance: number;
}

/**
 * A runner's batch size changed while the race went on: after `step` steps, runner `index` (by
 * position) went from batch setting `from` to `to` (undefined: the race's default).
 */
export interface BatchChange {
  step: number;
  index: number;
  from: number | undefined;
  to: number | undefined;
}

/** A race: runners from one start, stepped in lockstep on one landscape. */
export interface Race {
  landscape: Landscape;
  start: [number, number];
  shake: Shake;
  runners: Runner[];
  /** Steps taken so far. */
  step: number;
  random: RandomState;
  settle: SettleRule;
  /** On a dataset's landscape, the batch size of runners that do not set their own (else null). */
  batch: number | null;
  /** Batch sizes changed while the race went on, in order (so a clip can replay them). */
  batchChanges: BatchChange[];
  /** A played-back race's tracks, by runner position (null: a race stepped live). */
  replay: readonly ReplayTrack[] | null;
  /** Runners leaving this box (the domain widened by its size on every side) have diverged. */
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
}
