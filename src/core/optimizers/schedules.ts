import type { HyperDefinition } from './kinds';
import { checkHyperValue, parseNumber } from './spec';

/**
 * Learning-rate schedules as `torch.optim.lr_scheduler`, stepped once after every optimizer step
 * (so the rate in effect at step t is the base rate after t − 1 scheduler steps):
 * `constant`; `step` — StepLR, αₜ = α·γ^⌊(t−1)/step_size⌋; `exponential` — ExponentialLR,
 * αₜ = α·γ^(t−1); `cosine` — CosineAnnealingLR, αₜ = η_min + (α − η_min)·(1 + cos(π(t−1)/T_max))/2
 * (and back up after T_max, as PyTorch's); `warmup` — LinearLR with end factor 1,
 * αₜ = α·(s + (1 − s)·min(t−1, N)/N) for start_factor s and total_iters N.
 */
export const SCHEDULE_KINDS = ['constant', 'step', 'exponential', 'cosine', 'warmup'] as const;
/** The name of a schedule (see {@link SCHEDULE_KINDS}). */
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/**
 * A schedule with every setting in effect, keyed as PyTorch names them: StepLR's step_size and
 * gamma (αₜ = α·γ^⌊(t−1)/step_size⌋), ExponentialLR's gamma (αₜ = α·γ^(t−1)), CosineAnnealingLR's
 * T_max and eta_min, LinearLR's start_factor and total_iters (end factor 1).
 */
export type ScheduleSpec =
  | { kind: 'constant' }
  | { kind: 'step'; step_size: number; gamma: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'cosine'; t_max: number; eta_min: number }
  | { kind: 'warmup'; start_factor: number; total_iters: number };

const count = (key: string, value: number, meaning: string): HyperDefinition => ({
  key,
  type: 'number',
  default: value,
  min: 1,
  max: 1e6,
  integer: true,
  meaning,
});
const gamma = (value: number): HyperDefinition => ({
  key: 'gamma',
  type: 'number',
  default: value,
  min: 0,
  minOpen: true,
  max: 10,
  meaning: 'factor γ the rate is multiplied by',
});

/** Each schedule's settings, defaults and ranges, in the order the UI lists them. */
export const SCHEDULE_PARAMETERS: Record<ScheduleKind, readonly HyperDefinition[]> = {
  constant: [],
  step: [count('step_size', 100, 'steps between decays'), gamma(0.5)],
  exponential: [gamma(0.99)],
  cosine: [
    count('t_max', 500, 'steps from the base rate down to η_min'),
    { key: 'eta_min', type: 'number', default: 0, min: 0, max: 1e6, meaning: 'lowest rate η_min' },
  ],
  warmup: [
    {
      key: 'start_factor',
      type: 'number',
      default: 0.1,
      min: 0,
      minOpen: true,
      max: 1,
      meaning: 'share of the base rate at step 1',
    },
    count('total_iters', 50, 'steps until the full rate'),
  ],
};

/** The constant schedule (the default). */
export const CONSTANT_SCHEDULE: ScheduleSpec = { kind: 'constant' };

/** True when `kind` names a schedule. */
export function isScheduleKind(kind: string): kind is ScheduleKind {
  return (SCHEDULE_KINDS as readonly string[]).includes(kind);
}

/** A schedule's keys (every setting besides `kind`). */
export function scheduleKeys(kind: ScheduleKind): string[] {
  return SCHEDULE_PARAMETERS[kind].map((h) => h.key);
}

/**
 * Builds a schedule from its kind and settings (numbers or text as typed); the rest take their
 * defaults. Unknown kinds and keys and values out of range are refused with the key and reason.
 */
export function makeScheduleSpec(
  kind: string,
  values: Readonly<Record<string, number | string>> = {},
): ScheduleSpec | { ok: false; key: string; message: string } {
  if (!isScheduleKind(kind)) {
    return {
      ok: false,
      key: 'schedule',
      message: `unknown schedule "${kind}": the schedules are ${SCHEDULE_KINDS.join(', ')}`,
    };
  }
  const defs = SCHEDULE_PARAMETERS[kind];
  const spec: Record<string, number | string> = { kind };
  for (const h of defs) spec[h.key] = h.default as number;
  for (const [key, raw] of Object.entries(values)) {
    const h = defs.find((d) => d.key === key);
    if (!h) {
      const has = defs.length ? `it has ${defs.map((d) => d.key).join(', ')}` : 'it has none';
      return { ok: false, key, message: `schedule ${kind} has no setting "${key}": ${has}` };
    }
    const n = typeof raw === 'number' ? raw : parseNumber(raw);
    if (n === null) return { ok: false, key, message: `${key} must be a number, got "${raw}"` };
    const reason = checkHyperValue(h, n);
    if (reason) return { ok: false, key, message: reason };
    spec[key] = n;
  }
  return spec as unknown as ScheduleSpec;
}

/** The live state of a schedule: PyTorch's `last_epoch` and the optimizer group's current lr. */
export interface ScheduleState {
  spec: ScheduleSpec;
  base: number;
  /** Scheduler steps taken (PyTorch's last_epoch after construction: 0). */
  epoch: number;
  /** The learning rate the next optimizer step uses. */
  lr: number;
}

/** A schedule at construction: lr = base, or base·start_factor for warmup (LinearLR). */
export function createSchedule(spec: ScheduleSpec, base: number): ScheduleState {
  return { spec, base, epoch: 0, lr: spec.kind === 'warmup' ? base * spec.start_factor : base };
}

/**
 * One scheduler step (after an optimizer step), with PyTorch's own recurrences on the current
 * lr (`get_lr`, chainable form), so the rates agree with `torch.optim.lr_scheduler` to rounding:
 * StepLR multiplies by γ when epoch % step_size = 0; ExponentialLR by γ; LinearLR by
 * 1 + (1 − s)/(N·s + (epoch − 1)(1 − s)) while epoch ≤ N; CosineAnnealingLR by
 * (1 + cos(π·e/T))/(1 + cos(π(e − 1)/T)) around η_min, with PyTorch's restart step when
 * (e − 1 − T) mod 2T = 0.
 */
export function advanceSchedule(state: ScheduleState): void {
  const e = (state.epoch += 1);
  const s = state.spec;
  switch (s.kind) {
    case 'constant':
      return;
    case 'step':
      if (e % s.step_size === 0) state.lr *= s.gamma;
      return;
    case 'exponential':
      state.lr *= s.gamma;
      return;
    case 'warmup': {
      if (e > s.total_iters) return;
      const f = s.start_factor;
      state.lr *= 1 + (1 - f) / (s.total_iters * f + (e - 1) * (1 - f));
      return;
    }
    case 'cosine': {
      const T = s.t_max;
      const m = s.eta_min;
      const period = 2 * T;
      if ((((e - 1 - T) % period) + period) % period === 0) {
        state.lr += ((state.base - m) * (1 - Math.cos(Math.PI / T))) / 2;
      } else {
        state.lr =
          ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) *
            (state.lr - m) +
          m;
      }
      return;
    }
  }
}

/**
 * The rate in effect at optimizer step t ≥ 1 in closed form (PyTorch's `_get_closed_form_lr`;
 * LinearLR with end factor 1): for the formula panel and quick reads. Equal to the recurrence of
 * {@link advanceSchedule} up to rounding.
 */
export function scheduledRate(spec: ScheduleSpec, base: number, t: number): number {
  const e = Math.max(0, t - 1);
  switch (spec.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * Math.pow(spec.gamma, Math.floor(e / spec.step_size));
    case 'exponential':
      return base * Math.pow(spec.gamma, e);
    case 'cosine':
      return (
        spec.eta_min + ((base - spec.eta_min) * (1 + Math.cos((Math.PI * e) / spec.t_max))) / 2
      );
    case 'warmup': {
      const f = spec.start_factor;
      return base * (f + ((1 - f) * Math.min(spec.total_iters, e)) / spec.total_iters);
    }
  }
}
