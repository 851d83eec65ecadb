import { describe, expect, it } from 'vitest';
import { compile, evaluate, expectClose, finiteDifferences } from './helpers';

/**
 * Each function is applied to u(x, y) = x·y/4 + x/2, so the chain rule is exercised in both
 * directions: ∂u/∂x = y/4 + 1/2, ∂u/∂y = x/4. The derivatives below are written by hand.
 */
const inner = (x: number, y: number) => (x * y) / 4 + x / 2;
const FUNCTIONS: readonly {
  name: string;
  f: (u: number) => number;
  df: (u: number) => number;
  points: readonly (readonly [number, number])[];
}[] = (() => {
  const anywhere = [
    [0.3, 0.7],
    [1.1, 0.4],
    [-1.2, 0.5],
    [1.4, 1.2],
    [-0.6, -2.5],
  ] as const;
  const positive = [
    [0.3, 0.7],
    [1.1, 0.4],
    [1.4, 1.2],
    [2.5, 3],
  ] as const;
  return [
    { name: 'sin', f: Math.sin, df: (u) => Math.cos(u), points: anywhere },
    { name: 'cos', f: Math.cos, df: (u) => -Math.sin(u), points: anywhere },
    { name: 'tan', f: Math.tan, df: (u) => 1 / Math.cos(u) ** 2, points: anywhere },
    { name: 'atan', f: Math.atan, df: (u) => 1 / (1 + u * u), points: anywhere },
    { name: 'sinh', f: Math.sinh, df: (u) => Math.cosh(u), points: anywhere },
    { name: 'cosh', f: Math.cosh, df: (u) => Math.sinh(u), points: anywhere },
    { name: 'tanh', f: Math.tanh, df: (u) => 1 / Math.cosh(u) ** 2, points: anywhere },
    { name: 'exp', f: Math.exp, df: (u) => Math.exp(u), points: anywhere },
    { name: 'log', f: Math.log, df: (u) => 1 / u, points: positive },
    { name: 'sqrt', f: Math.sqrt, df: (u) => 1 / (2 * Math.sqrt(u)), points: positive },
    { name: 'abs', f: Math.abs, df: (u) => (u > 0 ? 1 : -1), points: anywhere },
  ];
})();

describe('every function has the exact slope', () => {
  for (const { name, f, df, points } of FUNCTIONS) {
    const compiled = compile(`${name}(x*y/4 + x/2)`);
    it.each(points)(`${name} at (%d, %d) matches the hand-written derivative`, (x, y) => {
      const u = inner(x, y);
      const [value, gx, gy] = evaluate(compiled, x, y);
      expectClose(value, f(u));
      expectClose(gx, df(u) * (y / 4 + 1 / 2));
      expectClose(gy, df(u) * (x / 4));
    });
    it.each(points)(`${name} at (%d, %d) matches finite differences`, (x, y) => {
      const [, gx, gy] = evaluate(compiled, x, y);
      const [fx, fy] = finiteDifferences(compiled, x, y);
      expectClose(gx, fx, 1e-6);
      expectClose(gy, fy, 1e-6);
    });
  }
});

describe('operators have the exact slope', () => {
  it.each([
    // text, x, y, value, ∂f/∂x, ∂f/∂y (written by hand)
    ['x + y', 2, 3, 5, 1, 1],
    ['x - y', 2, 3, -1, 1, -1],
    ['x * y', 2, 3, 6, 3, 2],
    ['x / y', 2, 4, 0.5, 0.25, -2 / 16],
    ['3 - x', 2, 0, 1, -1, 0],
    ['3 / x', 2, 0, 1.5, -3 / 4, 0],
    ['x / 4', 2, 0, 0.5, 0.25, 0],
    ['-x*y', 2, 3, -6, -3, -2],
    ['x^2', -2, 0, 4, -4, 0],
    ['x^3', -2, 0, -8, 12, 0],
    ['x^-1', 2, 0, 0.5, -0.25, 0],
    ['x^0.5', 4, 0, 2, 0.25, 0],
    ['2^x', 3, 0, 8, 8 * Math.LN2, 0],
    ['x^y', 2, 3, 8, 3 * 4, 8 * Math.LN2],
    ['(x*y)^(x+y)', 1, 2, 8, 2 * 3 * 4 + 8 * Math.LN2, 1 * 3 * 4 + 8 * Math.LN2],
    [
      'sin(x)*cos(y) + 0.1*(x^2+y^2)',
      0.5,
      -1,
      Math.sin(0.5) * Math.cos(-1) + 0.125,
      Math.cos(0.5) * Math.cos(-1) + 0.1,
      Math.sin(0.5) * Math.sin(1) - 0.2,
    ],
  ])('%s at (%d, %d)', (text, x, y, value, dfdx, dfdy) => {
    const f = compile(text);
    const [v, gx, gy] = evaluate(f, x, y);
    expectClose(v, value);
    expectClose(gx, dfdx);
    expectClose(gy, dfdy);
    const [fx, fy] = finiteDifferences(f, x, y);
    expectClose(gx, fx, 1e-6);
    expectClose(gy, fy, 1e-6);
  });
});

describe('powers', () => {
  it('(-2)^2 is 4 and x^2 has slope -4 at x = -2', () => {
    expect(compile('(-2)^2').value(0, 0)).toBe(4);
    expect(evaluate(compile('x^2'), -2, 0)).toEqual([4, -4, 0]);
  });

  it('a constant exponent works for negative bases: x^3 at -2 has slope 12', () => {
    expect(evaluate(compile('x^(1+2)'), -2, 0)).toEqual([-8, 12, 0]);
  });

  it('x^y with a negative base and whole exponent keeps the x-slope; the y-slope is undefined', () => {
    const [value, gx, gy] = evaluate(compile('x^y'), -2, 2);
    expect(value).toBe(4);
    expect(gx).toBe(-4);
    expect(gy).toBeNaN();
  });

  it('x^y stays finite at x = 0 for y > 1 (v·u^(v−1) instead of uᵛ·v/u)', () => {
    expect(evaluate(compile('x^y'), 0, 2)).toEqual([0, 0, 0]);
  });

  it('x^0 is 1 with slope 0, even at 0', () => {
    expect(evaluate(compile('x^0'), 0, 0)).toEqual([1, 0, 0]);
  });

  it('0^y for y > 0 is 0 with slope 0', () => {
    expect(evaluate(compile('(x-x)^y'), 1, 2)).toEqual([0, 0, 0]);
  });

  it('the square root of 0 has an infinite slope', () => {
    const [value, gx] = evaluate(compile('x^0.5'), 0, 0);
    expect(value).toBe(0);
    expect(gx).toBe(Infinity);
  });
});

describe('a zero slope stays exactly zero (no 0·∞ = NaN)', () => {
  it('sqrt(y) at y = 0 is flat in x, steep in y', () => {
    expect(evaluate(compile('sqrt(y)'), 1, 0)).toEqual([0, 0, Infinity]);
  });

  it('sqrt(y + 0*x) at y = 0 is still flat in x', () => {
    expect(evaluate(compile('sqrt(y + 0*x)'), 1, 0)).toEqual([0, 0, Infinity]);
  });

  it('the tip of the cone sqrt(x^2 + y^2) gets slope 0, not NaN', () => {
    expect(evaluate(compile('sqrt(x^2 + y^2)'), 0, 0)).toEqual([0, 0, 0]);
  });

  it('sqrt(x^2 + 1) is smooth everywhere', () => {
    const [value, gx] = evaluate(compile('sqrt(x^2+1)'), 0, 0);
    expect([value, gx]).toEqual([1, 0]);
  });

  it('abs has slope 0 at 0 and ±1 elsewhere', () => {
    const f = compile('abs(x)');
    expect(evaluate(f, 0, 0)).toEqual([0, 0, 0]);
    expect(evaluate(f, -2, 0)).toEqual([2, -1, 0]);
    expect(evaluate(f, 3, 0)).toEqual([3, 1, 0]);
  });

  it('exp(x + 0*y) overflowing to ∞ does not turn its zero y-slope into NaN', () => {
    const [, , gy] = evaluate(compile('exp(x + 0*y) + y'), 1000, 0);
    expect(gy).toBe(1);
  });

  it('a constant function has slope exactly 0', () => {
    expect(evaluate(compile('sin(pi/2) + e'), 5, 7)).toEqual([1 + Math.E, 0, 0]);
  });
});

describe('values outside the domain come out as NaN or ±∞ for the caller to handle', () => {
  it('log(-1) is NaN, log(0) is -∞', () => {
    expect(compile('log(x)').value(-1, 0)).toBeNaN();
    expect(compile('log(x)').value(0, 0)).toBe(-Infinity);
  });

  it('1/x at 0 is ∞', () => {
    expect(compile('1/x').value(0, 0)).toBe(Infinity);
  });

  it('the gradient is written even when it is not finite', () => {
    const [value, gx] = evaluate(compile('sqrt(x)'), -1, 0);
    expect(value).toBeNaN();
    expect(gx).toBeNaN();
  });
});

describe('valueAndGradient', () => {
  it('writes at the requested offset and leaves the rest alone', () => {
    const grad = new Float64Array([9, 9, 9, 9]);
    const value = compile('x*y').valueAndGradient(2, 3, grad, 1);
    expect(value).toBe(6);
    expect(Array.from(grad)).toEqual([9, 3, 2, 9]);
  });
});
