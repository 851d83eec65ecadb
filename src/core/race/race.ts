import type { Landscape } from '../landscapes';
import { batchLoss } from '../data/models';
import { createSampler, nextBatch, resizeSampler } from '../data/sampler';
import {
  advanceSchedule,
  CONSTANT_SCHEDULE,
  createBuffers,
  createSchedule,
  optimizerStep,
  stepReport,
  type StepReport,
} from '../optimizers';
import { createRandom, nextNormal } from '../random';
import { createHistory, pushHistory } from './history';
import { defaultSettleRule, nearestMinimum, settledPoint } from './settle';
import { startReplayRunner, stepReplay } from './replay';
import type { Race, Runner, RunnerSpec, Shake } from './types';

/** No shake: exact gradients. */
export const NO_SHAKE: Shake = { sigma: 0, seed: 1 };

function isFiniteAt(
  landscape: Landscape,
  x: number,
  y: number,
  gradient: Float64Array,
): number | null {
  const loss = landscape.valueAndGradient(x, y, gradient, 0);
  return Number.isFinite(loss) && Number.isFinite(gradient[0]!) && Number.isFinite(gradient[1]!)
    ? loss
    : null;
}

/** The batch size a runner trains with: its own, else the race's, within 1 … n. */
export function runnerBatch(spec: RunnerSpec, landscape: Landscape, raceBatch: number | null) {
  const n = landscape.data?.n;
  if (n === undefined) return null;
  const b = spec.batch ?? raceBatch ?? n;
  return Math.min(n, Math.max(1, Math.round(b)));
}

function createRunner(
  spec: RunnerSpec,
  landscape: Landscape,
  start: [number, number],
  seed: number,
  raceBatch: number | null,
): Runner {
  const point = Float64Array.from(start);
  const batch = runnerBatch(spec, landscape, raceBatch);
  const gradient = new Float64Array(2);
  const loss = isFiniteAt(landscape, start[0], start[1], gradient);
  const runner: Runner = {
    spec,
    point,
    loss: loss ?? 0,
    gradient,
    buffers: createBuffers(2),
    status: 'running',
    statusStep: null,
    divergedBecause: null,
    settledAt: null,
    history: createHistory(),
    lastGradient: new Float64Array(2),
    previousPoint: Float64Array.from(start),
    schedule: createSchedule(spec.schedule ?? CONSTANT_SCHEDULE, spec.optimizer.lr),
    lastLr: spec.optimizer.lr,
    stepSpec: { ...spec.optimizer },
    sampler: batch === null ? null : createSampler(landscape.data!.n, batch, seed),
    batchHistory: batch === null ? null : createHistory(),
  };
  if (loss !== null) pushHistory(runner.history, start[0], start[1], loss);
  if (loss === null || !Number.isFinite(start[0]) || !Number.isFinite(start[1])) {
    runner.status = 'diverged';
    runner.statusStep = 0;
    runner.divergedBecause = 'not-finite';
    gradient.fill(0);
  }
  return runner;
}

/**
 * Starts a race: every runner at `start`, step 0. A start where f or ∇f is not finite leaves each
 * runner `diverged` at step 0 with no loss recorded. Runners leaving the domain widened by its own
 * size on every side count as diverged. On a dataset's landscape each runner draws minibatches of
 * its batch size (`options.batch` for those without one; default the full data), seeded by the
 * shake's seed.
 */
export function createRace(
  landscape: Landscape,
  start: [number, number],
  runners: readonly RunnerSpec[],
  shake: Shake = NO_SHAKE,
  options: { batch?: number } = {},
): Race {
  const n = landscape.data?.n;
  const batch = n === undefined ? null : Math.min(n, Math.max(1, Math.round(options.batch ?? n)));
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const w = xMax - xMin;
  const h = yMax - yMin;
  const replay = landscape.net?.tracks ?? null;
  const made = runners.map((spec) => createRunner(spec, landscape, start, shake.seed, batch));
  // A network's landscape carries its runners' computed tracks: the race plays them back.
  if (replay) made.forEach((r, i) => startReplayRunner(r, replay[i]));
  return {
    landscape,
    start: [start[0], start[1]],
    shake: { ...shake },
    runners: made,
    replay,
    step: 0,
    batch,
    batchChanges: [],
    random: createRandom(shake.seed),
    // A played-back race does not settle: its statuses come from its tracks (and the typical
    // slope of a network's plane would cost hundreds of full-data passes).
    settle: replay
      ? { window: 0, radius: 0, gradientNorm: 0, minimumDistance: 0 }
      : defaultSettleRule(landscape),
    bounds: { xMin: xMin - w, xMax: xMax + w, yMin: yMin - h, yMax: yMax + h },
  };
}

const savedM = new Float64Array(2);
const savedS = new Float64Array(2);
const savedA = new Float64Array(2);
const batchGradient = new Float64Array(2);

function advanceRunner(race: Race, runner: Runner, noiseX: number, noiseY: number): void {
  const { point, gradient, buffers, lastGradient, previousPoint, sampler, stepSpec } = runner;
  const step = race.step;
  previousPoint.set(point);
  savedM.set(buffers.m);
  savedS.set(buffers.s);
  savedA.set(buffers.a);
  const data = race.landscape.data;
  let taken: number | null = null;
  if (sampler && data) {
    // One step = one batch: the exact mean gradient of the batch's rows at the current point.
    const rows = nextBatch(sampler);
    taken = batchLoss(
      data.model,
      data.x,
      data.y,
      rows,
      rows.length,
      point[0]!,
      point[1]!,
      batchGradient,
    );
    lastGradient[0] = batchGradient[0]! + noiseX;
    lastGradient[1] = batchGradient[1]! + noiseY;
  } else {
    lastGradient[0] = gradient[0]! + noiseX;
    lastGradient[1] = gradient[1]! + noiseY;
  }
  stepSpec.lr = runner.schedule.lr;
  optimizerStep(stepSpec, point, lastGradient, buffers, 2);

  const x = point[0]!;
  const y = point[1]!;
  const b = race.bounds;
  const inside = x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax; // false for NaN
  const loss = inside ? isFiniteAt(race.landscape, x, y, gradient) : null;
  const finiteState =
    buffers.m.every(Number.isFinite) &&
    buffers.s.every(Number.isFinite) &&
    buffers.a.every(Number.isFinite);
  if (loss === null || !finiteState) {
    // Freeze at the last good point, with the state it had there.
    point.set(previousPoint);
    buffers.m.set(savedM);
    buffers.s.set(savedS);
    buffers.a.set(savedA);
    buffers.t -= 1;
    race.landscape.valueAndGradient(point[0]!, point[1]!, gradient, 0);
    runner.status = 'diverged';
    runner.statusStep = step;
    runner.divergedBecause =
      Number.isFinite(x) && Number.isFinite(y) && !inside ? 'left-landscape' : 'not-finite';
    runner.settledAt = null;
    return;
  }
  runner.loss = loss;
  pushHistory(runner.history, x, y, loss);
  if (runner.batchHistory && taken !== null) {
    pushHistory(runner.batchHistory, previousPoint[0]!, previousPoint[1]!, taken);
  }
  runner.lastLr = stepSpec.lr;
  advanceSchedule(runner.schedule);
  updateSettled(race, runner);
}

/** True when the race's gradients are noisy: a shake, or a runner training on minibatches. */
function noisy(race: Race, runner: Runner): boolean {
  return (
    race.shake.sigma > 0 || (runner.sampler !== null && runner.sampler.batch < runner.sampler.n)
  );
}

function updateSettled(race: Race, runner: Runner): void {
  const rule = race.settle;
  const c = settledPoint(runner, race.landscape, rule, noisy(race, runner));
  if (c === null) {
    if (runner.status !== 'running') {
      runner.status = 'running';
      runner.statusStep = null;
      runner.settledAt = null;
    }
    return;
  }
  if (runner.status !== 'running') return;
  const m = nearestMinimum(race.landscape, c[0], c[1], rule.minimumDistance);
  runner.status = m?.global ? 'converged' : 'stuck';
  runner.statusStep = race.step;
  runner.settledAt = m ? { x: m.x, y: m.y, value: m.value, global: m.global } : null;
}

/**
 * Advances every runner one step in lockstep: draws the shake (two normals, shared by all
 * runners), adds it to each runner's exact gradient, takes the optimizer step, evaluates f and ∇f
 * at the new point, then updates each runner's status. Diverged runners stay where they froze.
 * A played-back race (on a network's landscape) moves each runner along its track instead.
 */
export function stepRace(race: Race): void {
  if (race.replay) return stepReplay(race);
  const sigma = race.shake.sigma;
  const noiseX = sigma > 0 ? sigma * nextNormal(race.random) : 0;
  const noiseY = sigma > 0 ? sigma * nextNormal(race.random) : 0;
  race.step += 1;
  for (const runner of race.runners) {
    if (runner.status !== 'diverged') advanceRunner(race, runner, noiseX, noiseY);
  }
}

/** Runs `steps` steps (see {@link stepRace}). */
export function runRace(race: Race, steps: number): Race {
  for (let k = 0; k < steps; k++) stepRace(race);
  return race;
}

/**
 * One runner's whole trajectory: flat [x₀, y₀, x₁, y₁, …], f at every point, the learning rate
 * each step used, and on request the rows of each step's minibatch.
 */
export interface Trajectory {
  points: number[];
  losses: number[];
  lr: number[];
  batches?: number[][];
}

/**
 * Runs `steps` steps and records every point of every runner (the race itself keeps only a
 * bounded history): for `trace` and tests. A diverged runner's trajectory ends at its last finite
 * point. With `batches`, each step's minibatch rows are recorded too.
 */
export function recordRace(
  race: Race,
  steps: number,
  options: { batches?: boolean } = {},
): Trajectory[] {
  const out: Trajectory[] = race.runners.map((r) => ({
    points: [],
    losses: [],
    lr: [],
    ...(options.batches && r.sampler ? { batches: [] } : {}),
  }));
  // A runner's history grows by one point per step until it diverges; record each new point once.
  const seen = race.runners.map((r) => Math.max(0, r.history.count - 1));
  const take = (first: boolean) =>
    race.runners.forEach((r, i) => {
      if (r.history.count > seen[i]!) {
        seen[i] = r.history.count;
        const t = out[i]!;
        t.points.push(r.point[0]!, r.point[1]!);
        t.losses.push(r.loss);
        if (!first) {
          t.lr.push(r.lastLr);
          t.batches?.push(Array.from(r.sampler!.rows));
        }
      }
    });
  take(true);
  for (let k = 0; k < steps; k++) {
    stepRace(race);
    take(false);
  }
  return out;
}

/**
 * Gives a race the same landscape with newly found minima (a typed function's, searched in the
 * background): the race goes on, and runners that have already settled are labelled anew —
 * `converged` at a global minimum, `stuck` elsewhere.
 */
export function refreshMinima(race: Race, landscape: Landscape): void {
  race.landscape = landscape;
  for (const runner of race.runners) {
    if (runner.status !== 'converged' && runner.status !== 'stuck') continue;
    const at = runner.settledAt ?? { x: runner.point[0]!, y: runner.point[1]! };
    const m = nearestMinimum(landscape, at.x, at.y, race.settle.minimumDistance);
    runner.status = m?.global ? 'converged' : 'stuck';
    runner.settledAt = m ? { x: m.x, y: m.y, value: m.value, global: m.global } : null;
  }
}

/**
 * Changes a runner's batch size while the race goes on (on a dataset's landscape): its next
 * batches have the new size, from its place in the epoch's permutation (see `resizeSampler`), from
 * where it is, with its optimizer state; the other runners are untouched. The change is logged in
 * `race.batchChanges`. A settled runner is running again, as its noise has changed. Returns false
 * off data.
 */
export function changeRunnerBatch(race: Race, index: number, spec: RunnerSpec): boolean {
  const runner = race.runners[index];
  const batch = runnerBatch(spec, race.landscape, race.batch);
  if (!runner?.sampler || batch === null) return false;
  race.batchChanges.push({ step: race.step, index, from: runner.spec.batch, to: spec.batch });
  runner.spec = spec;
  if (batch !== runner.sampler.batch) runner.sampler = resizeSampler(runner.sampler, batch);
  if (runner.status === 'converged' || runner.status === 'stuck') {
    runner.status = 'running';
    runner.statusStep = null;
    runner.settledAt = null;
  }
  return true;
}

/** True when no runner is still running. */
export function raceFinished(race: Race): boolean {
  return race.runners.every((r) => r.status !== 'running');
}

/** The last step's {@link StepReport} of a runner (null before its first step). */
export function runnerReport(runner: Runner): StepReport | null {
  if (runner.buffers.t === 0) return null;
  return stepReport(
    runner.spec.optimizer,
    runner.buffers,
    runner.lastGradient,
    runner.previousPoint,
    runner.point,
  );
}
