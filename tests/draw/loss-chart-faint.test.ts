import { describe, expect, it } from 'vitest';
import { drawLossChart, type ChartSeries } from '../../src/draw/loss-chart/draw';

/** A 2D context that records the points of every path and ignores the rest. */
function recordingContext() {
  const points: [number, number][] = [];
  const ctx = new Proxy({ measureText: () => ({ width: 20 }) } as Record<string, unknown>, {
    get(target, key) {
      if (key in target) return target[key as string];
      if (key === 'moveTo' || key === 'lineTo' || key === 'arc')
        return (x: number, y: number) => points.push([x, y]);
      return () => undefined;
    },
    set: () => true,
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, points };
}

describe('the loss chart with batch losses', () => {
  it('in log mode a batch loss below the full data’s lowest stays on the chart (no NaN point)', () => {
    const full: ChartSeries = {
      losses: [1, 0.5, 0.3, 0.25],
      count: 4,
      color: '#2ecc40',
      selected: true,
    };
    // The batch's own loss can be lower than any full-data loss (here 0.1 < 0.25).
    const batch: ChartSeries = {
      losses: [1.2, 0.1, 0.6, 0.2],
      count: 4,
      color: '#2ecc40',
      selected: false,
      faint: true,
    };
    const { ctx, points } = recordingContext();
    drawLossChart(
      ctx,
      { width: 300, height: 150, dpr: 1 },
      {
        series: [batch, full],
        lastStep: 3,
        log: true,
        knownMinimum: 0.241,
        emptyText: '',
      },
    );
    expect(points.length).toBeGreaterThan(8);
    expect(points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });
});
