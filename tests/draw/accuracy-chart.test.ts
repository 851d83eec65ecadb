import { describe, expect, it } from 'vitest';
import {
  computeNetRace,
  createRace,
  defaultNetRunners,
  netLandscape,
  stepRace,
} from '../../src/core';
import {
  ACCURACY_GUIDE,
  accuracySeries,
  drawAccuracyChart,
} from '../../src/draw/accuracy-chart/draw';
import type { ChartSeries } from '../../src/draw/loss-chart/plot';

const specs = defaultNetRunners();
const info = computeNetRace({
  id: 'penguins-mlp',
  runners: specs,
  steps: 60,
  seed: 1,
  batch: null,
})!;

/** A 2D context that records the points of every stroked path, with its stroke and dash. */
function recordingContext() {
  const points: { x: number; y: number; stroke: unknown; dashed: boolean }[] = [];
  const texts: string[] = [];
  let path: { x: number; y: number }[] = [];
  let dashed = false;
  let stroke: unknown = null;
  const ctx = new Proxy({ measureText: () => ({ width: 20 }) } as Record<string, unknown>, {
    get(target, key) {
      if (key in target) return target[key as string];
      if (key === 'setLineDash') return (d: number[]) => (dashed = d.length > 0);
      if (key === 'fillText') return (text: string) => texts.push(text);
      if (key === 'beginPath') return () => (path = []);
      if (key === 'moveTo' || key === 'lineTo')
        return (x: number, y: number) => path.push({ x, y });
      if (key === 'stroke') return () => path.forEach((p) => points.push({ ...p, stroke, dashed }));
      return () => undefined;
    },
    set(_target, key, value) {
      if (key === 'strokeStyle') stroke = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, points, texts };
}

describe('the accuracy chart’s curves', () => {
  it('follow each shown runner’s training accuracy up to the step its ball has reached', () => {
    const race = createRace(netLandscape(info), info.start, specs);
    for (let k = 0; k < 25; k++) stepRace(race);
    const settings = [
      { id: 1, visible: true },
      { id: 2, visible: false },
      { id: 3, visible: true },
    ];
    const series = accuracySeries(info.tracks, race.runners, settings, 3);
    // The hidden RMSProp is left out; SGD-momentum and Adam keep their ids (dash and marker).
    expect(series.map((s) => [s.id, s.color, s.selected])).toEqual([
      [1, specs[0]!.color, false],
      [3, specs[2]!.color, true],
    ]);
    for (const [s, track] of [
      [series[0]!, info.tracks[0]!],
      [series[1]!, info.tracks[2]!],
    ] as const) {
      expect(s.count).toBe(26);
      expect(Array.from(s.losses).slice(0, s.count)).toEqual(
        Array.from(track.accuracy.slice(0, 26)),
      );
    }
  });

  it('stop at the end of the track when the race is played past it', () => {
    const race = createRace(netLandscape(info), info.start, specs);
    for (let k = 0; k < 80; k++) stepRace(race);
    const series = accuracySeries(info.tracks, race.runners, [], 0);
    expect(series.map((s) => s.count)).toEqual([61, 61, 61]);
    expect(series.map((s) => s.losses[s.count - 1])).toEqual(
      info.tracks.map((t) => t.accuracy[60]),
    );
  });
});

describe('drawing the accuracy chart', () => {
  const size = { width: 260, height: 110, dpr: 1 };
  // No id: the end marker is a dot (an arc), so the recorded points are the curve's alone.
  const curve = (value: number, color: string): ChartSeries => ({
    losses: [0.3, 0.6, value, value],
    count: 4,
    color,
    selected: false,
  });

  it('keeps 0 % and 100 % inside the plot, with 100 % above the 95 % guide and 90 % below it', () => {
    const { ctx, points } = recordingContext();
    const colors = { 1: '#ff6666', 0: '#66ff66', 0.9: '#66aaff' };
    drawAccuracyChart(ctx, size, {
      series: Object.entries(colors).map(([v, c]) => curve(Number(v), c)),
      lastStep: 3,
      emptyText: '',
    });
    /** Where the curve holding `v` from step 2 on ends. */
    const endY = (v: keyof typeof colors) => {
      const mine = points.filter((p) => p.stroke === colors[v]);
      return mine.reduce((a, b) => (b.x > a.x ? b : a)).y;
    };
    const guide = points.filter((p) => p.dashed);
    expect(guide.length, `a dashed line at ${ACCURACY_GUIDE}`).toBe(2);
    expect(guide[0]!.y).toBe(guide[1]!.y);
    // Plot from y = 6 down to 110 − 15 = 95; 100 % at the top, 0 % at the bottom, neither cut off.
    expect(endY(1)).toBeGreaterThan(6);
    expect(endY(0)).toBeLessThan(95);
    expect(endY(1)).toBeLessThan(guide[0]!.y);
    expect(guide[0]!.y).toBeLessThan(endY(0.9));
    expect(endY(0.9)).toBeLessThan(endY(0));
  });

  it('says so instead of drawing axes when no runner is shown', () => {
    const { ctx, points, texts } = recordingContext();
    drawAccuracyChart(ctx, size, { series: [], lastStep: 10, emptyText: 'No runner is shown' });
    expect(points).toEqual([]);
    expect(texts).toEqual(['No runner is shown']);
  });
});
