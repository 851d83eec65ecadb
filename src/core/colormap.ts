/**
 * Viridis, the perceptually uniform colour map of matplotlib (van der Walt & Smith, 2015), as the
 * degree-6 polynomial fit by Matt Zucker (shadertoy WlfXRN): rgb(t) = Σ cₖ·tᵏ, t ∈ [0, 1].
 * shaders/lib/colormap.glsl holds the same coefficients, so the 3D surface and the top view agree.
 */
const C: readonly (readonly [number, number, number])[] = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

/** Viridis at t (clamped to [0, 1]) as [r, g, b] in [0, 1]. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  const out: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    let v = 0;
    for (let k = 6; k >= 0; k--) v = v * x + C[k]![c]!;
    out[c] = Math.min(1, Math.max(0, v));
  }
  return out;
}
