import type { Domain, Landscape } from './landscapes';
import type { SurfaceDrawing } from './surface-drawing';

/**
 * How loss values become heights on screen, shared by the surface mesh, the balls, the trails and
 * the top view so a ball always sits on the surface. With f₀ the lowest and f₁ the highest value
 * sampled (known minima included):
 * linear  h(f) = (f − f₀)/(f₁ − f₀);
 * log     h(f) = ln(1 + (f − f₀)/δ)/ln(1 + (f₁ − f₀)/δ), δ = 10⁻³·(f₁ − f₀)
 * — both 0 at the lowest point and 1 at the highest.
 */
export interface HeightMap {
  scale: 'linear' | 'log';
  low: number;
  high: number;
  /** h(f) ∈ [0, 1] for f in range; non-finite f gives NaN. */
  height(f: number): number;
  /** dh/df, for surface normals by the chain rule (∂h/∂x = h'(f)·∂f/∂x). */
  slope(f: number): number;
}

/** Builds a {@link HeightMap} from sampled values (non-finite ones ignored). */
export function createHeightMap(
  values: ArrayLike<number>,
  scale: 'linear' | 'log',
  extraLows: readonly number[] = [],
): HeightMap {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  for (const v of extraLows) if (Number.isFinite(v) && v < low) low = v;
  return heightMapOf(scale, low, high);
}

/** The {@link HeightMap} from f₀ = low to f₁ = high (a non-finite or empty range becomes [0, 1]). */
export function heightMapOf(scale: 'linear' | 'log', low: number, high: number): HeightMap {
  if (!Number.isFinite(low)) {
    low = 0;
    high = 1;
  }
  if (!(high > low)) high = low + 1;
  const range = high - low;
  if (scale === 'log') {
    const delta = 1e-3 * range;
    const norm = Math.log1p(range / delta);
    return {
      scale,
      low,
      high,
      height: (f) => Math.log1p(Math.max(f - low, 0) / delta) / norm,
      slope: (f) => 1 / ((delta + Math.max(f - low, 0)) * norm),
    };
  }
  return { scale, low, high, height: (f) => (f - low) / range, slope: () => 1 / range };
}

/**
 * A landscape sampled on an (n+1) × (n+1) grid over its domain: values f and gradients ∇f at
 * xᵢ = xMin + i·(xMax − xMin)/n, yⱼ = yMin + j·(yMax − yMin)/n, row-major in j then i.
 */
export interface SurfaceGrid {
  segments: number;
  domain: Domain;
  values: Float64Array;
  gradients: Float64Array;
  heightMap: HeightMap;
  /** The mesh arrays and top-view pixels, when a worker has made them (else made where drawn). */
  drawing?: SurfaceDrawing;
}

/**
 * Samples rows j ∈ [j0, j1) of the (n+1) × (n+1) grid of {@link SurfaceGrid}: writes f to
 * values[j·(n+1) + i] and ∇f to gradients[2·(j·(n+1) + i) …] (exact gradients, via the
 * landscape's batched path). Lets a worker sample a surface progressively, a band of rows at a time.
 */
export function sampleSurfaceRows(
  landscape: Landscape,
  segments: number,
  j0: number,
  j1: number,
  values: Float64Array,
  gradients: Float64Array,
): void {
  if (landscape.sampleRows) {
    landscape.sampleRows(segments, j0, Math.min(j1, segments + 1), values, gradients);
    return;
  }
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const side = segments + 1;
  const rows = Math.max(0, Math.min(j1, side) - j0);
  const n = rows * side;
  const points = new Float64Array(2 * n);
  for (let r = 0; r < rows; r++) {
    const y = yMin + ((yMax - yMin) * (j0 + r)) / segments;
    for (let i = 0; i < side; i++) {
      const k = r * side + i;
      points[2 * k] = xMin + ((xMax - xMin) * i) / segments;
      points[2 * k + 1] = y;
    }
  }
  const offset = j0 * side;
  landscape.gradientMany(
    points,
    n,
    gradients.subarray(2 * offset, 2 * (offset + n)),
    values.subarray(offset, offset + n),
  );
}

/** A {@link SurfaceGrid} from sampled values and gradients, its height map including the known minima. */
export function surfaceGrid(
  landscape: Pick<Landscape, 'domain' | 'minima' | 'heightScale' | 'floor'>,
  segments: number,
  values: Float64Array,
  gradients: Float64Array,
): SurfaceGrid {
  const lows = landscape.minima.map((m) => m.value);
  if (landscape.floor !== undefined) lows.push(landscape.floor);
  return {
    segments,
    domain: landscape.domain,
    values,
    gradients,
    heightMap: createHeightMap(values, landscape.heightScale, lows),
  };
}

/** Samples f and ∇f on the whole grid at once (see {@link sampleSurfaceRows}). */
export function sampleSurface(landscape: Landscape, segments = 256): SurfaceGrid {
  const side = segments + 1;
  const values = new Float64Array(side * side);
  const gradients = new Float64Array(2 * side * side);
  sampleSurfaceRows(landscape, segments, 0, side, values, gradients);
  return surfaceGrid(landscape, segments, values, gradients);
}

/**
 * Where the domain sits in the 3D world: x ↦ X ∈ [−w/2, w/2], y ↦ Z ∈ [h/2, −h/2] (y grows away
 * from the viewer, as on a map seen from the south), the longer side 10 units; height h(f) ∈ [0, 1]
 * ↦ Y = 4·verticalScale·h.
 */
export interface WorldFrame {
  width: number;
  depth: number;
  /** World X of domain x. */
  worldX(x: number): number;
  /** World Z of domain y. */
  worldZ(y: number): number;
  /** Domain x of world X. */
  domainX(X: number): number;
  /** Domain y of world Z. */
  domainY(Z: number): number;
  /** World units per unit of h at vertical scale 1. */
  heightUnits: number;
}

/** Domains longer than this many times their width are drawn stretched to a square. */
export const MAX_DRAWN_ASPECT = 4;

/**
 * The {@link WorldFrame} of a domain: both axes at the same scale, unless one side is more than
 * {@link MAX_DRAWN_ASPECT} times the other (a model's weight and bias in raw units: w spans tens,
 * b thousands) — then each axis is scaled to 10 units on its own, or the surface would be a
 * sliver.
 */
export function worldFrame(d: Domain): WorldFrame {
  const sx = d.xMax - d.xMin;
  const sy = d.yMax - d.yMin;
  const unit = 10 / Math.max(sx, sy);
  const stretched = sx > MAX_DRAWN_ASPECT * sy || sy > MAX_DRAWN_ASPECT * sx;
  const ux = stretched ? 10 / sx : unit;
  const uy = stretched ? 10 / sy : unit;
  const cx = (d.xMin + d.xMax) / 2;
  const cy = (d.yMin + d.yMax) / 2;
  return {
    width: sx * ux,
    depth: sy * uy,
    worldX: (x) => (x - cx) * ux,
    worldZ: (y) => -(y - cy) * uy,
    domainX: (X) => cx + X / ux,
    domainY: (Z) => cy - Z / uy,
    heightUnits: 4,
  };
}

/** World height of f: Y = 4·verticalScale·min(h(f), 1.5), and 0 where f is not finite. */
export function worldHeight(
  heightMap: HeightMap,
  frame: WorldFrame,
  verticalScale: number,
  f: number,
): number {
  const h = heightMap.height(f);
  return Number.isFinite(h) ? frame.heightUnits * verticalScale * Math.min(h, 1.5) : 0;
}

/**
 * Where a ray from the camera, origin o + t·d in world coordinates, first meets the surface:
 * samples 400 steps across the domain's box, then bisects the first crossing of Y_ray − Y_surface
 * 40 times. If it misses the surface, falls back to the plane Y = 0 and clamps to the domain (so a
 * drag past the edge keeps the point on the edge). Returns domain (x, y), or null if the ray
 * points away from both.
 */
export function pickSurface(
  landscape: Pick<Landscape, 'value' | 'domain'>,
  heightMap: HeightMap,
  frame: WorldFrame,
  verticalScale: number,
  origin: readonly [number, number, number],
  direction: readonly [number, number, number],
): [number, number] | null {
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = direction;
  const d = landscape.domain;
  const halfW = frame.width / 2;
  const halfD = frame.depth / 2;
  // The ray's t-interval inside the slab |X| ≤ w/2, |Z| ≤ d/2.
  let t0 = 0;
  let t1 = 1e6;
  for (const [o, v, lo, hi] of [
    [ox, dx, -halfW, halfW],
    [oz, dz, -halfD, halfD],
  ] as const) {
    if (Math.abs(v) < 1e-12) {
      if (o < lo || o > hi) t1 = -1;
    } else {
      const a = (lo - o) / v;
      const b = (hi - o) / v;
      t0 = Math.max(t0, Math.min(a, b));
      t1 = Math.min(t1, Math.max(a, b));
    }
  }
  const gap = (t: number) => {
    const X = ox + t * dx;
    const Z = oz + t * dz;
    return (
      oy +
      t * dy -
      worldHeight(
        heightMap,
        frame,
        verticalScale,
        landscape.value(frame.domainX(X), frame.domainY(Z)),
      )
    );
  };
  if (t1 > t0) {
    const steps = 400;
    let prevT = t0;
    let prevGap = gap(t0);
    for (let k = 1; k <= steps; k++) {
      const t = t0 + ((t1 - t0) * k) / steps;
      const g = gap(t);
      if (prevGap > 0 && g <= 0) {
        let a = prevT;
        let b = t;
        for (let i = 0; i < 40; i++) {
          const m = (a + b) / 2;
          if (gap(m) > 0) a = m;
          else b = m;
        }
        const tm = (a + b) / 2;
        return [frame.domainX(ox + tm * dx), frame.domainY(oz + tm * dz)];
      }
      prevT = t;
      prevGap = g;
    }
  }
  if (Math.abs(dy) < 1e-12) return null;
  const tp = -oy / dy;
  if (tp <= 0) return null;
  const x = Math.min(d.xMax, Math.max(d.xMin, frame.domainX(ox + tp * dx)));
  const y = Math.min(d.yMax, Math.max(d.yMin, frame.domainY(oz + tp * dz)));
  return [x, y];
}
