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

/**
 * The order in which runners are drawn, after the opaque surface. The x-ray passes (a ball or
 * trail where it is behind the surface, drawn with depthFunc GreaterDepth and no depth writes)
 * come first, so that a ball drawn afterwards covers the x-ray of one behind it: only the surface
 * is seen through, never another runner. Balls are drawn as transparent objects (at full opacity)
 * so that they sort after the x-ray passes.
 */
export const RUNNER_ORDER = {
  trailBehind: 1,
  haloBehind: 2,
  ballBehind: 3,
  trail: 4,
  ball: 5,
  halo: 6,
} as const;
