import { describe, expect, it } from 'vitest';
import {
  landscapeFromFunction,
  rememberTypicalSlope,
  sampleSurface,
  typicalSlope,
  type Landscape,
} from '../../src/core';

const made = (text: string) =>
  landscapeFromFunction(text, { xMin: -3, xMax: 2, yMin: -1, yMax: 4 }) as Landscape;

describe('the typical slope from a sampled surface', () => {
  it('equals the slope measured point by point, from a 64-segment grid', () => {
    const text = 'sin(2*x+y)*cos(x-2*y) + 0.1*(x^2+y^2)';
    const measured = typicalSlope(made(text));
    const fresh = made(text);
    let calls = 0;
    const counted: Landscape = {
      ...fresh,
      minima: fresh.minima,
      valueAndGradient: (x, y, g, o) => {
        calls += 1;
        return fresh.valueAndGradient(x, y, g, o);
      },
    };
    rememberTypicalSlope(counted, sampleSurface(fresh, 64));
    // Remembered: typicalSlope reads it back without evaluating f once.
    expect(typicalSlope(counted)).toBe(measured);
    expect(calls).toBe(0);
  });

  it('a grid of another size or domain is not used', () => {
    const fresh = made('x^2 + 3*y^2 + sin(5*x)');
    const grid = sampleSurface(fresh, 60);
    rememberTypicalSlope(fresh, grid);
    const other = made('x^2 + 3*y^2 + sin(5*x)');
    expect(typicalSlope(fresh)).toBe(typicalSlope(other));
    const shifted = sampleSurface(
      { ...fresh, domain: { xMin: -4, xMax: 2, yMin: -1, yMax: 4 } },
      64,
    );
    const again = made('x^2 + 3*y^2 + sin(5*x)');
    rememberTypicalSlope(again, shifted);
    expect(typicalSlope(again)).toBe(typicalSlope(other));
  });
});
