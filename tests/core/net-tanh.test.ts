/** The network's own tanh (inlined in its hot loops) is Math.tanh to a couple of ulps. */
import { describe, expect, it } from 'vitest';
import { createRandom, nextUniform } from '../../src/core';
import { tanh } from '../../src/core/net/tanh';

describe('tanh of the network', () => {
  it('agrees with Math.tanh within 4e-16 relative from 1e-8 to 40, both signs', () => {
    const r = createRandom(7);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (nextUniform(r) < 0.5 ? -1 : 1) * 10 ** (-8 + 9.6 * nextUniform(r));
      const exact = Math.tanh(x);
      worst = Math.max(worst, Math.abs(tanh(x) - exact) / Math.abs(exact));
    }
    expect(worst).toBeLessThanOrEqual(4e-16);
  });

  it('is exact at the seams and the ends: 0, ±0.625, ±22, ±∞, NaN', () => {
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    for (const x of [0.625, -0.625, 0.6249999999999999, 22, -22, 22.000000000000004]) {
      expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThanOrEqual(4e-16 * Math.abs(Math.tanh(x)));
    }
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(1e300)).toBe(1);
    expect(Number.isNaN(tanh(NaN))).toBe(true);
  });
});
