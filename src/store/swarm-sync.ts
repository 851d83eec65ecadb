import {
  BASIN_PENDING,
  BASIN_STEPS,
  basinShares,
  landscapeSource,
  type SwarmFrame,
  type SwarmRequest,
} from '../core';
import { swarmLive } from './swarm-live';
import type { BasinJobs, BasinsRequest, SwarmJobs } from './swarm-jobs';
import type { GetState, RaceState, SetState } from './types';

/** Counts reach the store (and React) at most this often while the swarm runs. */
const COUNTS_EVERY_MS = 200;

function visibleRunners(state: RaceState) {
  return state.runners
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.visible)
    .map(({ r, i }) => ({ id: r.id, spec: state.race.runners[i]?.spec ?? r }));
}

function swarmRequest(state: RaceState): SwarmRequest {
  return {
    source: landscapeSource(state.landscape),
    minima: state.landscape.minima.map((m) => ({ ...m })),
    runners: visibleRunners(state).map(({ id, spec }) => ({
      id,
      spec: {
        label: spec.label,
        color: spec.color,
        optimizer: { ...spec.optimizer },
        ...(spec.schedule ? { schedule: spec.schedule } : {}),
        ...(spec.batch !== undefined ? { batch: spec.batch } : {}),
      },
    })),
    size: state.swarmSize,
    layout: state.swarmLayout,
    shake: { ...state.shake },
    batch: state.batch,
  };
}

function basinsRequest(state: RaceState): BasinsRequest {
  const swarm = swarmRequest(state);
  return {
    source: swarm.source,
    minima: swarm.minima,
    runners: swarm.runners.map((r) => r.spec),
    settings: { k: state.basinsK, steps: BASIN_STEPS, shake: swarm.shake, batch: state.batch },
  };
}

/**
 * Drives the swarm and the basin maps from the store: (re)starts the swarm when the race restarts
 * or its settings change, and the basin maps when the landscape, the visible runners, the shake,
 * the batch size or the map's size change (not when only the start moves); cancels them when
 * switched off. The race follows the swarm's frames in swarm mode (see `followSwarm`). Returns a
 * function that stops it all.
 */
export function startSwarmSync(
  set: SetState,
  get: GetState,
  subscribe: (listener: (state: RaceState) => void) => () => void,
  swarmJobs: SwarmJobs,
  basinJobs: BasinJobs,
): () => void {
  let swarmKey: unknown[] | null = null;
  let basinKey: string | null = null;
  let lastCounts = 0;
  let shownCounts = '';

  const onFrame = (frame: SwarmFrame) => {
    swarmLive.frame = frame;
    swarmLive.version++;
    const ready = swarmLive.waiters.filter((w) => w.step <= frame.step);
    swarmLive.waiters = swarmLive.waiters.filter((w) => w.step > frame.step);
    ready.forEach((w) => w.resolve());
    const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
    const allSettled = frame.runners.every((r) => r.counts.running === 0);
    if (now - lastCounts >= COUNTS_EVERY_MS || allSettled || frame.step === 0) {
      const counts: RaceState['swarmCounts'] = {};
      for (const r of frame.runners) counts[r.id] = r.counts;
      // Only what changed reaches React.
      const text = JSON.stringify(counts);
      if (text !== shownCounts) {
        lastCounts = now;
        shownCounts = text;
        set({ swarmCounts: counts, swarmStep: frame.step });
      }
    }
    get().followSwarm(frame.step, allSettled);
  };

  const onSwarmError = (message: string) => {
    swarmLive.waiters.splice(0).forEach((w) => w.resolve());
    const { notices } = get();
    set({ swarmOn: false, notices: [...notices, { key: 'swarmFailed', args: { message } }] });
  };

  const sync = (state: RaceState) => {
    // The swarm: one per race (a restart makes a new race), the landscape's function and minima
    // (a typed function's are awaited: they label the balls), size, layout, the visible runners
    // and their batch sizes (which change while the race goes on).
    const visible = state.runners.filter((r) => r.visible);
    const pending = state.landscape.minimaSearch === 'pending';
    const nextSwarm =
      state.swarmOn && !pending
        ? [
            state.race,
            state.landscape.formula,
            state.landscape.minima,
            state.swarmSize,
            state.swarmLayout,
            visible.map((r) => `${r.id}:${r.batch ?? ''}`).join(','),
            state.batch,
          ]
        : null;
    const changed =
      nextSwarm === null
        ? swarmKey !== null
        : swarmKey === null || nextSwarm.some((v, i) => v !== swarmKey![i]);
    if (changed) {
      swarmKey = nextSwarm;
      state.clock.swarmTarget = 0;
      swarmLive.frame = null;
      swarmLive.version++;
      shownCounts = '';
      if (nextSwarm) {
        swarmJobs.start(swarmRequest(state), onFrame, onSwarmError);
        // A swarm started mid-race (switched on, a batch changed, back from a clip export)
        // catches up with the race, and with any clip frame waiting for it.
        const behind = Math.max(state.race.step, ...swarmLive.waiters.map((w) => w.step));
        if (behind > 0) {
          state.clock.swarmTarget = behind;
          swarmJobs.advance(behind);
        }
      } else {
        swarmLive.waiters.splice(0).forEach((w) => w.resolve());
        swarmJobs.stop();
        set({ swarmCounts: {}, swarmStep: 0 });
      }
    }

    // The basin maps: wait for a typed function's minima, which label the cells. A runner's new
    // label or colour changes no map.
    const request = state.basinsOn && !pending ? basinsRequest(state) : null;
    const nextBasins = request
      ? JSON.stringify({
          ...request,
          runners: request.runners.map(({ optimizer, schedule, batch }) => [
            optimizer,
            schedule,
            batch,
          ]),
        })
      : null;
    if (nextBasins === basinKey) return;
    basinKey = nextBasins;
    basinJobs.cancel();
    swarmLive.basins = new Map();
    swarmLive.minima = request?.minima ?? [];
    swarmLive.basinsVersion++;
    if (!request) {
      set({ basinsProgress: 0, basinsShares: {} });
      return;
    }
    const k = request.settings.k;
    const ids = visibleRunners(state).map((r) => r.id);
    for (const id of ids)
      swarmLive.basins.set(id, { k, grid: new Int32Array(k * k).fill(BASIN_PENDING), done: 0 });
    const total = ids.length * k * k;
    let done = 0;
    set({ basinsProgress: 0, basinsShares: {} });
    basinJobs.start(request, {
      onRows(runner, j0, j1, grid) {
        const id = ids[runner];
        const map = id === undefined ? undefined : swarmLive.basins.get(id);
        if (!map || id === undefined) return;
        map.grid.set(grid, j0 * k);
        map.done += (j1 - j0) * k;
        done += (j1 - j0) * k;
        swarmLive.basinsVersion++;
        set({
          basinsProgress: done / total,
          basinsShares: {
            ...get().basinsShares,
            [id]: { ...basinShares(map.grid, request.minima), complete: map.done === k * k },
          },
        });
      },
      onDone: () => set({ basinsProgress: 1 }),
      onError: () => set({ basinsProgress: 1 }),
    });
  };

  const unsubscribe = subscribe(sync);
  sync(get());
  return () => {
    unsubscribe();
    swarmJobs.stop();
    basinJobs.cancel();
  };
}
