import { useStore } from 'zustand';
import { initialLanguage } from '../i18n';
import type { RaceState } from './race-store';
import { workerSurfaceJobs } from '../workers/surface-client';
import { workerBasinJobs } from '../workers/basins-client';
import { workerSwarmJobs } from '../workers/swarm-client';
import { workerNetJobs } from '../workers/net-client';
import {
  browserStorage,
  readStartParams,
  rememberedLanguage,
  rememberLanguage,
  startSessionSave,
} from './saved-session';
import { resetToDefaults } from './session-reset';
import { createStoreFromParams } from './url-params';
import { startUrlSync } from './url-sync';

const storage = browserStorage();
// Read before the first render: a remembered session shows from the first frame, no flash of defaults.
const { initial } = readStartParams(window.location.search, storage);

/**
 * The app's one store, set up from the page's query string (a shared link and plain params) or,
 * when it has no link, from the session remembered from the last visit.
 */
export const raceStore = createStoreFromParams(
  initial,
  initialLanguage('', rememberedLanguage(storage), navigator.languages ?? [navigator.language]),
  workerSurfaceJobs(),
  { swarm: workerSwarmJobs(), basins: workerBasinJobs(), net: workerNetJobs() },
);

/** Keeps `?s=` in the address bar on the current race (see url-sync). */
export const urlSync = startUrlSync(raceStore);

/** Remembers the session for the next visit (see saved-session). */
export const sessionSave = startSessionSave(raceStore, storage, window);

/**
 * Back to the defaults: the default race and view, the remembered session forgotten and the link
 * taken out of the address bar, so a reload opens the defaults too. The language stays.
 */
export function resetSession(): void {
  resetToDefaults(raceStore);
  urlSync.clear();
  sessionSave.forget();
}

// The language choice is remembered for the next visit.
raceStore.subscribe((s, prev) => {
  if (s.language === prev.language) return;
  rememberLanguage(storage, s.language);
  document.documentElement.lang = s.language;
});
document.documentElement.lang = raceStore.getState().language;

/** Subscribes a component to one slice of the store (return primitives or stable references). */
export function useRace<T>(selector: (state: RaceState) => T): T {
  return useStore(raceStore, selector);
}
