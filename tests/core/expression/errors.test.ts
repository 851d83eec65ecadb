import { describe, expect, it } from 'vitest';
import { rejectionOf } from './helpers';

describe('a mistyped function gets an error that says what to write instead', () => {
  it.each([
    // text, column, reason
    ['', 1, 'empty function: type an expression in x and y, e.g. x^2 + y^2'],
    ['   ', 1, 'empty function: type an expression in x and y, e.g. x^2 + y^2'],
    ['(x+y))', 6, 'unexpected ")"'],
    ['x^2 + )', 7, 'unexpected ")": "+" needs a right-hand side'],
    [')', 1, 'unexpected ")"'],
    ['z', 1, 'unknown name "z": the variables are x and y'],
    ['x + z^2', 5, 'unknown name "z": the variables are x and y'],
    ['X', 1, 'unknown name "X": names are lowercase, write x'],
    ['2x', 2, '"2x": write 2*x'],
    ['2(x+1)', 2, '"2(": write 2*('],
    ['(x+1)(y+1)', 6, '")(": write )*('],
    ['(x+1)x', 6, '")x": write )*x'],
    ['x y', 3, '"x y": write x*y'],
    ['xy', 1, '"xy": write x*y'],
    ['2xy', 2, '"2xy": write 2*x*y'],
    ['x2', 2, '"x2": write x*2 (or x^2 for a power)'],
    ['2 sin(x)', 3, '"2 sin": write 2*sin'],
    ['2exp(x)', 2, '"2exp": write 2*exp'],
    ['xsin(y)', 1, '"xsin": write x*sin'],
    [
      'foo(x)',
      1,
      'unknown function "foo": the functions are sin, cos, tan, atan, sinh, cosh, tanh, exp, log, sqrt, abs',
    ],
    ['Sin(x)', 1, 'unknown function "Sin": names are lowercase, write sin'],
    ['sin x', 1, '"sin" needs parentheses: write sin(x)'],
    ['1 + sinx', 5, '"sin" needs parentheses: write sin(x)'],
    ['sin', 1, '"sin" needs parentheses, e.g. sin(x)'],
    ['sin^2(x)', 1, '"sin" needs parentheses: for a power write sin(x)^2'],
    ['x**2', 2, '"**": write ^ for powers'],
    ['x^', 3, 'unexpected end: "^" needs a right-hand side'],
    ['x -', 4, 'unexpected end: "-" needs a right-hand side'],
    ['x^*2', 3, 'unexpected "*": "^" needs a right-hand side'],
    ['*x', 1, 'unexpected "*": "*" needs a left-hand side'],
    ['(*x)', 2, 'unexpected "*" after "("'],
    ['(x+1', 1, '"(" is never closed'],
    ['sin(x) + (y', 10, '"(" is never closed'],
    ['((x)', 1, '"(" is never closed'],
    ['sin(', 4, '"(" is never closed'],
    ['()', 2, 'unexpected ")": the parentheses are empty'],
    ['sin()', 5, 'unexpected ")": "sin" needs an argument, e.g. sin(x)'],
    ['atan(y, x)', 7, 'unexpected ",": "atan" takes one argument'],
    ['x, y', 2, 'unexpected ","'],
    ['0,5*x', 2, 'unexpected ",": write 0.5 for a decimal number'],
    ['1e', 2, 'bad number "1e": an exponent needs digits, e.g. 1e-3; for 1 times e write 1*e'],
    ['x+2e-', 4, 'bad number "2e-": an exponent needs digits, e.g. 2e-3; for 2 times e write 2*e'],
    ['1.2.3', 4, 'bad number "1.2.3": a number has at most one decimal point'],
    ['1e3.5', 4, 'bad number "1e3.5": the exponent must be a whole number'],
    ['1e999*x', 1, 'the number "1e999" is too large'],
    ['.', 1, 'unexpected "."'],
    ['x $ y', 3, 'unexpected "$"'],
    ['[x+y]', 1, 'unexpected "[": use ( and ) for grouping'],
    ['z = x^2', 1, 'unknown name "z": the variables are x and y'],
    ['x = 2', 3, 'unexpected "=": type only the expression, e.g. x^2 + y^2'],
    ['x\u00b2', 2, 'unexpected "\u00b2": write ^2 for powers'],
    ['|x|', 1, 'unexpected "|": write abs(...) for absolute values'],
    ['x+\u0007', 3, 'unexpected character U+0007'],
    ['x+\u{1F600}', 3, 'unexpected "\u{1F600}"'],
  ])('%j → column %d: %s', (text, column, reason) => {
    const error = rejectionOf(text);
    expect(error).toEqual({ ok: false, column, reason, message: `column ${column}: ${reason}` });
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
  });
});
