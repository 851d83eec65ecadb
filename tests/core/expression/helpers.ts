import { expect } from 'vitest';
import {
  parseFunction,
  type CompiledFunction,
  type ParseError,
} from '../../../src/core/expression';

/** Parses text that must be a valid function. */
export function compile(text: string): CompiledFunction {
  const result = parseFunction(text);
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.message}`);
  return result;
}

/** Parses text that must be rejected. */
export function rejectionOf(text: string): ParseError {
  const result = parseFunction(text);
  if (result.ok) throw new Error(`"${text}" parsed but should not have`);
  return result;
}

/** f and its gradient at (x, y), as the optimizers see them. */
export function evaluate(f: CompiledFunction, x: number, y: number): [number, number, number] {
  const grad = [Number.NaN, Number.NaN];
  const value = f.valueAndGradient(x, y, grad, 0);
  return [value, grad[0]!, grad[1]!];
}

/** Central finite differences (f(p + h) − f(p − h)) / 2h, only as an independent check. */
export function finiteDifferences(f: CompiledFunction, x: number, y: number, h = 1e-6) {
  return [
    (f.value(x + h, y) - f.value(x - h, y)) / (2 * h),
    (f.value(x, y + h) - f.value(x, y - h)) / (2 * h),
  ] as const;
}

/** |actual − expected| ≤ tolerance · max(1, |expected|). */
export function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  const error = Math.abs(actual - expected);
  const allowed = tolerance * Math.max(1, Math.abs(expected));
  if (!(error <= allowed)) {
    expect.fail(`expected ${actual} to be within ${allowed} of ${expected}`);
  }
}
