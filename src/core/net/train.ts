import { createSampler, nextBatch, type BatchSampler } from '../data/sampler';
import {
  advanceSchedule,
  CONSTANT_SCHEDULE,
  createBuffers,
  createSchedule,
  optimizerStep,
  type OptimizerBuffers,
  type OptimizerSpec,
  type ScheduleState,
} from '../optimizers';
import type { RunnerSpec } from '../race/types';
import type { NetData } from './data';
import { createNetPass, NET_SIZE, netPass, type NetPass } from './mlp';

/**
 * One runner training the classifier: all 67 parameters from the shared initial weights θ₀ with
 * its own optimizer, schedule and batch size. Arrays are allocated for the whole run up front and
 * filled as it goes (`NetTraining.done` steps so far).
 */
export interface NetRun {
  spec: RunnerSpec;
  /** Rows per step: 1 … n; n is full batch (every row, in file order). */
  batch: number;
  /** Iterates θ₀ … θ_steps, 67 numbers each: θₖ at [67k, 67k + 67). */
  params: Float64Array;
  /** Full-data mean cross-entropy at θₖ (steps + 1 values). */
  loss: Float64Array;
  /** Full-data accuracy at θₖ (steps + 1 values). */
  accuracy: Float64Array;
  /** The learning rate step k + 1 used (steps values; 0 once diverged). */
  lr: Float64Array;
  /** With `batches` asked and batch < n: the rows of step k + 1's minibatch (else null). */
  batches: number[][] | null;
  /**
   * The step whose update made θ, the optimizer's state or the full-data loss non-finite, or null.
   * The runner then stands still: later iterates, losses and accuracies repeat those of the step
   * before, and their rates are 0.
   */
  divergedAt: number | null;
  // Live state (scratch for the steps still to come).
  theta: Float64Array;
  grad: Float64Array;
  /** True when `grad` holds the full-data gradient at the current θ (full-batch runners). */
  gradFresh: boolean;
  buffers: OptimizerBuffers;
  schedule: ScheduleState;
  stepSpec: OptimizerSpec;
  sampler: BatchSampler | null;
}

/** A training of several runners on the classifier from one θ₀, in lockstep. */
export interface NetTraining {
  data: NetData;
  /** θ₀, shared by every runner. */
  init: Float64Array;
  /** Steps planned. */
  steps: number;
  /** Steps taken so far (0 … steps). */
  done: number;
  /** Seeds every runner's minibatch sampler (same batch size: the same batches). */
  seed: number;
  runners: NetRun[];
}

/** Options of {@link createNetTraining}. */
export interface NetTrainingOptions {
  /** Seed of the minibatch samplers (default 1). */
  seed?: number;
  /** Batch size of runners that do not set their own (default n: full batch). */
  batch?: number;
  /** Record each step's minibatch rows (default false). */
  batches?: boolean;
}

const scratchPass: NetPass = createNetPass();

/** Records the full-data loss and accuracy at the current θ as iterate k; returns the loss. */
function evaluateAt(run: NetRun, data: NetData, k: number): number {
  const full = run.batch >= data.n;
  netPass(run.theta, data, null, data.n, full ? run.grad : null, scratchPass);
  run.gradFresh = full;
  run.loss[k] = scratchPass.loss;
  run.accuracy[k] = scratchPass.accuracy;
  return scratchPass.loss;
}

function createRun(
  spec: RunnerSpec,
  data: NetData,
  init: Float64Array,
  steps: number,
  options: NetTrainingOptions,
): NetRun {
  const batch = Math.min(data.n, Math.max(1, Math.round(spec.batch ?? options.batch ?? data.n)));
  const params = new Float64Array((steps + 1) * NET_SIZE);
  params.set(init.subarray(0, NET_SIZE));
  const run: NetRun = {
    spec,
    batch,
    params,
    loss: new Float64Array(steps + 1),
    accuracy: new Float64Array(steps + 1),
    lr: new Float64Array(steps),
    batches: options.batches && batch < data.n ? [] : null,
    divergedAt: null,
    theta: Float64Array.from(init.subarray(0, NET_SIZE)),
    grad: new Float64Array(NET_SIZE),
    gradFresh: false,
    buffers: createBuffers(NET_SIZE),
    schedule: createSchedule(spec.schedule ?? CONSTANT_SCHEDULE, spec.optimizer.lr),
    stepSpec: { ...spec.optimizer },
    sampler: batch < data.n ? createSampler(data.n, batch, options.seed ?? 1) : null,
  };
  evaluateAt(run, data, 0);
  return run;
}

/**
 * Starts a training: every runner at θ₀ = `init` (67 numbers, e.g. {@link initialWeights}), its
 * full-data loss and accuracy at step 0 recorded; `steps` steps planned (take them with
 * {@link advanceNetTraining}). A runner's batch is its own, else `options.batch`, else n,
 * rounded into 1 … n.
 */
export function createNetTraining(
  data: NetData,
  init: Float64Array,
  specs: readonly RunnerSpec[],
  steps: number,
  options: NetTrainingOptions = {},
): NetTraining {
  const n = Math.max(0, Math.floor(steps));
  return {
    data,
    init: Float64Array.from(init.subarray(0, NET_SIZE)),
    steps: n,
    done: 0,
    seed: options.seed ?? 1,
    runners: specs.map((s) => createRun(s, data, init, n, options)),
  };
}

const saved = new Float64Array(NET_SIZE * 4);

function finiteArray(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/**
 * Step k → k + 1 of one runner, exactly as a PyTorch training loop
 * (`zero_grad(); CrossEntropyLoss()(model(x[rows]), y[rows]).backward(); opt.step();
 * sched.step()`): the mean gradient g of the step's rows at θₖ (a minibatch from the runner's
 * sampler, or every row), the optimizer's update θₖ₊₁ = update(θₖ, g) at the scheduled rate
 * (`optimizerStep`, the same kernels as the race), one scheduler step, then the full-data loss and
 * accuracy at θₖ₊₁.
 */
function stepRun(run: NetRun, data: NetData, k: number): void {
  const { theta, grad, buffers, params } = run;
  const next = (k + 1) * NET_SIZE;
  if (run.divergedAt !== null) {
    params.copyWithin(next, k * NET_SIZE, next);
    run.loss[k + 1] = run.loss[k]!;
    run.accuracy[k + 1] = run.accuracy[k]!;
    return;
  }
  if (!run.gradFresh) {
    const rows = nextBatch(run.sampler!);
    netPass(theta, data, rows, rows.length, grad, scratchPass);
    run.batches?.push(Array.from(rows));
  }
  saved.set(buffers.m, 0);
  saved.set(buffers.s, NET_SIZE);
  saved.set(buffers.a, 2 * NET_SIZE);
  saved.set(theta, 3 * NET_SIZE);
  run.stepSpec.lr = run.schedule.lr;
  run.lr[k] = run.stepSpec.lr;
  optimizerStep(run.stepSpec, theta, grad, buffers, NET_SIZE);
  advanceSchedule(run.schedule);
  const finite =
    finiteArray(theta) &&
    finiteArray(buffers.m) &&
    finiteArray(buffers.s) &&
    finiteArray(buffers.a) &&
    Number.isFinite(evaluateAt(run, data, k + 1));
  if (!finite) {
    theta.set(saved.subarray(3 * NET_SIZE));
    buffers.m.set(saved.subarray(0, NET_SIZE));
    buffers.s.set(saved.subarray(NET_SIZE, 2 * NET_SIZE));
    buffers.a.set(saved.subarray(2 * NET_SIZE, 3 * NET_SIZE));
    buffers.t -= 1;
    run.divergedAt = k + 1;
    run.lr[k] = 0;
    stepRun(run, data, k);
    return;
  }
  params.set(theta, next);
}

/**
 * Takes up to `count` more steps of every runner (fewer at the planned end), for a worker that
 * reports progress between chunks. Returns the steps taken so far.
 */
export function advanceNetTraining(training: NetTraining, count: number): number {
  const end = Math.min(training.steps, training.done + Math.max(0, Math.floor(count)));
  for (let k = training.done; k < end; k++) {
    for (const run of training.runners) stepRun(run, training.data, k);
  }
  training.done = end;
  return end;
}

/** Creates a training and takes all its steps (see {@link createNetTraining}). */
export function trainNetwork(
  data: NetData,
  init: Float64Array,
  specs: readonly RunnerSpec[],
  steps: number,
  options: NetTrainingOptions = {},
): NetTraining {
  const training = createNetTraining(data, init, specs, steps, options);
  advanceNetTraining(training, training.steps);
  return training;
}

/** θₖ of a runner: a view into its `params` (no copy). */
export function netIterate(run: NetRun, k: number): Float64Array {
  return run.params.subarray(k * NET_SIZE, (k + 1) * NET_SIZE);
}
