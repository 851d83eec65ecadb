import { shorten } from './errors';
import type { ParseProblem } from './problems';

/**
 * The functions a user may call, each with exactly one argument: sin, cos, tan, atan,
 * sinh, cosh, tanh, exp, log (the natural logarithm, ln), sqrt (√u) and abs (|u|).
 */
export const FUNCTION_NAMES = [
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
] as const;

/** One of {@link FUNCTION_NAMES}. */
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * What a name in the typed text stands for: a variable (x or y), a constant
 * (pi = π ≈ 3.14159, e ≈ 2.71828) or a function from {@link FUNCTION_NAMES}.
 */
export type NameMeaning =
  | { readonly kind: 'variable'; readonly name: 'x' | 'y' }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e'; readonly value: number }
  | { readonly kind: 'function'; readonly name: FunctionName };

const X: NameMeaning = { kind: 'variable', name: 'x' };
const Y: NameMeaning = { kind: 'variable', name: 'y' };
const PI: NameMeaning = { kind: 'constant', name: 'pi', value: Math.PI };
const E: NameMeaning = { kind: 'constant', name: 'e', value: Math.E };
const FUNCTIONS = new Map<string, NameMeaning>(
  FUNCTION_NAMES.map((name) => [name, { kind: 'function', name }]),
);

/** Names that stand for a value, tried when a run of letters like "xy" is split. */
const VALUE_NAMES = ['pi', 'x', 'y', 'e'] as const;

/**
 * The meaning of a name, or null when it is unknown. Names are case-sensitive lowercase,
 * except that pi may also be written `Pi`, `PI` or `π` (people paste those).
 */
export function resolveName(text: string): NameMeaning | null {
  switch (text) {
    case 'x':
      return X;
    case 'y':
      return Y;
    case 'e':
      return E;
    case 'pi':
    case 'Pi':
    case 'PI':
    case 'π':
      return PI;
  }
  return FUNCTIONS.get(text) ?? null;
}

/**
 * Splits a run of letters into known names written without `*`, e.g. "xy" → [x, y],
 * "pix" → [pi, x]; when `allowFunctionLast`, the last piece may be a function ("xsin" →
 * [x, sin]). Returns null when no split exists. Linear in the length (dynamic programming).
 */
export function splitName(text: string, allowFunctionLast: boolean): string[] | null {
  const n = text.length;
  const cameFrom = new Int32Array(n + 1).fill(-1);
  cameFrom[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cameFrom[i] === -1) continue;
    for (const piece of VALUE_NAMES) {
      const end = i + piece.length;
      if (end <= n && cameFrom[end] === -1 && text.startsWith(piece, i)) cameFrom[end] = i;
    }
    if (allowFunctionLast && cameFrom[n] === -1) {
      for (const piece of FUNCTION_NAMES) {
        if (i + piece.length === n && text.startsWith(piece, i)) cameFrom[n] = i;
      }
    }
  }
  if (cameFrom[n] === -1) return null;
  const pieces: string[] = [];
  for (let end = n; end > 0;) {
    const start = cameFrom[end]!;
    pieces.push(text.slice(start, end));
    end = start;
  }
  return pieces.reverse();
}

/** The longest function name that `text` starts with ("sinhx" → sinh), or null. */
function functionPrefix(text: string): FunctionName | null {
  let best: FunctionName | null = null;
  for (const name of FUNCTION_NAMES) {
    if (text.startsWith(name) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * The most helpful complaint about an unknown name, in this order:
 * wrong case ("X" → write x), a function glued to its argument ("sinx" → write sin(x)),
 * names glued together ("xy" → write x*y), an unknown function (when "(" follows),
 * an unknown variable.
 */
export function unknownNameProblem(text: string, followedByParenthesis: boolean): ParseProblem {
  const name = shorten(text);
  const lower = text.toLowerCase();
  const lowerMeaning = lower === text ? null : resolveName(lower);
  if (lowerMeaning !== null) {
    const code = lowerMeaning.kind === 'function' ? 'uppercase-function' : 'uppercase-name';
    return { code, name, lowercase: shorten(lower) };
  }
  const fn = functionPrefix(text);
  if (fn !== null && !followedByParenthesis) {
    const argument = splitName(text.slice(fn.length), false);
    if (argument !== null)
      return { code: 'needs-parentheses', fn, argument: shorten(argument.join('*')) };
  }
  const pieces = splitName(text, followedByParenthesis);
  if (pieces !== null && pieces.length > 1)
    return {
      code: 'implicit-multiplication',
      typed: name,
      written: shorten(pieces.join('*')),
      power: null,
    };
  if (followedByParenthesis) return { code: 'unknown-function', name, functions: FUNCTION_NAMES };
  return { code: 'unknown-name', name };
}
