/**
 * Why a typed-in function could not be read. Errors are values: the parser never throws.
 *
 * `column` is 1-based and counts UTF-16 code units, the unit of a text field's
 * `selectionStart`, so the caret for the error sits at `selectionStart = column − 1`.
 * It lies in 1 … text.length + 1; `text.length + 1` means "at the end".
 * `message` is always `column ${column}: ${reason}`.
 */
export interface ParseError {
  ok: false;
  column: number;
  reason: string;
  message: string;
}

/** Builds a {@link ParseError} whose message is `column ${column}: ${reason}`. */
export function parseError(column: number, reason: string): ParseError {
  return { ok: false, column, reason, message: `column ${column}: ${reason}` };
}

/** Typed text quoted in a reason, cut to `limit` characters with "…" so messages stay short. */
export function shorten(text: string, limit = 24): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
