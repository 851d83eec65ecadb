import type { Marker } from '../../core';

/**
 * The penguin classes' colours, Adelie, Chinstrap, Gentoo: a light orange, a violet and a light
 * blue, at least 25 CIEDE2000 apart under normal vision and simulated deuteranopia, protanopia and
 * tritanopia, and well away from the network's three runners' colours in both palettes (a region
 * is never mistaken for a runner). tests/draw/net-panel.test.ts checks both.
 */
export const CLASS_COLORS = ['#ffcc80', '#a034f0', '#99ddff'] as const;

/** Each class's point marker, so the classes are told apart without colour too. */
export const CLASS_MARKERS: readonly [Marker, Marker, Marker] = ['circle', 'triangle', 'square'];
