import type { Landscape } from '../landscapes';
import { domainSpan } from '../landscapes';
import { recentX, recentY } from './history';
import type { Runner, SettleRule } from './types';

/** Typical slopes already measured, by the landscape's gradient function and domain. */
const slopes = new WeakMap<object, { domain: object; slope: number }>();

/**
 * The landscape's typical slope: the median of ‖∇f‖ over a 17 × 17 grid of its domain
 * (finite values only; 1 if there are none). Measured once per function and domain: a long typed
 * function costs milliseconds per grid, and every restart and learning-rate suggestion asks.
 */
export function typicalSlope(landscape: Landscape): number {
  const known = slopes.get(landscape.valueAndGradient);
  if (known && known.domain === landscape.domain) return known.slope;
  const slope = measureSlope(landscape);
  slopes.set(landscape.valueAndGradient, { domain: landscape.domain, slope });
  return slope;
}

/**
 * Remembers a landscape's typical slope from a sampled grid of it, when the grid holds the 17 × 17
 * points of {@link typicalSlope} (segments a multiple of 16, over the same domain): the surface
 * worker's grids do, so a long typed function's slope is not measured again on the main thread.
 */
export function rememberTypicalSlope(
  landscape: Landscape,
  grid: { segments: number; domain: Landscape['domain']; gradients: Float64Array },
): void {
  const d = landscape.domain;
  const g = grid.domain;
  const same = g.xMin === d.xMin && g.xMax === d.xMax && g.yMin === d.yMin && g.yMax === d.yMax;
  if (!same || grid.segments % 16 !== 0 || slopes.has(landscape.valueAndGradient)) return;
  const step = grid.segments / 16;
  const side = grid.segments + 1;
  const norms: number[] = [];
  for (let j = 0; j <= 16; j++) {
    for (let i = 0; i <= 16; i++) {
      const k = j * step * side + i * step;
      const n = Math.hypot(grid.gradients[2 * k]!, grid.gradients[2 * k + 1]!);
      if (Number.isFinite(n)) norms.push(n);
    }
  }
  slopes.set(landscape.valueAndGradient, { domain: landscape.domain, slope: medianSlope(norms) });
}

/** The median of finite gradient norms, or 1 when there is none above 0. */
function medianSlope(norms: number[]): number {
  norms.sort((a, b) => a - b);
  const median = norms[Math.floor(norms.length / 2)];
  return median !== undefined && median > 0 ? median : 1;
}

function measureSlope(landscape: Landscape): number {
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const g = [0, 0];
  const norms: number[] = [];
  for (let j = 0; j <= 16; j++) {
    for (let i = 0; i <= 16; i++) {
      landscape.valueAndGradient(
        xMin + ((xMax - xMin) * i) / 16,
        yMin + ((yMax - yMin) * j) / 16,
        g,
        0,
      );
      const n = Math.hypot(g[0]!, g[1]!);
      if (Number.isFinite(n)) norms.push(n);
    }
  }
  return medianSlope(norms);
}

/**
 * The default settle rule for a landscape: a runner has settled when its last 20 points lie within
 * 0.2 % of the domain's span of their centroid c, ‖∇f(c)‖ ≤ 1 % of the landscape's typical slope,
 * and it is not still drifting (see {@link settledPoint}); it is "at" a minimum within 1 % of the span.
 */
export function defaultSettleRule(landscape: Landscape): SettleRule {
  const span = domainSpan(landscape.domain);
  return {
    window: 20,
    radius: 2e-3 * span,
    gradientNorm: 1e-2 * typicalSlope(landscape),
    minimumDistance: 1e-2 * span,
  };
}

const scratch = [0, 0];

/** Points a shaken runner must spend beside one known minimum to count as settled there. */
export const SHAKEN_WINDOW = 50;

/**
 * Where the runner has settled, or null.
 *
 * Without a shake: the centroid c of its last `window` points, if they all lie within `radius` of
 * c, ∇f(c) is small, and the motion is dying out — its last step is at most half its step `window`
 * steps earlier, or below radius/2000 — rather than a slow steady crawl.
 *
 * With a shake the jitter never dies out, so settling means staying put beside a minimum: the
 * last 50 points all lie within `minimumDistance` of the same known minimum (returned). A shaken
 * runner near no known minimum (a saddle, a plateau) is never called settled.
 */
export function settledPoint(
  runner: Runner,
  landscape: Landscape,
  rule: SettleRule,
  shaken: boolean,
): [number, number] | null {
  const h = runner.history;
  const count = h.count;
  // Point k of the last RECENT ones, by its index in the whole path.
  const px = (k: number) => recentX(h, count - 1 - k);
  const py = (k: number) => recentY(h, count - 1 - k);
  if (shaken) {
    if (count < SHAKEN_WINDOW) return null;
    const m = nearestMinimum(landscape, px(count - 1), py(count - 1), rule.minimumDistance);
    if (!m) return null;
    const d2 = rule.minimumDistance * rule.minimumDistance;
    for (let k = count - SHAKEN_WINDOW; k < count; k++) {
      const dx = px(k) - m.x;
      const dy = py(k) - m.y;
      if (dx * dx + dy * dy > d2) return null;
    }
    return [m.x, m.y];
  }
  const w = rule.window;
  if (count < w + 1) return null;
  const first = count - w;
  let cx = 0;
  let cy = 0;
  for (let k = first; k < count; k++) {
    cx += px(k);
    cy += py(k);
  }
  cx /= w;
  cy /= w;
  const r2 = rule.radius * rule.radius;
  for (let k = first; k < count; k++) {
    const dx = px(k) - cx;
    const dy = py(k) - cy;
    if (dx * dx + dy * dy > r2) return null;
  }
  // Lengths compared squared (no square roots: swarms run this for every ball at every step).
  const step2At = (k: number) => {
    const dx = px(k) - px(k - 1);
    const dy = py(k) - py(k - 1);
    return dx * dx + dy * dy;
  };
  const last2 = step2At(count - 1);
  const still = rule.radius / 2000;
  if (last2 > still * still && last2 > 0.25 * step2At(first)) return null;
  landscape.valueAndGradient(cx, cy, scratch, 0);
  const g2 = scratch[0]! * scratch[0]! + scratch[1]! * scratch[1]!;
  return g2 <= rule.gradientNorm * rule.gradientNorm ? [cx, cy] : null;
}

/** The known minimum nearest to (x, y) within `distance`, or null. */
export function nearestMinimum(landscape: Landscape, x: number, y: number, distance: number) {
  let best: Landscape['minima'][number] | null = null;
  let bestD2 = distance * distance;
  for (const m of landscape.minima) {
    const dx = m.x - x;
    const dy = m.y - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      best = m;
      bestD2 = d2;
    }
  }
  return best;
}
