import { describe, expect, it } from 'vitest';
import { paneRects, paneZoom } from '../../src/scene/panes';
import { runnerLayerMask } from '../../src/scene/runner-layers';
import { sceneRefs } from '../../src/scene/scene-refs';

describe('side-by-side panes', () => {
  it('one pane fills the canvas; two and three stand side by side; four make a 2 × 2 grid', () => {
    expect(paneRects(1, 800, 600)).toEqual([{ x: 0, y: 0, width: 800, height: 600 }]);
    const two = paneRects(2, 800, 600);
    expect(two.map((r) => [r.x, r.y, r.height])).toEqual([
      [0, 0, 600],
      [401, 0, 600],
    ]);
    expect(two[0]!.width + two[1]!.width + 2).toBe(800);
    expect(paneRects(3, 900, 600).map((r) => r.y)).toEqual([0, 0, 0]);
    const four = paneRects(4, 800, 600);
    expect(four.map((r) => [r.x > 0, r.y > 0])).toEqual([
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]);
    for (const r of four) expect(r.x + r.width).toBeLessThanOrEqual(800);
  });

  it('puts each runner on the layers of the panes that show it, and hides hidden runners', () => {
    const runners = [
      { id: 1, visible: true },
      { id: 2, visible: true },
      { id: 3, visible: false },
    ];
    const state = {
      layout: 'split' as const,
      panes: [[1], [1, 2], [3]],
      runners: runners as never,
    };
    expect(runnerLayerMask(state, 0)).toBe((1 << 1) | (1 << 2));
    expect(runnerLayerMask(state, 1)).toBe(1 << 2);
    expect(runnerLayerMask(state, 2)).toBe(0);
    expect(runnerLayerMask({ ...state, layout: 'overlay' }, 1)).toBe(1);
  });
});

describe('zoom of narrow views', () => {
  it('keeps zoom 1 where the framed runners fit, zooms out narrower views just enough', () => {
    const saved = sceneRefs.fitAspect;
    try {
      sceneRefs.fitAspect = 1.2;
      expect(paneZoom(16 / 9, 1)).toBe(1);
      expect(paneZoom(1.2, 1)).toBe(1);
      expect(paneZoom(0.6, 2)).toBeCloseTo(0.5, 12);
      // No view shows less of the landscape than a square one.
      sceneRefs.fitAspect = 0.3;
      expect(paneZoom(1, 1)).toBe(1);
      expect(paneZoom(0.5, 2)).toBeCloseTo(0.5, 12);
    } finally {
      sceneRefs.fitAspect = saved;
    }
  });
});
