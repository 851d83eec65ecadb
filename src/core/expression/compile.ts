import { reduceExpression, type BinaryOperator, type Expr } from './ast';
import type { FunctionName } from './names';

/**
 * What an instruction does to the values in its target register u (and second register v).
 * Loads: u ← x, u ← y, u ← c. Unary functions: u ← f(u). With a constant c:
 * u + c, c − u, c·u, u / c, c / u, u², u^c, c^u. Two registers: u + v, u − v, u·v, u / v, uᵛ.
 */
export type Opcode =
  | 'loadX'
  | 'loadY'
  | 'loadConstant'
  | 'negate'
  | 'addConstant'
  | 'subtractFromConstant'
  | 'multiplyByConstant'
  | 'divideByConstant'
  | 'divideConstantBy'
  | 'square'
  | 'powerConstant'
  | 'constantPower'
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'power'
  | FunctionName;

/**
 * How the tangents (∂/∂x and ∂/∂y) follow the value, with A = ∂out/∂u, B = ∂out/∂v:
 * `same` out' = u'; `negate` out' = −u'; `scale` out' = s·u'; `chain` out' = A·u';
 * `add` out' = u' + v'; `subtract` out' = u' − v'; `product` out' = A·u' + B·v'.
 * A product term whose tangent is exactly 0 contributes exactly 0 (never 0·∞ = NaN).
 */
export type TangentRule = 'same' | 'negate' | 'scale' | 'chain' | 'add' | 'subtract' | 'product';

/**
 * One step of the tape. The result overwrites the `target` register, which also holds the
 * first operand u; `second` is the register of v, or −1. The four flags say which tangent
 * components of u and v can be non-zero; components known to be 0 are never computed.
 */
export interface Instruction {
  readonly op: Opcode;
  readonly rule: TangentRule;
  readonly target: number;
  readonly second: number;
  readonly constant: number;
  /** The factor s of the `scale` rule (c for c·u, 1/c for u/c). */
  readonly scale: number;
  readonly dxFirst: boolean;
  readonly dyFirst: boolean;
  readonly dxSecond: boolean;
  readonly dySecond: boolean;
}

/**
 * A compiled f(x, y): straight-line code over registers with constant sub-expressions
 * already folded. The result is in register 0; `hasDx` / `hasDy` are false when ∂f/∂x or
 * ∂f/∂y is identically 0 (f does not mention x or y).
 */
export interface Tape {
  readonly instructions: readonly Instruction[];
  readonly registerCount: number;
  readonly hasDx: boolean;
  readonly hasDy: boolean;
}

type Operand =
  | { readonly constant: true; readonly value: number }
  | {
      readonly constant: false;
      readonly register: number;
      readonly dx: boolean;
      readonly dy: boolean;
    };

const RULES: Record<Opcode, TangentRule> = {
  loadX: 'same',
  loadY: 'same',
  loadConstant: 'same',
  negate: 'negate',
  addConstant: 'same',
  subtractFromConstant: 'negate',
  multiplyByConstant: 'scale',
  divideByConstant: 'scale',
  divideConstantBy: 'chain',
  square: 'chain',
  powerConstant: 'chain',
  constantPower: 'chain',
  add: 'add',
  subtract: 'subtract',
  multiply: 'product',
  divide: 'product',
  power: 'product',
  sin: 'chain',
  cos: 'chain',
  tan: 'chain',
  atan: 'chain',
  sinh: 'chain',
  cosh: 'chain',
  tanh: 'chain',
  exp: 'chain',
  log: 'chain',
  sqrt: 'chain',
  abs: 'chain',
};

/** f(u) for one number, used to fold constants (log is ln, the natural logarithm). */
export function foldFunction(fn: FunctionName, u: number): number {
  return Math[fn](u);
}

/** u ∘ v for one number, used to fold constants; `^` is Math.pow. */
export function foldOperator(op: BinaryOperator, u: number, v: number): number {
  switch (op) {
    case '+':
      return u + v;
    case '-':
      return u - v;
    case '*':
      return u * v;
    case '/':
      return u / v;
    case '^':
      return Math.pow(u, v);
  }
}

/**
 * Compiles an expression tree to a {@link Tape}. Sub-expressions without x or y are
 * evaluated once here (`2*pi*x` → one multiply by 6.283…); an operation with one constant
 * side uses an immediate form (x^2 → square, 2^x → constantPower, e^x → exp). Registers are
 * used like a stack (a node's value lives at its depth in the evaluation stack), so the
 * register count is the deepest stack, not the size of the expression.
 */
export function compileTape(expression: Expr): Tape {
  const instructions: Instruction[] = [];
  let nextRegister = 0;
  let registerCount = 0;

  const emit = (
    op: Opcode,
    u: Operand & { constant: false },
    v: Operand | null,
    c = 0,
  ): Operand => {
    const second = v !== null && !v.constant ? v : null;
    const scale = op === 'divideByConstant' ? 1 / c : c;
    instructions.push({
      op,
      rule: RULES[op],
      target: u.register,
      second: second === null ? -1 : second.register,
      constant: c,
      scale,
      dxFirst: u.dx,
      dyFirst: u.dy,
      dxSecond: second?.dx ?? false,
      dySecond: second?.dy ?? false,
    });
    if (second !== null) nextRegister--;
    const dx = u.dx || (second?.dx ?? false);
    const dy = u.dy || (second?.dy ?? false);
    return { constant: false, register: u.register, dx, dy };
  };
  const load = (op: 'loadX' | 'loadY' | 'loadConstant', c = 0): Operand => {
    const register = nextRegister++;
    registerCount = Math.max(registerCount, nextRegister);
    const operand = { constant: false, register, dx: op === 'loadX', dy: op === 'loadY' } as const;
    instructions.push({
      op,
      rule: 'same',
      target: register,
      second: -1,
      constant: c,
      scale: c,
      dxFirst: operand.dx,
      dyFirst: operand.dy,
      dxSecond: false,
      dySecond: false,
    });
    return operand;
  };

  const result = reduceExpression<Operand>(expression, (node, [a, b]) => {
    switch (node.kind) {
      case 'number':
      case 'constant':
        return { constant: true, value: node.value };
      case 'variable':
        return load(node.name === 'x' ? 'loadX' : 'loadY');
      case 'negate':
        if (a!.constant) return { constant: true, value: -a!.value };
        return emit('negate', a!, null);
      case 'call':
        if (a!.constant) return { constant: true, value: foldFunction(node.fn, a!.value) };
        return emit(node.fn, a!, null);
      case 'binary':
        return compileBinary(node.op, a!, b!, emit);
    }
  });
  if (result.constant) load('loadConstant', result.value);
  const hasDx = !result.constant && result.dx;
  const hasDy = !result.constant && result.dy;
  return { instructions, registerCount, hasDx, hasDy };
}

function compileBinary(
  op: BinaryOperator,
  u: Operand,
  v: Operand,
  emit: (op: Opcode, u: Operand & { constant: false }, v: Operand | null, c?: number) => Operand,
): Operand {
  if (u.constant) {
    if (v.constant) return { constant: true, value: foldOperator(op, u.value, v.value) };
    const c = u.value;
    switch (op) {
      case '+':
        return emit('addConstant', v, null, c);
      case '-':
        return emit('subtractFromConstant', v, null, c);
      case '*':
        return emit('multiplyByConstant', v, null, c);
      case '/':
        return emit('divideConstantBy', v, null, c);
      case '^':
        return c === Math.E ? emit('exp', v, null) : emit('constantPower', v, null, c);
    }
  }
  if (v.constant) {
    const c = v.value;
    switch (op) {
      case '+':
        return emit('addConstant', u, null, c);
      case '-':
        return emit('addConstant', u, null, -c);
      case '*':
        return emit('multiplyByConstant', u, null, c);
      case '/':
        return emit('divideByConstant', u, null, c);
      case '^':
        return c === 2 ? emit('square', u, null) : emit('powerConstant', u, null, c);
    }
  }
  return emit(REGISTER_OPCODES[op], u, v);
}

const REGISTER_OPCODES = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '^': 'power',
} as const satisfies Record<BinaryOperator, Opcode>;
