import type { KnownMinimum, Landscape } from './types';

/**
 * Refines an approximate minimum of f by gradient descent with Armijo backtracking
 * (w ← w − η·∇f, η halved until f decreases by at least ½·η·‖∇f‖²), until ‖∇f‖ < 1e-12, the
 * step stalls, or `maxEvaluations` evaluations of f are spent. Uses the exact gradient; returns
 * the point, f there, the evaluations spent and whether it stopped for lack of budget.
 */
export function polishMinimum(
  landscape: Pick<Landscape, 'value' | 'valueAndGradient'>,
  x0: number,
  y0: number,
  maxIterations = 5000,
  maxEvaluations = Infinity,
): { x: number; y: number; value: number; evaluations: number; outOfBudget: boolean } {
  const g = [0, 0];
  let x = x0;
  let y = y0;
  let f = landscape.valueAndGradient(x, y, g, 0);
  let evaluations = 1;
  let eta = 1e-2;
  for (let k = 0; k < maxIterations; k++) {
    if (evaluations >= maxEvaluations) return { x, y, value: f, evaluations, outOfBudget: true };
    const gx = g[0]!;
    const gy = g[1]!;
    const g2 = gx * gx + gy * gy;
    if (!(g2 > 1e-24)) break;
    let accepted = false;
    eta *= 4;
    while (eta > 1e-18) {
      const nx = x - eta * gx;
      const ny = y - eta * gy;
      const nf = landscape.value(nx, ny);
      evaluations++;
      if (nf <= f - 0.5 * eta * g2) {
        x = nx;
        y = ny;
        accepted = true;
        break;
      }
      eta /= 2;
    }
    if (!accepted) break;
    f = landscape.valueAndGradient(x, y, g, 0);
    evaluations++;
  }
  return { x, y, value: f, evaluations, outOfBudget: false };
}

/** What a minima search found, and whether it finished within its budget. */
export interface MinimaSearch {
  minima: KnownMinimum[];
  /** False when the budget ran out: some minima are unpolished grid points (estimates). */
  complete: boolean;
  /** Evaluations of f spent. */
  evaluations: number;
}

/**
 * The evaluation budget of a minima search for a typed function of `length` characters: about a
 * second of work on a slow machine for any accepted function (the cost of one evaluation grows
 * with the text), never more than 400,000 evaluations. Deterministic, so `trace` prints the same
 * minima on every machine.
 */
export function minimaBudget(length: number): number {
  return Math.min(400_000, Math.floor(3e7 / Math.max(75, length)));
}

/**
 * Estimates the minima of f inside the domain when none are known (typed-in functions): samples
 * an N × N grid, keeps the interior samples lower than their eight neighbours, and refines them,
 * lowest first, with {@link polishMinimum} until `maxEvaluations` evaluations of f are spent;
 * candidates left when the budget runs out are kept as they are (estimates, `complete` false).
 * Drops duplicates and points that left the domain, and flags as global those within
 * 1e-9·(1 + |f|) of the lowest.
 */
export function findMinima(
  landscape: Pick<Landscape, 'value' | 'valueAndGradient' | 'domain'>,
  gridSize = 65,
  maxEvaluations = Infinity,
): MinimaSearch {
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const n = gridSize;
  const hx = (xMax - xMin) / (n - 1);
  const hy = (yMax - yMin) / (n - 1);
  const f = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) f[j * n + i] = landscape.value(xMin + i * hx, yMin + j * hy);
  }
  let evaluations = n * n;
  const candidates: { x: number; y: number; value: number }[] = [];
  for (let j = 1; j < n - 1; j++) {
    for (let i = 1; i < n - 1; i++) {
      const v = f[j * n + i]!;
      if (!Number.isFinite(v)) continue;
      let lowest = true;
      for (let dj = -1; dj <= 1 && lowest; dj++) {
        for (let di = -1; di <= 1; di++) {
          if ((di || dj) && !(v < f[(j + dj) * n + i + di]!)) {
            lowest = false;
            break;
          }
        }
      }
      if (lowest) candidates.push({ x: xMin + i * hx, y: yMin + j * hy, value: v });
    }
  }
  // The lowest first: when the budget runs out, the global minimum has been polished.
  candidates.sort((a, b) => a.value - b.value);
  const found: { x: number; y: number; value: number }[] = [];
  const span = Math.max(xMax - xMin, yMax - yMin);
  let complete = true;
  for (const c of candidates) {
    let m = c;
    if (evaluations < maxEvaluations) {
      const p = polishMinimum(landscape, c.x, c.y, 5000, maxEvaluations - evaluations);
      evaluations += p.evaluations;
      if (p.outOfBudget) complete = false;
      m = p;
    } else complete = false;
    const inside = m.x >= xMin && m.x <= xMax && m.y >= yMin && m.y <= yMax;
    const seen = found.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < 1e-3 * span);
    if (inside && Number.isFinite(m.value) && !seen) found.push({ x: m.x, y: m.y, value: m.value });
  }
  const best = Math.min(...found.map((m) => m.value));
  return {
    minima: found.map((m) => ({ ...m, global: m.value <= best + 1e-9 * (1 + Math.abs(best)) })),
    complete,
    evaluations,
  };
}
