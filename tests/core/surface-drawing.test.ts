import { describe, expect, it } from 'vitest';
import {
  drawSurface,
  getPresetLandscape,
  landscapeFromFunction,
  runSurfaceJob,
  sampleSurface,
  worldFrame,
  type SurfaceGrid,
} from '../../src/core';

describe('the surface as the GPU and the top view get it', () => {
  it('holds each vertex height h(f) and the exact slopes of h in world units', () => {
    const bowl = getPresetLandscape('bowl')!;
    const grid = sampleSurface(bowl, 32);
    const frame = worldFrame(bowl.domain);
    const d = drawSurface(grid, frame);
    const side = 33;
    expect(d.heights).toHaveLength(side * side);
    expect(d.pixels).toHaveLength(4 * side * side);
    const u = frame.width / (bowl.domain.xMax - bowl.domain.xMin);
    for (const k of [0, 100, 500, side * side - 1]) {
      const f = grid.values[k]!;
      expect(d.heights[k]).toBeCloseTo(Math.min(grid.heightMap.height(f), 1.5), 6);
      expect(d.valid[k]).toBe(1);
      const s = grid.heightMap.slope(f) / u;
      expect(d.slopes[2 * k]).toBeCloseTo(s * grid.gradients[2 * k]!, 6);
      expect(d.slopes[2 * k + 1]).toBeCloseTo(-s * grid.gradients[2 * k + 1]!, 6);
      // Positions are the world X and Z of the grid point; heights are lifted in the shader.
      expect(d.positions[3 * k + 1]).toBe(0);
    }
    // The lowest vertex is dark purple on the top view, the highest yellow (viridis).
    const lowest = grid.values.indexOf(Math.min(...grid.values));
    const row = side - 1 - Math.floor(lowest / side);
    const o = 4 * (row * side + (lowest % side));
    expect(d.pixels[o + 2]).toBeGreaterThan(d.pixels[o + 1]!);
  });

  it('a typed function’s job sends a coarse then a fine surface, drawn, then its minima', () => {
    const fn = landscapeFromFunction('(x-1)^2 + (y+0.5)^2 + 0.3*sin(5*x)');
    if ('ok' in fn) throw new Error(fn.message);
    const seen: string[] = [];
    let fine: SurfaceGrid | null = null;
    runSurfaceJob(
      {
        source: { kind: 'function', text: fn.formula, domain: fn.domain },
        coarseSegments: 16,
        segments: 64,
        minima: true,
      },
      {
        onSurface(grid, final) {
          seen.push(`${final ? 'fine' : 'coarse'} ${grid.segments}`);
          expect(grid.drawing?.heights).toHaveLength((grid.segments + 1) ** 2);
          if (final) fine = grid;
        },
        onMinima(minima, complete) {
          seen.push(`minima ${minima.length} ${complete}`);
          // Every height starts at the lowest known point: no minimum lies below the surface.
          for (const m of minima) expect(m.value).toBeGreaterThanOrEqual(fine!.heightMap.low);
        },
        onProgress: () => undefined,
        onDone: () => seen.push('done'),
        onError: (m) => seen.push(`error ${m}`),
      },
    );
    expect(seen[0]).toBe('coarse 16');
    expect(seen).toContain('fine 64');
    expect(seen.at(-2)).toMatch(/^minima \d+ true$/);
    expect(seen.at(-1)).toBe('done');
  });
});
