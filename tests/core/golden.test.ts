/**
 * Our optimizers against PyTorch's own numbers (tests/golden/make_golden.py, float64): every kind,
 * both lecture variants, 150 steps each, on presets and typed-in functions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createRace,
  getPresetLandscape,
  isSpecError,
  landscapeFromFunction,
  makeOptimizerSpec,
  recordRace,
  type Landscape,
} from '../../src/core';

interface GoldenCase {
  name: string;
  landscape: string | null;
  expression: string | null;
  start: [number, number];
  steps: number;
  optimizer: { kind: string } & Record<string, number | boolean>;
  points: [number, number][];
  loss: number[];
  grad: [number, number][];
}

const golden = JSON.parse(
  readFileSync(new URL('../golden/trajectories.json', import.meta.url), 'utf8'),
) as {
  cases: GoldenCase[];
};

/** The measure: |a − b| / (1 + |b|). */
const relativeError = (a: number, b: number) => Math.abs(a - b) / (1 + Math.abs(b));
const TOLERANCE = 1e-9;

function landscapeOf(c: GoldenCase): Landscape {
  if (c.landscape !== null) {
    const l = getPresetLandscape(c.landscape);
    if (!l) throw new Error(`no preset ${c.landscape}`);
    return l;
  }
  const l = landscapeFromFunction(c.expression!, { xMin: -5, xMax: 5, yMin: -5, yMax: 5 });
  if ('ok' in l) throw new Error(l.message);
  return l;
}

describe('trajectories match torch.optim to 1e-9', () => {
  it('covers every optimizer kind and both lecture variants over at least 100 steps', () => {
    const kinds = new Set(golden.cases.map((c) => c.optimizer.kind));
    expect([...kinds].sort()).toEqual([
      'adagrad',
      'adam',
      'adamw',
      'momentum',
      'nesterov',
      'rmsprop',
      'sgd',
    ]);
    expect(
      golden.cases.some((c) => c.optimizer.kind === 'momentum' && c.optimizer.ema === true),
    ).toBe(true);
    expect(
      golden.cases.some((c) => c.optimizer.kind === 'momentum' && c.optimizer.ema === false),
    ).toBe(true);
    expect(
      golden.cases.some(
        (c) => c.optimizer.kind === 'adam' && c.optimizer.bias_correction === false,
      ),
    ).toBe(true);
    expect(golden.cases.some((c) => c.expression !== null)).toBe(true);
    expect(Math.min(...golden.cases.map((c) => c.steps))).toBeGreaterThanOrEqual(100);
  });

  for (const c of golden.cases) {
    it(c.name, () => {
      const landscape = landscapeOf(c);
      const { kind, ...hyper } = c.optimizer;
      const optimizer = makeOptimizerSpec(kind, hyper);
      if (isSpecError(optimizer)) throw new Error(optimizer.message);
      expect(optimizer).toEqual(c.optimizer); // every hyperparameter in effect is the one torch used
      const race = createRace(landscape, c.start, [{ label: c.name, color: '#000', optimizer }]);
      const { points, losses } = recordRace(race, c.steps)[0]!;
      expect(race.runners[0]!.status).not.toBe('diverged');
      expect(points.length / 2).toBe(c.steps + 1);
      expect(losses.length).toBe(c.steps + 1);
      expect(c.points.length).toBe(c.steps + 1); // every point torch computed is compared
      let worst = 0;
      c.points.forEach(([x, y], k) => {
        worst = Math.max(
          worst,
          relativeError(points[2 * k]!, x),
          relativeError(points[2 * k + 1]!, y),
        );
        worst = Math.max(worst, relativeError(losses[k]!, c.loss[k]!));
      });
      expect(worst).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('gradients match torch autograd along the golden paths', () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const landscape = landscapeOf(c);
      const g = [0, 0];
      let worst = 0;
      c.grad.forEach(([gx, gy], k) => {
        const [x, y] = c.points[k]!;
        const f = landscape.valueAndGradient(x, y, g, 0);
        worst = Math.max(
          worst,
          relativeError(g[0]!, gx),
          relativeError(g[1]!, gy),
          relativeError(f, c.loss[k]!),
        );
      });
      expect(worst).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
