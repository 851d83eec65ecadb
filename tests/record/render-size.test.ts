import { describe, expect, it } from 'vitest';
import {
  parseResolution,
  renderScale,
  RESOLUTIONS,
  resolutionText,
  sizeProblem,
} from '../../src/record/render-size';

describe('clip sizes', () => {
  it('reads and writes the dialog values like "1280x720"', () => {
    expect(parseResolution('1920x1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseResolution('1920×1080')).toBeNull();
    expect(parseResolution('custom')).toBeNull();
    expect(RESOLUTIONS.map(resolutionText)).toEqual([
      '640x360',
      '1280x720',
      '1920x1080',
      '3840x2160',
    ]);
  });

  it('refuses odd sides (H.264 needs even ones) and absurd sizes', () => {
    expect(sizeProblem({ width: 1280, height: 720 })).toBeNull();
    expect(sizeProblem({ width: 1281, height: 720 })).toBe('not-even');
    expect(sizeProblem({ width: 1280.5, height: 720 })).toBe('not-even');
    expect(sizeProblem({ width: 32, height: 32 })).toBe('out-of-range');
    expect(sizeProblem({ width: 8192, height: 4320 })).toBe('out-of-range');
  });

  it('draws big frames at a higher pixel ratio so trails and balls keep their weight', () => {
    expect(renderScale({ width: 640, height: 360 })).toBe(1);
    expect(renderScale({ width: 1280, height: 720 })).toBe(1);
    expect(renderScale({ width: 1920, height: 1080 })).toBe(1.5);
    expect(renderScale({ width: 3840, height: 2160 })).toBe(3);
  });

  it('only uses a ratio that gives exactly the asked-for canvas size', () => {
    for (const size of [
      { width: 1922, height: 1080 },
      { width: 1000, height: 1000 },
      { width: 2562, height: 1442 },
      { width: 4096, height: 2160 },
    ]) {
      const k = renderScale(size);
      expect(Math.floor((size.width / k) * k)).toBe(size.width);
      expect(Math.floor((size.height / k) * k)).toBe(size.height);
      expect(Number.isInteger(size.width / k) && Number.isInteger(size.height / k)).toBe(true);
    }
  });
});
