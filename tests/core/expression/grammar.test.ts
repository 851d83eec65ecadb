import { describe, expect, it } from 'vitest';
import { formatExpression } from '../../../src/core/expression/ast';
import { parseExpression } from '../../../src/core/expression/parse';
import { compile } from './helpers';

/** How the parser grouped the text, every operation in parentheses. */
function grouping(text: string): string {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return formatExpression(parsed.expression);
}

describe('operators group the way a maths textbook does', () => {
  it.each([
    // text, x, y, value, how it is grouped
    ['-x^2', 3, 0, -9, '(-(x ^ 2))'],
    ['-2^2', 0, 0, -4, '(-(2 ^ 2))'],
    ['(-2)^2', 0, 0, 4, '((-2) ^ 2)'],
    ['2^-x', 1, 0, 0.5, '(2 ^ (-x))'],
    ['2^-x^2', 1, 0, 0.5, '(2 ^ (-(x ^ 2)))'],
    ['x^y^2', 2, 3, 512, '(x ^ (y ^ 2))'],
    ['2^3^2', 0, 0, 512, '(2 ^ (3 ^ 2))'],
    ['2*-3', 0, 0, -6, '(2 * (-3))'],
    ['1-2-3', 0, 0, -4, '((1 - 2) - 3)'],
    ['8/2/2', 0, 0, 2, '((8 / 2) / 2)'],
    ['1+2*3', 0, 0, 7, '(1 + (2 * 3))'],
    ['(1+2)*3', 0, 0, 9, '((1 + 2) * 3)'],
    ['2*3^2', 0, 0, 18, '(2 * (3 ^ 2))'],
    ['-x*y', 2, 3, -6, '((-x) * y)'],
    ['x-y*2', 5, 1, 3, '(x - (y * 2))'],
    ['--x', 4, 0, 4, '(-(-x))'],
    ['-+-x', 4, 0, 4, '(-(-x))'],
    ['+x', 4, 0, 4, 'x'],
    ['sin(x)^2', 1, 0, Math.sin(1) ** 2, '(sin(x) ^ 2)'],
    ['-sin(x)', 1, 0, -Math.sin(1), '(-sin(x))'],
    ['x/y/2*4', 8, 2, 8, '(((x / y) / 2) * 4)'],
  ])('%s at (%d, %d) is %d', (text, x, y, value, grouped) => {
    expect(compile(text).value(x, y)).toBeCloseTo(value, 12);
    expect(grouping(text)).toBe(grouped);
  });
});

describe('numbers', () => {
  it.each([
    ['2', 2],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['2.', 2],
    ['1e-3', 0.001],
    ['2E+4', 20000],
    ['1e3', 1000],
    ['0.000001', 1e-6],
    ['007', 7],
  ])('%s reads as %d', (text, value) => {
    expect(compile(text).value(0, 0)).toBe(value);
  });

  it('an exponent directly followed by a name is not swallowed into the number', () => {
    // "2e3x" would be ambiguous, but "1e3*x" reads as 1000·x.
    expect(compile('1e3*x').value(2, 0)).toBe(2000);
  });
});

describe('constants and names', () => {
  it('pi and e are the usual constants', () => {
    expect(compile('pi').value(0, 0)).toBe(Math.PI);
    expect(compile('e').value(0, 0)).toBe(Math.E);
  });

  it('pi may also be typed as Pi, PI or π, because people paste those', () => {
    for (const text of ['Pi', 'PI', 'π', '2*π']) {
      expect(compile(text).value(0, 0)).toBeCloseTo(text === '2*π' ? 2 * Math.PI : Math.PI, 15);
    }
  });

  it('e^x is exactly exp(x), value and slope', () => {
    const viaE = compile('e^x');
    const viaExp = compile('exp(x)');
    for (const x of [-2, 0, 0.7, 3]) {
      expect(viaE.value(x, 0)).toBe(viaExp.value(x, 0));
    }
  });

  it('log is the natural logarithm', () => {
    expect(compile('log(e)').value(0, 0)).toBe(1);
    expect(compile('log(x)').value(Math.E ** 2, 0)).toBeCloseTo(2, 15);
  });

  it('x and y are the two coordinates', () => {
    expect(compile('x - 10*y').value(3, 2)).toBe(-17);
  });
});

describe('typing comfort', () => {
  it('spaces, tabs and newlines are ignored', () => {
    const f = compile(' \tx ^ 2\n+\r\n y ^ 2  ');
    expect(f.value(3, 4)).toBe(25);
  });

  it('a non-breaking space pasted from a document is ignored too', () => {
    expect(compile('x\u00a0+\u00a0y').value(1, 2)).toBe(3);
  });

  it('the Unicode minus − and the multiplication signs × and · work like - and *', () => {
    expect(compile('\u2212x').value(2, 0)).toBe(-2);
    expect(compile('3\u00d7x').value(2, 0)).toBe(6);
    expect(compile('3\u00b7x').value(2, 0)).toBe(6);
    expect(compile('1e\u22123').value(0, 0)).toBe(0.001);
  });

  it('keeps the text as typed', () => {
    expect(compile(' x^2 ').source).toBe(' x^2 ');
  });
});
