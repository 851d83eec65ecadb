import { describe, expect, it } from 'vitest';
import { ALL_OVERLAYS, type OverlayContent } from '../../src/record/overlay-content';
import { drawOverlays, type OverlayTarget } from '../../src/record/overlay-draw';

/** A 2D context that records the panels drawn (roundRect calls) and ignores the rest. */
function recordingTarget(width: number, height: number) {
  const panels: { x: number; y: number; w: number; h: number }[] = [];
  const ctx = new Proxy(
    {},
    {
      get(_, name) {
        if (name === 'roundRect')
          return (x: number, y: number, w: number, h: number) => panels.push({ x, y, w, h });
        if (name === 'measureText') return (text: string) => ({ width: 7 * text.length });
        return () => undefined;
      },
      set: () => true,
    },
  ) as CanvasRenderingContext2D;
  const chart = { width: 0, height: 0, getContext: () => null } as unknown as HTMLCanvasElement;
  const target: OverlayTarget = { ctx, width, height, scale: 1, chart };
  return { target, panels };
}

const content = (labels: OverlayContent['labels']): OverlayContent => ({
  title: null,
  stepLabel: 'step',
  step: 10,
  rows: [],
  chartTitle: 'Loss by step',
  series: [],
  knownMinimum: null,
  emptyChartText: '',
  panes: [],
  labels,
});

/** The loss chart's panel: the one 300 px wide at the right edge. */
const chartPanel = (panels: { x: number; y: number; w: number; h: number }[]) =>
  panels.find((p) => p.w === 300)!;

describe('the loss chart of a clip never hides a ball', () => {
  it('stays in the bottom right while no ball is there', () => {
    const { target, panels } = recordingTarget(1280, 720);
    drawOverlays(target, content([{ x: 300, y: 300, text: 'Adam', color: '#000' }]), ALL_OVERLAYS);
    expect(chartPanel(panels).y).toBeGreaterThan(720 / 2);
  });

  it('moves to the top right once a ball comes under it, and stays there for the rest of the clip', () => {
    const { target, panels } = recordingTarget(1280, 720);
    drawOverlays(target, content([{ x: 1100, y: 600, text: 'Adam', color: '#000' }]), ALL_OVERLAYS);
    const moved = chartPanel(panels);
    expect(moved.y).toBeLessThan(720 / 2);
    // The ball is no longer under it.
    expect(600).toBeGreaterThan(moved.y + moved.h);
    panels.length = 0;
    drawOverlays(target, content([{ x: 300, y: 300, text: 'Adam', color: '#000' }]), ALL_OVERLAYS);
    expect(chartPanel(panels).y).toBe(moved.y);
  });
});
