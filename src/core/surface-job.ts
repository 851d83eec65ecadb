import {
  landscapeFromSource,
  searchMinima,
  withMinima,
  type KnownMinimum,
  type Landscape,
  type LandscapeSource,
} from './landscapes';
import { sampleSurfaceRows, surfaceGrid, worldFrame, type SurfaceGrid } from './surface';
import { drawSurface } from './surface-drawing';

/**
 * A surface job as plain data and plain callbacks, so it runs the same in a Web Worker, inline in
 * tests and on the command line.
 */

/** What a surface job reports, in order: surfaces (coarse, then fine), then minima, then done. */
export interface SurfaceJobHandlers {
  /**
   * A sampled grid with its height map and drawing; `final` is false for the quick coarse one. A
   * typed function's grid comes once more after its minima are found if one lies below every
   * sample (heights then start there).
   */
  onSurface(surface: SurfaceGrid, final: boolean): void;
  /** A typed function's minima (presets know theirs). */
  onMinima(minima: KnownMinimum[], complete: boolean): void;
  onProgress(stage: 'surface' | 'minima', progress: number): void;
  onDone(): void;
  onError(message: string): void;
}

/** The request: which landscape, how fine, and whether to search its minima. */
export interface SurfaceRequest {
  source: LandscapeSource;
  /** The first, quick grid (e.g. 64). */
  coarseSegments: number;
  /** Grids between the coarse and the final one, each sent when done (not final). */
  refine?: number[];
  /** The final grid (256). */
  segments: number;
  minima: boolean;
}

/** Rows sampled between progress reports. */
export const ROWS_PER_REPORT = 16;

/**
 * The work of one surface job, as the worker and the inline runner both run it: the coarse grid,
 * the fine grid a band of rows at a time (with progress), then the minima search. `alive()` is
 * asked between bands so a superseded job stops early.
 */
export function runSurfaceJob(
  request: SurfaceRequest,
  handlers: SurfaceJobHandlers,
  alive: () => boolean = () => true,
): void {
  const landscape = landscapeFromSource(request.source);
  if (!landscape) {
    handlers.onError('the landscape could not be made');
    return;
  }
  const frame = worldFrame(landscape.domain);
  const grids = [request.coarseSegments, ...(request.refine ?? [])].filter(
    (s) => s < request.segments,
  );
  grids.push(request.segments);
  let fine: SurfaceGrid | null = null;
  // Progress counts the points of every grid after the first (a grid's cost is its points).
  const work = grids
    .slice(1)
    .reduce((sum, s) => sum + (s + 1) ** 2, grids.length === 1 ? (grids[0]! + 1) ** 2 : 0);
  let done = 0;
  for (const segments of grids) {
    const side = segments + 1;
    const values = new Float64Array(side * side);
    const gradients = new Float64Array(2 * side * side);
    for (let j = 0; j < side; j += ROWS_PER_REPORT) {
      if (!alive()) return;
      sampleSurfaceRows(landscape, segments, j, j + ROWS_PER_REPORT, values, gradients);
      if (segments !== grids[0] || grids.length === 1) {
        done += side * (Math.min(side, j + ROWS_PER_REPORT) - j);
        handlers.onProgress('surface', Math.min(1, done / work));
      }
    }
    const grid = drawn(landscape, segments, values, gradients, frame);
    if (segments === request.segments) fine = grid;
    else handlers.onSurface(grid, false);
  }
  if (!alive() || !fine) return;
  // The fine grid goes out now; its arrays are the receiver's after that (they may be transferred).
  const { values, gradients, segments } = fine;
  const low = fine.heightMap.low;
  handlers.onSurface(fine, true);
  if (request.minima) {
    if (!alive()) return;
    handlers.onProgress('minima', 0);
    const found = searchMinima(landscape);
    if (found.minima.some((m) => m.value < low) && values.length > 0) {
      const shown = withMinima(landscape, found);
      handlers.onSurface(drawn(shown, segments, values, gradients, frame), true);
    }
    handlers.onMinima(found.minima, found.complete);
  }
  handlers.onDone();
}

/** A grid with its height map (known minima included) and its drawing. */
function drawn(
  landscape: Landscape,
  segments: number,
  values: Float64Array,
  gradients: Float64Array,
  frame: ReturnType<typeof worldFrame>,
): SurfaceGrid {
  const grid = surfaceGrid(landscape, segments, values, gradients);
  return { ...grid, drawing: drawSurface(grid, frame) };
}
