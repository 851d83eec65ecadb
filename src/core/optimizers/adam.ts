import type { OptimizerBuffers } from './buffers';
import type { AdamSpec, AdamwSpec } from './kinds';

/** 1 − β₁ᵗ and 1 − β₂ᵗ: Adam's bias-correction factors at step t (Kingma & Ba, 2015). */
export function biasCorrections(beta1: number, beta2: number, t: number): [number, number] {
  return [1 - Math.pow(beta1, t), 1 - Math.pow(beta2, t)];
}

/**
 * The Adam moment update and step shared by Adam and AdamW, in place, with g' = g + λ·w (λ = l2):
 * mₜ = mₜ₋₁ + (1−β₁)·(g' − mₜ₋₁) (PyTorch's lerp), sₜ = β₂·sₜ₋₁ + (1−β₂)·g'²;
 * corrected: w ← w − (lr/(1−β₁ᵗ))·mₜ/(√sₜ/√(1−β₂ᵗ) + ε); uncorrected (the lecture):
 * w ← w − lr·mₜ/(√sₜ + ε).
 */
function adamCore(
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  l2: number,
  corrected: boolean,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const { m, s } = b;
  const [bc1, bc2] = corrected ? biasCorrections(beta1, beta2, b.t) : [1, 1];
  const stepSize = lr / bc1;
  const bc2Sqrt = Math.sqrt(bc2);
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  for (let i = 0; i < n; i++) {
    const gi = l2 === 0 ? g[i]! : g[i]! + p[i]! * l2;
    const mi = m[i]! + w1 * (gi - m[i]!);
    const si = s[i]! * beta2 + gi * gi * w2;
    m[i] = mi;
    s[i] = si;
    p[i] = p[i]! + -stepSize * (mi / (Math.sqrt(si) / bc2Sqrt + eps));
  }
}

/**
 * Adam, exactly `torch.optim.Adam` (weight decay λ as L2: g ← g + λ·w), or with
 * `bias_correction = false` the lecture's uncorrected form w ← w − lr·mₜ/(√sₜ + ε).
 * See {@link adamCore} for the update.
 */
export function adamStep(
  h: AdamSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  adamCore(h.lr, h.beta1, h.beta2, h.eps, h.weight_decay, h.bias_correction, p, g, b, n);
}

/**
 * AdamW, exactly `torch.optim.AdamW`: decoupled decay w ← w·(1 − lr·λ), then the corrected Adam
 * step on the plain gradient.
 */
export function adamwStep(
  h: AdamwSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  const shrink = 1 - h.lr * h.weight_decay;
  if (shrink !== 1) for (let i = 0; i < n; i++) p[i] = p[i]! * shrink;
  adamCore(h.lr, h.beta1, h.beta2, h.eps, 0, true, p, g, b, n);
}
