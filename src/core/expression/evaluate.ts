import type { Instruction, Tape } from './compile';
import { applyFunction, applyWithDerivative } from './elementary';

/**
 * Points evaluated together: every instruction loops over one block before the next
 * instruction runs, so the registers (3 × 256 doubles each) stay in the CPU cache.
 */
export const BLOCK_SIZE = 256;

/**
 * Runs a {@link Tape} with forward-mode automatic differentiation over a block of points.
 * Every register holds a dual number per point, u + u′ₓ·εₓ + u′ᵧ·εᵧ (structure of arrays:
 * one Float64Array for the values, one per tangent). Loading x seeds (x, 1, 0), loading y
 * seeds (y, 0, 1); each instruction maps value and tangents by the chain rule, so register 0
 * ends with (f, ∂f/∂x, ∂f/∂y). Buffers are allocated on first use and then reused.
 */
export class TapeEvaluator {
  /** f at the points of the last block (register 0). */
  values: Float64Array = new Float64Array(0);
  /** ∂f/∂x at the points of the last block; meaningful only if the tape's `hasDx`. */
  dx: Float64Array = new Float64Array(0);
  /** ∂f/∂y at the points of the last block; meaningful only if the tape's `hasDy`. */
  dy: Float64Array = new Float64Array(0);

  private readonly tape: Tape;
  private registerValues: Float64Array[] = [];
  private registerDx: Float64Array[] = [];
  private registerDy: Float64Array[] = [];
  private partialFirst = new Float64Array(0);
  private partialSecond = new Float64Array(0);
  private capacity = 0;

  constructor(tape: Tape) {
    this.tape = tape;
  }

  /**
   * Evaluates the points (xs[start + i], ys[start + i]) for 0 ≤ i < count ≤ BLOCK_SIZE into
   * {@link values} (and {@link dx}, {@link dy} when `withGradient`).
   */
  run(
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    start: number,
    count: number,
    withGradient: boolean,
  ): void {
    this.reserve(count);
    for (const instruction of this.tape.instructions) {
      this.computeValue(instruction, xs, ys, start, count, withGradient);
      if (!withGradient) continue;
      this.propagate(
        instruction,
        this.registerDx,
        instruction.dxFirst,
        instruction.dxSecond,
        count,
      );
      this.propagate(
        instruction,
        this.registerDy,
        instruction.dyFirst,
        instruction.dySecond,
        count,
      );
    }
  }

  private reserve(count: number): void {
    if (count <= this.capacity) return;
    const size = count <= 1 ? 1 : Math.max(count, BLOCK_SIZE);
    const registers = Math.max(1, this.tape.registerCount);
    const make = (): Float64Array[] =>
      Array.from({ length: registers }, () => new Float64Array(size));
    this.registerValues = make();
    this.registerDx = make();
    this.registerDy = make();
    this.partialFirst = new Float64Array(size);
    this.partialSecond = new Float64Array(size);
    this.values = this.registerValues[0]!;
    this.dx = this.registerDx[0]!;
    this.dy = this.registerDy[0]!;
    this.capacity = size;
  }

  /**
   * u ← op(u[, v]) for every point of the block, and when tangents are wanted the partial
   * derivatives A = ∂op/∂u into partialFirst and B = ∂op/∂v into partialSecond.
   */
  private computeValue(
    instruction: Instruction,
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    start: number,
    count: number,
    withGradient: boolean,
  ): void {
    const { op, target, second, constant: c } = instruction;
    const u = this.registerValues[target]!;
    const v = second >= 0 ? this.registerValues[second]! : u;
    const a = this.partialFirst;
    const b = this.partialSecond;
    const wantA = withGradient && (instruction.dxFirst || instruction.dyFirst);
    const wantB = withGradient && (instruction.dxSecond || instruction.dySecond);
    switch (op) {
      case 'loadX':
      case 'loadY': {
        const source = op === 'loadX' ? xs : ys;
        for (let i = 0; i < count; i++) u[i] = source[start + i]!;
        if (withGradient) {
          (op === 'loadX' ? this.registerDx : this.registerDy)[target]!.fill(1, 0, count);
        }
        return;
      }
      case 'loadConstant':
        u.fill(c, 0, count);
        return;
      case 'negate':
        for (let i = 0; i < count; i++) u[i] = -u[i]!;
        return;
      case 'addConstant':
        for (let i = 0; i < count; i++) u[i] = u[i]! + c;
        return;
      case 'subtractFromConstant':
        for (let i = 0; i < count; i++) u[i] = c - u[i]!;
        return;
      case 'multiplyByConstant':
        for (let i = 0; i < count; i++) u[i] = c * u[i]!;
        return;
      case 'divideByConstant':
        for (let i = 0; i < count; i++) u[i] = u[i]! / c;
        return;
      case 'add':
        for (let i = 0; i < count; i++) u[i] = u[i]! + v[i]!;
        return;
      case 'subtract':
        for (let i = 0; i < count; i++) u[i] = u[i]! - v[i]!;
        return;
      case 'divideConstantBy': // c/u, A = −c/u² = −(c/u)/u
        for (let i = 0; i < count; i++) {
          const q = c / u[i]!;
          a[i] = -q / u[i]!;
          u[i] = q;
        }
        return;
      case 'square': // u², A = 2u
        for (let i = 0; i < count; i++) {
          const w = u[i]!;
          a[i] = 2 * w;
          u[i] = w * w;
        }
        return;
      case 'powerConstant': // u^c, A = c·u^(c−1) (0 when c = 0, so 0^0 has slope 0)
        for (let i = 0; i < count; i++) {
          const w = u[i]!;
          if (wantA) a[i] = c === 0 ? 0 : c * Math.pow(w, c - 1);
          u[i] = Math.pow(w, c);
        }
        return;
      case 'constantPower': {
        // c^u, A = c^u·ln c (0 where c^u = 0, e.g. 0^u for u > 0)
        const logC = Math.log(c);
        for (let i = 0; i < count; i++) {
          const p = Math.pow(c, u[i]!);
          a[i] = p === 0 ? 0 : p * logC;
          u[i] = p;
        }
        return;
      }
      case 'multiply': // u·v, A = v, B = u
        for (let i = 0; i < count; i++) {
          const p = u[i]!;
          const q = v[i]!;
          a[i] = q;
          b[i] = p;
          u[i] = p * q;
        }
        return;
      case 'divide': // u/v, A = 1/v, B = −u/v² = −(u/v)/v
        for (let i = 0; i < count; i++) {
          const q = v[i]!;
          const r = u[i]! / q;
          a[i] = 1 / q;
          b[i] = -r / q;
          u[i] = r;
        }
        return;
      case 'power': // uᵛ, A = v·u^(v−1) (0 when v = 0), B = uᵛ·ln u (0 where uᵛ = 0)
        for (let i = 0; i < count; i++) {
          const p = u[i]!;
          const q = v[i]!;
          const r = Math.pow(p, q);
          if (wantA) a[i] = q === 0 ? 0 : q * Math.pow(p, q - 1);
          if (wantB) b[i] = r === 0 ? 0 : r * Math.log(p);
          u[i] = r;
        }
        return;
    }
    if (wantA) applyWithDerivative(op, u, a, count);
    else applyFunction(op, u, count);
  }

  /**
   * One tangent component (t = ∂/∂x or ∂/∂y, `tangents` holds that component of every
   * register) of the instruction's result, in place: the target's tangent holds u′ on entry
   * and out′ on exit; v′ is read from the second register. `hasFirst` and `hasSecond` say
   * whether u′ and v′ can be non-zero.
   */
  private propagate(
    instruction: Instruction,
    tangents: readonly Float64Array[],
    hasFirst: boolean,
    hasSecond: boolean,
    count: number,
  ): void {
    const out = tangents[instruction.target]!;
    const other = instruction.second >= 0 ? tangents[instruction.second]! : out;
    const a = this.partialFirst;
    const b = this.partialSecond;
    switch (instruction.rule) {
      case 'same':
        return;
      case 'negate':
        if (hasFirst) for (let i = 0; i < count; i++) out[i] = out[i] === 0 ? 0 : -out[i]!;
        return;
      case 'scale': {
        const s = instruction.scale;
        if (hasFirst) for (let i = 0; i < count; i++) out[i] = out[i] === 0 ? 0 : s * out[i]!;
        return;
      }
      case 'chain':
        if (hasFirst) for (let i = 0; i < count; i++) out[i] = out[i] === 0 ? 0 : a[i]! * out[i]!;
        return;
      case 'add':
        if (hasFirst && hasSecond) for (let i = 0; i < count; i++) out[i] = out[i]! + other[i]!;
        else if (hasSecond) for (let i = 0; i < count; i++) out[i] = other[i]!;
        return;
      case 'subtract':
        if (hasFirst && hasSecond) for (let i = 0; i < count; i++) out[i] = out[i]! - other[i]!;
        else if (hasSecond)
          for (let i = 0; i < count; i++) out[i] = other[i] === 0 ? 0 : -other[i]!;
        return;
      case 'product':
        if (hasFirst && hasSecond) {
          for (let i = 0; i < count; i++) {
            const p = out[i]!;
            const q = other[i]!;
            out[i] = (p === 0 ? 0 : a[i]! * p) + (q === 0 ? 0 : b[i]! * q);
          }
        } else if (hasFirst) {
          for (let i = 0; i < count; i++) out[i] = out[i] === 0 ? 0 : a[i]! * out[i]!;
        } else if (hasSecond) {
          for (let i = 0; i < count; i++) out[i] = other[i] === 0 ? 0 : b[i]! * other[i]!;
        }
        return;
    }
  }
}
