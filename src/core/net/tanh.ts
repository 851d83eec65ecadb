// Cephes' coefficients (S. L. Moshier, Cephes Math Library, tanh.c and exp.c, double precision).
const TP0 = -0.9643991794250523;
const TP1 = -99.28772310019185;
const TP2 = -1614.6876844170845;
const TQ1 = 112.81167849163293;
const TQ2 = 2235.4883906010045;
const TQ3 = 4844.063053251255;
const EP0 = 0.00012617719307481058;
const EP1 = 0.030299440770744195;
const EP2 = 1;
const EQ0 = 0.0000030019850513866446;
const EQ1 = 0.002524483403496841;
const EQ2 = 0.22726554820815503;
const EQ3 = 2;
/** ln 2 split so that n·LN2_HI is exact for the n used here. */
const LN2_HI = 0.693145751953125;
const LN2_LO = 0.0000014286068203094173;
const LOG2E = 1.4426950408889634;
/** 2ⁿ for n = 0 … 64 (exact). */
const POW2 = Float64Array.from({ length: 65 }, (_, n) => 2 ** n);

/**
 * tanh(x) in plain arithmetic, so the JIT inlines it in the hot loops of the network (a call
 * to `Math.tanh` costs the loop its registers); within 4·10⁻¹⁶ relative of `Math.tanh`.
 * Cephes' method: for |x| < 0.625, tanh x = x + x·z·P(z)/Q(z) with z = x² (a minimax rational
 * fit); for 0.625 ≤ |x| ≤ 22, tanh|x| = 1 − 2/(e^(2|x|) + 1), with e^y = 2ⁿ·e^r, n = ⌊y/ln 2⌉,
 * r = y − n·ln 2 (ln 2 in two parts) and e^r = 1 + 2r·P(r²)/(Q(r²) − r·P(r²)) (Padé form);
 * beyond 22 it is ±1 in double precision. NaN stays NaN.
 */
export function tanh(x: number): number {
  const ax = Math.abs(x);
  if (ax < 0.625) {
    if (x === 0) return x; // keeps −0
    const z = x * x;
    return x + (x * z * ((TP0 * z + TP1) * z + TP2)) / (((z + TQ1) * z + TQ2) * z + TQ3);
  }
  if (!(ax <= 22)) return x > 0 ? 1 : x < 0 ? -1 : x;
  const y = 2 * ax;
  const n = Math.floor(LOG2E * y + 0.5);
  const r = y - n * LN2_HI - n * LN2_LO;
  const rr = r * r;
  const p = r * ((EP0 * rr + EP1) * rr + EP2);
  const e = (1 + (2 * p) / (((EQ0 * rr + EQ1) * rr + EQ2) * rr + EQ3 - p)) * POW2[n]!;
  const t = 1 - 2 / (e + 1);
  return x < 0 ? -t : t;
}
