import { useEffect, useState } from 'react';
import type { RaceState } from '../store/race-store';
import { raceStore } from '../store/app-store';

/** How often the HUD reads the live race (the race itself steps every frame). */
export const HUD_INTERVAL_MS = 100;

/** Every mounted HUD reader, refreshed together by one timer so React commits them at once. */
const readers = new Set<() => void>();
let timer = 0;

function subscribe(update: () => void): () => void {
  readers.add(update);
  if (readers.size === 1)
    timer = window.setInterval(() => readers.forEach((r) => r()), HUD_INTERVAL_MS);
  return () => {
    readers.delete(update);
    if (readers.size === 0) window.clearInterval(timer);
  };
}

/**
 * A value derived from the live race, refreshed 10 times a second (and at once on any store
 * change), for HUD numbers: the canvas never re-renders for them. `read` must return a primitive
 * or a string key so unchanged values do not re-render.
 */
export function useSnapshot<T>(read: (state: RaceState) => T): T {
  const [value, setValue] = useState(() => read(raceStore.getState()));
  useEffect(() => {
    const update = () => setValue(read(raceStore.getState()));
    const stopTimer = subscribe(update);
    const unsubscribe = raceStore.subscribe(update);
    return () => {
      stopTimer();
      unsubscribe();
    };
    // `read` is expected to be a stable module-level function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
