/**
 * The logistic function, the sigmoid and softmax, as in the first part of the lecture
 * ("Сигмоида и softmax"), plus the naive softmax that overflows and a parser for typed-in vectors.
 * Pure functions over numbers and arrays; nothing here knows there is a screen.
 */

/**
 * The logistic function f(x) = L / (1 + e^(−k(x − x₀))).
 *
 * - `L` is the upper limit (the "carrying capacity"): f rises from 0 to L (for k > 0).
 * - `k` is the steepness of the linear part: the slope at the midpoint is f′(x₀) = kL/4; a
 *   negative k mirrors the curve, k = 0 flattens it to L/2.
 * - `x0` is the midpoint, f(x₀) = L/2: the boundary between two classes.
 *
 * Written so that e^(…) is only ever taken of a non-positive number: for t = k(x − x₀) ≥ 0 it is
 * L / (1 + e^(−t)), for t < 0 the equal L·e^t / (1 + e^t). So f never overflows to NaN; it
 * saturates to exactly L or 0.
 */
export function logistic(x: number, L: number, k: number, x0: number): number {
  const t = k * (x - x0);
  if (t >= 0) return L / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return (L * e) / (1 + e);
}

/**
 * The sigmoid σ(x) = 1 / (1 + e^(−x)): the standard logistic function, the special case L = 1,
 * k = 1, x₀ = 0. Symmetric about (0, ½): σ(−x) = 1 − σ(x). The last-layer activation for binary
 * classification.
 */
export function sigmoid(x: number): number {
  return logistic(x, 1, 1, 0);
}

/**
 * The slope of the logistic function at its midpoint, f′(x₀) = kL/4 (from f′ = k·f·(1 − f/L)
 * at f = L/2). The tangent there crosses 0 and L at x₀ ∓ 2/k: the "linear part" is 4/k wide.
 */
export function logisticMidpointSlope(L: number, k: number): number {
  return (k * L) / 4;
}

/** The intermediate quantities of the max-subtracted softmax, for showing the working. */
export interface StableSoftmaxSteps {
  /** m = max(z). */
  max: number;
  /** (zᵢ − m) / T, every one ≤ 0. */
  shifted: number[];
  /** e^((zᵢ − m)/T), every one in [0, 1], the largest exactly 1. */
  exps: number[];
  /** Σⱼ e^((zⱼ − m)/T) ≥ 1. */
  sum: number;
  /** σᵢ = e^((zᵢ − m)/T) / Σⱼ e^((zⱼ − m)/T). */
  values: number[];
}

/**
 * Softmax with its working shown: σ(z/T)ᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T), computed as
 * e^((zᵢ − m)/T) / Σⱼ e^((zⱼ − m)/T) with m = max(z). The two are equal (e^(−m/T) cancels), but
 * the second never overflows: every exponent is ≤ 0 and the largest term is e⁰ = 1, so the sum is
 * ≥ 1 and never 0 either. Temperature T = 0 gives the limit T → 0⁺ (all the mass on the largest
 * entries, shared equally between ties); T = ∞ gives the uniform 1/K.
 *
 * @param z the scores ("logits"), finite numbers; an empty z gives empty arrays.
 * @param temperature T > 0 (or 0, or Infinity, for the limits); a negative or NaN T throws.
 */
export function stableSoftmaxSteps(z: readonly number[], temperature = 1): StableSoftmaxSteps {
  if (!(temperature >= 0)) throw new RangeError(`temperature must be ≥ 0, got ${temperature}`);
  const max = z.length === 0 ? 0 : Math.max(...z);
  // Subtract before dividing: z/T can overflow for a small T, (z − m)/T at worst goes to −∞.
  const shifted = z.map((zi) => {
    const d = zi - max;
    if (temperature === 0) return d === 0 ? 0 : -Infinity;
    if (temperature === Infinity) return 0;
    return d / temperature;
  });
  const exps = shifted.map(Math.exp);
  const sum = exps.reduce((a, b) => a + b, 0);
  return { max, shifted, exps, sum, values: exps.map((e) => e / sum) };
}

/**
 * Softmax with temperature, σ(z/T)ᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T): K numbers in [0, 1] that add up to 1.
 * The stable, max-subtracted form (see {@link stableSoftmaxSteps}); equal to `F.softmax(z / T)`.
 * For the lecture's z = [2, 1, 7, 4, 1, 3, 5] at T = 1: [0.00554503, 0.0020399, 0.82295488,
 * 0.04097251, 0.0020399, 0.01507294, 0.11137483].
 */
export function softmax(z: readonly number[], temperature = 1): number[] {
  return stableSoftmaxSteps(z, temperature).values;
}

/** How the naive softmax went: fine, or NaN from ∞/∞ (overflow) or from 0/0 (underflow). */
export type NaiveOutcome = 'ok' | 'overflow' | 'underflow';

/** The intermediate quantities of the naive softmax, for showing where it breaks. */
export interface NaiveSoftmaxSteps {
  /** e^(zᵢ): +∞ once zᵢ > ln(Number.MAX_VALUE) ≈ 709.78, 0 once zᵢ < −745.13. */
  exps: number[];
  /** Σⱼ e^(zⱼ). */
  sum: number;
  /** e^(zᵢ) / Σⱼ e^(zⱼ), with NaN where it broke. */
  values: number[];
  /** 'overflow' when the sum is ∞ (∞/∞ = NaN), 'underflow' when it is 0 (0/0 = NaN). */
  outcome: NaiveOutcome;
}

/**
 * The textbook softmax, e^(zᵢ) / Σⱼ e^(zⱼ), exactly as the lecture's numpy code
 * `np.exp(x) / np.sum(np.exp(x))`, with its working: for z = [1000, 999], e^1000 = ∞ in float64,
 * so the sum is ∞ and the result is [∞/∞, e^999/∞] = [NaN, 0]. Kept for the demonstration only;
 * use {@link softmax}.
 */
export function naiveSoftmaxSteps(z: readonly number[]): NaiveSoftmaxSteps {
  const exps = z.map(Math.exp);
  const sum = exps.reduce((a, b) => a + b, 0);
  const values = exps.map((e) => e / sum);
  const outcome: NaiveOutcome =
    z.length > 0 && sum === Infinity ? 'overflow' : z.length > 0 && sum === 0 ? 'underflow' : 'ok';
  return { exps, sum, values, outcome };
}

/**
 * The naive softmax e^(zᵢ) / Σⱼ e^(zⱼ) (see {@link naiveSoftmaxSteps}): right for small inputs,
 * NaN once some zᵢ > ≈ 709.78 (overflow) or all zᵢ < ≈ −745.13 (underflow).
 */
export function naiveSoftmax(z: readonly number[]): number[] {
  return naiveSoftmaxSteps(z).values;
}

/** The most entries a typed-in vector may have. */
export const MAX_VECTOR_LENGTH = 50;

/** Why a typed-in vector was refused; `column` is 1-based in the text as typed. */
export type VectorError =
  | { reason: 'empty' }
  | { reason: 'too-many'; count: number; max: number }
  | { reason: 'not-a-number'; token: string; column: number }
  | { reason: 'not-finite'; token: string; column: number };

/** A typed-in vector: its numbers, or why it was refused. */
export type VectorParse = { ok: true; values: number[] } | { ok: false; error: VectorError };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

/**
 * Reads a vector typed as numbers separated by commas, semicolons or spaces, optionally inside one
 * pair of square brackets (`2, 1, 7`, `2 1 7`, `[2, 1, 7]`). Accepts decimal and exponent
 * notation and the typographic minus "−". Refuses (with the reason, the token and its column)
 * anything else, non-finite values (`inf`, `nan`, `1e999`), an empty vector and more than
 * {@link MAX_VECTOR_LENGTH} entries. Never throws.
 */
export function parseVector(text: string): VectorParse {
  // Blank out one pair of enclosing brackets so that columns still point into the typed text.
  let body = text.replace(/\u2212/g, '-');
  const open = body.search(/\S/);
  const close = body.search(/\S\s*$/);
  if (open >= 0 && body[open] === '[' && body[close] === ']' && open < close) {
    body = `${body.slice(0, open)} ${body.slice(open + 1, close)} ${body.slice(close + 1)}`;
  }
  const values: number[] = [];
  let count = 0;
  for (const match of body.matchAll(/[^\s,;]+/g)) {
    count += 1;
    if (count > MAX_VECTOR_LENGTH) continue;
    const normalized = match[0];
    const token = text.slice(match.index, match.index + normalized.length);
    const column = match.index + 1;
    if (NON_FINITE.test(normalized))
      return { ok: false, error: { reason: 'not-finite', token, column } };
    if (!DECIMAL.test(normalized))
      return { ok: false, error: { reason: 'not-a-number', token, column } };
    const value = Number(normalized);
    if (!Number.isFinite(value)) {
      return { ok: false, error: { reason: 'not-finite', token, column } };
    }
    values.push(value);
  }
  if (count === 0) return { ok: false, error: { reason: 'empty' } };
  if (count > MAX_VECTOR_LENGTH) {
    return { ok: false, error: { reason: 'too-many', count, max: MAX_VECTOR_LENGTH } };
  }
  return { ok: true, values };
}
