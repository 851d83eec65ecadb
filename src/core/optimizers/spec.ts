import {
  HYPERPARAMETERS,
  isOptimizerKind,
  OPTIMIZER_KINDS,
  type HyperDefinition,
  type OptimizerKind,
  type OptimizerSpec,
} from './kinds';

/** Why a hyperparameter setting was refused: which key, and the reason in words. */
export interface SpecError {
  ok: false;
  key: string;
  message: string;
}

/** The defaults of `kind`: every hyperparameter with its default value. */
export function defaultSpec(kind: OptimizerKind): OptimizerSpec {
  const spec: Record<string, unknown> = { kind };
  for (const h of HYPERPARAMETERS[kind]) spec[h.key] = h.default;
  return spec as unknown as OptimizerSpec;
}

function rangeText(h: HyperDefinition): string {
  const lo = h.min === undefined ? '(−∞' : `${h.minOpen ? '(' : '['}${h.min}`;
  const hi = h.max === undefined ? '∞)' : `${h.max}${h.maxOpen ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

/** Checks one numeric value against its definition; returns a reason or null. */
export function checkHyperValue(h: HyperDefinition, value: number): string | null {
  if (!Number.isFinite(value)) return `${h.key} must be a finite number`;
  if (h.integer && !Number.isInteger(value)) return `${h.key} must be a whole number, got ${value}`;
  const belowMin = h.min !== undefined && (h.minOpen ? value <= h.min : value < h.min);
  const aboveMax = h.max !== undefined && (h.maxOpen ? value >= h.max : value > h.max);
  if (belowMin || aboveMax) return `${h.key} must be in ${rangeText(h)}, got ${value}`;
  return null;
}

/** Reads "true/false/1/0/yes/no/on/off" as a boolean, or null. */
function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(t)) return true;
  if (['false', '0', 'no', 'off'].includes(t)) return false;
  return null;
}

/** Reads a decimal number strictly (no hex, no empty string, no trailing junk), or null. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/**
 * Builds a full optimizer spec from a kind and some hyperparameters (numbers, booleans, or text
 * as typed on a command line); the rest take their defaults. Unknown kinds and keys, values that
 * are not numbers or booleans and values out of range are refused with the key and the reason.
 */
export function makeOptimizerSpec(
  kind: string,
  values: Readonly<Record<string, number | boolean | string>> = {},
): OptimizerSpec | SpecError {
  if (!isOptimizerKind(kind)) {
    return {
      ok: false,
      key: 'kind',
      message: `unknown optimizer "${kind}": the optimizers are ${OPTIMIZER_KINDS.join(', ')}`,
    };
  }
  const defs = HYPERPARAMETERS[kind];
  const spec = defaultSpec(kind) as unknown as Record<string, number | boolean | string>;
  for (const [key, raw] of Object.entries(values)) {
    const h = defs.find((d) => d.key === key);
    if (!h) {
      return {
        ok: false,
        key,
        message: `${kind} has no hyperparameter "${key}": it has ${defs.map((d) => d.key).join(', ')}`,
      };
    }
    if (h.type === 'boolean') {
      const b = typeof raw === 'boolean' ? raw : typeof raw === 'string' ? parseBoolean(raw) : null;
      if (b === null)
        return { ok: false, key, message: `${key} must be true or false, got "${String(raw)}"` };
      spec[key] = b;
    } else {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw) : null;
      if (n === null)
        return { ok: false, key, message: `${key} must be a number, got "${String(raw)}"` };
      const reason = checkHyperValue(h, n);
      if (reason) return { ok: false, key, message: reason };
      spec[key] = n;
    }
  }
  return spec as unknown as OptimizerSpec;
}

/** Narrows the result of {@link makeOptimizerSpec}. */
export function isSpecError(x: OptimizerSpec | SpecError): x is SpecError {
  return 'ok' in x && x.ok === false;
}
