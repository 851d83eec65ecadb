/**
 * The penguin datasets and the two-parameter models trained on them: the rows, their
 * standardization, the losses and their exact gradients, and the minimum of each loss surface.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchLoss,
  DATASET_IDS,
  dataLandscape,
  fullLoss,
  loadDataset,
  type Dataset,
} from '../../src/core';
import { PENGUINS } from '../../src/core/data/penguins';

const VARIANTS = DATASET_IDS.flatMap((id) => [true, false].map((s) => loadDataset(id, s)));
const name = (d: Dataset) => `${d.id}${d.standardized ? '' : ' raw'}`;
const allRows = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

function meanStd(v: ArrayLike<number>) {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  const mean = s / v.length;
  let q = 0;
  for (let i = 0; i < v.length; i++) q += (v[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(q / v.length) };
}

/**
 * How large the terms of the loss and of its gradient's sums are at (w, b): the mean of
 * |terms|, which bounds what rounding can do to the sum (relative 1e-16 or so of this).
 */
function termScales(d: Dataset, w: number, b: number) {
  let loss = 0;
  let gw = 0;
  let gb = 0;
  for (let i = 0; i < d.n; i++) {
    const x = Math.abs(d.x[i]!);
    if (d.model === 'linear') {
      const r = Math.abs(w) * x + Math.abs(b) + Math.abs(d.y[i]!);
      loss += r * r;
      gw += 2 * r * x;
      gb += 2 * r;
    } else {
      loss += Math.abs(w) * x + Math.abs(b) + 1;
      gw += x;
      gb += 1;
    }
  }
  return { loss: loss / d.n, w: gw / d.n, b: gb / d.n };
}

/** (w, b) anywhere in the landscape's domain widened by half its size on every side. */
function pointsOf(d: Dataset) {
  const { xMin, xMax, yMin, yMax } = dataLandscape(d.id, d.standardized).domain;
  const w = xMax - xMin;
  const h = yMax - yMin;
  return fc.tuple(
    fc.double({ min: xMin - w / 2, max: xMax + w / 2, noNaN: true }),
    fc.double({ min: yMin - h / 2, max: yMax + h / 2, noNaN: true }),
  );
}

/** Central differences of f at (w, b) with steps relative to each coordinate (tests only). */
function centralDifference(f: (w: number, b: number) => number, w: number, b: number) {
  const hw = 1e-6 * Math.max(1, Math.abs(w));
  const hb = 1e-6 * Math.max(1, Math.abs(b));
  return [(f(w + hw, b) - f(w - hw, b)) / (2 * hw), (f(w, b + hb) - f(w, b - hb)) / (2 * hb)];
}

describe('the datasets', () => {
  it('penguins-mass has the 342 rows with both flipper length and body mass', () => {
    const d = loadDataset('penguins-mass', false);
    expect(PENGUINS).toHaveLength(344);
    expect(d.n).toBe(342);
    expect(d.model).toBe('linear');
    expect([d.x[0], d.y[0]]).toEqual([181, 3750]); // the first row of penguins.json
    expect(d.feature.name).toBe('Flipper Length (mm)');
    expect(d.target.name).toBe('Body Mass (g)');
  });

  it('penguins-species has the 219 Adelie and Chinstrap rows with a bill length, 68 Chinstrap', () => {
    const d = loadDataset('penguins-species', false);
    expect(d.n).toBe(219);
    expect(d.model).toBe('logistic');
    expect(d.classes).toEqual(['Adelie', 'Chinstrap']);
    const chinstrap = Array.from(d.y).filter((y) => y === 1).length;
    expect(chinstrap).toBe(68);
    expect(Array.from(d.y).every((y) => y === 0 || y === 1)).toBe(true);
    expect([d.x[0], d.y[0]]).toEqual([39.1, 0]);
  });

  it('standardized columns have mean 0 and population std 1; species labels stay 0 and 1', () => {
    for (const id of DATASET_IDS) {
      const d = loadDataset(id, true);
      const raw = loadDataset(id, false);
      expect(d.n).toBe(raw.n);
      const x = meanStd(d.x);
      expect(Math.abs(x.mean)).toBeLessThan(1e-14);
      expect(x.std).toBeCloseTo(1, 14);
      // The column's own mean and std are the ones it was standardized with.
      expect(d.feature).toEqual({ name: d.feature.name, ...meanStd(raw.x) });
      raw.x.forEach((v, i) => expect(d.x[i]).toBe((v - d.feature.mean) / d.feature.std));
      if (d.model === 'linear') {
        const y = meanStd(d.y);
        expect(Math.abs(y.mean)).toBeLessThan(1e-14);
        expect(y.std).toBeCloseTo(1, 14);
      } else {
        expect(Array.from(d.y)).toEqual(Array.from(raw.y));
      }
    }
  });

  it('raw columns are the data’s own units, untouched', () => {
    const d = loadDataset('penguins-mass', false);
    const rows = PENGUINS.filter(
      (r) => r['Flipper Length (mm)'] !== null && r['Body Mass (g)'] !== null,
    );
    expect(Array.from(d.x)).toEqual(rows.map((r) => r['Flipper Length (mm)']));
    expect(Array.from(d.y)).toEqual(rows.map((r) => r['Body Mass (g)']));
  });
});

describe('losses and gradients', () => {
  for (const d of VARIANTS) {
    it(`fullLoss equals batchLoss over every row, value and gradient: ${name(d)}`, () => {
      const full = fullLoss(d);
      const rows = allRows(d.n);
      const g1 = [0, 0];
      const g2 = [0, 0];
      fc.assert(
        fc.property(pointsOf(d), ([w, b]) => {
          const f1 = full(w, b, g1, 0);
          const f2 = batchLoss(d.model, d.x, d.y, rows, d.n, w, b, g2);
          // Equal up to rounding of the sums' terms (the linear one works from the data's moments).
          const scale = termScales(d, w, b);
          expect(Math.abs(f1 - f2)).toBeLessThanOrEqual(1e-12 * scale.loss);
          expect(Math.abs(g1[0]! - g2[0]!)).toBeLessThanOrEqual(1e-12 * scale.w);
          expect(Math.abs(g1[1]! - g2[1]!)).toBeLessThanOrEqual(1e-12 * scale.b);
        }),
      );
    });

    it(`batch gradients agree with central differences: ${name(d)}`, () => {
      const grad = [0, 0];
      fc.assert(
        fc.property(
          pointsOf(d),
          fc.uniqueArray(fc.integer({ min: 0, max: d.n - 1 }), { minLength: 1, maxLength: 64 }),
          ([w, b], rows) => {
            const f = (u: number, v: number) =>
              batchLoss(d.model, d.x, d.y, rows, rows.length, u, v);
            const loss = batchLoss(d.model, d.x, d.y, rows, rows.length, w, b, grad);
            expect(loss).toBe(f(w, b));
            const [nw, nb] = centralDifference(f, w, b);
            const tol = 1e-5 * (1 + Math.abs(loss) + Math.hypot(grad[0]!, grad[1]!));
            expect(Math.abs(grad[0]! - nw!)).toBeLessThanOrEqual(tol);
            expect(Math.abs(grad[1]! - nb!)).toBeLessThanOrEqual(tol);
          },
        ),
        { numRuns: 50 },
      );
    });
  }

  it('a batch’s loss is the mean over its rows (the order and the rows beyond count do not matter)', () => {
    const d = loadDataset('penguins-species', true);
    const one = (i: number) => batchLoss(d.model, d.x, d.y, [i], 1, 1.5, -0.5);
    const rows = [5, 150, 7, 200, 0];
    const mean = rows.reduce((s, i) => s + one(i), 0) / rows.length;
    expect(batchLoss(d.model, d.x, d.y, [...rows, 1, 2, 3], rows.length, 1.5, -0.5)).toBeCloseTo(
      mean,
      14,
    );
    expect(batchLoss(d.model, d.x, d.y, [...rows].reverse(), rows.length, 1.5, -0.5)).toBeCloseTo(
      mean,
      14,
    );
  });

  it('at w = b = 0 the logistic loss is log 2 and the standardized linear loss is 1', () => {
    const species = loadDataset('penguins-species', false);
    expect(fullLoss(species)(0, 0, [0, 0], 0)).toBeCloseTo(Math.LN2, 14);
    const mass = loadDataset('penguins-mass', true);
    expect(fullLoss(mass)(0, 0, [0, 0], 0)).toBeCloseTo(1, 14);
  });

  it('the logistic loss stays finite for huge logits, as BCEWithLogitsLoss does', () => {
    const x = Float64Array.of(1, 1);
    const y = Float64Array.of(0, 1);
    const grad = [0, 0];
    // z = ±1000 on a row labelled the other way costs |z|; the right way costs nothing.
    expect(batchLoss('logistic', x, y, [0], 1, 1000, 0, grad)).toBe(1000);
    expect(grad).toEqual([1, 1]);
    expect(batchLoss('logistic', x, y, [1], 1, -1000, 0, grad)).toBe(1000);
    expect(grad).toEqual([-1, -1]);
    expect(batchLoss('logistic', x, y, [1], 1, 1000, 0, grad)).toBe(0);
    expect(batchLoss('logistic', x, y, [0, 1], 2, 0, 40, grad)).toBeCloseTo(20, 12);
  });
});

describe('the loss surface and its minimum', () => {
  for (const d of VARIANTS) {
    it(`has zero gradient at the one minimum, which is lower than anywhere near: ${name(d)}`, () => {
      const l = dataLandscape(d.id, d.standardized);
      expect(l.data).toBe(d);
      expect(l.minima).toHaveLength(1);
      const m = l.minima[0]!;
      expect(m.global).toBe(true);
      const grad = [0, 0];
      const f = l.valueAndGradient(m.x, m.y, grad, 0);
      expect(f).toBe(m.value);
      // Zero up to the rounding of the gradient's sums.
      const scale = termScales(d, m.x, m.y);
      expect(Math.abs(grad[0]!)).toBeLessThan(1e-12 * scale.w);
      expect(Math.abs(grad[1]!)).toBeLessThan(1e-12 * scale.b);
      for (const [dw, db] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
        [1, 1],
        [-1, 1],
      ] as const) {
        const hw = 1e-3 * (1 + Math.abs(m.x));
        const hb = 1e-3 * (1 + Math.abs(m.y));
        expect(l.value(m.x + dw * hw, m.y + db * hb)).toBeGreaterThan(f);
      }
      const [nw, nb] = centralDifference((w, b) => l.value(w, b), m.x, m.y);
      expect(Math.abs(nw!)).toBeLessThan(1e-6 * scale.w);
      expect(Math.abs(nb!)).toBeLessThan(1e-6 * scale.b);
    });
  }

  it('the landscape’s x is the weight w and y the bias b', () => {
    const d = loadDataset('penguins-mass', true);
    const l = dataLandscape('penguins-mass', true);
    // ∂f/∂x of the landscape is ∂L/∂w of the model and ∂f/∂y is ∂L/∂b.
    const grad = [0, 0];
    l.valueAndGradient(0.3, -0.2, grad, 0);
    const expected = [0, 0];
    batchLoss('linear', d.x, d.y, allRows(d.n), d.n, 0.3, -0.2, expected);
    expect(grad[0]).toBeCloseTo(expected[0]!, 12);
    expect(grad[1]).toBeCloseTo(expected[1]!, 12);
  });

  it('body mass from flipper length: the least-squares line, w = r and b = 0 standardized', () => {
    const raw = dataLandscape('penguins-mass', false).minima[0]!;
    // R: lm(body_mass_g ~ flipper_length_mm, palmerpenguins) — 49.686 g/mm, intercept −5780.83 g.
    expect(raw.x).toBeCloseTo(49.686, 3);
    expect(raw.y).toBeCloseTo(-5780.83, 2);
    const std = dataLandscape('penguins-mass', true).minima[0]!;
    const d = loadDataset('penguins-mass', false);
    expect(std.x).toBeCloseTo((raw.x * d.feature.std) / d.target.std, 12); // Pearson's r
    expect(std.x).toBeCloseTo(0.8712, 4);
    expect(Math.abs(std.y)).toBeLessThan(1e-14);
    expect(std.value).toBeCloseTo(1 - std.x * std.x, 12);
  });

  it('species from bill length: raw and standardized optima are the same classifier', () => {
    const raw = dataLandscape('penguins-species', false).minima[0]!;
    const std = dataLandscape('penguins-species', true).minima[0]!;
    const { mean, std: s } = loadDataset('penguins-species', false).feature;
    expect(raw.x).toBeCloseTo(std.x / s, 9);
    expect(raw.y).toBeCloseTo(std.y - (std.x * mean) / s, 7);
    expect(raw.value).toBeCloseTo(std.value, 12);
  });
});
