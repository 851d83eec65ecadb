import type { Landscape } from './types';

/**
 * Refines an approximate minimum of f by gradient descent with Armijo backtracking
 * (w ← w − η·∇f, η halved until f decreases by at least ½·η·‖∇f‖²), until ‖∇f‖ < 1e-12 or the
 * step stalls. Uses the exact gradient; returns the point and f there.
 */
export function polishMinimum(
  landscape: Pick<Landscape, 'value' | 'valueAndGradient'>,
  x0: number,
  y0: number,
  maxIterations = 5000,
): { x: number; y: number; value: number } {
  const g = [0, 0];
  let x = x0;
  let y = y0;
  let f = landscape.valueAndGradient(x, y, g, 0);
  let eta = 1e-2;
  for (let k = 0; k < maxIterations; k++) {
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
  }
  return { x, y, value: f };
}

/**
 * Estimates the minima of f inside the domain when none are known (typed-in functions): samples
 * an N × N grid, keeps the interior samples lower than their eight neighbours, refines each with
 * {@link polishMinimum}, drops duplicates and points that left the domain, and flags as global
 * those within 1e-9·(1 + |f|) of the lowest.
 */
export function findMinima(
  landscape: Pick<Landscape, 'value' | 'valueAndGradient' | 'domain'>,
  gridSize = 65,
): { x: number; y: number; value: number; global: boolean }[] {
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const n = gridSize;
  const hx = (xMax - xMin) / (n - 1);
  const hy = (yMax - yMin) / (n - 1);
  const f = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) f[j * n + i] = landscape.value(xMin + i * hx, yMin + j * hy);
  }
  const found: { x: number; y: number; value: number }[] = [];
  const span = Math.max(xMax - xMin, yMax - yMin);
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
      if (!lowest) continue;
      const m = polishMinimum(landscape, xMin + i * hx, yMin + j * hy);
      const inside = m.x >= xMin && m.x <= xMax && m.y >= yMin && m.y <= yMax;
      const seen = found.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < 1e-3 * span);
      if (inside && Number.isFinite(m.value) && !seen) found.push(m);
    }
  }
  const best = Math.min(...found.map((m) => m.value));
  return found.map((m) => ({ ...m, global: m.value <= best + 1e-9 * (1 + Math.abs(best)) }));
}
