import { createRandom } from '../random';
import type { NetData } from './data';
import { createNetPass, NET_SIZE, netPass } from './mlp';
import { filterNormalizedDirection } from './random-directions';

/** Points of a sharpness profile: α = −1 … 1 in steps of 0.05. */
export const SHARPNESS_POINTS = 41;

/** Seeds the random direction of every profile, so each runner is probed along the same draw. */
export const SHARPNESS_SEED = 2018;

/**
 * How sharp the minimum a runner reached is (Li et al., "Visualizing the Loss Landscape of Neural
 * Nets", NeurIPS 2018, §4–5): the full-data loss along one filter-normalized random direction d
 * around its final weights θ*, f(α) = L(θ* + α·d) for α = −1 … 1 (`points` values, evenly spaced;
 * f at α = 0 is the runner's own loss). d is drawn by {@link filterNormalizedDirection} from the
 * seed and scaled filter by filter to θ*, so α = 1 moves each unit's incoming weights by their own
 * norm: profiles of different runners are comparable. A narrow valley is a sharp minimum.
 */
export function sharpnessProfile(
  theta: Float64Array,
  data: NetData,
  seed = SHARPNESS_SEED,
  points = SHARPNESS_POINTS,
): Float64Array {
  const d = filterNormalizedDirection(theta, createRandom(seed));
  const at = new Float64Array(NET_SIZE);
  const pass = createNetPass();
  const out = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    const alpha = points === 1 ? 0 : -1 + (2 * k) / (points - 1);
    for (let i = 0; i < NET_SIZE; i++) at[i] = theta[i]! + alpha * d[i]!;
    out[k] = netPass(at, data, null, data.n, null, pass).loss;
  }
  return out;
}
