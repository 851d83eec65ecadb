import { nextNormal, type RandomState } from '../random';
import { NET_LAYERS, NET_OFFSETS, NET_SIZE } from './mlp';

const D = NET_LAYERS[0];
const H = NET_LAYERS[1];
const C = NET_LAYERS[2];

/**
 * A filter-normalized random direction around weights θ (Li et al., "Visualizing the Loss
 * Landscape of Neural Nets", NeurIPS 2018, §4), for the "sharp or flat minimum" picture: d drawn
 * from N(0, I) in θ's layout, then each filter — for a fully connected layer, one row of W₁ or W₂,
 * the incoming weights of one unit — rescaled to the norm of the same row of θ,
 * d_row ← d_row·‖θ_row‖/‖d_row‖; the bias entries set to 0 (the paper's code, ignore='biasbn').
 * Two such directions are nearly but not exactly orthogonal; `planeLoss`, `planePoint` and the
 * plane sampler need only linearity, `projectOntoPlane` assumes orthonormal directions.
 */
export function filterNormalizedDirection(theta: Float64Array, random: RandomState): Float64Array {
  const d = new Float64Array(NET_SIZE);
  const rows: [number, number, number][] = [
    [NET_OFFSETS.w1, H, D],
    [NET_OFFSETS.w2, C, H],
  ];
  for (const [at, count, width] of rows) {
    for (let r = 0; r < count; r++) {
      const o = at + r * width;
      let dn = 0;
      let tn = 0;
      for (let i = o; i < o + width; i++) {
        const v = nextNormal(random);
        d[i] = v;
        dn += v * v;
        tn += theta[i]! * theta[i]!;
      }
      const scale = dn > 0 ? Math.sqrt(tn / dn) : 0;
      for (let i = o; i < o + width; i++) d[i] = d[i]! * scale;
    }
  }
  return d;
}
