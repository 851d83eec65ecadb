/** The sigmoid and softmax of the lecture's first part give the lecture's numbers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  logistic,
  logisticMidpointSlope,
  MAX_VECTOR_LENGTH,
  naiveSoftmax,
  naiveSoftmaxSteps,
  parseVector,
  sigmoid,
  softmax,
  stableSoftmaxSteps,
} from '../../src/core/softmax';

const LECTURE_Z = [2, 1, 7, 4, 1, 3, 5];
/** numpy's output in the lecture, `softmax(np.array([2, 1, 7, 4, 1, 3, 5]))`. */
const LECTURE_SOFTMAX = [
  0.00554503, 0.0020399, 0.82295488, 0.04097251, 0.0020399, 0.01507294, 0.11137483,
];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const finiteVector = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
  minLength: 1,
  maxLength: 20,
});

describe('logistic function and sigmoid', () => {
  it('the sigmoid is the logistic function with L = 1, k = 1, x₀ = 0', () => {
    for (const x of [-30, -3, -1, -0.5, 0, 0.25, 1, 2, 30]) {
      expect(sigmoid(x)).toBe(logistic(x, 1, 1, 0));
      expect(sigmoid(x)).toBeCloseTo(1 / (1 + Math.exp(-x)), 15);
    }
  });

  it('gives the known values σ(0) = ½, σ(1) = 0.7310585786300049, σ(−1) = 0.2689414213699951', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1)).toBeCloseTo(0.7310585786300049, 15);
    expect(sigmoid(-1)).toBeCloseTo(0.2689414213699951, 15);
  });

  it('is symmetric about the midpoint: σ(−x) = 1 − σ(x), f(x₀ − d) = L − f(x₀ + d)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        expect(sigmoid(-x)).toBeCloseTo(1 - sigmoid(x), 12);
      }),
    );
    for (const d of [0.1, 1, 3]) {
      expect(logistic(2 - d, 3, 1.5, 2)).toBeCloseTo(3 - logistic(2 + d, 3, 1.5, 2), 12);
    }
  });

  it('passes through L/2 at x₀ and tends to 0 and L: L is the upper limit', () => {
    expect(logistic(2, 4, 1.5, 2)).toBe(2);
    expect(logistic(-1, 0.5, 3, -1)).toBe(0.25);
    expect(logistic(100, 4, 1, 0)).toBeCloseTo(4, 12);
    expect(logistic(-100, 4, 1, 0)).toBeCloseTo(0, 12);
  });

  it('a larger k makes the linear part steeper: the slope at x₀ is kL/4', () => {
    const h = 1e-6;
    for (const [L, k] of [
      [1, 1],
      [2, 3],
      [0.5, -2],
    ] as const) {
      const slope = (logistic(h, L, k, 0) - logistic(-h, L, k, 0)) / (2 * h);
      expect(slope).toBeCloseTo(logisticMidpointSlope(L, k), 6);
    }
    expect(logistic(1, 1, 5, 0)).toBeGreaterThan(logistic(1, 1, 1, 0));
  });

  it('k = 0 flattens the curve to L/2; a negative k mirrors it', () => {
    expect(logistic(7, 2, 0, 1)).toBe(1);
    expect(logistic(3, 1, -1, 0)).toBeCloseTo(logistic(-3, 1, 1, 0), 15);
  });

  it('never gives NaN, even where e^(−k(x − x₀)) would overflow', () => {
    expect(logistic(-1000, 1, 1, 0)).toBe(0);
    expect(logistic(1000, 1, 1, 0)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
  });
});

describe('softmax', () => {
  it('gives the lecture’s numpy numbers for [2, 1, 7, 4, 1, 3, 5]', () => {
    const values = softmax(LECTURE_Z);
    expect(values).toHaveLength(7);
    values.forEach((v, i) => expect(Math.abs(v - LECTURE_SOFTMAX[i]!)).toBeLessThan(1e-8));
    expect(values.map((v) => v.toFixed(8))).toEqual([
      '0.00554503',
      '0.00203990',
      '0.82295488',
      '0.04097251',
      '0.00203990',
      '0.01507294',
      '0.11137483',
    ]);
  });

  it('adds up to 1 and keeps every value in [0, 1], at any temperature', () => {
    expect(sum(softmax(LECTURE_Z))).toBeCloseTo(1, 15);
    fc.assert(
      fc.property(finiteVector, fc.double({ min: 0.01, max: 100, noNaN: true }), (z, T) => {
        const values = softmax(z, T);
        expect(sum(values)).toBeCloseTo(1, 12);
        for (const v of values) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });

  it('does not change when the same constant is added to every entry', () => {
    fc.assert(
      fc.property(finiteVector, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (z, c) => {
        const shifted = softmax(z.map((zi) => zi + c));
        softmax(z).forEach((v, i) => expect(shifted[i]).toBeCloseTo(v, 9));
      }),
    );
  });

  it('T = 1 is plain softmax; T → 0 is one-hot on the largest entry', () => {
    expect(softmax(LECTURE_Z, 1)).toEqual(softmax(LECTURE_Z));
    const cold = softmax(LECTURE_Z, 0.01);
    expect(cold[2]).toBeCloseTo(1, 12);
    cold.forEach((v, i) => i !== 2 && expect(v).toBeLessThan(1e-80));
    expect(softmax(LECTURE_Z, 0)).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('T → 0 shares the mass equally between tied largest entries', () => {
    expect(softmax([3, 1, 3], 0)).toEqual([0.5, 0, 0.5]);
    const cold = softmax([3, 1, 3], 1e-3);
    expect(cold[0]).toBeCloseTo(0.5, 12);
    expect(cold[2]).toBeCloseTo(0.5, 12);
  });

  it('a large T flattens towards the uniform 1/K', () => {
    for (const v of softmax(LECTURE_Z, 1e6)) expect(v).toBeCloseTo(1 / 7, 5);
    expect(softmax(LECTURE_Z, Infinity)).toEqual(Array(7).fill(1 / 7));
  });

  it('a smaller temperature sharpens: the largest probability grows as T falls', () => {
    const top = [10, 3, 1, 0.3, 0.1].map((T) => softmax(LECTURE_Z, T)[2]!);
    for (let i = 1; i < top.length; i++) expect(top[i]!).toBeGreaterThan(top[i - 1]!);
  });

  it('stays finite for a tiny temperature with huge inputs, where z/T alone would overflow', () => {
    const values = softmax([1e307, -1e307, 1e307], 1e-3);
    expect(values).toEqual([0.5, 0, 0.5]);
  });

  it('refuses a negative or NaN temperature', () => {
    expect(() => softmax(LECTURE_Z, -1)).toThrow(RangeError);
    expect(() => softmax(LECTURE_Z, NaN)).toThrow(RangeError);
  });

  it('of an empty vector is empty', () => {
    expect(softmax([])).toEqual([]);
    expect(naiveSoftmaxSteps([]).outcome).toBe('ok');
  });

  it('shows its working: the max-subtracted exponents are ≤ 0, the largest term is 1', () => {
    const steps = stableSoftmaxSteps([1000, 999]);
    expect(steps.max).toBe(1000);
    expect(steps.shifted).toEqual([0, -1]);
    expect(steps.exps).toEqual([1, Math.exp(-1)]);
    expect(steps.sum).toBeCloseTo(1 + Math.exp(-1), 15);
  });
});

describe('the naive exp/sum overflows where the max-subtracted form does not', () => {
  it('agrees with the stable form for the lecture’s small numbers', () => {
    const naive = naiveSoftmax(LECTURE_Z);
    softmax(LECTURE_Z).forEach((v, i) => expect(naive[i]).toBeCloseTo(v, 15));
    expect(naiveSoftmaxSteps(LECTURE_Z).outcome).toBe('ok');
  });

  it('[1000, 999]: e^1000 = ∞, so the naive result is ∞/∞ = NaN', () => {
    const steps = naiveSoftmaxSteps([1000, 999]);
    expect(steps.exps).toEqual([Infinity, Infinity]);
    expect(steps.sum).toBe(Infinity);
    expect(steps.outcome).toBe('overflow');
    expect(naiveSoftmax([1000, 999]).some((v) => !Number.isFinite(v))).toBe(true);
  });

  it('[1000, 999]: the stable form gives [0.7310585786300049, 0.2689414213699951]', () => {
    expect(softmax([1000, 999])).toEqual([0.7310585786300049, 0.2689414213699951]);
  });

  it('overflows once an entry passes ln(Number.MAX_VALUE) ≈ 709.78', () => {
    expect(naiveSoftmaxSteps([709, 0]).outcome).toBe('ok');
    expect(naiveSoftmaxSteps([710, 0]).outcome).toBe('overflow');
    expect(naiveSoftmax([710, 0])).toEqual([NaN, 0]);
    expect(softmax([710, 0])[0]).toBe(1);
  });

  it('underflows to 0/0 when every entry is very negative', () => {
    const steps = naiveSoftmaxSteps([-1000, -999]);
    expect(steps.sum).toBe(0);
    expect(steps.outcome).toBe('underflow');
    expect(steps.values.every(Number.isNaN)).toBe(true);
    expect(softmax([-1000, -999])).toEqual([0.2689414213699951, 0.7310585786300049]);
  });
});

describe('parseVector: what the vector field accepts', () => {
  it('reads numbers separated by commas, spaces or both, in optional brackets', () => {
    expect(parseVector('2, 1, 7, 4, 1, 3, 5')).toEqual({ ok: true, values: LECTURE_Z });
    expect(parseVector('2 1 7   4')).toEqual({ ok: true, values: [2, 1, 7, 4] });
    expect(parseVector(' [1000, 999] ')).toEqual({ ok: true, values: [1000, 999] });
    expect(parseVector('1,2,')).toEqual({ ok: true, values: [1, 2] });
    expect(parseVector('-1.5; +2e3 .5 −3')).toEqual({ ok: true, values: [-1.5, 2000, 0.5, -3] });
  });

  it('refuses an empty vector', () => {
    expect(parseVector('')).toEqual({ ok: false, error: { reason: 'empty' } });
    expect(parseVector(' , [ ] ')).toMatchObject({ ok: false, error: { reason: 'not-a-number' } });
    expect(parseVector('[]')).toEqual({ ok: false, error: { reason: 'empty' } });
  });

  it('names the word that is not a number and its column', () => {
    expect(parseVector('2, abc, 7')).toEqual({
      ok: false,
      error: { reason: 'not-a-number', token: 'abc', column: 4 },
    });
    expect(parseVector('1, 2x')).toMatchObject({ error: { token: '2x', column: 4 } });
    expect(parseVector('0x10')).toMatchObject({ error: { reason: 'not-a-number' } });
    expect(parseVector('1 - 2')).toMatchObject({ error: { reason: 'not-a-number', token: '-' } });
  });

  it('refuses non-finite numbers: inf, NaN and numbers too large for float64', () => {
    for (const [text, token] of [
      ['1, inf', 'inf'],
      ['NaN', 'NaN'],
      ['-Infinity 2', '-Infinity'],
      ['1e999', '1e999'],
    ]) {
      expect(parseVector(text!)).toMatchObject({
        ok: false,
        error: { reason: 'not-finite', token },
      });
    }
  });

  it(`caps the length at ${MAX_VECTOR_LENGTH} entries`, () => {
    const ok = Array.from({ length: MAX_VECTOR_LENGTH }, (_, i) => i).join(', ');
    expect(parseVector(ok)).toMatchObject({ ok: true });
    expect(parseVector(`${ok}, 1`)).toEqual({
      ok: false,
      error: { reason: 'too-many', count: MAX_VECTOR_LENGTH + 1, max: MAX_VECTOR_LENGTH },
    });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseVector(text);
        if (parsed.ok) {
          expect(parsed.values.length).toBeGreaterThan(0);
          expect(parsed.values.every(Number.isFinite)).toBe(true);
        }
      }),
    );
  });
});
