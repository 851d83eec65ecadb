import { drawingOf, type SurfaceGrid, type WorldFrame } from '../core';

/**
 * The top view's background as a canvas: the pixels the surface worker made with the surface
 * (viridis by height, darker contour lines, north up), or made here for a small quick grid.
 */
export function renderTopViewImage(grid: SurfaceGrid, frame: WorldFrame): HTMLCanvasElement {
  const side = grid.segments + 1;
  const pixels = drawingOf(grid, frame).pixels;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas
    .getContext('2d')!
    .putImageData(new ImageData(new Uint8ClampedArray(pixels), side, side), 0, 0);
  return canvas;
}
