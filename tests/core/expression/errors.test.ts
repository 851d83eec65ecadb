import { describe, expect, it } from 'vitest';
import { ENGLISH_PROBLEMS, type ParseProblemCode } from '../../../src/core/expression';
import { describeFunctionError, messages } from '../../../src/i18n';
import { rejectionOf } from './helpers';
import { MISTAKES, OVER_THE_LIMITS } from './mistakes';

describe('a mistyped function gets an error that says what to write instead', () => {
  it.each(MISTAKES)('%j → column %d, %s: %s', (text, column, code, reason) => {
    const error = rejectionOf(text);
    expect(error).toEqual({
      ok: false,
      column,
      problem: expect.objectContaining({ code }),
      reason,
      message: `column ${column}: ${reason}`,
    });
  });

  it('reports the leftmost mistake first, even when a stray character comes later', () => {
    expect(rejectionOf('a + $').message).toBe(
      'column 1: unknown name "a": the variables are x and y',
    );
    expect(rejectionOf('2x $').column).toBe(2);
  });

  it('keeps quoted text short when the typed name is very long', () => {
    const error = rejectionOf('q'.repeat(500));
    expect(error.reason).toBe(`unknown name "${'q'.repeat(23)}…": the variables are x and y`);
    expect(error.problem).toEqual({ code: 'unknown-name', name: `${'q'.repeat(23)}…` });
  });

  it('carries what it quotes as arguments, so another language can word it', () => {
    expect(rejectionOf('2x').problem).toEqual({
      code: 'implicit-multiplication',
      typed: '2x',
      written: '2*x',
      power: null,
    });
    expect(rejectionOf('x2').problem).toMatchObject({ written: 'x*2', power: 'x^2' });
    expect(rejectionOf('x^').problem).toEqual({
      code: 'missing-right-operand',
      found: null,
      operator: '^',
    });
    expect(rejectionOf('0,5*x').problem).toEqual({
      code: 'decimal-comma',
      whole: '0',
      fraction: '5',
    });
    expect(rejectionOf('1e').problem).toEqual({
      code: 'exponent-without-digits',
      number: '1e',
      mantissa: '1',
    });
  });
});

describe('every error code', () => {
  const codes = Object.keys(ENGLISH_PROBLEMS).sort();
  const all = [...MISTAKES, ...OVER_THE_LIMITS];

  it('is reached by one of the mistakes above, with the code the test expects', () => {
    for (const [text, , code] of OVER_THE_LIMITS) expect(rejectionOf(text).problem.code).toBe(code);
    expect([...new Set(all.map(([, , code]) => code))].sort()).toEqual(codes);
  });

  it('has an English and a Russian text, and the English one is what the command line prints', () => {
    const ru = messages.ru.functionErrors;
    const en = messages.en.functionErrors;
    expect(Object.keys(ru.problems).sort()).toEqual(codes);
    expect(Object.keys(en.problems).sort()).toEqual(codes);
    const seen = new Set<ParseProblemCode>();
    for (const [text] of all) {
      const error = rejectionOf(text);
      seen.add(error.problem.code);
      expect(describeFunctionError(en, error)).toBe(error.message);
      const russian = describeFunctionError(ru, error);
      expect(russian).toMatch(new RegExp(`^столбец ${error.column}: `));
      expect(russian).toMatch(/[а-яё]/i);
    }
    expect([...seen].sort()).toEqual(codes);
  });
});
