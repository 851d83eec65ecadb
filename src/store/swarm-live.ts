import type { BasinShares, KnownMinimum, SwarmFrame } from '../core';

/** A basin map as it fills: outcomes row-major, BASIN_PENDING (core) where not computed yet. */
export interface LiveBasinMap {
  k: number;
  grid: Int32Array;
  /** Cells computed so far. */
  done: number;
}

/**
 * Hot, non-reactive swarm and basin data the scene reads every frame (reading them never renders
 * React): the newest swarm frame, and every runner's basin map as it fills. `version` grows with
 * every change, so a reader redraws only when something new came.
 */
export const swarmLive: {
  frame: SwarmFrame | null;
  version: number;
  basins: Map<number, LiveBasinMap>;
  minima: KnownMinimum[];
  basinsVersion: number;
  /** Who waits for the swarm to reach a step (a clip being rendered), resolved by new frames. */
  waiters: { step: number; resolve: () => void }[];
} = { frame: null, version: 0, basins: new Map(), minima: [], basinsVersion: 0, waiters: [] };

/** A runner's share of starts by outcome (see core basinShares), and whether its map is complete. */
export interface RunnerBasinShares extends BasinShares {
  complete: boolean;
}
