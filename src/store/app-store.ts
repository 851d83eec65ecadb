import { useStore } from 'zustand';
import { initialLanguage } from '../i18n';
import { createRaceStore, type RaceState } from './race-store';
import { readInitialParams } from './url-params';

const LANGUAGE_KEY = 'optimizer-race.language';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

const initial = readInitialParams(window.location.search);

/** The app's one store, set up from the page's query string. */
export const raceStore = createRaceStore({
  landscape: initial.landscape,
  start: initial.start,
  playing: !initial.paused,
  notices: initial.notices,
  language: initialLanguage(
    window.location.search,
    remembered(),
    navigator.languages ?? [navigator.language],
  ),
});

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
