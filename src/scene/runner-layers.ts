import type { Object3D } from 'three';
import type { RaceState } from '../store/race-store';
import { paneLayer } from './panes';

/**
 * The layer mask of a runner's ball and trail: layer 0 in the overlay layout, else the layers of
 * the panes that show it; 0 (drawn nowhere) for a hidden runner.
 */
export function runnerLayerMask(
  state: Pick<RaceState, 'layout' | 'panes' | 'runners'>,
  index: number,
): number {
  const runner = state.runners[index];
  if (!runner || !runner.visible) return 0;
  if (state.layout !== 'split') return 1;
  let mask = 0;
  state.panes.forEach((ids, p) => {
    if (ids.includes(runner.id)) mask |= 1 << paneLayer(p);
  });
  return mask;
}

/** Puts an object and everything under it on exactly the layers of `mask` (hidden when 0). */
export function applyLayerMask(object: Object3D, mask: number): void {
  object.visible = mask !== 0;
  object.traverse((o) => {
    o.layers.mask = mask === 0 ? 1 : mask;
  });
}
