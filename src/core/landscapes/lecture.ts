import { definePreset } from './define';
import type { Landscape } from './types';

/** The lecture's ball in a bowl: f = x² + y², ∇f = (2x, 2y), convex, min f(0, 0) = 0. */
export const bowl: Landscape = definePreset({
  id: 'bowl',
  suggestedLr: { momentum: 0.05, rmsprop: 0.01, adam: 0.05 },
  name: 'Bowl',
  formula: 'x^2 + y^2',
  group: 'lecture',
  domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: [-1.6, 1.2],
  valueAndGradient(x, y, g, o) {
    g[o] = 2 * x;
    g[o + 1] = 2 * y;
    return x * x + y * y;
  },
  minima: [{ x: 0, y: 0, global: true }],
});

const BAG_FOLD = 3;
/** x-part of the bag: 0.1x² + 0.25(1 − cos 3x); 1-D minima at 0, ±1.916, ±3.712. */
const bag1 = (x: number) => 0.1 * x * x + 0.25 * (1 - Math.cos(BAG_FOLD * x));

/**
 * The lecture's plastic bag: a wide bowl with shallow folds,
 * f = 0.1(x² + y²) + 0.25(2 − cos 3x − cos 3y), ∇f = (0.2x + 0.75 sin 3x, 0.2y + 0.75 sin 3y).
 * One global minimum f(0, 0) = 0 and 24 local ones in the folds: a small, gently shaken step
 * settles in a fold; a large, hard-shaken one keeps jumping over the bottom.
 */
export const plasticBag: Landscape = definePreset({
  id: 'plastic-bag',
  suggestedLr: { momentum: 0.1, rmsprop: 0.01, adam: 0.1 },
  name: 'Plastic bag',
  formula: '0.1*(x^2 + y^2) + 0.25*(2 - cos(3*x) - cos(3*y))',
  group: 'lecture',
  domain: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
  start: [-3.2, 2.9],
  valueAndGradient(x, y, g, o) {
    g[o] = 0.2 * x + 0.75 * Math.sin(BAG_FOLD * x);
    g[o + 1] = 0.2 * y + 0.75 * Math.sin(BAG_FOLD * y);
    return bag1(x) + bag1(y);
  },
  minima: [{ x: 0, y: 0, global: true }],
  minimaSeeds: () => {
    const roots = [-3.712, -1.916, 0, 1.916, 3.712];
    return roots.flatMap((x) =>
      roots.filter((y) => x !== 0 || y !== 0).map((y) => ({ x, y, global: false })),
    );
  },
});

/**
 * The ravine: an elongated quadratic f = 0.05x² + 2y², ∇f = (0.1x, 4y); curvatures differ 40×, so
 * plain SGD zig-zags across the steep walls while crawling along the floor; min f(0, 0) = 0.
 */
export const ravine: Landscape = definePreset({
  id: 'ravine',
  suggestedLr: { momentum: 0.3, rmsprop: 0.03, adam: 0.1 },
  name: 'Ravine',
  formula: '0.05*x^2 + 2*y^2',
  group: 'lecture',
  domain: { xMin: -5, xMax: 5, yMin: -2, yMax: 2 },
  start: [-4.5, 1.6],
  valueAndGradient(x, y, g, o) {
    g[o] = 0.1 * x;
    g[o + 1] = 4 * y;
    return 0.05 * x * x + 2 * y * y;
  },
  minima: [{ x: 0, y: 0, global: true }],
});

/**
 * Two wells, a shallow one and a deep one, on a gentle bowl:
 * f = 0.05(x² + y²) − exp(−((x−1.6)² + (y−0.6)²)/0.5) − 2.2·exp(−((x+1.3)² + (y+0.9)²)),
 * ∇f by the chain rule: each well w·exp(−d²/s) contributes (2w/s)·(x − xc, y − yc)·exp(−d²/s).
 */
export const twoWells: Landscape = definePreset({
  id: 'two-wells',
  suggestedLr: { momentum: 0.1, rmsprop: 0.01, adam: 0.1 },
  name: 'Two wells',
  formula:
    '0.05*(x^2 + y^2) - exp(-((x-1.6)^2 + (y-0.6)^2)/0.5) - 2.2*exp(-((x+1.3)^2 + (y+0.9)^2))',
  group: 'lecture',
  domain: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
  start: [3.2, 2.6],
  valueAndGradient(x, y, g, o) {
    const ax = x - 1.6;
    const ay = y - 0.6;
    const bx = x + 1.3;
    const by = y + 0.9;
    const shallow = Math.exp(-(ax * ax + ay * ay) / 0.5);
    const deep = 2.2 * Math.exp(-(bx * bx + by * by));
    g[o] = 0.1 * x + 4 * ax * shallow + 2 * bx * deep;
    g[o + 1] = 0.1 * y + 4 * ay * shallow + 2 * by * deep;
    return 0.05 * (x * x + y * y) - shallow - deep;
  },
  minimaSeeds: () => [
    { x: -1.3, y: -0.9, global: true },
    { x: 1.6, y: 0.6, global: false },
  ],
});

/** The lecture's landscapes, in menu order. */
export const LECTURE_LANDSCAPES: readonly Landscape[] = [bowl, plasticBag, ravine, twoWells];
