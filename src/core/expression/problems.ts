/**
 * What can be wrong with a typed-in function, as a code and the pieces its message quotes. The
 * quoted pieces are already cut short (see `shorten`), so each language only arranges them:
 * {@link ENGLISH_PROBLEMS} here for the command line and tests, the app's dictionaries for the
 * screen. `found` is the offending character or token as typed (null: the end of the text).
 */
export type ParseProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly limit: number }
  | { readonly code: 'too-deep'; readonly limit: number }
  | { readonly code: 'unexpected'; readonly found: string | null }
  | { readonly code: 'invisible-character'; readonly codePoint: string }
  | { readonly code: 'bracket'; readonly found: string }
  | { readonly code: 'equals-sign' }
  | { readonly code: 'superscript-power'; readonly found: string; readonly power: number }
  | { readonly code: 'division-sign' }
  | { readonly code: 'absolute-bars' }
  | { readonly code: 'root-sign' }
  | { readonly code: 'double-star' }
  | { readonly code: 'exponent-without-digits'; readonly number: string; readonly mantissa: string }
  | { readonly code: 'two-decimal-points'; readonly number: string }
  | { readonly code: 'fractional-exponent'; readonly number: string }
  | { readonly code: 'number-too-large'; readonly number: string }
  | {
      readonly code: 'missing-right-operand';
      readonly found: string | null;
      readonly operator: string;
    }
  | { readonly code: 'missing-left-operand'; readonly operator: string }
  | { readonly code: 'operator-after'; readonly found: string; readonly previous: string }
  | { readonly code: 'empty-parentheses' }
  | { readonly code: 'missing-argument'; readonly fn: string }
  | { readonly code: 'unclosed-parenthesis' }
  | { readonly code: 'comma-in-call'; readonly fn: string }
  | { readonly code: 'decimal-comma'; readonly whole: string; readonly fraction: string }
  | {
      readonly code: 'implicit-multiplication';
      /** What was typed, e.g. "2x"; `written` is the fix, "2*x". */
      readonly typed: string;
      readonly written: string;
      /** The power the user may have meant instead ("x^2" for "x2"), or null. */
      readonly power: string | null;
    }
  | { readonly code: 'uppercase-name'; readonly name: string; readonly lowercase: string }
  | { readonly code: 'uppercase-function'; readonly name: string; readonly lowercase: string }
  | { readonly code: 'needs-parentheses'; readonly fn: string; readonly argument: string }
  | { readonly code: 'power-of-function'; readonly fn: string }
  | { readonly code: 'call-without-parentheses'; readonly fn: string }
  | {
      readonly code: 'unknown-function';
      readonly name: string;
      readonly functions: readonly string[];
    }
  | { readonly code: 'unknown-name'; readonly name: string };

/** One of the codes of {@link ParseProblem}. */
export type ParseProblemCode = ParseProblem['code'];

/** The problem with code `C`, with its arguments. */
export type ProblemWith<C extends ParseProblemCode> = Extract<ParseProblem, { code: C }>;

/**
 * A language's words for every problem: one function per code. Typed as a mapped type, so a
 * dictionary that misses a code, or reads an argument the code does not have, does not compile.
 */
export type ProblemWords = {
  readonly [C in ParseProblemCode]: (problem: ProblemWith<C>) => string;
};

/** The problem in the given words. */
export function describeProblem(words: ProblemWords, problem: ParseProblem): string {
  return (words[problem.code] as (p: ParseProblem) => string)(problem);
}

const end = (found: string | null): string => (found === null ? 'end' : `"${found}"`);

/** The problems in English: what `trace` prints and every test of the parser reads. */
export const ENGLISH_PROBLEMS: ProblemWords = {
  empty: () => 'empty function: type an expression in x and y, e.g. x^2 + y^2',
  'too-long': (p) => `the function is longer than ${p.limit.toLocaleString('en-US')} characters`,
  'too-deep': (p) =>
    `nested more than ${p.limit} levels deep (parentheses, signs and function calls): ` +
    'simplify the expression',
  unexpected: (p) => `unexpected ${end(p.found)}`,
  'invisible-character': (p) => `unexpected character ${p.codePoint}`,
  bracket: (p) => `unexpected "${p.found}": use ( and ) for grouping`,
  'equals-sign': () => 'unexpected "=": type only the expression, e.g. x^2 + y^2',
  'superscript-power': (p) => `unexpected "${p.found}": write ^${p.power} for powers`,
  'division-sign': () => 'unexpected "÷": write / for division',
  'absolute-bars': () => 'unexpected "|": write abs(...) for absolute values',
  'root-sign': () => 'unexpected "√": write sqrt(...) for square roots',
  'double-star': () => '"**": write ^ for powers',
  'exponent-without-digits': (p) =>
    `bad number "${p.number}": an exponent needs digits, e.g. ${p.mantissa}e-3; ` +
    `for ${p.mantissa} times e write ${p.mantissa}*e`,
  'two-decimal-points': (p) => `bad number "${p.number}": a number has at most one decimal point`,
  'fractional-exponent': (p) => `bad number "${p.number}": the exponent must be a whole number`,
  'number-too-large': (p) => `the number "${p.number}" is too large`,
  'missing-right-operand': (p) =>
    `unexpected ${end(p.found)}: "${p.operator}" needs a right-hand side`,
  'missing-left-operand': (p) =>
    `unexpected "${p.operator}": "${p.operator}" needs a left-hand side`,
  'operator-after': (p) => `unexpected "${p.found}" after "${p.previous}"`,
  'empty-parentheses': () => 'unexpected ")": the parentheses are empty',
  'missing-argument': (p) => `unexpected ")": "${p.fn}" needs an argument, e.g. ${p.fn}(x)`,
  'unclosed-parenthesis': () => '"(" is never closed',
  'comma-in-call': (p) => `unexpected ",": "${p.fn}" takes one argument`,
  'decimal-comma': (p) => `unexpected ",": write ${p.whole}.${p.fraction} for a decimal number`,
  'implicit-multiplication': (p) =>
    `"${p.typed}": write ${p.written}${p.power === null ? '' : ` (or ${p.power} for a power)`}`,
  'uppercase-name': (p) => `unknown name "${p.name}": names are lowercase, write ${p.lowercase}`,
  'uppercase-function': (p) =>
    `unknown function "${p.name}": names are lowercase, write ${p.lowercase}`,
  'needs-parentheses': (p) => `"${p.fn}" needs parentheses: write ${p.fn}(${p.argument})`,
  'power-of-function': (p) => `"${p.fn}" needs parentheses: for a power write ${p.fn}(x)^2`,
  'call-without-parentheses': (p) => `"${p.fn}" needs parentheses, e.g. ${p.fn}(x)`,
  'unknown-function': (p) =>
    `unknown function "${p.name}": the functions are ${p.functions.join(', ')}`,
  'unknown-name': (p) => `unknown name "${p.name}": the variables are x and y`,
};
