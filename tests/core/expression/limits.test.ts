import { describe, expect, it } from 'vitest';
import { MAX_FUNCTION_LENGTH, MAX_NESTING_DEPTH } from '../../../src/core/expression';
import { compile, evaluate, rejectionOf } from './helpers';

const TOO_DEEP =
  'nested more than 100 levels deep (parentheses, signs and function calls): simplify the expression';

describe('length limit', () => {
  it('is 1,000 characters', () => {
    expect(MAX_FUNCTION_LENGTH).toBe(1000);
  });

  it('accepts a function of exactly 1,000 characters', () => {
    expect(compile('x' + ' '.repeat(999)).value(2, 0)).toBe(2);
  });

  it('rejects 1,001 characters at column 1001', () => {
    const error = rejectionOf('x' + ' '.repeat(1000));
    expect(error.column).toBe(1001);
    expect(error.reason).toBe('the function is longer than 1,000 characters');
  });
});

describe('nesting limit', () => {
  it('is 100 levels', () => {
    expect(MAX_NESTING_DEPTH).toBe(100);
  });

  it('accepts 100 nested parentheses', () => {
    expect(compile('('.repeat(100) + 'x' + ')'.repeat(100)).value(3, 0)).toBe(3);
  });

  it('rejects 101 nested parentheses at the 101st "("', () => {
    const error = rejectionOf('('.repeat(101) + 'x' + ')'.repeat(101));
    expect(error.column).toBe(101);
    expect(error.reason).toBe(TOO_DEEP);
  });

  it('counts signs: 100 minus signs are fine, 101 are too many', () => {
    expect(compile('-'.repeat(100) + 'x').value(3, 0)).toBe(3);
    expect(rejectionOf('-'.repeat(101) + 'x').column).toBe(101);
  });

  it('counts a function call once: 100 nested sin( are fine, the 101st is reported at its name', () => {
    const deep = (n: number) => 'sin('.repeat(n) + 'x' + ')'.repeat(n);
    expect(compile(deep(100)).value(0, 0)).toBe(0);
    const error = rejectionOf(deep(101));
    expect(error.column).toBe(401);
    expect(error.reason).toBe(TOO_DEEP);
  });

  it('mixes parentheses, signs and calls', () => {
    expect(compile('-('.repeat(50) + 'x' + ')'.repeat(50)).value(1, 0)).toBe(1);
    expect(rejectionOf('-(' + '-('.repeat(50) + 'x' + ')'.repeat(51)).column).toBe(101);
  });

  it('10,000 open parentheses give an error instead of a crash', () => {
    const error = rejectionOf('('.repeat(10_000));
    expect(error.column).toBe(1001);
  });

  it('1,000 open parentheses are stopped at the 101st', () => {
    expect(rejectionOf('('.repeat(1000)).column).toBe(101);
  });

  it('a tower x^x^…^x of 500 powers (not limited: no nesting) parses and evaluates', () => {
    const tower = compile('x^'.repeat(499) + 'x');
    const [value, gx, gy] = evaluate(tower, 1, 0);
    expect(value).toBe(1);
    expect(gx).toBeCloseTo(1, 12);
    expect(gy).toBe(0);
  });

  it('a sum of 500 terms parses and evaluates', () => {
    const sum = compile('x+'.repeat(499) + 'x');
    expect(evaluate(sum, 2, 0)).toEqual([1000, 500, 0]);
  });
});
