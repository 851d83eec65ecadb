import { describe, expect, it } from 'vitest';
import { batchLoss, batchMoments, dataLandscape, loadDataset, sampleSurface } from '../../src/core';

describe('drawing the surface of a dataset', () => {
  for (const standardized of [true, false]) {
    it(`the logistic grid fast path agrees with the point-by-point loss (${standardized ? 'standardized' : 'raw'})`, () => {
      const landscape = dataLandscape('penguins-species', standardized);
      expect(landscape.sampleRows).toBeDefined();
      const fast = sampleSurface(landscape, 64);
      const { xMin, xMax, yMin, yMax } = landscape.domain;
      const g = [0, 0];
      let worst = 0;
      let worstGradient = 0;
      for (let j = 0; j <= 64; j++) {
        for (let i = 0; i <= 64; i++) {
          const w = xMin + ((xMax - xMin) * i) / 64;
          const b = yMin + ((yMax - yMin) * j) / 64;
          const f = landscape.valueAndGradient(w, b, g, 0);
          const k = j * 65 + i;
          worst = Math.max(worst, Math.abs(fast.values[k]! - f) / Math.abs(f));
          const scale = Math.hypot(g[0]!, g[1]!) + 1e-9;
          worstGradient = Math.max(
            worstGradient,
            Math.hypot(fast.gradients[2 * k]! - g[0]!, fast.gradients[2 * k + 1]! - g[1]!) / scale,
          );
        }
      }
      expect(worst).toBeLessThan(1e-12);
      expect(worstGradient).toBeLessThan(1e-9);
    });
  }

  it("the batch moments give the batch's mean squared error at any (w, b), as the shader evaluates it", () => {
    const data = loadDataset('penguins-mass', false);
    const rows = [3, 17, 17, 200, 341, 5, 90];
    const m = [0, 0, 0, 0, 0];
    batchMoments(data.x, data.y, rows, rows.length, m);
    for (const [w, b] of [
      [0, 0],
      [49.7, -5780],
      [-10, 3000],
    ] as const) {
      const [sxx, sx, sxy, sy, syy] = m as [number, number, number, number, number];
      const fromMoments = w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy;
      const direct = batchLoss('linear', data.x, data.y, rows, rows.length, w, b);
      expect(Math.abs(fromMoments - direct) / direct).toBeLessThan(1e-9);
    }
  });
});
