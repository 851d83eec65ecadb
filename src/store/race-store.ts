import { createStore } from 'zustand/vanilla';
import { defaultRunnersFor, NO_SHAKE } from '../core';
import { noticesSlice } from './notices-slice';
import { playbackSlice } from './playback-slice';
import { quickSurface, raceSlice, withIds } from './race-slice';
import { inlineSurfaceJobs, type SurfaceJobs } from './surface-jobs';
import type { RaceSetup, RaceState } from './types';
import { defaultPanes, viewSlice } from './view-slice';
import { swarmSlice } from './swarm-slice';
import { startSwarmSync } from './swarm-sync';
import { inlineNetJobs, type NetJobs } from './net-jobs';
import { inlineBasinJobs, inlineSwarmJobs, type BasinJobs, type SwarmJobs } from './swarm-jobs';

export type * from './types';
export { ONE_X, SPEEDS } from './playback-slice';
export { MAX_RUNNERS } from './race-slice';
export { defaultPanes, MAX_PANES, VERTICAL_SCALE } from './view-slice';

/**
 * Creates the one store of the app (tests make their own): five slices — the race, playback, the
 * view, notices and the swarm — over one state. `jobs` runs the surface sampling and minima
 * search, `background` the swarm and the basin maps: Web Workers in the app, inline
 * (synchronously) by default.
 */
export function createRaceStore(
  setup: RaceSetup,
  jobs: SurfaceJobs = inlineSurfaceJobs(),
  background: { swarm: SwarmJobs; basins: BasinJobs; net?: NetJobs } = {
    swarm: inlineSwarmJobs(),
    basins: inlineBasinJobs(),
  },
) {
  const landscape = setup.landscape;
  const start = setup.start ?? landscape.start;
  const runners = withIds(setup.runners ?? defaultRunnersFor(landscape));
  const store = createStore<RaceState>()((set, get) => {
    const { requestSurface, ...race } = raceSlice(
      set,
      get,
      jobs,
      background.net ?? inlineNetJobs(),
      {
        landscape,
        surface: quickSurface(landscape, true)!,
        functionInput: setup.functionInput ?? null,
        start,
        runners,
        shake: setup.shake ?? NO_SHAKE,
        batch: setup.batch ?? null,
        scene: setup.scene ?? null,
      },
    );
    // The fine surface (and a typed function's minima) come from the jobs once the store exists.
    queueMicrotask(() => requestSurface(landscape));
    return {
      ...race,
      ...playbackSlice(set, get, setup.net ? false : (setup.playing ?? true), background.swarm),
      ...viewSlice(set, get, {
        layout: setup.layout ?? 'overlay',
        panes: setup.panes ?? defaultPanes(runners),
        selectedRunner: runners[0]?.id ?? 0,
        language: setup.language ?? 'en',
      }),
      ...noticesSlice(set, get, setup.notices ?? []),
      ...swarmSlice(set, get, background.swarm),
    };
  });
  const s = store.getState();
  // A network is trained in the background; the first landscape waits, paused, until it is shown.
  if (setup.net !== undefined)
    s.setNet(setup.net, {
      playing: setup.playing ?? true,
      scene: setup.scene ?? null,
      ...(setup.runners ? { runners: s.runners } : {}),
    });
  if (setup.swarm !== undefined) {
    s.setSwarmSize(setup.swarm);
    s.setSwarm(true);
  }
  if (setup.basins !== undefined) {
    s.setBasinsK(setup.basins);
    s.setBasins(true);
  }
  startSwarmSync(
    store.setState,
    store.getState,
    store.subscribe,
    background.swarm,
    background.basins,
  );
  return store;
}

export type RaceStore = ReturnType<typeof createRaceStore>;
