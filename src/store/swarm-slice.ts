import type { SwarmCounts, SwarmLayout } from '../core';
import { swarmLive, type RunnerBasinShares } from './swarm-live';
import type { SwarmJobs } from './swarm-jobs';
import type { GetState, SetState } from './types';

/** Balls per runner the swarm may have. */
export const SWARM_SIZE = { min: 1, max: 10_000, default: 1000 } as const;
/** Cells per side a basin map may have (a link is untrusted: 256² cells × 12 runners is the most). */
export const BASINS_K = { min: 8, max: 256, default: 64 } as const;

/** The swarm slice: many starts at once, and the maps of where each runner ends up. */
export interface SwarmSlice {
  /** Each visible runner released from `swarmSize` starts at once. */
  swarmOn: boolean;
  swarmSize: number;
  swarmLayout: SwarmLayout;
  /** Every runner's basin map, `basinsK` cells per side, drawn on the surface. */
  basinsOn: boolean;
  basinsK: number;
  /** Live counts of each runner's balls, by runner id (updated a few times a second). */
  swarmCounts: Record<number, SwarmCounts>;
  /** The swarm's step the counts belong to. */
  swarmStep: number;
  /** 0 … 1: how much of the basin maps is computed. */
  basinsProgress: number;
  /** Each runner's shares so far, by runner id. */
  basinsShares: Record<number, RunnerBasinShares>;

  setSwarm(on: boolean): void;
  setSwarmSize(n: number): void;
  setSwarmLayout(layout: SwarmLayout): void;
  setBasins(on: boolean): void;
  setBasinsK(k: number): void;
  /**
   * Asks the swarm for exactly `step` (never beyond) and resolves once its frame is in swarmLive
   * (at once without a swarm; after `timeoutMs` at the latest, should the worker fail): a clip
   * shows the swarm at the very step of each frame.
   */
  reachSwarmStep(step: number, timeoutMs?: number): Promise<void>;
}

/** How long a clip waits for one swarm frame before it goes on without it. */
export const SWARM_FRAME_TIMEOUT_MS = 60_000;

const clampInt = (v: number, r: { min: number; max: number }) =>
  Math.min(r.max, Math.max(r.min, Math.round(v)));

/** The swarm slice's state and actions (the work itself is driven by swarm-sync). */
export function swarmSlice(set: SetState, get: GetState, swarmJobs: SwarmJobs): SwarmSlice {
  return {
    swarmOn: false,
    swarmSize: SWARM_SIZE.default,
    swarmLayout: 'grid',
    basinsOn: false,
    basinsK: BASINS_K.default,
    swarmCounts: {},
    swarmStep: 0,
    basinsProgress: 0,
    basinsShares: {},

    setSwarm(on) {
      if (on !== get().swarmOn) set({ swarmOn: on });
    },
    setSwarmSize(n) {
      if (Number.isFinite(n)) set({ swarmSize: clampInt(n, SWARM_SIZE) });
    },
    setSwarmLayout: (layout) => set({ swarmLayout: layout }),
    setBasins(on) {
      if (on !== get().basinsOn) set({ basinsOn: on });
    },
    setBasinsK(k) {
      if (Number.isFinite(k)) set({ basinsK: clampInt(k, BASINS_K) });
    },
    reachSwarmStep(step, timeoutMs = SWARM_FRAME_TIMEOUT_MS) {
      if (!get().swarmOn || (swarmLive.frame?.step ?? -1) >= step) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        swarmLive.waiters.push({
          step,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        get().clock.swarmTarget = step;
        swarmJobs.advance(step);
      });
    },
  };
}
