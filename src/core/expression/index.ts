/**
 * Typed-in functions f(x, y) with exact gradients.
 *
 * `parseFunction("sin(x)*cos(y) + 0.1*(x^2 + y^2)")` reads the text with a whitelist grammar
 * (no eval), folds constants, and compiles a tape that evaluates f and ∇f by forward-mode
 * automatic differentiation over many points at once. Errors are values with a column.
 */
import { compileTape } from './compile';
import { createCompiledFunction, type CompiledFunction } from './function';
import { parseExpression } from './parse';
import type { ParseError } from './errors';

export type { CompiledFunction } from './function';
export type { ParseError } from './errors';
export {
  describeProblem,
  ENGLISH_PROBLEMS,
  type ParseProblem,
  type ParseProblemCode,
  type ProblemWith,
  type ProblemWords,
} from './problems';
export { FUNCTION_NAMES } from './names';
export { MAX_FUNCTION_LENGTH, MAX_NESTING_DEPTH } from './parse';

/**
 * Reads f(x, y) from text and compiles it, or returns a {@link ParseError} (never throws).
 *
 * Grammar: numbers (`2`, `2.5`, `.5`, `1e-3`), x, y, pi (also `Pi`, `PI`, `π`), e,
 * `+ - * / ^`, parentheses, and sin cos tan atan sinh cosh tanh exp log sqrt abs, each
 * called with parentheses on one argument (log = ln). `^` is right-associative and binds
 * tighter than a sign: −x^2 = −(x²), 2^−x = 2^(−x), x^y^2 = x^(y²). `−` (U+2212) reads as
 * `-`; `×`, `·`, `⋅` as `*`. At most {@link MAX_FUNCTION_LENGTH} characters and
 * {@link MAX_NESTING_DEPTH} levels of nesting. O(length) time.
 */
export function parseFunction(text: string): CompiledFunction | ParseError {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  return createCompiledFunction(text, compileTape(parsed.expression));
}
