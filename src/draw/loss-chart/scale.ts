import { recentLoss, type History } from '../../core';
import { formatLogTick, formatTick } from '../format';

/**
 * The loss chart's axes: which range of the loss to show, where to put ticks and how to label
 * them. Pure functions of numbers, so they are tested without a canvas.
 *
 * Log mode plots f − f₀ + δ on a log₁₀ axis. f₀ is the landscape's global minimum value (0 when
 * none is known), lowered to the lowest loss recorded if a runner goes below it, so every plotted
 * value is positive even on landscapes with negative losses (six-hump camel, Styblinski–Tang,
 * the saddle); δ = 10⁻¹²·max(1, |f₀|) keeps a runner sitting exactly at f₀ on the chart.
 */

/** δ relative to max(1, |f₀|). */
export const LOG_DELTA = 1e-12;

/** The lowest and highest loss of the shown runners (null when there is none). */
export interface LossExtent {
  lowest: number;
  highest: number;
}

/**
 * A curve as the chart reads it: losses[i] is the loss at step i·stride (stride 1 when absent)
 * for i < count, and `tail`, when given, one more point after them (the latest step of a thinned
 * history).
 */
export interface LossCurve {
  losses: ArrayLike<number>;
  count: number;
  stride?: number;
  tail?: { step: number; value: number } | null;
}

/** A runner's bounded history as a chart curve: its thinned past plus its latest point. */
export function historyCurve(h: History): LossCurve {
  const last = h.count - 1;
  const inPast = h.kept > 0 && (h.kept - 1) * h.stride === last;
  return {
    losses: h.losses,
    count: h.kept,
    stride: h.stride,
    tail: h.count === 0 || inPast ? null : { step: last, value: recentLoss(h, 0) },
  };
}

/** The lowest and highest of the first `count` losses of every curve, skipping non-finite ones. */
export function lossExtent(curves: readonly LossCurve[]): LossExtent | null {
  let lowest = Infinity;
  let highest = -Infinity;
  const see = (v: number) => {
    if (!Number.isFinite(v)) return;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  };
  for (const { losses, count, tail } of curves) {
    for (let i = 0; i < count; i++) see(losses[i]!);
    if (tail) see(tail.value);
  }
  return lowest <= highest ? { lowest, highest } : null;
}

/** The reference f₀ of log mode: the known global minimum (else 0), or lower if a loss is lower. */
export function logReference(lowest: number, knownMinimum: number | null): number {
  return Math.min(knownMinimum ?? 0, lowest);
}

/** log₁₀(f − f₀ + δ): where a loss sits on the log axis. */
export function logValue(loss: number, reference: number): number {
  return Math.log10(loss - reference + LOG_DELTA * Math.max(1, Math.abs(reference)));
}

/** The shown range of the vertical axis, in plotted units (log₁₀ in log mode), and its ticks. */
export interface VerticalAxis {
  min: number;
  max: number;
  /** Tick positions in plotted units. */
  ticks: number[];
  labels: string[];
}

/**
 * The vertical axis for a loss extent, padded by 5 %. Linear: nice ticks (a flat extent is widened
 * by ±1 or ±10 % of its value). Log: log₁₀ of the extent minus f₀, at least half a decade tall,
 * with ticks at powers of ten (see {@link logTicks}).
 */
export function verticalAxis(extent: LossExtent, log: boolean, reference = 0): VerticalAxis {
  if (log) {
    let lo = logValue(extent.lowest, reference);
    let hi = logValue(extent.highest, reference);
    if (hi - lo < MIN_LOG_SPAN) {
      const mid = (lo + hi) / 2;
      lo = mid - MIN_LOG_SPAN / 2;
      hi = mid + MIN_LOG_SPAN / 2;
    }
    const pad = (hi - lo) * 0.05;
    const ticks = logTicks(lo - pad, hi + pad);
    return {
      min: lo - pad,
      max: hi + pad,
      ticks: ticks.map(({ m, e }) => Math.log10(m) + e),
      labels: ticks.map(({ m, e }) => formatLogTick(m, e)),
    };
  }
  let { lowest: min, highest: max } = extent;
  if (max - min <= Math.abs(max) * 1e-12) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  } else {
    const pad = (max - min) * 0.05;
    min -= pad;
    max += pad;
  }
  const ticks = linearTicks(min, max, 4);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : max - min;
  return { min, max, ticks, labels: ticks.map((v) => formatTick(v, step)) };
}

/** The log axis spans at least this many decades. */
const MIN_LOG_SPAN = 0.5;

/** A step of 1, 2 or 5 × 10ⁿ close to `span / count`. */
export function niceStep(span: number, count: number): number {
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
}

/** About `count` ticks at multiples of a nice step inside [min, max] (none for an empty range). */
export function linearTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min) || !Number.isFinite(max - min)) return [];
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++) {
    ticks.push(Math.abs(k * step) < step * 1e-9 ? 0 : k * step);
  }
  return ticks;
}

/**
 * Ticks of the step axis [0, max]: multiples of the smallest whole step of 1, 2 or 5 × 10ⁿ that
 * leaves at most `maxCount` of them.
 */
export function stepTicks(max: number, maxCount = 5): number[] {
  if (!(max > 0)) return [0];
  let step = 1;
  // 1, 2, 5, 10, 20, 50, …
  for (let j = 1; Math.floor(max / step) + 1 > maxCount; j++) {
    step = [1, 2, 5][j % 3]! * 10 ** Math.floor(j / 3);
  }
  const ticks: number[] = [];
  for (let k = 0; k * step <= max; k++) ticks.push(k * step);
  return ticks;
}

/** A tick of the log axis at m·10ᵉ. */
export interface LogTick {
  m: number;
  e: number;
}

/**
 * Ticks of a log axis spanning log₁₀ values [lo, hi]: the powers of ten inside, every k-th
 * (multiples of k) when more than `maxCount` would crowd it; when fewer than two powers of ten
 * fall inside, the 1-2-5 values inside, and on a very short axis every m·10ᵉ with m = 1 … 9.
 */
export function logTicks(lo: number, hi: number, maxCount = 5): LogTick[] {
  const first = Math.ceil(lo - 1e-9) + 0; // + 0 turns −0 into 0
  const last = Math.floor(hi + 1e-9);
  if (last - first + 1 >= 2) {
    const every = Math.ceil((last - first + 1) / maxCount);
    const ticks: LogTick[] = [];
    for (let e = first; e <= last; e++) if (e % every === 0) ticks.push({ m: 1, e });
    return ticks;
  }
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const ticks: LogTick[] = [];
    for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
      for (const m of mantissas) {
        const at = Math.log10(m) + e;
        if (at >= lo - 1e-9 && at <= hi + 1e-9) ticks.push({ m, e });
      }
    }
    if (ticks.length >= 2) return ticks;
  }
  return [];
}
