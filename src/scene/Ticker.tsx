import { useFrame } from '@react-three/fiber';
import { raceStore } from '../store/app-store';

/** Advances the race once per animation frame (mounted first, so everything drawn after sees the new step). */
export function Ticker() {
  useFrame(() => raceStore.getState().tick());
  return null;
}
