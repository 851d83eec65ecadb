import { useFrame } from '@react-three/fiber';
import { raceStore } from '../store/app-store';

/** Runs before every other per-frame reader, so everything drawn in a frame sees its new step. */
export const TICKER_PRIORITY = -1;

/**
 * Advances the race by the wall time since the last frame × the speed (steps per second), so a
 * race runs equally fast at 60 and 120 Hz. A negative useFrame priority runs it first without
 * taking over rendering.
 */
export function Ticker() {
  useFrame((_, delta) => raceStore.getState().tick(delta), TICKER_PRIORITY);
  return null;
}
