import { parseError, shorten, type ParseError } from './errors';
import type { ParseProblem } from './problems';

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

/** Characters people type by habit from other notations, each with its hint. */
const CHARACTER_PROBLEMS = new Map<string, ParseProblem>([
  ['[', { code: 'bracket', found: '[' }],
  [']', { code: 'bracket', found: ']' }],
  ['{', { code: 'bracket', found: '{' }],
  ['}', { code: 'bracket', found: '}' }],
  ['=', { code: 'equals-sign' }],
  ['\u00b2', { code: 'superscript-power', found: '\u00b2', power: 2 }],
  ['\u00b3', { code: 'superscript-power', found: '\u00b3', power: 3 }],
  ['\u00f7', { code: 'division-sign' }],
  ['|', { code: 'absolute-bars' }],
  ['\u221a', { code: 'root-sign' }],
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
      tokens.push(invalid(parseError(i + 1, { code: 'double-star' })));
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
  if (integerDigits + fractionDigits === 0)
    return invalid(parseError(start + 1, { code: 'unexpected', found: '.' }));
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
      const number = shorten(text.slice(start, digitsStart));
      return invalid(parseError(i + 1, { code: 'exponent-without-digits', number, mantissa }));
    }
  }
  if (text.charCodeAt(i) === DOT) {
    let end = i;
    while (text.charCodeAt(end) === DOT || isDigit(text.charCodeAt(end))) end++;
    const number = shorten(text.slice(start, end));
    const code = hasExponent ? 'fractional-exponent' : 'two-decimal-points';
    return invalid(parseError(i + 1, { code, number }));
  }
  const shown = text.slice(start, i);
  const value = Number(literal);
  if (!Number.isFinite(value))
    return invalid(parseError(start + 1, { code: 'number-too-large', number: shorten(shown) }));
  return { kind: 'number', value, text: shown, start, end: i };
}

/** The token that stops tokenizing, at the error's column. */
function invalid(error: ParseError): Token {
  const start = error.column - 1;
  return { kind: 'invalid', error, text: '', start, end: start };
}

/** "unexpected "$"", a hint for a habit from other notations, or the code point of an invisible one. */
function unexpectedCharacter(text: string, index: number): ParseError {
  const codePoint = text.codePointAt(index) ?? 0;
  const character = String.fromCodePoint(codePoint);
  const hinted = CHARACTER_PROBLEMS.get(character);
  if (hinted !== undefined) return parseError(index + 1, hinted);
  if (/[\p{C}\p{Z}]/u.test(character)) {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    return parseError(index + 1, { code: 'invisible-character', codePoint: `U+${hex}` });
  }
  return parseError(index + 1, { code: 'unexpected', found: character });
}
