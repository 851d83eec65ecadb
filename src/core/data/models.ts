import { sigmoid } from '../softmax';
import type { Dataset, ModelKind } from './datasets';

/**
 * The mean loss of a two-parameter model over a batch of rows, and its exact gradient in (w, b).
 * `rows` lists row indices (the first `count` are used); writes ∂L/∂w to grad[0], ∂L/∂b to
 * grad[1] when grad is given, and returns L.
 *
 * linear:   L = (1/B)·Σ (w·xᵢ + b − yᵢ)²,            ∂L/∂w = (2/B)·Σ rᵢ·xᵢ, ∂L/∂b = (2/B)·Σ rᵢ,
 *           rᵢ = w·xᵢ + b − yᵢ (PyTorch's `MSELoss`, mean);
 * logistic: L = (1/B)·Σ max(zᵢ, 0) − zᵢ·yᵢ + log(1 + e^(−|zᵢ|)),  zᵢ = w·xᵢ + b,
 *           ∂L/∂w = (1/B)·Σ (σ(zᵢ) − yᵢ)·xᵢ, ∂L/∂b = (1/B)·Σ (σ(zᵢ) − yᵢ)
 *           (PyTorch's `BCEWithLogitsLoss`, mean: stable for any logit).
 */
export function batchLoss(
  model: ModelKind,
  x: Float64Array,
  y: Float64Array,
  rows: ArrayLike<number>,
  count: number,
  w: number,
  b: number,
  grad?: Float64Array | number[],
): number {
  let loss = 0;
  let gw = 0;
  let gb = 0;
  if (model === 'linear') {
    for (let k = 0; k < count; k++) {
      const i = rows[k]!;
      const xi = x[i]!;
      const r = w * xi + b - y[i]!;
      loss += r * r;
      gw += r * xi;
      gb += r;
    }
    gw *= 2;
    gb *= 2;
  } else {
    for (let k = 0; k < count; k++) {
      const i = rows[k]!;
      const xi = x[i]!;
      const yi = y[i]!;
      const z = w * xi + b;
      loss += softplusLoss(z, yi);
      const d = sigmoid(z) - yi;
      gw += d * xi;
      gb += d;
    }
  }
  if (grad) {
    grad[0] = gw / count;
    grad[1] = gb / count;
  }
  return loss / count;
}

/** Binary cross-entropy from a logit: max(z, 0) − z·y + log(1 + e^(−|z|)). */
function softplusLoss(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * The distinct (x, y) rows of a dataset and how often each occurs, in order of first appearance:
 * a loss summed over them, each weighted by its count, is the loss summed over every row.
 */
function distinctRows(data: Dataset) {
  const groups = new Map<string, { x: number; y: number; count: number }>();
  for (let i = 0; i < data.n; i++) {
    const key = `${data.x[i]}:${data.y[i]}`;
    const hit = groups.get(key);
    if (hit) hit.count += 1;
    else groups.set(key, { x: data.x[i]!, y: data.y[i]!, count: 1 });
  }
  const rows = [...groups.values()];
  return {
    px: Float64Array.from(rows, (r) => r.x),
    py: Float64Array.from(rows, (r) => r.y),
    counts: Int32Array.from(rows, (r) => r.count),
    m: rows.length,
  };
}

/**
 * The full-data loss as a function of (w, b), precomputed for fast evaluation on a grid:
 * linear — from the data's moments, L = w²·E[x²] + 2wb·E[x] + b² − 2w·E[xy] − 2b·E[y] + E[y²],
 * O(1) per point; logistic — over the distinct (x, y) pairs weighted by their count (the bill
 * lengths repeat), which is the same sum as over every row.
 */
export interface FullLoss {
  /** L(w, b); writes ∂L/∂w and ∂L/∂b to grad[o], grad[o + 1]. */
  (w: number, b: number, grad: Float64Array | number[], o: number): number;
}

/** Builds the {@link FullLoss} of a dataset. */
export function fullLoss(data: Dataset): FullLoss {
  const { x, y, n } = data;
  if (data.model === 'linear') {
    const moments = [0, 0, 0, 0, 0];
    batchMoments(
      x,
      y,
      Uint32Array.from({ length: n }, (_, i) => i),
      n,
      moments,
    );
    const [sxx, sx, sxy, sy, syy] = moments as [number, number, number, number, number];
    return (w, b, grad, o) => {
      grad[o] = 2 * (w * sxx + b * sx - sxy);
      grad[o + 1] = 2 * (w * sx + b - sy);
      return w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy;
    };
  }
  const { px, py, counts, m } = distinctRows(data);
  const pc = Float64Array.from(counts, (c) => c / n);
  return (w, b, grad, o) => {
    let loss = 0;
    let gw = 0;
    let gb = 0;
    for (let k = 0; k < m; k++) {
      const xi = px[k]!;
      const z = w * xi + b;
      const c = pc[k]!;
      // Inlined softplus loss and sigmoid: this loop runs for every vertex of the surface.
      const e = Math.exp(-Math.abs(z));
      loss += c * (Math.max(z, 0) - z * py[k]! + Math.log1p(e));
      const d = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - py[k]!;
      gw += c * d * xi;
      gb += c * d;
    }
    grad[o] = gw;
    grad[o + 1] = gb;
    return loss;
  };
}

/**
 * The batch means the linear model's loss is made of, written to out[0…4]:
 * E[x²], E[x], E[xy], E[y], E[y²] over the first `count` rows, so that the batch's MSE is
 * L(w, b) = w²·E[x²] + 2wb·E[x] + b² − 2w·E[xy] − 2b·E[y] + E[y²] at every (w, b) — what the
 * batch-surface shader evaluates per vertex.
 */
export function batchMoments(
  x: Float64Array,
  y: Float64Array,
  rows: ArrayLike<number>,
  count: number,
  out: Float64Array | number[],
): void {
  let sxx = 0;
  let sx = 0;
  let sxy = 0;
  let sy = 0;
  let syy = 0;
  for (let k = 0; k < count; k++) {
    const i = rows[k]!;
    const xi = x[i]!;
    const yi = y[i]!;
    sxx += xi * xi;
    sx += xi;
    sxy += xi * yi;
    sy += yi;
    syy += yi * yi;
  }
  const c = Math.max(1, count);
  out[0] = sxx / c;
  out[1] = sx / c;
  out[2] = sxy / c;
  out[3] = sy / c;
  out[4] = syy / c;
}

/**
 * The logistic model's full-data loss and gradient on rows of a regular (w, b) grid, for drawing
 * its surface. Along a row b is fixed, so with z = w·x + b the costly e^(−|z|) factors into
 * e^(∓w·x)·e^(∓b), the w·x part computed once per grid column and distinct x; and the
 * Σ log(1 + e^(−|z|)) term becomes the log of one product (each factor lies in (1, 2], so the
 * product of n of them stays finite). The same sums as {@link fullLoss}, reordered: agrees to
 * ~1e-13 relative. Returns null where the factors could overflow (|w·x| or |b| above 300), and the
 * caller samples point by point.
 */
export function logisticGridSampler(
  data: Dataset,
  domain: { xMin: number; xMax: number; yMin: number; yMax: number },
) {
  const { n } = data;
  const { px, py, counts: pc, m } = distinctRows(data);
  let xAbs = 0;
  for (let k = 0; k < m; k++) xAbs = Math.max(xAbs, Math.abs(px[k]!));
  const wAbs = Math.max(Math.abs(domain.xMin), Math.abs(domain.xMax));
  const bAbs = Math.max(Math.abs(domain.yMin), Math.abs(domain.yMax));
  if (wAbs * xAbs > 300 || bAbs > 300) return null;
  let columns = -1;
  let down = new Float64Array(0); // e^(−w·x) per column and pair
  let up = new Float64Array(0); // e^(+w·x)
  return (
    segments: number,
    j0: number,
    j1: number,
    values: Float64Array,
    gradients: Float64Array,
  ) => {
    const { xMin, xMax, yMin, yMax } = domain;
    const side = segments + 1;
    if (columns !== side) {
      columns = side;
      down = new Float64Array(side * m);
      up = new Float64Array(side * m);
      for (let i = 0; i < side; i++) {
        const w = xMin + ((xMax - xMin) * i) / segments;
        for (let k = 0; k < m; k++) {
          const e = Math.exp(-w * px[k]!);
          down[i * m + k] = e;
          up[i * m + k] = 1 / e;
        }
      }
    }
    for (let j = j0; j < j1; j++) {
      const b = yMin + ((yMax - yMin) * j) / segments;
      const eDown = Math.exp(-b);
      const eUp = Math.exp(b);
      for (let i = 0; i < side; i++) {
        const w = xMin + ((xMax - xMin) * i) / segments;
        let linear = 0;
        let product = 1;
        let gw = 0;
        let gb = 0;
        const o = i * m;
        for (let k = 0; k < m; k++) {
          const xk = px[k]!;
          const z = w * xk + b;
          const e = z >= 0 ? down[o + k]! * eDown : up[o + k]! * eUp;
          const c = pc[k]!;
          const q = 1 + e;
          let factor = q;
          for (let r = 1; r < c; r++) factor *= q;
          product *= factor;
          linear += c * (Math.max(z, 0) - z * py[k]!);
          const d = (z >= 0 ? 1 / q : e / q) - py[k]!;
          gw += c * d * xk;
          gb += c * d;
        }
        const at = j * side + i;
        values[at] = (linear + Math.log(product)) / n;
        gradients[2 * at] = gw / n;
        gradients[2 * at + 1] = gb / n;
      }
    }
  };
}
