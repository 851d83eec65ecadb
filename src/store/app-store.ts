import { useStore } from 'zustand';
import { initialLanguage } from '../i18n';
import type { RaceState } from './race-store';
import { workerSurfaceJobs } from '../workers/surface-client';
import { workerBasinJobs } from '../workers/basins-client';
import { workerSwarmJobs } from '../workers/swarm-client';
import { createStoreFromParams, readInitialParams } from './url-params';
import { startUrlSync } from './url-sync';

const LANGUAGE_KEY = 'optimizer-race.language';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

const initial = readInitialParams(window.location.search);

/** The app's one store, set up from the page's query string (a shared link and plain params). */
export const raceStore = createStoreFromParams(
  initial,
  initialLanguage('', remembered(), navigator.languages ?? [navigator.language]),
  workerSurfaceJobs(),
  { swarm: workerSwarmJobs(), basins: workerBasinJobs() },
);

/** Keeps `?s=` in the address bar on the current race (see url-sync). */
export const urlSync = startUrlSync(raceStore);

// The language choice is remembered for the next visit.
raceStore.subscribe((s, prev) => {
  if (s.language === prev.language) return;
  try {
    window.localStorage.setItem(LANGUAGE_KEY, s.language);
  } catch {
    // Private mode: the choice just is not remembered.
  }
  document.documentElement.lang = s.language;
});
document.documentElement.lang = raceStore.getState().language;

/** Subscribes a component to one slice of the store (return primitives or stable references). */
export function useRace<T>(selector: (state: RaceState) => T): T {
  return useStore(raceStore, selector);
}
