import type { OptimizerBuffers } from './buffers';
import type { MomentumSpec, NesterovSpec, SgdSpec } from './kinds';

/** Plain gradient descent, in place over p[0..n): wᵢ ← wᵢ − lr·gᵢ. */
export function sgdStep(
  h: SgdSpec,
  p: Float64Array,
  g: Float64Array,
  _b: OptimizerBuffers,
  n: number,
): void {
  const lr = h.lr;
  for (let i = 0; i < n; i++) p[i] = p[i]! - lr * g[i]!;
}

/**
 * SGD with momentum, in place; b.t is the step being taken (1-based).
 *
 * `ema = true` — the lecture's moving average: vₜ = β·vₜ₋₁ + (1−β)·gₜ with v₀ = 0, then
 * w ← w − lr·vₜ, or with bias correction w ← w − lr·vₜ/(1−βᵗ).
 *
 * `ema = false` — exactly `torch.optim.SGD(lr, momentum=μ, dampening=τ)`: b₁ = g₁,
 * bₜ = μ·bₜ₋₁ + (1−τ)·gₜ, w ← w − lr·bₜ (with μ = 0 it is plain SGD, as in PyTorch).
 */
export function momentumStep(
  h: MomentumSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const { lr, momentum: mu } = h;
  const m = b.m;
  if (h.ema) {
    const bc = h.bias_correction ? 1 - Math.pow(mu, b.t) : 1;
    const keep = 1 - mu;
    for (let i = 0; i < n; i++) {
      const v = mu * m[i]! + keep * g[i]!;
      m[i] = v;
      p[i] = p[i]! - (lr * v) / bc;
    }
    return;
  }
  if (mu === 0) {
    for (let i = 0; i < n; i++) p[i] = p[i]! - lr * g[i]!;
    return;
  }
  const keep = 1 - h.dampening;
  for (let i = 0; i < n; i++) {
    const v = b.t === 1 ? g[i]! : mu * m[i]! + keep * g[i]!;
    m[i] = v;
    p[i] = p[i]! - lr * v;
  }
}

/**
 * Nesterov momentum, exactly `torch.optim.SGD(lr, momentum=μ, nesterov=True)`:
 * b₁ = g₁, bₜ = μ·bₜ₋₁ + gₜ, w ← w − lr·(gₜ + μ·bₜ).
 */
export function nesterovStep(
  h: NesterovSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const { lr, momentum: mu } = h;
  const m = b.m;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const v = b.t === 1 ? gi : mu * m[i]! + gi;
    m[i] = v;
    p[i] = p[i]! - lr * (gi + mu * v);
  }
}
