import { viridis, type SurfaceGrid } from '../core';

/** Contour levels of the top view; the same count as the 3D surface's. */
const CONTOURS = 24;

/**
 * The top view's background: the sampled surface as an image (north up), coloured by height with
 * the same colour map as the 3D surface, and darker pixels where h crosses a contour level.
 */
export function renderTopViewImage(grid: SurfaceGrid): HTMLCanvasElement {
  const side = grid.segments + 1;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(side, side);
  const level = new Float64Array(side * side);
  for (let k = 0; k < side * side; k++)
    level[k] = Math.floor(Math.min(grid.heightMap.height(grid.values[k]!), 1.5) * CONTOURS);
  for (let j = 0; j < side; j++) {
    const row = side - 1 - j; // y grows upwards on screen
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const h = grid.heightMap.height(grid.values[k]!);
      const o = 4 * (row * side + i);
      if (!Number.isFinite(h)) {
        image.data.set([20, 20, 24, 255], o);
        continue;
      }
      let [r, g, b] = viridis(h);
      const edge =
        (i + 1 < side && level[k + 1] !== level[k]) ||
        (j + 1 < side && level[k + side] !== level[k]);
      if (edge) [r, g, b] = [r * 0.45, g * 0.45, b * 0.45];
      image.data.set([r * 255, g * 255, b * 255, 255], o);
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}
