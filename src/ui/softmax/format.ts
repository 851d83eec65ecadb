/** Number formats of the softmax view. Every one spells out ∞ and NaN instead of hiding them. */

/** A probability as numpy prints it, 8 decimals: 0.00554503. */
export function formatProbability(p: number): string {
  if (Number.isNaN(p)) return 'NaN';
  return p.toFixed(8);
}

/** Any number, short: 7 significant digits, exponent form beyond 1e6 or below 1e-4, ∞ as ∞. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text =
    a >= 1e6 || a < 1e-4 ? v.toExponential(4).replace('e+', 'e') : String(Number(v.toPrecision(7)));
  return text.replace(/-/g, '−');
}

/** A slider's value in a number field: up to 4 decimals, plain ASCII so it can be edited. */
export function formatParam(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** A number inside our TeX: up to 3 decimals, no exponent (the sliders' ranges are small). */
export function texNumber(v: number): string {
  return String(Number(v.toFixed(3)));
}
