/**
 * Every lecture scene keeps the promise its caption makes, checked through `trace --scene <id>`
 * exactly as a lecturer could run it.
 */
import { describe, expect, it } from 'vitest';
import { traceJson } from './run-trace';
import {
  dataLandscape,
  domainSpan,
  getScene,
  SCENES,
  suggestedLearningRate,
  type Domain,
} from '../../src/core';

interface Runner {
  label: string;
  kind: string;
  batch?: number;
  points: [number, number][];
  loss: number[];
  lr: number[];
  status: string;
  statusStep: number | null;
  settledAt?: { global: boolean };
  basins?: { k: number; grid: number[]; shares: { global: number } };
}

interface Trace {
  landscape: {
    domain: Domain;
    minima: { x: number; y: number; global: boolean }[];
    data?: { n: number; standardized: boolean; x: number[] };
  };
  runners: Runner[];
}

/** `trace --scene network` prints the trained network (as `trace --net`), not a race. */
interface NetRunner {
  kind: string;
  batch: number;
  loss: number[];
  accuracy: number[];
  points: [number, number][];
  divergedAt: number | null;
}

interface NetTrace {
  net: { plane: { explained: [number, number] } };
  data: { n: number };
  seed: number;
  runners: NetRunner[];
}

const trace = <T = Trace>(...argv: string[]) => traceJson<T>(...argv);

const traceScene = (id: string, ...extra: string[]): Runner[] =>
  trace('--scene', id, ...extra).runners;

/** The length of step k of a path (a network runner's: on the plane of training). */
const stepLength = (r: { points: [number, number][] }, k: number) =>
  Math.hypot(r.points[k]![0] - r.points[k - 1]![0], r.points[k]![1] - r.points[k - 1]![1]);

const pathLength = (r: Runner) =>
  r.points.slice(1).reduce((sum, _, k) => sum + stepLength(r, k + 1), 0);

type Point = readonly [number, number];
const distance = (p: Point, q: Point) => Math.hypot(p[0] - q[0], p[1] - q[1]);

/** Root-mean-square distance of the points to q. */
const rmsDistance = (points: readonly Point[], q: Point) =>
  Math.sqrt(points.reduce((sum, p) => sum + distance(p, q) ** 2, 0) / points.length);

/** Root-mean-square distance of the points to their own centroid. */
const spread = (points: readonly Point[]) => {
  const c: Point = [
    points.reduce((sum, p) => sum + p[0], 0) / points.length,
    points.reduce((sum, p) => sum + p[1], 0) / points.length,
  ];
  return rmsDistance(points, c);
};

/** The mean angle (radians) between consecutive steps over the first `steps` steps. */
const meanTurn = (r: Runner, steps: number) => {
  let sum = 0;
  let count = 0;
  for (let k = 2; k <= steps; k++) {
    const [a, b, c] = [r.points[k - 2]!, r.points[k - 1]!, r.points[k]!];
    const u = [b[0] - a[0], b[1] - a[1]] as const;
    const v = [c[0] - b[0], c[1] - b[1]] as const;
    const norms = Math.hypot(...u) * Math.hypot(...v);
    if (norms === 0) continue;
    sum += Math.acos(Math.min(1, Math.max(-1, (u[0] * v[0] + u[1] * v[1]) / norms)));
    count++;
  }
  return sum / count;
};

/** The global minimum of a traced landscape. */
const minimumOf = (t: Trace): Point => {
  const m = t.landscape.minima.find((x) => x.global)!;
  return [m.x, m.y];
};

/** Distance to q with each axis measured in widths of the domain along it. */
const domainDistance = (p: Point, q: Point, d: Domain) =>
  Math.hypot((p[0] - q[0]) / (d.xMax - d.xMin), (p[1] - q[1]) / (d.yMax - d.yMin));

describe('the lecture scenes keep their promises', () => {
  it('every scene has captions in both languages and runs through trace', () => {
    expect(SCENES.map((s) => s.id)).toEqual([
      'bowl',
      'bag-strong-shake',
      'bag-gentle-shake',
      'race',
      'momentum-lr',
      'adam-bias',
      'one-vs-batch',
      'raw-features',
      'lr-decay',
      'basins',
      'network',
    ]);
    for (const s of SCENES) {
      expect(s.caption.en.length).toBeGreaterThan(40);
      expect(s.caption.ru.length).toBeGreaterThan(40);
      expect(s.caption.ru).toMatch(/[а-я]/);
    }
  });

  it('bowl: every runner reaches the bottom', () => {
    const runners = traceScene('bowl');
    expect(runners).toHaveLength(3);
    for (const r of runners) expect(r.status).toBe('converged');
  });

  it('bag shaken hard: the grain keeps jumping over the bottom and never settles', () => {
    const [grain] = traceScene('bag-strong-shake');
    expect(grain!.status).toBe('running');
    const late = grain!.points.slice(200);
    const nearBottom = late.filter(([x, y]) => Math.hypot(x, y) < 0.5).length;
    let crossings = 0;
    for (let k = 1; k < late.length; k++)
      if (Math.sign(late[k]![0]) !== Math.sign(late[k - 1]![0])) crossings++;
    expect(nearBottom).toBeGreaterThan(100);
    expect(crossings).toBeGreaterThan(100);
  });

  it('bag shaken gently: the small step is stuck in a fold, momentum gets out to the bottom', () => {
    const [small, momentum] = traceScene('bag-gentle-shake');
    expect(small!.status).toBe('stuck');
    expect(small!.settledAt?.global).toBe(false);
    expect(small!.statusStep!).toBeLessThan(200); // "within seconds" at 60 steps a second
    expect(momentum!.status).toBe('converged');
  });

  it('race: momentum swings from wall to wall, RMSProp walks straight, Adam arrives first and overshoots', () => {
    const [momentum, rmsprop, adam] = traceScene('race');
    for (const r of [momentum!, rmsprop!, adam!]) expect(r.status).toBe('converged');
    const start = momentum!.points[0]!;
    const displacement = Math.hypot(start[0], start[1]);
    expect(pathLength(momentum!) / displacement).toBeGreaterThan(1.5);
    expect(pathLength(rmsprop!) / displacement).toBeLessThan(1.1);
    const arrival = (r: Runner) => r.points.findIndex(([x, y]) => Math.hypot(x, y) < 0.1);
    expect(arrival(adam!)).toBeLessThan(arrival(momentum!));
    expect(arrival(adam!)).toBeLessThan(arrival(rmsprop!));
    expect(Math.max(...adam!.points.map(([x]) => x))).toBeGreaterThan(0.2); // past the bottom at x = 0
  });

  it('momentum-lr: the large learning rate reaches the bottom, the small one stops in a fold', () => {
    const [large, small] = traceScene('momentum-lr');
    expect(large!.status).toBe('converged');
    expect(small!.status).toBe('stuck');
  });

  it('adam-bias: momentum-EMA starts 10× too small; uncorrected Adam starts ~3.16× larger and the gap peaks near step 10', () => {
    const [ema, emaCorrected, adam, adamRaw] = traceScene('adam-bias');
    expect(stepLength(ema!, 1) / stepLength(emaCorrected!, 1)).toBeCloseTo(0.1, 10);
    expect(stepLength(adamRaw!, 1) / stepLength(adam!, 1)).toBeCloseTo(0.1 / Math.sqrt(0.001), 6);
    const ratios = Array.from(
      { length: 40 },
      (_, i) => stepLength(adamRaw!, i + 1) / stepLength(adam!, i + 1),
    );
    const peak = ratios.indexOf(Math.max(...ratios)) + 1;
    expect(peak).toBeGreaterThanOrEqual(7);
    expect(peak).toBeLessThanOrEqual(13);
    expect(Math.max(...ratios)).toBeGreaterThan(5);
  });

  it('one-vs-batch: one example is the noisiest path, the full batch the smoothest, all reach the minimum', () => {
    const t = trace('--scene', 'one-vs-batch');
    expect(t.landscape.data?.standardized).toBe(true);
    const [one, small, full] = t.runners as [Runner, Runner, Runner];
    expect([one.batch, small.batch, full.batch]).toEqual([1, 16, t.landscape.data!.n]);
    const minimum = minimumOf(t);
    const start = one.points[0]!;
    const d0 = distance(start, minimum);
    // Path length relative to the straight line from the start to the minimum.
    const wander = [one, small, full].map((r) => pathLength(r) / d0);
    expect(wander[0]!).toBeGreaterThan(2 * wander[1]!);
    expect(wander[1]!).toBeGreaterThan(2);
    expect(wander[2]!).toBeLessThan(1.01); // straight down
    // The first second at 60 steps a second: the mean turn between steps.
    const turn = [one, small, full].map((r) => meanTurn(r, 60));
    expect(turn[0]!).toBeGreaterThan(1.2 * turn[1]!);
    expect(turn[1]!).toBeGreaterThan(0.5);
    expect(turn[2]!).toBeLessThan(1e-3);
    // The trembling at the end: spread of the last 50 positions.
    const tremble = [one, small, full].map((r) => spread(r.points.slice(-50)));
    expect(tremble[0]!).toBeGreaterThan(3 * tremble[1]!);
    expect(tremble[1]!).toBeGreaterThan(100 * tremble[2]!);
    expect(full.status).toBe('converged');
    // All of them head for the minimum: ten times closer at the end.
    for (const r of [one, small, full])
      expect(rmsDistance(r.points.slice(-50), minimum)).toBeLessThan(d0 / 10);
  });

  it('raw-features: in raw units SGD, momentum and Adam stay far from the minimum; standardized, the same optimizers reach it in under 100 steps', () => {
    const raw = trace('--scene', 'raw-features');
    const scene = getScene('raw-features')!;
    expect(raw.landscape.data?.standardized).toBe(false);
    const rawMinimum = minimumOf(raw);
    const rawDomain = raw.landscape.domain;
    const initial = domainDistance(scene.start, rawMinimum, rawDomain);
    expect(initial).toBeGreaterThan(0.4);
    for (const r of raw.runners) {
      expect(r.points).toHaveLength(scene.steps + 1);
      // Still more than half the way from the minimum, in widths of the domain.
      expect(domainDistance(r.points.at(-1)!, rawMinimum, rawDomain)).toBeGreaterThan(initial / 2);
      expect(r.status).not.toBe('converged');
    }
    // The ravine: the Hessian of the MSE, 2·[mean x², mean x; mean x, 1], has condition ~10⁷.
    const x = raw.landscape.data!.x;
    const sx = x.reduce((s, v) => s + v, 0) / x.length;
    const sxx = x.reduce((s, v) => s + v * v, 0) / x.length;
    const trace2 = 2 * (sxx + 1);
    const det = 4 * (sxx - sx * sx);
    const largest = (trace2 + Math.sqrt(trace2 * trace2 - 4 * det)) / 2;
    const condition = (largest * largest) / det;
    expect(condition).toBeGreaterThan(5e6);
    expect(condition).toBeLessThan(2e7);
    // A larger rate does not help SGD: just below 2/λmax it stalls as far, just above it leaves.
    const limit = 2 / largest;
    const [below, above] = trace(
      '--scene',
      'raw-features',
      '--runner',
      `sgd lr=${0.95 * limit}`,
      '--runner',
      `sgd lr=${1.05 * limit}`,
    ).runners as [Runner, Runner];
    expect(domainDistance(below.points.at(-1)!, rawMinimum, rawDomain)).toBeGreaterThan(
      initial / 2,
    );
    expect(above.status).toBe('diverged');

    // Flipping "raw units" off, as the app does: the standardized landscape, its start, and each
    // runner the rate the app suggests for it there.
    const standardized = dataLandscape('penguins-mass');
    const std = trace(
      '--data',
      'penguins-mass',
      '--steps',
      String(scene.steps),
      ...scene.runners.flatMap((r) => [
        '--runner',
        `${r.optimizer.kind} lr=${suggestedLearningRate(standardized, r.optimizer.kind)}`,
      ]),
    );
    const stdMinimum = minimumOf(std);
    const close = 0.01 * domainSpan(std.landscape.domain);
    expect(std.runners.map((r) => r.kind)).toEqual(['sgd', 'momentum', 'adam']);
    for (const r of std.runners) {
      const arrival = r.points.findIndex((p) => distance(p, stdMinimum) <= close);
      expect(arrival).toBeGreaterThan(0);
      expect(arrival).toBeLessThan(100);
      expect(r.status).toBe('converged');
      expect(domainDistance(r.points.at(-1)!, stdMinimum, std.landscape.domain)).toBeLessThan(1e-6);
    }
  });

  it('lr-decay: a constant large rate keeps jumping around the minimum, StepLR settles at it', () => {
    const t = trace('--scene', 'lr-decay');
    const [constant, decayed] = t.runners as [Runner, Runner];
    expect([constant.batch, decayed.batch]).toEqual([8, 8]);
    expect(constant.lr.every((lr) => lr === 0.5)).toBe(true);
    expect(decayed.lr.at(-1)!).toBeCloseTo(0.5 * 0.3 ** 4, 12);
    // The same batches and the same rate for the first 100 steps: the same path.
    expect(decayed.points.slice(0, 101)).toEqual(constant.points.slice(0, 101));
    expect(decayed.points[101]).not.toEqual(constant.points[101]);
    const minimum = minimumOf(t);
    const d0 = distance(constant.points[0]!, minimum);
    const late = (r: Runner) => rmsDistance(r.points.slice(-100), minimum);
    // Both have come close (the constant one within a tenth of the start's distance) …
    expect(late(constant)).toBeLessThan(d0 / 10);
    // … but the decayed one is several times closer and calmer.
    expect(late(constant)).toBeGreaterThan(3 * late(decayed));
    expect(spread(constant.points.slice(-100))).toBeGreaterThan(
      3 * spread(decayed.points.slice(-100)),
    );
    expect(constant.status).toBe('running');
    expect(decayed.status).toBe('converged');
  });

  it('basins: momentum reaches the true bottom of the bag from at least twice as many starts as plain SGD', () => {
    const [sgd, momentum] = traceScene('basins');
    for (const r of [sgd!, momentum!]) {
      expect(r.basins!.k).toBe(64);
      expect(r.basins!.grid).toHaveLength(64 * 64);
    }
    const plain = sgd!.basins!.shares.global;
    expect(plain).toBeGreaterThan(0);
    expect(momentum!.basins!.shares.global).toBeGreaterThanOrEqual(2 * plain);
  });

  it('network: RMSProp and Adam take the same first step, Adam keeps its pace and reaches 95 % first, momentum starts from rest and arrives last; all above 99 % by step 500', () => {
    const t = trace<NetTrace>('--scene', 'network');
    const scene = getScene('network')!;
    expect(t.seed).toBe(scene.shake.seed);
    const [momentum, rmsprop, adam] = t.runners as [NetRunner, NetRunner, NetRunner];
    expect(t.runners.map((r) => r.kind)).toEqual(['momentum', 'rmsprop', 'adam']);
    for (const r of t.runners) {
      expect(r.batch).toBe(t.data.n); // full batch: the curves are the optimizers', not noise
      expect(r.divergedAt).toBeNull();
      expect(r.accuracy).toHaveLength(scene.steps + 1);
    }
    // "The plane that holds most of their motion".
    expect(t.net.plane.explained[0]! + t.net.plane.explained[1]!).toBeGreaterThan(0.9);

    // Step 1: RMSProp's unfilled average of g² makes its first step 10·lr per weight, Adam's is
    // lr per weight: at 0.003 and 0.03 the two land on the same weights (up to ε).
    expect(rmsprop.points[1]![0]).toBeCloseTo(adam.points[1]![0], 5);
    expect(rmsprop.points[1]![1]).toBeCloseTo(adam.points[1]![1], 5);
    expect(rmsprop.loss[1]!).toBeCloseTo(adam.loss[1]!, 5);
    expect(rmsprop.accuracy[1]).toBe(adam.accuracy[1]);
    // Momentum starts from rest: v₁ = (1 − β)·g, a tenth of a plain gradient step …
    const drop = (r: NetRunner) => r.loss[0]! - r.loss[1]!;
    expect(drop(momentum)).toBeLessThan(drop(adam) / 5);
    // … and gathers speed: its tenth step is over five times its first.
    expect(stepLength(momentum, 10)).toBeGreaterThan(5 * stepLength(momentum, 1));
    // Then RMSProp slows down while Adam keeps its pace.
    expect(stepLength(rmsprop, 30)).toBeLessThan(stepLength(adam, 30) / 2);

    // From the step each first reaches 95 % it stays there; Adam first, momentum last, each some
    // steps apart (measured: Adam 13, RMSProp 23, SGD-momentum 34).
    const reach = t.runners.map((r) => r.accuracy.findIndex((a) => a >= 0.95));
    for (const [i, r] of t.runners.entries())
      expect(Math.min(...r.accuracy.slice(reach[i]!))).toBeGreaterThanOrEqual(0.95);
    const [m, r, a] = reach as [number, number, number];
    expect(a).toBeGreaterThan(0);
    expect(a + 5).toBeLessThanOrEqual(r);
    expect(r + 5).toBeLessThanOrEqual(m);
    expect(m).toBeLessThanOrEqual(50);
    // By the end, all three classify over 99 % of the penguins; Adam's loss is the lowest.
    for (const x of t.runners) expect(x.accuracy.at(-1)!).toBeGreaterThan(0.99);
    expect(adam.loss.at(-1)!).toBeLessThan(
      Math.min(momentum.loss.at(-1)!, rmsprop.loss.at(-1)!) / 2,
    );
  });
});
