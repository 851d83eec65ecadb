/**
 * Every number the app shows as text, in one place. Which one to use:
 *
 * - {@link formatNumber}: a live value read at a glance — the legend, the formula panel's gₜ and
 *   moments, the loss chart's f₀, the burned-in legend of a clip. 4 significant digits.
 * - {@link formatPair}: a 2-vector of live values, "(x, y)".
 * - {@link formatFieldValue}: the text of a number field the user may edit (hyperparameters, the
 *   softmax view's parameters): exact, ASCII, reads back as the same number.
 * - {@link formatPrecise}: the sigmoid & softmax view's tables and readouts, where the digits and
 *   overflow are the lesson: 7 significant digits, ∞ and NaN spelled out.
 * - {@link formatProbability}: a probability as numpy prints it, 8 decimals.
 * - {@link formatTick}, {@link formatLogTick}: the loss chart's axis labels.
 * - {@link formatDuration}, {@link formatBytes}: the export's time left and file size.
 *
 * TeX numbers are not here: the core writes them (`texNumber` in `core/formulas`).
 */

/**
 * A live value: 4 significant digits, exponent form below 10⁻³ or from 10⁵ on (1.235e−8, 2e7),
 * a true minus sign, "—" for a value that is not finite. 0.000123 → "1.23e−4", 12345.6 → "12350".
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  let text: string;
  if (a >= 1e-3 && a < 1e5) {
    text = String(Number(v.toPrecision(4)));
  } else {
    const [mantissa, exponent] = v.toExponential(3).split('e') as [string, string];
    text = `${Number(mantissa)}e${Number(exponent)}`;
  }
  return text.replace(/-/g, '−');
}

/** A 2-vector of live values: "(x, y)", each by {@link formatNumber}. */
export function formatPair(v: readonly [number, number]): string {
  return `(${formatNumber(v[0])}, ${formatNumber(v[1])})`;
}

/**
 * The text of an editable number field: the shortest text that reads back as the value (12
 * significant digits hide binary noise: 0.1 + 0.2 → "0.3"), exponent form below 10⁻⁴ and from
 * 10⁵ on (1e-8, 0.001, 2e6), plain ASCII so it can be edited and parsed again.
 */
export function formatFieldValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const v = Number(value.toPrecision(12));
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e5)) return v.toExponential().replace('e+', 'e');
  return String(v);
}

/**
 * A value in the sigmoid & softmax view: 7 significant digits, exponent form from 10⁶ on or
 * below 10⁻⁴ with 5 significant digits (e²⁰ → "4.8517e8"), a true minus sign, and ∞, −∞ and
 * NaN spelled out instead of hidden, because overflow is what that view teaches.
 */
export function formatPrecise(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text =
    a >= 1e6 || a < 1e-4 ? v.toExponential(4).replace('e+', 'e') : String(Number(v.toPrecision(7)));
  return text.replace(/-/g, '−');
}

/** A probability as numpy prints it, 8 decimals (0.00554503); NaN spelled out. */
export function formatProbability(p: number): string {
  if (Number.isNaN(p)) return 'NaN';
  return p.toFixed(8);
}

/** Unicode superscript digits for exponents written as text (10⁻³). */
const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** An integer exponent in Unicode superscripts: −12 → "⁻¹²". */
export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPTS[c] ?? c).join('');
}

/** A log-axis label at m·10ᵉ: plain between 0.01 and 1000 (0.02, 1, 500), else "10⁻⁵" or "2·10⁻⁵". */
export function formatLogTick(m: number, e: number): string {
  if (e >= -2 && e <= 3) return String(Number((m * 10 ** e).toPrecision(6)));
  return m === 1 ? `10${superscript(e)}` : `${m}·10${superscript(e)}`;
}

/**
 * A linear-axis label, short: as many decimals as the tick step needs (so 0.25, 0.50, 0.75 line
 * up), or m·e±n when the ticks are below 10⁻³ or from 10⁵ on (2.5e−4); a true minus sign.
 */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const a = Math.max(Math.abs(v), step);
  let text: string;
  if (a >= 1e5 || a < 1e-3) {
    const scale = 10 ** Math.floor(Math.log10(a));
    const [m, e] = v.toExponential(digitsOf(step / scale)).split('e') as [string, string];
    text = `${Number(m)}e${Number(e)}`;
  } else {
    text = v.toFixed(digitsOf(step));
  }
  return text.replace(/-/g, '−');
}

/** Decimals needed to write multiples of a nice step exactly (0.25 → 2, 5 → 0). */
function digitsOf(step: number): number {
  for (let d = 0; d < 12; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  }
  return 12;
}

/** A time left as minutes and seconds: "0:42", "12:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A file size: "840 kB" below a megabyte (at least "1 kB"), else "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
