/**
 * What the network view will draw from the core: the loss surface on the plane of training (the
 * fast sampler agrees with the network's own loss and its gradient), the runners' projected
 * paths, training in chunks as a worker does, a runner that blows up, the confusion matrix.
 */
import { describe, expect, it } from 'vitest';
import {
  advanceNetTraining,
  confusionMatrix,
  createNetPass,
  createNetTraining,
  createPlaneSampler,
  createRandom,
  defaultSpec,
  distanceFromPlane,
  filterNormalizedDirection,
  fitTrainingPlane,
  initialWeights,
  loadPenguinClasses,
  NET_SIZE,
  netIterate,
  netPass,
  planeDomain,
  planeLoss,
  planePoint,
  projectOntoPlane,
  symmetricEigen,
  trainNetwork,
  type OptimizerSpec,
  type RunnerSpec,
} from '../../src/core';

const data = loadPenguinClasses();
const runner = (optimizer: OptimizerSpec, batch?: number): RunnerSpec => ({
  label: optimizer.kind,
  color: '#000',
  optimizer,
  ...(batch === undefined ? {} : { batch }),
});
const three = [
  runner({
    kind: 'momentum',
    lr: 0.1,
    momentum: 0.9,
    dampening: 0,
    ema: false,
    bias_correction: false,
  }),
  runner({ ...defaultSpec('rmsprop'), lr: 0.005 } as OptimizerSpec),
  runner({ ...defaultSpec('adam'), lr: 0.02 } as OptimizerSpec, 32),
];
const training = trainNetwork(data, initialWeights(5), three, 120, { seed: 9 });
const plane = fitTrainingPlane(training);

describe('the loss surface on the plane', () => {
  const domain = planeDomain(training.runners.map((r) => projectOntoPlane(plane, r.params)));
  const segments = 6;
  const side = segments + 1;
  const values = new Float64Array(side * side);
  const gradients = new Float64Array(2 * side * side);
  createPlaneSampler(plane, data)(domain, segments, 0, side, values, gradients);

  it('is the network’s full-data loss at θ₀ + a·d₁ + b·d₂ at every vertex', () => {
    const theta = new Float64Array(NET_SIZE);
    const grad = new Float64Array(NET_SIZE);
    const pass = createNetPass();
    for (let j = 0; j < side; j++) {
      for (let i = 0; i < side; i++) {
        const a = domain.xMin + ((domain.xMax - domain.xMin) * i) / segments;
        const b = domain.yMin + ((domain.yMax - domain.yMin) * j) / segments;
        netPass(planePoint(plane, a, b, theta), data, null, data.n, grad, pass);
        const at = j * side + i;
        expect(Math.abs(values[at]! - pass.loss) / pass.loss).toBeLessThanOrEqual(1e-12);
        expect(planeLoss(plane, data, a, b)).toBe(pass.loss);
        // The chain rule: ∂L/∂a = ∇L·d₁, ∂L/∂b = ∇L·d₂.
        let ga = 0;
        let gb = 0;
        for (let p = 0; p < NET_SIZE; p++) {
          ga += grad[p]! * plane.d1[p]!;
          gb += grad[p]! * plane.d2[p]!;
        }
        expect(Math.abs(gradients[2 * at]! - ga)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ga)));
        expect(Math.abs(gradients[2 * at + 1]! - gb)).toBeLessThanOrEqual(
          1e-12 * (1 + Math.abs(gb)),
        );
      }
    }
  });

  it('is sampled band by band as a worker does, the same as in one go', () => {
    const banded = new Float64Array(side * side);
    const sample = createPlaneSampler(plane, data);
    for (let j = 0; j < side; j += 3) sample(domain, segments, j, j + 3, banded, null);
    expect(Array.from(banded)).toEqual(Array.from(values));
  });

  it('has the initial weights at its origin and each runner’s start there', () => {
    expect(planeLoss(plane, data, 0, 0)).toBe(training.runners[0]!.loss[0]);
    for (const r of training.runners) {
      const p = projectOntoPlane(plane, r.params);
      expect(p).toHaveLength(2 * (training.steps + 1));
      expect([p[0], p[1]]).toEqual([0, 0]);
    }
  });

  it('boxes every projected point with a margin', () => {
    for (const r of training.runners) {
      const p = projectOntoPlane(plane, r.params);
      for (let k = 0; k < p.length; k += 2) {
        expect(p[k]!).toBeGreaterThan(domain.xMin);
        expect(p[k]!).toBeLessThan(domain.xMax);
        expect(p[k + 1]!).toBeGreaterThan(domain.yMin);
        expect(p[k + 1]!).toBeLessThan(domain.yMax);
      }
    }
  });
});

describe('paths on the plane', () => {
  it('show the gap between a ball’s true loss and the surface under it, zero only on the plane', () => {
    const run = training.runners[1]!;
    const p = projectOntoPlane(plane, run.params);
    const k = 60;
    const theta = netIterate(run, k);
    const off = distanceFromPlane(plane, theta);
    expect(off).toBeGreaterThan(0);
    const onPlane = planePoint(plane, p[2 * k]!, p[2 * k + 1]!, new Float64Array(NET_SIZE));
    let squared = 0;
    for (let i = 0; i < NET_SIZE; i++) squared += (theta[i]! - onPlane[i]!) ** 2;
    expect(Math.abs(Math.sqrt(squared) - off)).toBeLessThanOrEqual(1e-12);
    expect(distanceFromPlane(plane, onPlane)).toBeLessThanOrEqual(1e-12);
    const surface = planeLoss(plane, data, p[2 * k]!, p[2 * k + 1]!);
    expect(surface).not.toBe(run.loss[k]);
  });

  it('lose little of the motion: the plane holds most of it', () => {
    let kept = 0;
    let total = 0;
    for (const r of training.runners) {
      const p = projectOntoPlane(plane, r.params);
      for (let k = 0; k <= training.steps; k++) {
        kept += p[2 * k]! ** 2 + p[2 * k + 1]! ** 2;
        const t = netIterate(r, k);
        for (let i = 0; i < NET_SIZE; i++) total += (t[i]! - training.init[i]!) ** 2;
      }
    }
    expect(Math.abs(kept / total - plane.explained[0] - plane.explained[1])).toBeLessThan(1e-12);
    expect(plane.explained[0] + plane.explained[1]).toBeGreaterThan(0.8);
  });
});

describe('training', () => {
  it('in chunks (a worker reporting progress) gives exactly the training in one go', () => {
    const chunked = createNetTraining(data, initialWeights(5), three, 120, { seed: 9 });
    let done = 0;
    while (done < 120) done = advanceNetTraining(chunked, 17);
    expect(advanceNetTraining(chunked, 10)).toBe(120);
    chunked.runners.forEach((r, i) => {
      const whole = training.runners[i]!;
      expect(Array.from(r.params)).toEqual(Array.from(whole.params));
      expect(Array.from(r.loss)).toEqual(Array.from(whole.loss));
      expect(Array.from(r.lr)).toEqual(Array.from(whole.lr));
    });
  });

  it('gives every runner the same start and its own path, minibatches drawn from the seed', () => {
    const [a, b, c] = training.runners as [
      (typeof training.runners)[0],
      (typeof training.runners)[0],
      (typeof training.runners)[0],
    ];
    expect(a.loss[0]).toBe(b.loss[0]);
    expect(c.batch).toBe(32);
    expect(a.batch).toBe(data.n);
    expect(a.loss[120]).not.toBe(b.loss[120]);
    const reseeded = trainNetwork(data, initialWeights(5), [three[2]!], 120, { seed: 10 });
    expect(reseeded.runners[0]!.loss[120]).not.toBe(c.loss[120]);
    for (const r of training.runners) expect(r.accuracy[120]).toBeGreaterThan(0.95);
  });

  it('freezes a runner whose weights blow up, at its last finite weights', () => {
    const wild = runner({ kind: 'sgd', lr: 1e306 });
    const t = trainNetwork(data, initialWeights(5), [wild], 10);
    const r = t.runners[0]!;
    expect(r.divergedAt).not.toBeNull();
    const k = r.divergedAt!;
    expect(Array.from(netIterate(r, 10))).toEqual(Array.from(netIterate(r, k - 1)));
    expect(r.params.every(Number.isFinite)).toBe(true);
    expect(r.loss.every(Number.isFinite)).toBe(true);
    expect(r.lr[k - 1]).toBe(0);
  });
});

describe('reading the classifier', () => {
  it('confuses no more rows than its accuracy says', () => {
    const r = training.runners[2]!;
    const counts = confusionMatrix(netIterate(r, 120), data);
    const total = counts.reduce((s, v) => s + v, 0);
    expect(total).toBe(data.n);
    const right = counts[0]! + counts[4]! + counts[8]!;
    expect(right / data.n).toBe(r.accuracy[120]);
    expect([0, 1, 2].map((c) => counts[3 * c]! + counts[3 * c + 1]! + counts[3 * c + 2]!)).toEqual([
      151, 68, 123,
    ]);
  });
});

describe('the eigen-decomposition behind the plane', () => {
  it('rebuilds a symmetric matrix from orthonormal eigenvectors, largest eigenvalue first', () => {
    const n = 7;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++)
        a[i * n + j] = a[j * n + i] = Math.sin(3 * i + j) + (i === j ? 2 : 0);
    }
    const { values, vectors } = symmetricEigen(a, n);
    for (let r = 1; r < n; r++) expect(values[r]!).toBeLessThanOrEqual(values[r - 1]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let gram = 0;
        for (let r = 0; r < n; r++) {
          rebuilt += values[r]! * vectors[r * n + i]! * vectors[r * n + j]!;
          gram += vectors[i * n + r]! * vectors[j * n + r]!;
        }
        expect(Math.abs(rebuilt - a[i * n + j]!)).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(gram - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-14);
      }
    }
  });
});

describe('filter-normalized random directions (for sharp or flat minima)', () => {
  it('give every unit’s incoming weights the norm of the trained ones, and leave biases alone', () => {
    const theta = netIterate(training.runners[2]!, 120);
    const d = filterNormalizedDirection(theta, createRandom(4));
    const norm = (a: Float64Array, from: number, to: number) =>
      Math.sqrt(a.subarray(from, to).reduce((s, v) => s + v * v, 0));
    for (let k = 0; k < 8; k++) {
      const [from, to] = [4 * k, 4 * k + 4];
      expect(norm(d, from, to) / norm(theta, from, to)).toBeCloseTo(1, 14);
    }
    for (let j = 0; j < 3; j++) {
      const [from, to] = [40 + 8 * j, 48 + 8 * j];
      expect(norm(d, from, to) / norm(theta, from, to)).toBeCloseTo(1, 14);
    }
    expect(Array.from(d.subarray(32, 40))).toEqual(new Array(8).fill(0));
    expect(Array.from(d.subarray(64))).toEqual([0, 0, 0]);
    const again = filterNormalizedDirection(theta, createRandom(4));
    expect(Array.from(again)).toEqual(Array.from(d));
    expect(Array.from(filterNormalizedDirection(theta, createRandom(5)))).not.toEqual(
      Array.from(d),
    );
  });
});
