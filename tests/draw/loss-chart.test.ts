import { describe, expect, it } from 'vitest';
import { luminance, needsLightOutline } from '../../src/draw/loss-chart/color';
import { COLUMN_STRIDE, downsampleColumns } from '../../src/draw/loss-chart/downsample';
import { formatLogTick, formatTick } from '../../src/draw/format';
import {
  linearTicks,
  logReference,
  logTicks,
  logValue,
  lossExtent,
  niceStep,
  stepTicks,
  verticalAxis,
} from '../../src/draw/loss-chart/scale';

/** The columns downsampleColumns wrote, as objects. */
function columnsOf(values: number[], pxPerStep: number) {
  const out = new Float64Array(COLUMN_STRIDE * (values.length + 2));
  const n = downsampleColumns(values, values.length, pxPerStep, out);
  return Array.from({ length: n }, (_, c) => {
    const at = (k: number) => out[c * COLUMN_STRIDE + k]!;
    return {
      first: at(0),
      firstValue: at(1),
      min: at(2),
      max: at(3),
      last: at(4),
      lastValue: at(5),
    };
  });
}

describe('downsampling a long race', () => {
  it('keeps every point when there are fewer steps than pixel columns', () => {
    const cols = columnsOf([5, 4, 3], 10);
    expect(cols.map((c) => [c.first, c.min, c.max])).toEqual([
      [0, 5, 5],
      [1, 4, 4],
      [2, 3, 3],
    ]);
  });

  it('draws 10 000 steps as one column per pixel', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 1 / (i + 1));
    expect(columnsOf(values, 200 / 10_000)).toHaveLength(200);
  });

  it('keeps a one-step spike visible: each column holds its min and max', () => {
    const values = Array.from({ length: 1000 }, () => 1);
    values[537] = 50;
    values[538] = -3;
    const cols = columnsOf(values, 0.1);
    const spiky = cols.find((c) => c.first <= 537 && c.last >= 537)!;
    expect(spiky.max).toBe(50);
    expect(spiky.min).toBe(-3);
    expect(cols.filter((c) => c.max === 50)).toHaveLength(1);
  });

  it('keeps each column’s first and last point so the line joins up', () => {
    const values = [9, 1, 8, 2, 7, 3];
    const cols = columnsOf(values, 0.5);
    expect(cols).toEqual([
      { first: 0, firstValue: 9, min: 1, max: 9, last: 1, lastValue: 1 },
      { first: 2, firstValue: 8, min: 2, max: 8, last: 3, lastValue: 2 },
      { first: 4, firstValue: 7, min: 3, max: 7, last: 5, lastValue: 3 },
    ]);
  });

  it('skips values that are not finite and stops when the buffer is full', () => {
    expect(columnsOf([1, Number.NaN, 3], 1).map((c) => c.first)).toEqual([0, 2]);
    const out = new Float64Array(COLUMN_STRIDE * 2);
    expect(downsampleColumns([1, 2, 3, 4], 4, 1, out)).toBe(2);
  });
});

describe('the linear loss axis', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 4)).toBe(2);
    expect(niceStep(0.9, 4)).toBeCloseTo(0.2);
    expect(niceStep(3000, 4)).toBe(1000);
    expect(linearTicks(0, 10, 4)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks(-5, 5, 4)).toEqual([-4, -2, 0, 2, 4]);
    expect(linearTicks(0.1, 0.9, 4).map((t) => formatTick(t, 0.2))).toEqual([
      '0.2',
      '0.4',
      '0.6',
      '0.8',
    ]);
  });

  it('pads the extent by 5 % and keeps every tick inside', () => {
    const axis = verticalAxis({ lowest: 0, highest: 12 }, false);
    expect(axis.min).toBeCloseTo(-0.6);
    expect(axis.max).toBeCloseTo(12.6);
    expect(axis.ticks.every((t) => t >= axis.min && t <= axis.max)).toBe(true);
    expect(axis.labels).toEqual(axis.ticks.map((t) => formatTick(t, 5)));
  });

  it('widens a flat extent (every runner still at its start) instead of dividing by zero', () => {
    const axis = verticalAxis({ lowest: 3, highest: 3 }, false);
    expect(axis.max).toBeGreaterThan(axis.min);
    expect(axis.ticks.length).toBeGreaterThan(1);
    const zero = verticalAxis({ lowest: 0, highest: 0 }, false);
    expect([zero.min, zero.max]).toEqual([-1, 1]);
  });

  it('numbers the step axis in whole steps from 0, at most 5 labels by default', () => {
    expect(stepTicks(10)).toEqual([0, 5, 10]);
    expect(stepTicks(12)).toEqual([0, 5, 10]);
    expect(stepTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(stepTicks(3)).toEqual([0, 1, 2, 3]);
    expect(stepTicks(1000)).toEqual([0, 500, 1000]);
    expect(stepTicks(1234, 7)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
    expect(stepTicks(0)).toEqual([0]);
  });
});

describe('the log loss axis', () => {
  it('puts ticks at powers of ten', () => {
    const axis = verticalAxis({ lowest: 1e-6, highest: 100 }, true);
    expect(axis.labels).toContain('10⁻⁶');
    expect(axis.ticks.every((t) => Number.isInteger(Math.round(t * 1e9) / 1e9))).toBe(true);
    expect(axis.ticks.length).toBeLessThanOrEqual(5);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('labels every k-th decade when the race spans many of them', () => {
    expect(logTicks(-12, 2).map((t) => t.e)).toEqual([-12, -9, -6, -3, 0]);
    expect(logTicks(-12, 2).every((t) => t.m === 1)).toBe(true);
    expect(logTicks(0, 3).map((t) => t.e)).toEqual([0, 1, 2, 3]);
  });

  it('falls back to 1-2-5 ticks on an axis shorter than two decades', () => {
    const ticks = logTicks(Math.log10(6), Math.log10(13));
    expect(ticks.map(({ m, e }) => formatLogTick(m, e))).toEqual(['6', '7', '8', '9', '10']);
    const between = logTicks(Math.log10(0.15), Math.log10(0.9));
    expect(between.map(({ m, e }) => formatLogTick(m, e))).toEqual(['0.2', '0.5']);
    const short = logTicks(Math.log10(2.5), Math.log10(4.5));
    expect(short.map(({ m, e }) => formatLogTick(m, e))).toEqual(['3', '4']);
  });

  it('plots f − f₀ where f₀ is the known minimum, so negative losses can be shown', () => {
    // Six-hump camel: global minimum −1.0316; a runner at −1.0 is 0.0316 above it.
    const f0 = logReference(-1.0, -1.0316);
    expect(f0).toBe(-1.0316);
    expect(10 ** logValue(-1.0, f0)).toBeCloseTo(0.0316, 6);
  });

  it('uses 0 as f₀ when the minimum is unknown and every loss is positive', () => {
    expect(logReference(0.5, null)).toBe(0);
    expect(10 ** logValue(0.5, 0)).toBeCloseTo(0.5, 10);
  });

  it('lowers f₀ to the lowest loss seen when a runner goes below it, with δ keeping it finite', () => {
    const f0 = logReference(-7, null);
    expect(f0).toBe(-7);
    expect(logValue(-7, f0)).toBeCloseTo(Math.log10(7e-12), 9);
    expect(Number.isFinite(logValue(0, 0))).toBe(true);
  });
});

describe('the shown runners’ extent', () => {
  it('counts only the first `count` losses of each runner', () => {
    expect(
      lossExtent([
        { losses: [3, 2, 1, -100], count: 3 },
        { losses: [5, 4], count: 2 },
      ]),
    ).toEqual({ lowest: 1, highest: 5 });
    expect(lossExtent([])).toBeNull();
    expect(lossExtent([{ losses: [], count: 0 }])).toBeNull();
  });
});

describe('line colours on the dark chart', () => {
  it('outlines the lecture’s black Adam line but not green or red', () => {
    expect(needsLightOutline('#111111')).toBe(true);
    expect(needsLightOutline('black')).toBe(true);
    expect(needsLightOutline('#85144b')).toBe(true);
    expect(needsLightOutline('#2ecc40')).toBe(false);
    expect(needsLightOutline('#ff4136')).toBe(false);
    expect(needsLightOutline('#0074d9')).toBe(false);
  });

  it('reads #rgb and #rrggbb, and nothing else', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('rebeccapurple')).toBeNull();
  });
});

describe('the chart of an endless race', () => {
  it('reads the bounded history: thinned past at its steps, then the latest step', async () => {
    const { createHistory, pushHistory } = await import('../../src/core');
    const { historyCurve } = await import('../../src/draw/loss-chart/scale');
    const h = createHistory(64);
    for (let k = 0; k <= 10_000; k++) pushHistory(h, k, -k, 1 / (1 + k));
    const curve = historyCurve(h);
    expect(curve.count).toBeLessThanOrEqual(64);
    const out = new Float64Array(COLUMN_STRIDE * 1000);
    const n = downsampleColumns(
      curve.losses,
      curve.count,
      1000 / 10_000,
      out,
      curve.stride,
      curve.tail,
    );
    // The chart spans the whole race: first column at step 0, last one ends at the latest step.
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
    expect(out[(n - 1) * COLUMN_STRIDE + 4]).toBe(10_000);
    expect(out[(n - 1) * COLUMN_STRIDE + 5]).toBeCloseTo(1 / 10_001, 15);
    expect(lossExtent([curve])).toEqual({ lowest: 1 / 10_001, highest: 1 });
  });
});
