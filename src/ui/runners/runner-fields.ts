import {
  checkHyperValue,
  defaultSpec,
  HYPERPARAMETERS,
  parseNumber,
  suggestedLearningRate,
  type HyperDefinition,
  type Landscape,
  type OptimizerKind,
  type OptimizerSpec,
} from '../../core';
import { formatFieldValue } from '../../draw/format';

/**
 * The learning-rate slider is logarithmic: ten steps per decade from 10⁻⁶ to 10, each step a
 * round value (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ, about 25 % apart), so dragging lands on
 * rates a lecturer would say out loud. Exact values go in the number field next to it.
 */
const MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8] as const;
const LOWEST_EXPONENT = -6;
const DECADES = 7;

/** The slider's last position (its first is 0). */
export const LR_SLIDER_MAX = DECADES * MANTISSAS.length;

/** The learning rate at a slider position (clamped to the slider's range). */
export function sliderToLr(position: number): number {
  const p = Math.min(LR_SLIDER_MAX, Math.max(0, Math.round(position)));
  const exponent = LOWEST_EXPONENT + Math.floor(p / MANTISSAS.length);
  // Read back from decimal text so 1.2 × 10⁻⁵ is exactly 0.000012, not 0.000012000000000000001.
  return Number(`${MANTISSAS[p % MANTISSAS.length]!}e${exponent}`);
}

/** The slider position nearest to `lr` on the log scale (the ends for rates outside the range). */
export function lrToSlider(lr: number): number {
  if (!(lr > 0)) return 0;
  const target = Math.log10(lr);
  let best = 0;
  for (let p = 1; p <= LR_SLIDER_MAX; p++) {
    const here = Math.abs(Math.log10(sliderToLr(p)) - target);
    if (here < Math.abs(Math.log10(sliderToLr(best)) - target)) best = p;
  }
  return best;
}

/** The allowed interval in the usual notation: (0, 1e6], [0, 1). */
export function rangeText(h: HyperDefinition): string {
  const lo = h.min === undefined ? '(−∞' : `${h.minOpen ? '(' : '['}${formatFieldValue(h.min)}`;
  const hi = h.max === undefined ? '∞)' : `${formatFieldValue(h.max)}${h.maxOpen ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

/** A typed-in field, read: the value, or why it was refused. */
export type FieldReading =
  | { ok: true; value: number }
  | { ok: false; problem: 'not-a-number' }
  | { ok: false; problem: 'not-whole' }
  | { ok: false; problem: 'out-of-range'; range: string };

/**
 * Reads a numeric hyperparameter as typed. A decimal comma counts as a point (0,01 is how many
 * Russian speakers write it); anything else that is not a plain decimal number, or lies outside
 * the hyperparameter's range ({@link checkHyperValue}), is refused with the reason.
 */
export function readHyperField(h: HyperDefinition, text: string): FieldReading {
  const value = parseNumber(text.trim().replace(/^([^,]*),([^,]*)$/, '$1.$2'));
  if (value === null) return { ok: false, problem: 'not-a-number' };
  if (h.integer && !Number.isInteger(value)) return { ok: false, problem: 'not-whole' };
  if (checkHyperValue(h, value) !== null)
    return { ok: false, problem: 'out-of-range', range: rangeText(h) };
  return { ok: true, value };
}

/** A runner's name as typed: trimmed, and not empty. */
export function readLabel(text: string): string | null {
  const label = text.trim();
  return label === '' ? null : label;
}

/** A colour as `<input type=color>` takes it (#rrggbb): #abc becomes #aabbcc, other text black. */
export function toHexColor(color: string): string {
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (!short) return '#000000';
  const [, r, g, b] = short;
  return `#${r}${r}${g}${g}${b}${b}`.toLowerCase();
}

/** The definition of one hyperparameter of `kind`. */
export function hyperDefinition(kind: OptimizerKind, key: string): HyperDefinition {
  const h = HYPERPARAMETERS[kind].find((d) => d.key === key);
  if (!h) throw new Error(`${kind} has no hyperparameter ${key}`);
  return h;
}

/** The hyperparameters of `kind` other than the learning rate, in the order the core lists them. */
export function secondaryHypers(kind: OptimizerKind): readonly HyperDefinition[] {
  return HYPERPARAMETERS[kind].filter((h) => h.key !== 'lr');
}

/**
 * The symbol the lecture writes for a numeric hyperparameter: β for the moving average of
 * SGD-momentum, μ for PyTorch's momentum in Nesterov and RMSProp. Null: it has no symbol and the
 * panel names it in words (dampening).
 */
export function hyperSymbol(kind: OptimizerKind, key: string): string | null {
  switch (key) {
    case 'momentum':
      return kind === 'momentum' ? 'β' : 'μ';
    case 'alpha':
      return 'α';
    case 'beta1':
      return 'β₁';
    case 'beta2':
      return 'β₂';
    case 'eps':
      return 'ε';
    case 'weight_decay':
      return 'λ';
    default:
      return null;
  }
}

/**
 * What the "more" toggle of a collapsed card shows: the symbols behind it, and "…" when there are
 * also settings without a symbol (dampening, the switches): "β₁ β₂ ε λ …" for Adam.
 */
export function moreSummary(kind: OptimizerKind): string {
  const hypers = secondaryHypers(kind);
  const symbols = hypers.map((h) => (h.type === 'number' ? hyperSymbol(kind, h.key) : null));
  const named = symbols.filter((s): s is string => s !== null);
  return [...named, ...(named.length < hypers.length ? ['…'] : [])].join(' ');
}

/**
 * True when a setting has no effect in the spec's current form: dampening scales PyTorch's sum
 * only (ema off), and SGD-momentum's bias correction divides the moving average only (ema on).
 */
export function hyperInactive(spec: OptimizerSpec, key: string): boolean {
  if (spec.kind !== 'momentum') return false;
  if (key === 'dampening') return spec.ema;
  if (key === 'bias_correction') return !spec.ema;
  return false;
}

/** The spec with one hyperparameter set. */
export function withHyper(
  spec: OptimizerSpec,
  key: string,
  value: number | boolean,
): OptimizerSpec {
  return { ...spec, [key]: value } as OptimizerSpec;
}

/** What a runner switched to `kind` runs: that kind's defaults, with a rate suited to the landscape. */
export function specForKind(landscape: Landscape, kind: OptimizerKind): OptimizerSpec {
  return { ...defaultSpec(kind), lr: suggestedLearningRate(landscape, kind) };
}
