import {
  landscapeWithMinima,
  type Domain,
  type KnownMinimum,
  type Landscape,
  type LandscapeSource,
} from './landscapes';
import type { RunnerSpec, Shake } from './race/types';
import { BALL_DIVERGED, BALL_RUNNING, createSwarm, stepSwarm, type Swarm } from './swarm';

/** A basin map's cell that is still moving after the last step. */
export const BASIN_MOVING = -1;
/** A basin map's cell whose run diverged. */
export const BASIN_DIVERGED = -2;
/** A cell that settled at a stationary point that is not a known minimum (a saddle, a plateau). */
export const BASIN_ELSEWHERE = -3;
/** A cell of a map being filled that is not computed yet. */
export const BASIN_PENDING = -100;

/** The default number of steps each cell of a basin map runs. */
export const BASIN_STEPS = 500;

/** What a basin map runs: one runner's settings from every cell, like a `trace` from each. */
export interface BasinSettings {
  runner: RunnerSpec;
  /** Cells per side. */
  k: number;
  /** Steps per cell (at most; a noise-free cell stops once it settles). */
  steps: number;
  shake: Shake;
  /** On a dataset's landscape: the race's default batch size (null or absent: all rows). */
  batch?: number | null;
}

/**
 * The centres of a k × k grid of cells over the domain, rows j ∈ [j0, j1), row-major from
 * (xMin, yMin): cell (i, j) sits at index (j − j0)·k + i, its centre at
 * (xMin + (i + ½)·(xMax − xMin)/k, yMin + (j + ½)·(yMax − yMin)/k). Interleaved x, y.
 */
export function basinCentres(domain: Domain, k: number, j0 = 0, j1 = k): Float64Array {
  const out = new Float64Array(2 * k * (j1 - j0));
  const cw = (domain.xMax - domain.xMin) / k;
  const ch = (domain.yMax - domain.yMin) / k;
  for (let j = j0; j < j1; j++) {
    for (let i = 0; i < k; i++) {
      const at = 2 * ((j - j0) * k + i);
      out[at] = domain.xMin + (i + 0.5) * cw;
      out[at + 1] = domain.yMin + (j + 0.5) * ch;
    }
  }
  return out;
}

/**
 * A ball's outcome as a basin map records it: the index in `landscape.minima` of the minimum it
 * settled at, {@link BASIN_MOVING}, {@link BASIN_DIVERGED}, or {@link BASIN_ELSEWHERE}.
 */
export function ballOutcome(swarm: Swarm, i: number): number {
  const status = swarm.status[i];
  if (status === BALL_DIVERGED) return BASIN_DIVERGED;
  if (status === BALL_RUNNING) return BASIN_MOVING;
  const m = swarm.settledMinimum[i]!;
  return m >= 0 ? m : BASIN_ELSEWHERE;
}

/**
 * Rows [j0, j1) of a basin map: every cell's centre run as a single race would run it (same
 * update, same divergence and settle rules, the same noise and minibatches as `trace --seed`:
 * shared streams), for `steps` steps, or fewer once every cell is frozen (diverged, or at an exact
 * fixed point of its update). A cell that settles keeps stepping, as the race from its centre
 * does, so its outcome is the race's at the last step. Returns the
 * outcomes (see {@link ballOutcome}), (j1 − j0)·k of them. `alive()` is asked every 25 steps; when
 * it answers false the work stops and null is returned.
 */
export function basinRows(
  landscape: Landscape,
  settings: BasinSettings,
  j0: number,
  j1: number,
  alive: () => boolean = () => true,
): Int32Array | null {
  const starts = basinCentres(landscape.domain, settings.k, j0, j1);
  const swarm = createSwarm(landscape, settings.runner, starts, {
    shake: settings.shake,
    noise: 'shared',
    batch: settings.batch ?? null,
  });
  for (let step = 0; step < settings.steps; step++) {
    if (step % 25 === 0) {
      if (!alive()) return null;
      if (step > 0 && !anyActive(swarm)) break;
    }
    stepSwarm(swarm, 1);
  }
  const out = new Int32Array(swarm.size);
  for (let i = 0; i < swarm.size; i++) out[i] = ballOutcome(swarm, i);
  return out;
}

function anyActive(swarm: Swarm): boolean {
  for (let i = 0; i < swarm.size; i++) if (swarm.active[i]) return true;
  return false;
}

/** Shares of a basin map's cells, 0 … 1: at the global minimum, at another, moving, diverged. */
export interface BasinShares {
  global: number;
  local: number;
  moving: number;
  diverged: number;
}

/**
 * The shares of `grid`'s cells (outcomes, see {@link ballOutcome}) that reached a global minimum,
 * settled elsewhere (a local minimum, or another stationary point), were still moving, or
 * diverged. Cells not computed yet ({@link BASIN_PENDING}, or beyond `cells` of a partial grid)
 * are left out.
 */
export function basinShares(
  grid: ArrayLike<number>,
  minima: readonly KnownMinimum[],
  cells = grid.length,
): BasinShares {
  let global = 0;
  let local = 0;
  let moving = 0;
  let diverged = 0;
  let counted = 0;
  for (let c = 0; c < cells; c++) {
    const o = grid[c]!;
    if (o === BASIN_PENDING) continue;
    counted++;
    if (o === BASIN_MOVING) moving++;
    else if (o === BASIN_DIVERGED) diverged++;
    else if (o >= 0 && minima[o]?.global) global++;
    else local++;
  }
  const n = Math.max(1, counted);
  return { global: global / n, local: local / n, moving: moving / n, diverged: diverged / n };
}

/** A whole basin map: the landscape's minima, the k × k outcomes (row-major) and their shares. */
export interface BasinMap {
  k: number;
  minima: KnownMinimum[];
  grid: Int32Array;
  shares: BasinShares;
}

/** Computes a whole basin map in one call (for `trace` and tests; the app runs rows in workers). */
export function basinMap(landscape: Landscape, settings: BasinSettings): BasinMap {
  const grid = basinRows(landscape, settings, 0, settings.k)!;
  const minima = landscape.minima.map((m) => ({ ...m }));
  return { k: settings.k, minima, grid, shares: basinShares(grid, minima) };
}

/** A band of rows of one basin map as plain data (what a basins worker is sent). */
export interface BasinBand {
  source: LandscapeSource;
  /** The landscape's minima as the page knows them (a typed function's come from its search). */
  minima: KnownMinimum[];
  settings: BasinSettings;
  j0: number;
  j1: number;
}

/**
 * Runs bands of basin maps (see {@link basinRows}), keeping the landscape of the last band, so a
 * typed function is parsed once per map. Throws when the landscape cannot be made.
 */
export function basinBandRunner(): (band: BasinBand) => Int32Array {
  let cached: { key: string; landscape: Landscape } | null = null;
  return (band) => {
    const key = JSON.stringify([band.source, band.minima]);
    if (cached?.key !== key) {
      const landscape = landscapeWithMinima(band.source, band.minima);
      if (!landscape) throw new Error('the landscape could not be made');
      cached = { key, landscape };
    }
    return basinRows(cached.landscape, band.settings, band.j0, band.j1)!;
  };
}
