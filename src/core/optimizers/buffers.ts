/**
 * The state an optimizer carries between steps, for n parameters at once (structure of arrays:
 * a single runner has n = 2 — its x and y — and a swarm of N runners has n = 2N, interleaved).
 */
export interface OptimizerBuffers {
  /** Steps taken so far; the step being taken is t (1-based) once the kernel runs. */
  t: number;
  /** First moment: momentum buffer b or v (SGD, RMSProp with momentum), exp_avg m (Adam). */
  m: Float64Array;
  /** Second moment: square_avg (RMSProp), exp_avg_sq s (Adam), the sum of squares (Adagrad). */
  s: Float64Array;
  /** Running mean of g (centered RMSProp only). */
  a: Float64Array;
}

/** Fresh buffers for n parameters: t = 0 and every moment 0. */
export function createBuffers(n: number): OptimizerBuffers {
  return { t: 0, m: new Float64Array(n), s: new Float64Array(n), a: new Float64Array(n) };
}

/** A deep copy (for undo, replay and tests). */
export function cloneBuffers(b: OptimizerBuffers): OptimizerBuffers {
  return { t: b.t, m: b.m.slice(), s: b.s.slice(), a: b.a.slice() };
}
