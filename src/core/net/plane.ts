import type { Domain } from '../landscapes/types';
import type { NetData } from './data';
import { symmetricEigen } from './eigen';
import { createNetPass, NET_SIZE, netPass } from './mlp';
import type { NetTraining } from './train';

/**
 * The plane of training (Li, Xu, Taylor, Studer & Goldstein, "Visualizing the Loss Landscape of
 * Neural Nets", NeurIPS 2018, §7): through θ₀ and spanned by orthonormal d₁, d₂ ∈ ℝ⁶⁷, the point
 * (a, b) standing for θ₀ + a·d₁ + b·d₂.
 */
export interface NetPlane {
  /** θ₀, the initial weights the plane passes through. */
  origin: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  /**
   * The shares of the motion each direction holds, λᵢ/Σⱼλⱼ (see {@link fitNetPlane}): each in
   * [0, 1], their sum at most 1 — the part of Σₖ‖θₖ − θ₀‖² the plane keeps.
   */
  explained: [number, number];
  /** Σₖ‖θₖ − θ₀‖² over the iterates the plane was fitted to (0: nothing moved). */
  motion: number;
}

function dot(a: Float64Array, b: Float64Array, bAt = 0): number {
  let s = 0;
  for (let i = 0; i < NET_SIZE; i++) s += a[i]! * b[bAt + i]!;
  return s;
}

function normalize(a: Float64Array): void {
  const r = Math.sqrt(dot(a, a));
  for (let i = 0; i < NET_SIZE; i++) a[i] = a[i]! / r;
}

/** Flips d so that Σ over trajectories of (θ_last − θ₀)·d ≥ 0, or else its largest entry is > 0. */
function orient(
  d: Float64Array,
  origin: Float64Array,
  trajectories: readonly Float64Array[],
): void {
  let s = 0;
  let scale = 0;
  for (const t of trajectories) {
    const at = t.length - NET_SIZE;
    if (at <= 0) continue;
    for (let i = 0; i < NET_SIZE; i++) {
      const m = t[at + i]! - origin[i]!;
      s += m * d[i]!;
      scale += Math.abs(m);
    }
  }
  if (Math.abs(s) <= 1e-9 * scale) {
    let big = 0;
    for (let i = 1; i < NET_SIZE; i++) if (Math.abs(d[i]!) > Math.abs(d[big]!)) big = i;
    s = d[big]!;
  }
  if (s < 0) for (let i = 0; i < NET_SIZE; i++) d[i] = -d[i]!;
}

/**
 * The plane of training through `origin` = θ₀: with every iterate of every trajectory
 * (each a run of 67-number iterates) as a row mₖ = θₖ − θ₀ of M, the eigenvectors of the 67×67
 * matrix MᵀM = Σₖ mₖmₖᵀ with the two largest eigenvalues λ₁ ≥ λ₂ (the right singular vectors of
 * M: PCA of the stacked displacements, uncentred, since the plane passes through θ₀ rather than
 * through their mean), by the Jacobi method ({@link symmetricEigen}). The shares λᵢ/Σⱼλⱼ, with
 * Σⱼλⱼ = trace MᵀM = Σₖ‖mₖ‖², are then exactly the parts of the squared motion that the
 * projection onto each direction keeps (clamped to [0, 1] and a sum ≤ 1 against rounding).
 * Signs: each direction points along the runners' summed final displacement (else its largest
 * entry is positive). If nothing moved, d₁, d₂ are the first two axes and the shares 0.
 */
export function fitNetPlane(origin: Float64Array, trajectories: readonly Float64Array[]): NetPlane {
  const n = NET_SIZE;
  const c = new Float64Array(n * n);
  const m = new Float64Array(n);
  for (const t of trajectories) {
    for (let at = 0; at + n <= t.length; at += n) {
      for (let i = 0; i < n; i++) m[i] = t[at + i]! - origin[i]!;
      for (let p = 0; p < n; p++) {
        const mp = m[p]!;
        if (mp === 0) continue;
        const row = p * n;
        for (let q = p; q < n; q++) c[row + q] = c[row + q]! + mp * m[q]!;
      }
    }
  }
  let motion = 0;
  for (let p = 0; p < n; p++) {
    motion += c[p * n + p]!;
    for (let q = p + 1; q < n; q++) c[q * n + p] = c[p * n + q]!;
  }
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  const plane: NetPlane = { origin: origin.slice(0, n), d1, d2, explained: [0, 0], motion };
  if (!(motion > 0) || !Number.isFinite(motion)) {
    d1[0] = 1;
    d2[1] = 1;
    plane.motion = 0;
    return plane;
  }
  const { values, vectors } = symmetricEigen(c, n);
  d1.set(vectors.subarray(0, n));
  d2.set(vectors.subarray(n, 2 * n));
  normalize(d1);
  const overlap = dot(d1, d2);
  for (let i = 0; i < n; i++) d2[i] = d2[i]! - overlap * d1[i]!;
  normalize(d2);
  orient(d1, origin, trajectories);
  orient(d2, origin, trajectories);
  const s1 = Math.min(1, Math.max(0, values[0]! / motion));
  const s2 = Math.min(1 - s1, Math.max(0, values[1]! / motion));
  plane.explained = [s1, s2];
  return plane;
}

/** {@link fitNetPlane} over iterates θ₀ … θ_done of every runner of a training. */
export function fitTrainingPlane(training: NetTraining): NetPlane {
  const upTo = (training.done + 1) * NET_SIZE;
  return fitNetPlane(
    training.init,
    training.runners.map((r) => r.params.subarray(0, upTo)),
  );
}

/**
 * The coordinates of iterates on the plane: for each θ (67 numbers at a time in `params`),
 * a = d₁·(θ − θ₀) and b = d₂·(θ − θ₀), written interleaved [a₀, b₀, a₁, b₁, …] to `out`
 * (allocated when not given).
 */
export function projectOntoPlane(
  plane: NetPlane,
  params: Float64Array,
  out: Float64Array = new Float64Array(2 * Math.floor(params.length / NET_SIZE)),
): Float64Array {
  const { origin, d1, d2 } = plane;
  const count = Math.floor(params.length / NET_SIZE);
  for (let k = 0; k < count; k++) {
    const at = k * NET_SIZE;
    let a = 0;
    let b = 0;
    for (let i = 0; i < NET_SIZE; i++) {
      const m = params[at + i]! - origin[i]!;
      a += d1[i]! * m;
      b += d2[i]! * m;
    }
    out[2 * k] = a;
    out[2 * k + 1] = b;
  }
  return out;
}

/** How far θ lies off the plane: ‖(θ − θ₀) − a·d₁ − b·d₂‖ with (a, b) its projection. */
export function distanceFromPlane(plane: NetPlane, theta: Float64Array): number {
  const { origin, d1, d2 } = plane;
  let a = 0;
  let b = 0;
  for (let i = 0; i < NET_SIZE; i++) {
    const m = theta[i]! - origin[i]!;
    a += d1[i]! * m;
    b += d2[i]! * m;
  }
  let s = 0;
  for (let i = 0; i < NET_SIZE; i++) {
    const r = theta[i]! - origin[i]! - a * d1[i]! - b * d2[i]!;
    s += r * r;
  }
  return Math.sqrt(s);
}

/** The weights θ₀ + a·d₁ + b·d₂ at (a, b), written to `out` (67 numbers). */
export function planePoint(plane: NetPlane, a: number, b: number, out: Float64Array): Float64Array {
  const { origin, d1, d2 } = plane;
  for (let i = 0; i < NET_SIZE; i++) out[i] = origin[i]! + a * d1[i]! + b * d2[i]!;
  return out;
}

const onPlane = new Float64Array(NET_SIZE);
const planePass = createNetPass();

/** The full-data loss on the plane, L(θ₀ + a·d₁ + b·d₂) (by {@link netPass}). */
export function planeLoss(plane: NetPlane, data: NetData, a: number, b: number): number {
  return netPass(planePoint(plane, a, b, onPlane), data, null, data.n, null, planePass).loss;
}

/**
 * A box around points on the plane (each array interleaved [a₀, b₀, …]) and the origin, widened
 * by `margin` of its size on every side (at least 10⁻³ wide), to sample the surface on.
 */
export function planeDomain(points: readonly Float64Array[], margin = 0.25): Domain {
  let aMin = 0;
  let aMax = 0;
  let bMin = 0;
  let bMax = 0;
  for (const p of points) {
    for (let k = 0; k + 1 < p.length; k += 2) {
      const a = p[k]!;
      const b = p[k + 1]!;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      aMin = Math.min(aMin, a);
      aMax = Math.max(aMax, a);
      bMin = Math.min(bMin, b);
      bMax = Math.max(bMax, b);
    }
  }
  const wa = Math.max(aMax - aMin, 1e-3);
  const wb = Math.max(bMax - bMin, 1e-3);
  return {
    xMin: aMin - margin * wa,
    xMax: aMax + margin * wa,
    yMin: bMin - margin * wb,
    yMax: bMax + margin * wb,
  };
}
