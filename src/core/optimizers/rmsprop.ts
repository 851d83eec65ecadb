import type { OptimizerBuffers } from './buffers';
import type { AdagradSpec, RmspropSpec } from './kinds';

/**
 * RMSProp, exactly `torch.optim.RMSprop` (ε added after the square root), in place:
 * sₜ = α·sₜ₋₁ + (1−α)·gₜ²; centered: āₜ = āₜ₋₁ + (1−α)·(gₜ − āₜ₋₁) and d = √(sₜ − āₜ²) + ε,
 * else d = √sₜ + ε; with momentum μ > 0: bₜ = μ·bₜ₋₁ + gₜ/d, w ← w − lr·bₜ; else w ← w − lr·gₜ/d.
 */
export function rmspropStep(
  h: RmspropSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const { lr, alpha, eps, momentum: mu, centered } = h;
  const { m, s, a } = b;
  const w = 1 - alpha;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const si = s[i]! * alpha + gi * gi * w;
    s[i] = si;
    let d: number;
    if (centered) {
      const ai = a[i]! + w * (gi - a[i]!);
      a[i] = ai;
      d = Math.sqrt(si - ai * ai) + eps;
    } else {
      d = Math.sqrt(si) + eps;
    }
    if (mu > 0) {
      const v = m[i]! * mu + gi / d;
      m[i] = v;
      p[i] = p[i]! - lr * v;
    } else {
      p[i] = p[i]! + -lr * (gi / d);
    }
  }
}

/**
 * Adagrad, exactly `torch.optim.Adagrad` (no lr decay, initial accumulator 0), in place:
 * Sₜ = Sₜ₋₁ + gₜ², w ← w − lr·gₜ/(√Sₜ + ε).
 */
export function adagradStep(
  h: AdagradSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const { lr, eps } = h;
  const s = b.s;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const si = s[i]! + gi * gi;
    s[i] = si;
    p[i] = p[i]! + -lr * (gi / (Math.sqrt(si) + eps));
  }
}
