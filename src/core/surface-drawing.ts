import { viridis } from './colormap';
import type { SurfaceGrid, WorldFrame } from './surface';

/**
 * What the GPU and the top view need from a sampled surface, as plain typed arrays a worker can
 * make and transfer: the main thread only wraps them (no loop over the grid there). For an
 * (n+1) × (n+1) grid, vertex k = j·(n+1) + i at domain (xᵢ, yⱼ):
 * - positions (X, 0, Z) = (worldX(xᵢ), 0, worldZ(yⱼ)) and uvs (i/n, j/n);
 * - heights hₖ = min(h(fₖ), 1.5), 0 where f or ∇f is not finite (valid 0 there, else 1);
 * - slopes (∂h/∂X, ∂h/∂Z) = (h'(f)·∂f/∂x / u, −h'(f)·∂f/∂y / u), u world units per domain unit,
 *   0 where invalid or clipped: at a vertical scale K the vertex shader sets Y = K·h and the exact
 *   normal ∝ (−K·∂h/∂X, 1, −K·∂h/∂Z), so a new vertical scale is one uniform;
 * - pixels: the top view's RGBA image (north up) coloured by h with viridis, darker where h
 *   crosses one of `contours` levels.
 */
export interface SurfaceDrawing {
  positions: Float32Array;
  uvs: Float32Array;
  heights: Float32Array;
  valid: Float32Array;
  slopes: Float32Array;
  pixels: Uint8ClampedArray;
}

/** Heights above this are clipped (the surface's tallest spikes stay on screen). */
export const MAX_HEIGHT = 1.5;

/** Contour levels of the top view; the same count as the 3D surface's. */
export const TOP_VIEW_CONTOURS = 24;

const LUT_SIZE = 1024;
let lut: Uint8ClampedArray | null = null;

/** viridis(h) as bytes, sampled once (the polynomial per pixel was most of the image's cost). */
function colourTable(): Uint8ClampedArray {
  if (lut) return lut;
  lut = new Uint8ClampedArray(3 * LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = viridis(i / (LUT_SIZE - 1));
    lut[3 * i] = r * 255;
    lut[3 * i + 1] = g * 255;
    lut[3 * i + 2] = b * 255;
  }
  return lut;
}

/** The {@link SurfaceDrawing} of a sampled surface in a world frame (one pass, no allocation per vertex). */
export function drawSurface(grid: SurfaceGrid, frame: WorldFrame): SurfaceDrawing {
  const n = grid.segments;
  const side = n + 1;
  const count = side * side;
  const positions = new Float32Array(3 * count);
  const uvs = new Float32Array(2 * count);
  const heights = new Float32Array(count);
  const valid = new Float32Array(count);
  const slopes = new Float32Array(2 * count);
  const level = new Int32Array(count);
  const { xMin, xMax, yMin, yMax } = grid.domain;
  // World units per domain unit along each axis (equal unless the frame is stretched).
  const ux = frame.width / (xMax - xMin);
  const uz = frame.depth / (yMax - yMin);
  const { values, gradients, heightMap } = grid;
  for (let j = 0; j < side; j++) {
    const Z = frame.worldZ(yMin + ((yMax - yMin) * j) / n);
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      positions[3 * k] = frame.worldX(xMin + ((xMax - xMin) * i) / n);
      positions[3 * k + 2] = Z;
      uvs[2 * k] = i / n;
      uvs[2 * k + 1] = j / n;
      const f = values[k]!;
      const gx = gradients[2 * k]!;
      const gy = gradients[2 * k + 1]!;
      const h = heightMap.height(f);
      const ok = Number.isFinite(h) && Number.isFinite(gx) && Number.isFinite(gy);
      heights[k] = ok ? Math.min(h, MAX_HEIGHT) : 0;
      valid[k] = ok ? 1 : 0;
      level[k] = ok ? Math.floor(Math.min(h, MAX_HEIGHT) * TOP_VIEW_CONTOURS) : -1;
      if (ok && h < MAX_HEIGHT) {
        const s = heightMap.slope(f);
        slopes[2 * k] = (s * gx) / ux;
        slopes[2 * k + 1] = (-s * gy) / uz;
      }
    }
  }
  return {
    positions,
    uvs,
    heights,
    valid,
    slopes,
    pixels: topViewPixels(side, heights, valid, level),
  };
}

function topViewPixels(
  side: number,
  heights: Float32Array,
  valid: Float32Array,
  level: Int32Array,
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(4 * side * side);
  const table = colourTable();
  for (let j = 0; j < side; j++) {
    const row = side - 1 - j; // y grows upwards on screen
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const o = 4 * (row * side + i);
      data[o + 3] = 255;
      if (!valid[k]) {
        data[o] = 20;
        data[o + 1] = 20;
        data[o + 2] = 24;
        continue;
      }
      const c = 3 * Math.round(Math.min(1, heights[k]!) * (LUT_SIZE - 1));
      const edge =
        (i + 1 < side && level[k + 1] !== level[k]) ||
        (j + 1 < side && level[k + side] !== level[k]);
      const shade = edge ? 0.45 : 1;
      data[o] = table[c]! * shade;
      data[o + 1] = table[c + 1]! * shade;
      data[o + 2] = table[c + 2]! * shade;
    }
  }
  return data;
}

const made = new WeakMap<SurfaceGrid, SurfaceDrawing>();

/**
 * A grid's drawing: the one the worker made with it, else made once here (for the small quick
 * grids drawn before the worker's arrive) and kept for the mesh and the top view alike.
 */
export function drawingOf(grid: SurfaceGrid, frame: WorldFrame): SurfaceDrawing {
  if (grid.drawing) return grid.drawing;
  let d = made.get(grid);
  if (!d) made.set(grid, (d = drawSurface(grid, frame)));
  return d;
}

/** The arrays of a drawing, for a worker's transfer list. */
export function drawingBuffers(d: SurfaceDrawing): ArrayBuffer[] {
  return [d.positions, d.uvs, d.heights, d.valid, d.slopes, d.pixels].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
