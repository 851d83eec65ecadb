import { describe, expect, it } from 'vitest';
import {
  DASHES,
  MARKERS,
  nextPaletteColor,
  PALETTES,
  paletteColor,
  runnerDash,
  runnerMarker,
} from '../../src/core/palette';
import { LECTURE_COLORS } from '../../src/core';
import { ciede2000, hexToRgb, linearToLab, MACHADO, simulate, srgbToLab } from './color-vision';

/** The smallest CIEDE2000 difference between any two of `colors` as seen through matrix `m`. */
function minDifference(colors: readonly string[], m: (typeof MACHADO)[keyof typeof MACHADO]) {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++)
    for (let j = i + 1; j < colors.length; j++) {
      const a = linearToLab(simulate(hexToRgb(colors[i]!), m));
      const b = linearToLab(simulate(hexToRgb(colors[j]!), m));
      min = Math.min(min, ciede2000(a, b));
    }
  return min;
}

describe('colour science used by the palette test', () => {
  it('reproduces CIEDE2000 test pairs of Sharma, Wu & Dalal (2005)', () => {
    // Pairs 1, 7, 13, 19 and 25 of the paper's table, with their published ΔE00.
    const pairs: [number[], number[], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    ];
    for (const [a, b, want] of pairs)
      expect(ciede2000(a as never, b as never)).toBeCloseTo(want, 4);
  });

  it('keeps greys grey under every simulation', () => {
    // Greys stay grey under every simulation (rows of each matrix sum to 1).
    for (const m of Object.values(MACHADO)) {
      const grey = srgbToLab(hexToRgb('#808080'));
      const seen = linearToLab(simulate(hexToRgb('#808080'), m));
      expect(ciede2000(grey, seen)).toBeLessThan(0.5);
    }
  });
});

describe('colour-blind palette', () => {
  const first6 = PALETTES.colorblind.slice(0, 6);

  for (const [name, m] of Object.entries(MACHADO))
    it(`keeps its first six colours ≥ 20 CIEDE2000 apart under ${name}`, () => {
      expect(minDifference(first6, m)).toBeGreaterThanOrEqual(20);
    });

  it('is needed: the lecture colours fall below 20 under deuteranopia', () => {
    expect(minDifference(PALETTES.lecture.slice(0, 6), MACHADO.deuteranopia)).toBeLessThan(20);
  });

  it('pairs with the lecture palette colour for colour, both ways, keeping picked colours', () => {
    expect(PALETTES.lecture.length).toBe(PALETTES.colorblind.length);
    expect(new Set(PALETTES.colorblind).size).toBe(PALETTES.colorblind.length);
    expect(PALETTES.lecture.slice(0, 3)).toEqual([
      LECTURE_COLORS.momentum,
      LECTURE_COLORS.rmsprop,
      LECTURE_COLORS.adam,
    ]);
    PALETTES.lecture.forEach((c, k) => {
      expect(paletteColor(c, 'colorblind')).toBe(PALETTES.colorblind[k]);
      expect(paletteColor(paletteColor(c, 'colorblind'), 'lecture')).toBe(c);
      expect(paletteColor(c.toUpperCase(), 'colorblind')).toBe(PALETTES.colorblind[k]);
    });
    expect(paletteColor('#123456', 'colorblind')).toBe('#123456');
  });

  it('gives new runners the next colour of the active palette not yet worn', () => {
    const cb = PALETTES.colorblind;
    expect(nextPaletteColor('colorblind', cb.slice(0, 3))).toBe(cb[3]);
    expect(nextPaletteColor('colorblind', [...cb.slice(0, 3), cb[3]!])).toBe(cb[4]);
    expect(nextPaletteColor('lecture', PALETTES.lecture.slice(0, 3))).toBe(PALETTES.lecture[3]);
    // Every colour worn: it cycles instead of failing.
    expect(cb).toContain(nextPaletteColor('colorblind', [...cb]));
  });
});

describe('marks beyond colour', () => {
  it('gives the first six runners six different markers and six different dash patterns', () => {
    const ids = [1, 2, 3, 4, 5, 6];
    expect(new Set(ids.map(runnerMarker)).size).toBe(6);
    expect(new Set(ids.map((id) => runnerDash(id).join(','))).size).toBe(6);
    expect(runnerMarker(1)).toBe('circle');
    expect(runnerDash(1)).toEqual([]);
    expect(runnerMarker(7)).toBe(MARKERS[0]);
    expect(runnerDash(8)).toEqual(DASHES[1]);
  });
});
