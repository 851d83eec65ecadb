import type { BinaryOperator, Expr } from './ast';
import { parseError, shorten, type ParseError } from './errors';
import { resolveName, splitName, unknownNameProblem, type FunctionName } from './names';
import type { ParseProblem } from './problems';
import { tokenize, type Token } from './tokenize';

/** The longest function text accepted, in UTF-16 code units. */
export const MAX_FUNCTION_LENGTH = 1000;

/**
 * The deepest nesting accepted: open parentheses (a function call counts once) plus
 * pending unary signs, e.g. `-(-(x))` has depth 4.
 */
export const MAX_NESTING_DEPTH = 100;

/** A successfully read expression tree. */
export interface ParsedExpression {
  readonly ok: true;
  readonly expression: Expr;
}

const TOO_DEEP: ParseProblem = { code: 'too-deep', limit: MAX_NESTING_DEPTH };
const UNCLOSED: ParseProblem = { code: 'unclosed-parenthesis' };

/** Binding strength: + − < · / < unary sign < ^ (so −x^2 = −(x²) and 2^−x = 2^(−x)). */
const PRECEDENCE: Record<BinaryOperator, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };
const SIGN_PRECEDENCE = 3;

type Pending =
  | { readonly kind: 'sign'; readonly negative: boolean }
  | { readonly kind: 'binary'; readonly op: BinaryOperator }
  | { readonly kind: 'group'; readonly fn: FunctionName | null; readonly open: Token };

/**
 * Reads f(x, y) from text into an {@link Expr}, or returns the first {@link ParseError}.
 *
 * Grammar (precedence low → high): `a + b`, `a - b` (left-assoc) < `a * b`, `a / b`
 * (left-assoc) < unary `+a`, `-a` < `a ^ b` (right-assoc: x^y^2 = x^(y²)); atoms are
 * numbers, x, y, pi, e, `( … )` and `fn( … )`. Operator-precedence parsing with explicit
 * stacks: O(length) time, no recursion, so no input can overflow the call stack.
 */
export function parseExpression(text: string): ParsedExpression | ParseError {
  if (text.length > MAX_FUNCTION_LENGTH) {
    return parseError(MAX_FUNCTION_LENGTH + 1, { code: 'too-long', limit: MAX_FUNCTION_LENGTH });
  }
  const tokens = tokenize(text);
  if (tokens[0]!.kind === 'end') return parseError(1, { code: 'empty' });

  const operands: Expr[] = [];
  const pending: Pending[] = [];
  let depth = 0;
  let expectOperand = true;

  /** Pops one pending operator and applies it to the operand stack. */
  const applyTop = (): void => {
    const top = pending.pop();
    if (top?.kind === 'sign') {
      depth--;
      if (top.negative) operands.push({ kind: 'negate', operand: operands.pop()! });
    } else if (top?.kind === 'binary') {
      const right = operands.pop()!;
      const left = operands.pop()!;
      operands.push({ kind: 'binary', op: top.op, left, right });
    }
  };
  /** Applies pending operators down to the innermost open group, which is popped and returned. */
  const closeGroup = (): (Pending & { kind: 'group' }) | null => {
    for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
      if (top.kind === 'group') {
        pending.pop();
        depth--;
        return top;
      }
      applyTop();
    }
    return null;
  };

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const previous = tokens[k - 1];
    const next = tokens[k + 1] ?? token;
    const column = token.start + 1;
    if (token.kind === 'invalid') return token.error;
    if (token.kind === 'comma') {
      return parseError(column, commaProblem(token, previous, next, pending));
    }

    if (expectOperand) {
      if (token.kind === 'number') {
        operands.push({ kind: 'number', value: token.value });
        expectOperand = false;
      } else if (token.kind === 'name') {
        const meaning = resolveName(token.text);
        if (meaning === null) {
          return parseError(column, unknownNameProblem(token.text, next.kind === 'open'));
        }
        if (meaning.kind === 'variable') {
          operands.push({ kind: 'variable', name: meaning.name });
        } else if (meaning.kind === 'constant') {
          operands.push({ kind: 'constant', name: meaning.name, value: meaning.value });
        } else {
          if (next.kind !== 'open') return parseError(column, needsParentheses(meaning.name, next));
          if (++depth > MAX_NESTING_DEPTH) return parseError(column, TOO_DEEP);
          pending.push({ kind: 'group', fn: meaning.name, open: next });
          k++;
          continue;
        }
        expectOperand = false;
      } else if (token.kind === 'open') {
        if (++depth > MAX_NESTING_DEPTH) return parseError(column, TOO_DEEP);
        pending.push({ kind: 'group', fn: null, open: token });
      } else if (token.kind === 'operator' && (token.op === '+' || token.op === '-')) {
        if (++depth > MAX_NESTING_DEPTH) return parseError(column, TOO_DEEP);
        pending.push({ kind: 'sign', negative: token.op === '-' });
      } else if (token.kind === 'end' && previous?.kind === 'open') {
        return parseError(previous.start + 1, UNCLOSED);
      } else {
        return parseError(column, missingOperandProblem(token, previous, pending));
      }
      continue;
    }

    switch (token.kind) {
      case 'operator': {
        const precedence = PRECEDENCE[token.op];
        const rightAssociative = token.op === '^';
        for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
          if (top.kind === 'group') break;
          const topPrecedence = top.kind === 'sign' ? SIGN_PRECEDENCE : PRECEDENCE[top.op];
          if (topPrecedence < precedence || (topPrecedence === precedence && rightAssociative)) {
            break;
          }
          applyTop();
        }
        pending.push({ kind: 'binary', op: token.op });
        expectOperand = true;
        break;
      }
      case 'close': {
        const group = closeGroup();
        if (group === null) return parseError(column, { code: 'unexpected', found: ')' });
        if (group.fn !== null) {
          operands.push({ kind: 'call', fn: group.fn, argument: operands.pop()! });
        }
        break;
      }
      case 'end': {
        const group = closeGroup();
        if (group !== null) return parseError(group.open.start + 1, UNCLOSED);
        break;
      }
      default:
        return parseError(column, implicitMultiplication(previous ?? token, token, next));
    }
  }
  return { ok: true, expression: operands[0]! };
}

/** Why an operand was expected but `token` came (`x^` → "^" needs a right-hand side). */
function missingOperandProblem(
  token: Token,
  previous: Token | undefined,
  pending: readonly Pending[],
): ParseProblem {
  const found = token.kind === 'end' ? null : token.text;
  if (previous?.kind === 'operator') {
    return { code: 'missing-right-operand', found, operator: previous.text };
  }
  if (previous?.kind === 'open' && token.kind === 'close') {
    const top = pending.at(-1);
    const fn = top?.kind === 'group' ? top.fn : null;
    return fn === null ? { code: 'empty-parentheses' } : { code: 'missing-argument', fn };
  }
  if (token.kind === 'operator') {
    return previous === undefined
      ? { code: 'missing-left-operand', operator: token.text }
      : { code: 'operator-after', found: token.text, previous: previous.text };
  }
  return { code: 'unexpected', found };
}

/** `sin x` → "sin" needs parentheses: write sin(x). */
function needsParentheses(fn: FunctionName, next: Token): ParseProblem {
  if (next.kind === 'number' || next.kind === 'name') {
    return { code: 'needs-parentheses', fn, argument: shorten(next.text) };
  }
  if (next.kind === 'operator' && next.op === '^') return { code: 'power-of-function', fn };
  return { code: 'call-without-parentheses', fn };
}

/** `2x` → "2x": write 2*x; `x y` → "x y": write x*y; `)(` → ")(": write )*(. */
function implicitMultiplication(previous: Token, token: Token, next: Token): ParseProblem {
  let right = token.text;
  if (token.kind === 'name' && resolveName(token.text) === null) {
    const pieces = splitName(token.text, next.kind === 'open');
    if (pieces === null) return unknownNameProblem(token.text, next.kind === 'open');
    right = pieces.join('*');
  }
  const gap = previous.end < token.start ? ' ' : '';
  const left = shorten(previous.text);
  const typed = shorten(token.text);
  const power =
    previous.kind === 'name' && token.kind === 'number' && gap === '' ? `${left}^${typed}` : null;
  return {
    code: 'implicit-multiplication',
    typed: `${left}${gap}${typed}`,
    written: `${left}*${shorten(right)}`,
    power,
  };
}

/** A comma: functions take one argument; `1,5` is probably the decimal 1.5. */
function commaProblem(
  comma: Token,
  previous: Token | undefined,
  next: Token,
  pending: readonly Pending[],
): ParseProblem {
  for (let i = pending.length - 1; i >= 0; i--) {
    const entry = pending[i]!;
    if (entry.kind !== 'group') continue;
    if (entry.fn !== null) return { code: 'comma-in-call', fn: entry.fn };
    break;
  }
  const digits = /^[0-9]+$/;
  if (
    previous?.end === comma.start &&
    next.start === comma.end &&
    digits.test(previous.text) &&
    digits.test(next.text)
  ) {
    return { code: 'decimal-comma', whole: shorten(previous.text), fraction: shorten(next.text) };
  }
  return { code: 'unexpected', found: ',' };
}
