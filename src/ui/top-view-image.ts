import { viridis, type SurfaceGrid } from '../core';

/** Contour levels of the top view; the same count as the 3D surface's. */
const CONTOURS = 24;

/** Entries of the colour lookup table (h ∈ [0, 1] in steps of 1/1023). */
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

/**
 * The top view's background: the sampled surface as an image (north up), coloured by height with
 * the same colour map as the 3D surface, and darker pixels where h crosses a contour level. One
 * pass over the grid with no allocation per pixel: it runs on the main thread whenever a new
 * surface arrives, so it must stay well inside a frame.
 */
export function renderTopViewImage(grid: SurfaceGrid): HTMLCanvasElement {
  const side = grid.segments + 1;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(side, side);
  const data = image.data;
  const table = colourTable();
  const n = side * side;
  const heights = new Float32Array(n);
  const level = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const h = grid.heightMap.height(grid.values[k]!);
    heights[k] = h;
    level[k] = Number.isFinite(h) ? Math.floor(Math.min(h, 1.5) * CONTOURS) : -1;
  }
  for (let j = 0; j < side; j++) {
    const row = side - 1 - j; // y grows upwards on screen
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const o = 4 * (row * side + i);
      const h = heights[k]!;
      data[o + 3] = 255;
      if (!Number.isFinite(h)) {
        data[o] = 20;
        data[o + 1] = 20;
        data[o + 2] = 24;
        continue;
      }
      const c = 3 * Math.round(Math.min(1, Math.max(0, h)) * (LUT_SIZE - 1));
      const edge =
        (i + 1 < side && level[k + 1] !== level[k]) ||
        (j + 1 < side && level[k + side] !== level[k]);
      const shade = edge ? 0.45 : 1;
      data[o] = table[c]! * shade;
      data[o + 1] = table[c + 1]! * shade;
      data[o + 2] = table[c + 2]! * shade;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}
