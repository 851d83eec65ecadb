import { describeProblem, ENGLISH_PROBLEMS, type ParseProblem } from './problems';

/**
 * Why a typed-in function could not be read. Errors are values: the parser never throws.
 *
 * `column` is 1-based and counts UTF-16 code units, the unit of a text field's
 * `selectionStart`, so the caret for the error sits at `selectionStart = column − 1`.
 * It lies in 1 … text.length + 1; `text.length + 1` means "at the end".
 * `problem` says what is wrong as a code with arguments, for the app to word in the reader's
 * language; `reason` is that problem in English and `message` is always
 * `column ${column}: ${reason}` (what `trace` prints).
 */
export interface ParseError {
  ok: false;
  column: number;
  problem: ParseProblem;
  reason: string;
  message: string;
}

/** Builds a {@link ParseError} at `column`, with the problem's English reason and message. */
export function parseError(column: number, problem: ParseProblem): ParseError {
  const reason = describeProblem(ENGLISH_PROBLEMS, problem);
  return { ok: false, column, problem, reason, message: `column ${column}: ${reason}` };
}

/** Typed text quoted in a reason, cut to `limit` characters with "…" so messages stay short. */
export function shorten(text: string, limit = 24): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
