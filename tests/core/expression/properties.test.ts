import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFunction, type CompiledFunction } from '../../../src/core/expression';
import { compile } from './helpers';

// How long a parse takes is a figure of `npm run bench` (parseMaxMs), not a test: these machines
// are shared and noisy, and a timed assertion would flake.

function expectWellFormed(text: string): void {
  const result = parseFunction(text);
  if (result.ok) return;
  expect(result.column).toBeGreaterThanOrEqual(1);
  expect(result.column).toBeLessThanOrEqual(text.length + 1);
  expect(Number.isInteger(result.column)).toBe(true);
  expect(result.reason.length).toBeGreaterThan(0);
  expect(result.message).toBe(`column ${result.column}: ${result.reason}`);
}

const GRAMMAR_PIECES = [
  'x',
  'y',
  'pi',
  'e',
  'Pi',
  'π',
  '2',
  '.5',
  '1e-3',
  '2E+4',
  '1.2.3',
  '1e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  ' ',
  '\n',
  'sin(',
  'cos(',
  'tan',
  'atan(',
  'sinh(',
  'exp(',
  'log(',
  'sqrt(',
  'abs(',
  'foo(',
  'z',
  ',',
  '\u2212',
  '\u00d7',
  '\u00b7',
  '$',
  '=',
  '[',
];

/** Strings glued from grammar pieces (mostly near-valid), cut to the length limit. */
const grammarSoup = fc
  .array(fc.constantFrom(...GRAMMAR_PIECES), { maxLength: 600 })
  .map((pieces) => pieces.join('').slice(0, 1000));

/** Always-valid expressions, to compare the batched and single-point evaluators. */
const validExpression = fc
  .letrec<{ expression: string }>((tie) => ({
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('x', 'y', 'pi', 'e', '2', '0.5', '3', '0'),
      fc
        .tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expression'))
        .map(([a, op, b]) => `(${a})${op}(${b})`),
      fc
        .tuple(
          fc.constantFrom(
            'sin',
            'cos',
            'tan',
            'atan',
            'sinh',
            'cosh',
            'tanh',
            'exp',
            'log',
            'sqrt',
            'abs',
            '-',
          ),
          tie('expression'),
        )
        .map(([fn, a]) => `${fn}(${a})`),
    ),
  }))
  .expression.filter((text) => text.length <= 1000);

describe('any text at all', () => {
  it('gives a function or an error with a column inside the text, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1000 }), (text) => {
        expectWellFormed(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(grammarSoup, (text) => {
        expectWellFormed(text);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('deep and long worst cases give a function or an error too', () => {
    const worst = [
      '('.repeat(1000),
      '-'.repeat(1000),
      'x^'.repeat(499) + 'x',
      'x+'.repeat(499) + 'x',
      '('.repeat(100) + 'x' + ')'.repeat(100) + '+x'.repeat(349),
      'sin('.repeat(100) + 'x' + ')'.repeat(100) + '*y'.repeat(249),
      'xy'.repeat(500),
      '9'.repeat(1000),
    ];
    for (const text of worst) expectWellFormed(text);
  });
});

/** Same value, NaN equal to NaN. */
function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

describe('the batched evaluation over many points', () => {
  it('agrees exactly with single-point evaluation, across block boundaries', () => {
    const coordinate = fc.double({ min: -4, max: 4, noNaN: true });
    fc.assert(
      fc.property(
        validExpression,
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 600 }),
        (text, points) => {
          const f: CompiledFunction = compile(text);
          const n = points.length;
          const xs = Float64Array.from(points, ([x]) => x);
          const ys = Float64Array.from(points, ([, y]) => y);
          const values = new Float64Array(n);
          const gx = new Float64Array(n);
          const gy = new Float64Array(n);
          f.evaluateMany(xs, ys, n, values, gx, gy);
          const grad = [0, 0];
          for (let i = 0; i < n; i++) {
            const value = f.valueAndGradient(xs[i]!, ys[i]!, grad, 0);
            if (!same(values[i]!, value) || !same(gx[i]!, grad[0]!) || !same(gy[i]!, grad[1]!)) {
              return false;
            }
            if (!same(f.value(xs[i]!, ys[i]!), value)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fills only the outputs it is given', () => {
    const f = compile('x*y');
    const xs = Float64Array.of(1, 2, 3);
    const ys = Float64Array.of(4, 5, 6);
    const gy = new Float64Array(3);
    f.evaluateMany(xs, ys, 3, undefined, undefined, gy);
    expect(Array.from(gy)).toEqual([1, 2, 3]);
    const values = new Float64Array(3);
    f.evaluateMany(xs, ys, 2, values);
    expect(Array.from(values)).toEqual([4, 10, 0]);
  });

  it('writes zeros for a slope that is identically zero', () => {
    const f = compile('sin(x)');
    const gy = new Float64Array([7, 7, 7]);
    f.evaluateMany(Float64Array.of(0, 1, 2), Float64Array.of(0, 0, 0), 3, undefined, undefined, gy);
    expect(Array.from(gy)).toEqual([0, 0, 0]);
  });

  it('evaluates a 256 × 256 grid the same as point by point', () => {
    const f = compile('sin(x)*cos(y) + 0.1*(x^2+y^2)');
    const n = 256 * 256;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = -3 + (6 * (i % 256)) / 255;
      ys[i] = -3 + (6 * Math.floor(i / 256)) / 255;
    }
    const values = new Float64Array(n);
    const gx = new Float64Array(n);
    const gy = new Float64Array(n);
    f.evaluateMany(xs, ys, n, values, gx, gy);
    const grad = [0, 0];
    for (const i of [0, 255, 256, 1000, 32_767, n - 1]) {
      expect(values[i]).toBe(f.valueAndGradient(xs[i]!, ys[i]!, grad, 0));
      expect([gx[i], gy[i]]).toEqual(grad);
    }
  });
});
