import { describe, expect, it } from 'vitest';
import { drawSharpness } from '../../src/draw/net-panel/sharpness';

/** A 2D context that records the curves' points (lineTo) and the texts drawn. */
function recorder() {
  const lines: [number, number][] = [];
  const texts: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get(_, name) {
        if (name === 'lineTo') return (x: number, y: number) => lines.push([x, y]);
        if (name === 'fillText') return (t: string) => texts.push(t);
        if (name === 'measureText') return (t: string) => ({ width: 6 * t.length });
        return () => undefined;
      },
      set: () => true,
    },
  ) as CanvasRenderingContext2D;
  return { ctx, lines, texts };
}

const valley = (width: number) =>
  Float64Array.from({ length: 41 }, (_, k) => 0.02 + ((-1 + k / 20) / width) ** 2 * 0.05);

describe('the sharpness view', () => {
  it('draws every shown runner’s profile over α from −1 to 1, the minimum marked at 0', () => {
    const { ctx, lines, texts } = recorder();
    drawSharpness(
      ctx,
      { width: 240, height: 170, dpr: 1 },
      {
        series: [
          { losses: valley(1), count: 41, color: '#2ca02c', id: 1, selected: false },
          { losses: valley(0.3), count: 41, color: '#111111', id: 3, selected: true },
        ],
        axisLabel: 'α (filter-normalized)',
        emptyText: 'none',
      },
    );
    expect(texts).toEqual(expect.arrayContaining(['−1', '0', '1', 'α (filter-normalized)']));
    expect(texts).not.toContain('none');
    expect(lines.length).toBeGreaterThan(40);
  });

  it('says so when no runner is shown', () => {
    const { ctx, texts } = recorder();
    drawSharpness(
      ctx,
      { width: 240, height: 170, dpr: 1 },
      { series: [], axisLabel: 'α', emptyText: 'No runner shown' },
    );
    expect(texts).toEqual(['No runner shown']);
  });
});
