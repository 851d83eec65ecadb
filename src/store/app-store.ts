import { useStore } from 'zustand';
import { createRaceStore, type RaceState } from './race-store';
import { readInitialParams } from './url-params';

const initial = readInitialParams(window.location.search);

/** The app's one store, set up from the page's query string. */
export const raceStore = createRaceStore({
  landscape: initial.landscape,
  start: initial.start,
  playing: !initial.paused,
  notices: initial.notices,
});

/** Subscribes a component to one slice of the store (return primitives or stable references). */
export function useRace<T>(selector: (state: RaceState) => T): T {
  return useStore(raceStore, selector);
}
