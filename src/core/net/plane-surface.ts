import type { Domain } from '../landscapes/types';
import type { NetData } from './data';
import { tanh } from './tanh';
import { NET_LAYERS, NET_OFFSETS } from './mlp';
import type { NetPlane } from './plane';

const D = NET_LAYERS[0];
const H = NET_LAYERS[1];
const C = NET_LAYERS[2];
/** W₂ then b₂: the second layer's 27 numbers, contiguous in θ. */
const SECOND = H * C + C;

/**
 * Samples rows j ∈ [j0, j1) of an (n+1)×(n+1) grid over `domain` on the plane — the point
 * (aᵢ, bⱼ) = (xMin + i·(xMax − xMin)/n, yMin + j·(yMax − yMin)/n) — writing the full-data loss
 * L(θ₀ + aᵢd₁ + bⱼd₂) to values[j·(n+1) + i] and, when `gradients` is given, (∂L/∂a, ∂L/∂b) =
 * (∇L·d₁, ∇L·d₂) to gradients[2(j·(n+1) + i) …] — the layout of `SurfaceGrid`.
 */
export type PlaneSampler = (
  domain: Domain,
  segments: number,
  j0: number,
  j1: number,
  values: Float64Array,
  gradients: Float64Array | null,
) => void;

/**
 * A fast sampler of the loss surface on a plane, every row of the data per vertex. The first
 * layer's pre-activations are affine on the plane, uᵢ(a, b) = u⁰ᵢ + a·u¹ᵢ + b·u²ᵢ with
 * u⁰ᵢ = W₁⁰xᵢ + b₁⁰ and uᵠᵢ = W₁ᵠxᵢ + b₁ᵠ (W₁ᵠ, b₁ᵠ the first-layer parts of d_q), so they are
 * precomputed per row; per vertex it takes hᵢ = tanh(uᵢ), zᵢ = W₂(a, b)hᵢ + b₂(a, b),
 * ℓᵢ = logsumexp(zᵢ) − zᵢ,yᵢ, L = mean ℓᵢ — the same loss as `netPass` reordered, the logs of
 * the rows' softmax denominators summed as the log of their product (agrees to ~1e-14). The directional derivatives by forward mode: ∂uᵢ/∂a = u¹ᵢ, ∂hᵢ/∂a = (1 − hᵢ²)⊙u¹ᵢ,
 * ∂zᵢ/∂a = W₂¹hᵢ + W₂(∂hᵢ/∂a) + b₂¹, ∂ℓᵢ/∂a = (softmax(zᵢ) − e_yᵢ)·∂zᵢ/∂a; likewise for b.
 */
export function createPlaneSampler(plane: NetPlane, data: NetData): PlaneSampler {
  const { n, x, y } = data;
  const directions = [plane.origin, plane.d1, plane.d2];
  const u = directions.map((theta) => {
    const out = new Float64Array(n * H);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < H; k++) {
        let s = theta[NET_OFFSETS.b1 + k]!;
        for (let l = 0; l < D; l++) s += theta[NET_OFFSETS.w1 + k * D + l]! * x[i * D + l]!;
        out[i * H + k] = s;
      }
    }
    return out;
  });
  const [u0, u1, u2] = u as [Float64Array, Float64Array, Float64Array];
  const second = directions.map((theta) => theta.slice(NET_OFFSETS.w2, NET_OFFSETS.w2 + SECOND));
  const [w0, w1, w2] = second as [Float64Array, Float64Array, Float64Array];
  const base = new Float64Array(n * H); // u⁰ + b·u² along a grid row
  const w = new Float64Array(SECOND); // W₂, b₂ at the vertex
  const h = new Float64Array(H);
  const B2 = H * C;
  return (domain, segments, j0, j1, values, gradients) => {
    const { xMin, xMax, yMin, yMax } = domain;
    const side = segments + 1;
    const last = Math.min(j1, side);
    for (let j = j0; j < last; j++) {
      const b = yMin + ((yMax - yMin) * j) / segments;
      for (let q = 0; q < n * H; q++) base[q] = u0[q]! + b * u2[q]!;
      for (let i = 0; i < side; i++) {
        const a = xMin + ((xMax - xMin) * i) / segments;
        for (let q = 0; q < SECOND; q++) w[q] = w0[q]! + a * w1[q]! + b * w2[q]!;
        let loss = 0;
        let linear = 0;
        let product = 1;
        let ga = 0;
        let gb = 0;
        for (let r = 0; r < n; r++) {
          const o = r * H;
          let z0 = w[B2]!;
          let z1 = w[B2 + 1]!;
          let z2 = w[B2 + 2]!;
          for (let k = 0; k < H; k++) {
            const hk = tanh(base[o + k]! + a * u1[o + k]!);
            h[k] = hk;
            z0 += w[k]! * hk;
            z1 += w[H + k]! * hk;
            z2 += w[2 * H + k]! * hk;
          }
          let top = z0;
          let best = 0;
          if (z1 > top) {
            top = z1;
            best = 1;
          }
          if (z2 > top) {
            top = z2;
            best = 2;
          }
          const e0 = best === 0 ? 1 : Math.exp(z0 - top);
          const e1 = best === 1 ? 1 : Math.exp(z1 - top);
          const e2 = best === 2 ? 1 : Math.exp(z2 - top);
          const sum = e0 + e1 + e2;
          const label = y[r]!;
          // Σ log(sumᵢ) as the log of a product: each sumᵢ lies in [1, 3], and 3²⁵⁶ < 10¹²³.
          linear += top - (label === 0 ? z0 : label === 1 ? z1 : z2);
          product *= sum;
          if ((r & 255) === 255) {
            loss += Math.log(product);
            product = 1;
          }
          if (!gradients) continue;
          const c0 = e0 / sum - (label === 0 ? 1 : 0);
          const c1 = e1 / sum - (label === 1 ? 1 : 0);
          const c2 = e2 / sum - (label === 2 ? 1 : 0);
          // ∂ℓ/∂a = Σⱼ cⱼ·(W₂¹h + b₂¹ + W₂·∂h/∂a)ⱼ; the last term as (W₂ᵀc)·∂h/∂a.
          let za = c0 * w1[B2]! + c1 * w1[B2 + 1]! + c2 * w1[B2 + 2]!;
          let zb = c0 * w2[B2]! + c1 * w2[B2 + 1]! + c2 * w2[B2 + 2]!;
          for (let k = 0; k < H; k++) {
            const hk = h[k]!;
            const back = (c0 * w[k]! + c1 * w[H + k]! + c2 * w[2 * H + k]!) * (1 - hk * hk);
            za += (c0 * w1[k]! + c1 * w1[H + k]! + c2 * w1[2 * H + k]!) * hk + back * u1[o + k]!;
            zb += (c0 * w2[k]! + c1 * w2[H + k]! + c2 * w2[2 * H + k]!) * hk + back * u2[o + k]!;
          }
          ga += za;
          gb += zb;
        }
        const at = j * side + i;
        values[at] = (linear + loss + Math.log(product)) / n;
        if (gradients) {
          gradients[2 * at] = ga / n;
          gradients[2 * at + 1] = gb / n;
        }
      }
    }
  };
}
