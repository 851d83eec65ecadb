import { BASIN_DIVERGED, BASIN_ELSEWHERE, BASIN_MOVING, type KnownMinimum } from '../core';

/** The global minimum's cells: gold, as the lecture's "true bottom". */
export const GLOBAL_BASIN_COLOR = '#f2c12e';
/** Cells still moving after the last step. */
export const MOVING_BASIN_COLOR = '#9aa0a6';
/** Cells whose run diverged. */
export const DIVERGED_BASIN_COLOR = '#000000';
/** Cells settled at a stationary point that is not a known minimum. */
export const ELSEWHERE_BASIN_COLOR = '#4a4f57';

/**
 * Hues for the local minima, in the order of the landscape's minima: distinct from gold, grey and
 * black, and from each other at a glance (Tableau 10 without its yellow and grey, then lighter).
 */
const LOCAL = [
  '#4e79a7',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#f28e2b',
  '#a0cbe8',
  '#8cd17d',
  '#d4a6c8',
  '#86bcb6',
  '#fabfd2',
  '#b6992d',
  '#499894',
  '#d37295',
];

/** #rrggbb → [r, g, b] in 0 … 255. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The colour of a basin map's cell by its outcome (an index into `minima`, or a negative code):
 * gold for a global minimum, one hue per local minimum, grey for still moving, black for diverged.
 */
export function basinColor(outcome: number, minima: readonly KnownMinimum[]): string {
  if (outcome === BASIN_MOVING) return MOVING_BASIN_COLOR;
  if (outcome === BASIN_DIVERGED) return DIVERGED_BASIN_COLOR;
  if (outcome === BASIN_ELSEWHERE || outcome < 0) return ELSEWHERE_BASIN_COLOR;
  const m = minima[outcome];
  if (!m) return ELSEWHERE_BASIN_COLOR;
  if (m.global) return GLOBAL_BASIN_COLOR;
  let local = 0;
  for (let i = 0; i < outcome; i++) if (!minima[i]!.global) local++;
  return LOCAL[local % LOCAL.length]!;
}

/**
 * A basin map as RGBA bytes, row-major from (xMin, yMin) as the grid is (cells not computed yet —
 * any outcome below −3 — are transparent), for a texture or an image.
 */
export function basinPixels(
  grid: Int32Array,
  minima: readonly KnownMinimum[],
  out: Uint8Array<ArrayBufferLike> = new Uint8Array(4 * grid.length),
): Uint8Array<ArrayBufferLike> {
  const cache = new Map<number, [number, number, number]>();
  for (let c = 0; c < grid.length; c++) {
    const o = grid[c]!;
    if (o < BASIN_ELSEWHERE) {
      out[4 * c + 3] = 0;
      continue;
    }
    let color = cache.get(o);
    if (!color) cache.set(o, (color = rgb(basinColor(o, minima))));
    out[4 * c] = color[0];
    out[4 * c + 1] = color[1];
    out[4 * c + 2] = color[2];
    out[4 * c + 3] = 255;
  }
  return out;
}
