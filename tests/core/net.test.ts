/**
 * The penguin classifier of issue 12 against PyTorch (tests/golden/make_golden_net.py, float64):
 * the data torch trained on, the initial weights our seed draws, the backprop gradient against
 * autograd, 200 steps of training for every optimizer kind (full batch, minibatches replayed from
 * our sampler, schedules), and the plane of training against numpy's SVD.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createNetPass,
  fitNetPlane,
  fitTrainingPlane,
  initialWeights,
  isSpecError,
  loadPenguinClasses,
  makeOptimizerSpec,
  makeScheduleSpec,
  NET_SIZE,
  netPass,
  trainNetwork,
  type RunnerSpec,
} from '../../src/core';

type Settings = { kind: string } & Record<string, number | boolean>;

interface GoldenRun {
  name: string;
  seed: number;
  steps: number;
  batch: number | null;
  optimizer: Settings;
  schedule: { kind: string } & Record<string, number>;
  batches_sha256: string | null;
  loss: number[];
  correct: number[];
  first: number[];
  final: number[];
  amplification: number;
}

interface GoldenPlane {
  seed: number;
  steps: number;
  runners: { optimizer: Settings; schedule: GoldenRun['schedule']; batch: number | null }[];
  d1: number[];
  d2: number[];
  explained: [number, number];
}

const golden = JSON.parse(readFileSync(new URL('../golden/net.json', import.meta.url), 'utf8')) as {
  data: { n: number; x: number[][]; y: number[]; mean: number[]; std: number[] };
  init: { seed: number; theta: number[] }[];
  gradients: { theta: number[]; rows: number[] | null; loss: number[] | number; grad: number[] }[];
  runs: GoldenRun[];
  plane: GoldenPlane[];
};

const TOLERANCE = 1e-9;
/** Relative error with a floor of 1 (as golden.test.ts): weights and gradients pass near 0. */
const relativeError = (a: number, b: number) => Math.abs(a - b) / (1 + Math.abs(b));

function runnerSpec(r: Pick<GoldenRun, 'optimizer' | 'schedule' | 'batch'>): RunnerSpec {
  const { kind, ...hyper } = r.optimizer;
  const optimizer = makeOptimizerSpec(kind, hyper);
  if (isSpecError(optimizer)) throw new Error(optimizer.message);
  const { kind: scheduleKind, ...settings } = r.schedule;
  const schedule = makeScheduleSpec(scheduleKind, settings);
  if ('ok' in schedule) throw new Error(schedule.message);
  return {
    label: kind,
    color: '#000',
    optimizer,
    schedule,
    ...(r.batch === null ? {} : { batch: r.batch }),
  };
}

const data = loadPenguinClasses();

describe('the penguins the network trains on', () => {
  it('are the 342 rows with all four measurements, standardized, classes in file order', () => {
    expect(data.n).toBe(golden.data.n);
    expect(data.n).toBe(342);
    expect(Array.from(data.x)).toEqual(golden.data.x.flat());
    expect(Array.from(data.y)).toEqual(golden.data.y);
    expect(data.columns.map((c) => c.mean)).toEqual(golden.data.mean);
    expect(data.columns.map((c) => c.std)).toEqual(golden.data.std);
    expect([0, 1, 2].map((c) => data.y.filter((y) => y === c).length)).toEqual([151, 68, 123]);
  });
});

describe('initial weights', () => {
  it('are the ones torch trained from, for every seed', () => {
    for (const { seed, theta } of golden.init) {
      expect(Array.from(initialWeights(seed)), `seed ${seed}`).toEqual(theta);
    }
  });

  it('lie within ±1/√fan_in like nn.Linear, spread over the range, and differ by seed', () => {
    const theta = initialWeights(11);
    expect(theta).toHaveLength(NET_SIZE);
    const first = Array.from(theta.subarray(0, 40));
    const second = Array.from(theta.subarray(40));
    expect(Math.max(...first.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(Math.max(...first.map(Math.abs))).toBeGreaterThan(0.4);
    expect(Math.max(...second.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(8));
    expect(Math.max(...second.map(Math.abs))).toBeGreaterThan(0.3);
    expect(Array.from(initialWeights(12))).not.toEqual(Array.from(theta));
    expect(Array.from(initialWeights(11))).toEqual(Array.from(theta));
  });
});

describe('backpropagation', () => {
  it('gives autograd’s loss and gradient at random points, on every row and on a minibatch', () => {
    expect(golden.gradients.some((g) => g.rows !== null)).toBe(true);
    const grad = new Float64Array(NET_SIZE);
    const pass = createNetPass();
    for (const g of golden.gradients) {
      const rows = g.rows === null ? null : Uint32Array.from(g.rows);
      netPass(Float64Array.from(g.theta), data, rows, rows?.length ?? data.n, grad, pass);
      expect(relativeError(pass.loss, g.loss as number)).toBeLessThanOrEqual(1e-13);
      let worst = 0;
      g.grad.forEach((v, i) => (worst = Math.max(worst, Math.abs(grad[i]! - v))));
      expect(worst).toBeLessThanOrEqual(1e-14);
    }
  });

  it('gives a different gradient when one weight is off (the test can fail)', () => {
    const g = golden.gradients[1]!;
    const theta = Float64Array.from(g.theta);
    theta[45] = theta[45]! + 1e-6; // one weight of W₂
    const grad = new Float64Array(NET_SIZE);
    netPass(theta, data, null, data.n, grad, createNetPass());
    const worst = Math.max(...g.grad.map((v, i) => Math.abs(grad[i]! - v)));
    expect(worst).toBeGreaterThan(1e-9);
  });
});

describe('training matches torch to 1e-9 over 200 steps', () => {
  it('covers every optimizer kind, the lecture forms, a schedule, and minibatches', () => {
    const kinds = new Set(golden.runs.map((r) => r.optimizer.kind));
    expect([...kinds].sort()).toEqual([
      'adagrad',
      'adam',
      'adamw',
      'momentum',
      'nesterov',
      'rmsprop',
      'sgd',
    ]);
    const has = (f: (r: GoldenRun) => boolean) => golden.runs.some(f);
    expect(has((r) => r.optimizer.kind === 'momentum' && r.optimizer.ema === true)).toBe(true);
    expect(has((r) => r.optimizer.kind === 'adam' && r.optimizer.bias_correction === false)).toBe(
      true,
    );
    expect(has((r) => r.optimizer.kind === 'rmsprop' && r.optimizer.centered === true)).toBe(true);
    expect(has((r) => r.schedule.kind !== 'constant')).toBe(true);
    expect(has((r) => r.batch === 1)).toBe(true);
    expect(has((r) => r.batch !== null && data.n % r.batch !== 0)).toBe(true);
    expect(Math.min(...golden.runs.map((r) => r.steps))).toBeGreaterThanOrEqual(200);
    // Not chaotic: a 1e-9 change of the start grows at most 1e5-fold.
    expect(Math.max(...golden.runs.map((r) => r.amplification))).toBeLessThan(1e5);
  });

  for (const r of golden.runs) {
    it(r.name, () => {
      const training = trainNetwork(data, initialWeights(r.seed), [runnerSpec(r)], r.steps, {
        seed: r.seed,
        batches: true,
      });
      const run = training.runners[0]!;
      if (r.batches_sha256 !== null) {
        const rows = JSON.stringify(run.batches);
        expect(createHash('sha256').update(rows).digest('hex'), 'the sampler’s rows').toBe(
          r.batches_sha256,
        );
      } else {
        expect(run.batches).toBeNull();
      }
      expect(run.divergedAt).toBeNull();
      expect(run.loss).toHaveLength(r.steps + 1);
      let lossError = 0;
      r.loss.forEach((v, k) => {
        lossError = Math.max(lossError, Math.abs(run.loss[k]! - v) / Math.abs(v));
        expect(Math.round(run.accuracy[k]! * data.n), `correct at step ${k}`).toBe(r.correct[k]);
      });
      expect(lossError).toBeLessThanOrEqual(TOLERANCE);
      const after = (k: number) => run.params.subarray(k * NET_SIZE, (k + 1) * NET_SIZE);
      const weightError = (ours: Float64Array, theirs: number[]) =>
        Math.max(...theirs.map((v, i) => relativeError(ours[i]!, v)));
      expect(weightError(after(1), r.first)).toBeLessThanOrEqual(1e-14);
      expect(weightError(after(r.steps), r.final)).toBeLessThanOrEqual(TOLERANCE);
      // Training did something: the loss fell well below its start.
      expect(r.loss[r.steps]!).toBeLessThan(0.2 * r.loss[0]!);
    });
  }
});

describe('the plane of training', () => {
  const g = golden.plane[0]!;
  const training = trainNetwork(data, initialWeights(g.seed), g.runners.map(runnerSpec), g.steps);
  const plane = fitTrainingPlane(training);
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < NET_SIZE; i++) s += a[i]! * b[i]!;
    return s;
  };

  it('has orthonormal directions', () => {
    expect(Math.abs(dot(plane.d1, plane.d1) - 1)).toBeLessThanOrEqual(1e-14);
    expect(Math.abs(dot(plane.d2, plane.d2) - 1)).toBeLessThanOrEqual(1e-14);
    expect(Math.abs(dot(plane.d1, plane.d2))).toBeLessThanOrEqual(1e-14);
  });

  it('explains shares in [0, 1] summing to at most 1, most of the motion on the first', () => {
    const [s1, s2] = plane.explained;
    expect(s1).toBeGreaterThanOrEqual(0);
    expect(s2).toBeGreaterThanOrEqual(0);
    expect(s1).toBeLessThanOrEqual(1);
    expect(s1 + s2).toBeLessThanOrEqual(1);
    expect(s1).toBeGreaterThanOrEqual(s2);
  });

  it('is numpy’s SVD of the runners’ iterates minus the initial weights', () => {
    expect(Math.abs(dot(plane.d1, g.d1))).toBeGreaterThan(1 - 1e-9);
    expect(Math.abs(dot(plane.d2, g.d2))).toBeGreaterThan(1 - 1e-9);
    expect(Math.abs(plane.explained[0] - g.explained[0])).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(plane.explained[1] - g.explained[1])).toBeLessThanOrEqual(1e-9);
  });

  it('points its directions along where the runners went', () => {
    let s1 = 0;
    let s2 = 0;
    for (const run of training.runners) {
      const last = run.params.subarray(g.steps * NET_SIZE);
      const moved = last.map((v, i) => v - training.init[i]!);
      s1 += dot(moved, plane.d1);
      s2 += dot(moved, plane.d2);
    }
    expect(s1).toBeGreaterThan(0);
    expect(s2).toBeGreaterThan(0);
  });

  it('of trajectories that lie in a plane holds all of their motion', () => {
    const origin = initialWeights(3);
    const u = new Float64Array(NET_SIZE).map((_, i) => Math.sin(i + 1));
    const v = new Float64Array(NET_SIZE).map((_, i) => Math.cos(3 * i));
    const path = new Float64Array(20 * NET_SIZE);
    for (let k = 0; k < 20; k++) {
      for (let i = 0; i < NET_SIZE; i++) {
        path[k * NET_SIZE + i] = origin[i]! + 0.1 * k * u[i]! + 0.01 * k * k * v[i]!;
      }
    }
    const p = fitNetPlane(origin, [path]);
    expect(p.explained[0] + p.explained[1]).toBeGreaterThan(1 - 1e-12);
    expect(p.explained[0] + p.explained[1]).toBeLessThanOrEqual(1);
    const still = fitNetPlane(origin, [origin]);
    expect(still.explained).toEqual([0, 0]);
    expect(Math.abs(dot(still.d1, still.d2))).toBe(0);
  });
});
