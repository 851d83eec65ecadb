import { describe, expect, it } from 'vitest';
import {
  computeNetRace,
  confusionMatrix,
  defaultNetRunners,
  NET_SIZE,
  netLogits,
  PALETTES,
  type NetData,
} from '../../src/core';
import { CLASS_COLORS } from '../../src/draw/net-panel/classes';
import { summarizeConfusion } from '../../src/draw/net-panel/confusion';
import { featureRange, REGION_CELLS, regionClasses } from '../../src/draw/net-panel/regions';
import {
  ciede2000,
  hexToRgb,
  linearToLab,
  MACHADO,
  simulate,
  srgbToLab,
} from '../core/color-vision';

const info = computeNetRace({
  id: 'penguins-mlp',
  runners: defaultNetRunners(),
  steps: 120,
  seed: 1,
  batch: null,
})!;
const weightsAt = (track: (typeof info.tracks)[number], k: number) =>
  track.params.subarray(k * NET_SIZE, (k + 1) * NET_SIZE);

/** Share of the penguins lying in a cell of their own species in a raster over (fx, fy). */
function shareInOwnRegion(data: NetData, raster: Uint8Array, fx: number, fy: number): number {
  const n = REGION_CELLS;
  const [x0, x1] = featureRange(data, fx);
  const [y0, y1] = featureRange(data, fy);
  let own = 0;
  for (let i = 0; i < data.n; i++) {
    const c = Math.min(n - 1, Math.floor(((data.x[i * data.d + fx]! - x0) / (x1 - x0)) * n));
    const r = Math.min(n - 1, Math.floor(((y1 - data.x[i * data.d + fy]!) / (y1 - y0)) * n));
    if (raster[r * n + c] === data.y[i]) own += 1;
  }
  return own / data.n;
}

describe('the confusion view', () => {
  it('counts every penguin once, by species, and its diagonal is the accuracy the chart shows', () => {
    for (const track of info.tracks) {
      for (const k of [0, 1, 10, 60, 120]) {
        const summary = summarizeConfusion(confusionMatrix(weightsAt(track, k), info.data));
        expect(summary.total).toBe(342);
        // 151 Adelie, 68 Chinstrap, 123 Gentoo: each row is one true species.
        expect(summary.rowTotals).toEqual([151, 68, 123]);
        expect(summary.accuracy).toBe(track.accuracy[k]);
        for (let c = 0; c < 3; c++) {
          const row = summary.shares.slice(3 * c, 3 * c + 3);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        }
      }
    }
  });

  it('shows training at work: the untrained network confuses species, the trained one rarely', () => {
    const adam = info.tracks[2]!;
    const before = summarizeConfusion(confusionMatrix(weightsAt(adam, 0), info.data));
    const after = summarizeConfusion(confusionMatrix(weightsAt(adam, 120), info.data));
    expect(before.total - before.correct).toBeGreaterThan(100);
    expect(after.total - after.correct).toBeLessThan(10);
    // Each species' own cell holds most of its row after training.
    for (let c = 0; c < 3; c++) expect(after.shares[4 * c]).toBeGreaterThan(0.9);
  });

  it('leaves an empty row unshaded instead of dividing by zero', () => {
    const summary = summarizeConfusion([5, 1, 0, 0, 0, 0, 0, 2, 7]);
    expect(summary.shares.slice(3, 6)).toEqual([0, 0, 0]);
    expect(summary.accuracy).toBeCloseTo(12 / 15, 15);
  });
});

describe('the regions view', () => {
  it('colours each cell by the network’s prediction at its centre, top row the largest y, the other two measurements at their mean', () => {
    const theta = weightsAt(info.tracks[0]!, 60);
    const [fx, fy] = [0, 2];
    const xr = featureRange(info.data, fx);
    const yr = featureRange(info.data, fy);
    const cells = 16;
    const raster = regionClasses(theta, fx, fy, xr, yr, cells, new Uint8Array(cells * cells));
    const z = new Float64Array(3);
    const classesSeen = new Set<number>();
    for (let r = 0; r < cells; r++) {
      for (let c = 0; c < cells; c++) {
        const x = [0, 0, 0, 0];
        x[fx] = xr[0] + ((c + 0.5) / cells) * (xr[1] - xr[0]);
        x[fy] = yr[1] - ((r + 0.5) / cells) * (yr[1] - yr[0]);
        netLogits(theta, x, 0, z);
        const best = z.indexOf(Math.max(z[0]!, z[1]!, z[2]!));
        expect(raster[r * cells + c]).toBe(best);
        classesSeen.add(best);
      }
    }
    expect(classesSeen.size).toBe(3);
  });

  it('after training, bill length × flipper length puts most penguins in their own species’ region', () => {
    const raster = new Uint8Array(REGION_CELLS * REGION_CELLS);
    const [fx, fy] = [0, 2];
    const xr = featureRange(info.data, fx);
    const yr = featureRange(info.data, fy);
    for (const track of info.tracks) {
      regionClasses(weightsAt(track, 0), fx, fy, xr, yr, REGION_CELLS, raster);
      expect(shareInOwnRegion(info.data, raster, fx, fy)).toBeLessThan(0.6);
      regionClasses(weightsAt(track, 120), fx, fy, xr, yr, REGION_CELLS, raster);
      expect(shareInOwnRegion(info.data, raster, fx, fy)).toBeGreaterThan(0.9);
    }
  });

  it('spans every penguin of both chosen measurements with a margin', () => {
    for (let j = 0; j < 4; j++) {
      const [lo, hi] = featureRange(info.data, j);
      for (let i = 0; i < info.data.n; i++) {
        const v = info.data.x[i * 4 + j]!;
        expect(v).toBeGreaterThan(lo);
        expect(v).toBeLessThan(hi);
      }
    }
  });
});

describe('the class colours', () => {
  const lab = (hex: string, m?: (typeof MACHADO)[keyof typeof MACHADO]) =>
    m ? linearToLab(simulate(hexToRgb(hex), m)) : srgbToLab(hexToRgb(hex));

  for (const [name, m] of [['normal vision', undefined], ...Object.entries(MACHADO)] as const)
    it(`stay ≥ 25 CIEDE2000 apart under ${name}`, () => {
      for (let a = 0; a < 3; a++)
        for (let b = a + 1; b < 3; b++)
          expect(ciede2000(lab(CLASS_COLORS[a]!, m), lab(CLASS_COLORS[b]!, m))).toBeGreaterThan(25);
    });

  it('are not the colours of the network’s three runners in either palette', () => {
    const runners = [...PALETTES.lecture.slice(0, 3), ...PALETTES.colorblind.slice(0, 3)];
    for (const c of CLASS_COLORS)
      for (const r of runners) expect(ciede2000(lab(c), lab(r))).toBeGreaterThan(30);
  });
});
