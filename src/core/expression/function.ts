import type { Tape } from './compile';
import { BLOCK_SIZE, TapeEvaluator } from './evaluate';

/**
 * A typed-in f(x, y), ready to evaluate with its exact gradient ∇f = (∂f/∂x, ∂f/∂y)
 * (forward-mode automatic differentiation, no finite differences). Values that are not
 * finite (log(−1) = NaN, 1/0 = ∞) come out as NaN or ±∞; the caller decides what to do.
 * Not re-entrant: one function object evaluates one batch at a time (it reuses buffers).
 */
export interface CompiledFunction {
  ok: true;
  /** The text as typed. */
  source: string;
  /** f(x, y) at one point. */
  value(x: number, y: number): number;
  /**
   * f at (x, y); writes ∂f/∂x to grad[offset] and ∂f/∂y to grad[offset + 1]; returns f.
   * No allocation per call.
   */
  valueAndGradient(x: number, y: number, grad: Float64Array | number[], offset: number): number;
  /**
   * For n points (xs[i], ys[i]) writes f to values[i] (if values given) and the gradient to
   * gx[i], gy[i] (if given). n is clipped to the lengths of xs and ys. No allocation per call.
   */
  evaluateMany(
    xs: Float64Array,
    ys: Float64Array,
    n: number,
    values?: Float64Array,
    gx?: Float64Array,
    gy?: Float64Array,
  ): void;
}

/** Wraps a compiled {@link Tape} as a {@link CompiledFunction} with its own scratch buffers. */
export function createCompiledFunction(source: string, tape: Tape): CompiledFunction {
  const evaluator = new TapeEvaluator(tape);
  const pointX = new Float64Array(1);
  const pointY = new Float64Array(1);
  return {
    ok: true,
    source,
    value(x, y) {
      pointX[0] = x;
      pointY[0] = y;
      evaluator.run(pointX, pointY, 0, 1, false);
      return evaluator.values[0]!;
    },
    valueAndGradient(x, y, grad, offset) {
      pointX[0] = x;
      pointY[0] = y;
      evaluator.run(pointX, pointY, 0, 1, true);
      grad[offset] = tape.hasDx ? evaluator.dx[0]! : 0;
      grad[offset + 1] = tape.hasDy ? evaluator.dy[0]! : 0;
      return evaluator.values[0]!;
    },
    evaluateMany(xs, ys, n, values, gx, gy) {
      const total = Math.min(n, xs.length, ys.length);
      const withGradient = gx !== undefined || gy !== undefined;
      if (!withGradient && values === undefined) return;
      for (let start = 0; start < total; start += BLOCK_SIZE) {
        const count = Math.min(BLOCK_SIZE, total - start);
        evaluator.run(xs, ys, start, count, withGradient);
        if (values !== undefined) copyBlock(evaluator.values, values, start, count, true);
        if (gx !== undefined) copyBlock(evaluator.dx, gx, start, count, tape.hasDx);
        if (gy !== undefined) copyBlock(evaluator.dy, gy, start, count, tape.hasDy);
      }
    },
  };
}

/** to[start + i] ← from[i] (or 0 when the component is identically zero). */
function copyBlock(
  from: Float64Array,
  to: Float64Array,
  start: number,
  count: number,
  present: boolean,
): void {
  if (present) for (let i = 0; i < count; i++) to[start + i] = from[i]!;
  else to.fill(0, start, start + count);
}
