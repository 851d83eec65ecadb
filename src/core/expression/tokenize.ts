import { parseError, shorten, type ParseError } from './errors';

/** An operator after normalisation: `−` (U+2212) is read as `-`; `×`, `·` and `⋅` as `*`. */
export type OperatorSymbol = '+' | '-' | '*' | '/' | '^';

interface TokenSpan {
  /** The characters as typed. */
  readonly text: string;
  /** 0-based index of the first character (column − 1). */
  readonly start: number;
  /** 0-based index one past the last character. */
  readonly end: number;
}

/**
 * A piece of the typed text. The last token is either `end` (its `start` is text.length,
 * so its column is text.length + 1) or `invalid`, which carries the error of the first
 * character that is not part of the grammar. The parser reports it only when it gets there,
 * so errors always come out left to right.
 */
export type Token =
  | (TokenSpan & { readonly kind: 'number'; readonly value: number })
  | (TokenSpan & { readonly kind: 'name' })
  | (TokenSpan & { readonly kind: 'operator'; readonly op: OperatorSymbol })
  | (TokenSpan & { readonly kind: 'open' | 'close' | 'comma' | 'end' })
  | (TokenSpan & { readonly kind: 'invalid'; readonly error: ParseError });

const OPERATORS = new Map<string, OperatorSymbol>([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'],
  ['*', '*'],
  ['\u00d7', '*'],
  ['\u00b7', '*'],
  ['\u22c5', '*'],
  ['/', '/'],
  ['^', '^'],
]);

/** Hints for characters people type by habit from other notations. */
const CHARACTER_HINTS = new Map<string, string>([
  ['[', 'use ( and ) for grouping'],
  [']', 'use ( and ) for grouping'],
  ['{', 'use ( and ) for grouping'],
  ['}', 'use ( and ) for grouping'],
  ['=', 'type only the expression, e.g. x^2 + y^2'],
  ['\u00b2', 'write ^2 for powers'],
  ['\u00b3', 'write ^3 for powers'],
  ['\u00f7', 'write / for division'],
  ['|', 'write abs(...) for absolute values'],
  ['\u221a', 'write sqrt(...) for square roots'],
]);

const DOT = 46;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function isSpace(c: number, character: string): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(character));
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Splits `text` into tokens in one left-to-right pass (O(length)). Stops at the first
 * unexpected character, malformed number or `**` with an `invalid` token.
 * Whitespace (including Unicode spaces) separates tokens and is otherwise ignored.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const character = text.charAt(i);
    if (isSpace(c, character)) {
      i++;
      continue;
    }
    if (isDigit(c) || c === DOT) {
      const token = scanNumber(text, i);
      tokens.push(token);
      if (token.kind === 'invalid') return tokens;
      i = token.end;
      continue;
    }
    if (isLetter(c)) {
      let end = i + 1;
      while (isLetter(text.charCodeAt(end))) end++;
      tokens.push({ kind: 'name', text: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const span = { text: character, start: i, end: i + 1 };
    const op = OPERATORS.get(character);
    if (op === '*' && text.charAt(i + 1) === '*') {
      tokens.push(invalid(parseError(i + 1, '"**": write ^ for powers')));
      return tokens;
    }
    if (op !== undefined) tokens.push({ kind: 'operator', op, ...span });
    else if (character === '(') tokens.push({ kind: 'open', ...span });
    else if (character === ')') tokens.push({ kind: 'close', ...span });
    else if (character === ',') tokens.push({ kind: 'comma', ...span });
    else if (character === '\u03c0') tokens.push({ kind: 'name', ...span });
    else {
      tokens.push(invalid(unexpectedCharacter(text, i)));
      return tokens;
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', start: n, end: n });
  return tokens;
}

/**
 * Reads a number starting at `start`: digits with at most one decimal point (`2`, `2.5`,
 * `.5`, `2.`) and an optional exponent (`1e-3`, `2E+4`). An `e` followed by a letter ends
 * the number, so `2exp(x)` reads as 2 then `exp` and the parser asks for `2*exp`.
 */
function scanNumber(text: string, start: number): Token {
  let i = skipDigits(text, start);
  const integerDigits = i - start;
  let fractionDigits = 0;
  if (text.charCodeAt(i) === DOT) {
    const fractionStart = i + 1;
    i = skipDigits(text, fractionStart);
    fractionDigits = i - fractionStart;
  }
  if (integerDigits + fractionDigits === 0) return invalid(parseError(start + 1, 'unexpected "."'));
  let literal = text.slice(start, i);
  let hasExponent = false;
  const marker = text.charAt(i);
  if (marker === 'e' || marker === 'E') {
    const sign = text.charAt(i + 1);
    const signed = sign === '+' || sign === '-' || sign === '\u2212';
    const digitsStart = signed ? i + 2 : i + 1;
    if (isDigit(text.charCodeAt(digitsStart))) {
      const digitsEnd = skipDigits(text, digitsStart);
      const exponentSign = signed ? (sign === '+' ? '+' : '-') : '';
      literal += `e${exponentSign}${text.slice(digitsStart, digitsEnd)}`;
      i = digitsEnd;
      hasExponent = true;
    } else if (signed || !isLetter(text.charCodeAt(i + 1))) {
      const mantissa = shorten(text.slice(start, i));
      const shown = shorten(text.slice(start, digitsStart));
      return invalid(
        parseError(
          i + 1,
          `bad number "${shown}": an exponent needs digits, e.g. ${mantissa}e-3; ` +
            `for ${mantissa} times e write ${mantissa}*e`,
        ),
      );
    }
  }
  if (text.charCodeAt(i) === DOT) {
    let end = i;
    while (text.charCodeAt(end) === DOT || isDigit(text.charCodeAt(end))) end++;
    const shown = shorten(text.slice(start, end));
    const why = hasExponent
      ? 'the exponent must be a whole number'
      : 'a number has at most one decimal point';
    return invalid(parseError(i + 1, `bad number "${shown}": ${why}`));
  }
  const shown = text.slice(start, i);
  const value = Number(literal);
  if (!Number.isFinite(value))
    return invalid(parseError(start + 1, `the number "${shorten(shown)}" is too large`));
  return { kind: 'number', value, text: shown, start, end: i };
}

/** The token that stops tokenizing, at the error's column. */
function invalid(error: ParseError): Token {
  const start = error.column - 1;
  return { kind: 'invalid', error, text: '', start, end: start };
}

/** "unexpected "$"", or "unexpected character U+0007" for invisible characters. */
function unexpectedCharacter(text: string, index: number): ParseError {
  const codePoint = text.codePointAt(index) ?? 0;
  const character = String.fromCodePoint(codePoint);
  const invisible = /[\p{C}\p{Z}]/u.test(character);
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const shown = invisible ? `character U+${hex}` : `"${character}"`;
  const hint = CHARACTER_HINTS.get(character);
  return parseError(index + 1, `unexpected ${shown}${hint === undefined ? '' : `: ${hint}`}`);
}
