import { useEffect, useState } from 'react';
import type { RaceState } from '../store/race-store';
import { raceStore } from '../store/app-store';

/** How often the HUD reads the live race (the race itself steps every frame). */
export const HUD_INTERVAL_MS = 100;

/**
 * A value derived from the live race, refreshed 10 times a second (and at once on any store
 * change), for HUD numbers: the canvas never re-renders for them. `read` must return a primitive
 * or a string key so unchanged values do not re-render.
 */
export function useSnapshot<T>(read: (state: RaceState) => T): T {
  const [value, setValue] = useState(() => read(raceStore.getState()));
  useEffect(() => {
    const update = () => setValue(read(raceStore.getState()));
    const timer = window.setInterval(update, HUD_INTERVAL_MS);
    const unsubscribe = raceStore.subscribe(update);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
    // `read` is expected to be a stable module-level function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
