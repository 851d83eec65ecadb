/**
 * Runner colours and the marks that tell runners apart without colour.
 *
 * Two palettes: the lecture's (SGD-momentum green, RMSProp red, Adam black, then seven more) and a
 * colour-blind-safe one built on Okabe & Ito (2008), "Color Universal Design". The two are paired
 * colour for colour, so switching the palette recolours each runner with its counterpart and
 * switching back restores it exactly; a colour the user picked (in neither palette) is kept.
 *
 * Independently of hue, every runner carries a marker (its ball's shape) and a dash pattern (its
 * trail and loss curve), chosen by its id, so no information is carried by colour alone.
 */

/** The palettes a user can choose. */
export type PaletteName = 'lecture' | 'colorblind';

/** Every palette name, in the order the palette select lists them. */
export const PALETTE_NAMES: readonly PaletteName[] = ['lecture', 'colorblind'];

/**
 * The palettes, colour k of one paired with colour k of the other. Lecture: the lecture's green,
 * red and black, then the extra runners' colours. Colour-blind: a bluish green, a vermillion and
 * black for the same three, then dark blue, yellow and pink (from the Okabe–Ito, Tol and
 * ColorBrewer sets, chosen by search): its first six stay at least 20 CIEDE2000 apart under
 * simulated deuteranopia, protanopia and tritanopia (Machado et al. 2009), which
 * tests/core/palette.test.ts checks; the lecture's first six do not (down to 2 under deuteranopia).
 */
export const PALETTES: Readonly<Record<PaletteName, readonly string[]>> = {
  lecture: [
    '#2ecc40',
    '#ff4136',
    '#111111',
    '#0074d9',
    '#ff851b',
    '#b10dc9',
    '#39cccc',
    '#f012be',
    '#85144b',
    '#3d9970',
    '#ffdc00',
  ],
  colorblind: [
    '#1b9e77',
    '#cc3311',
    '#111111',
    '#004488',
    '#f0e442',
    '#e377c2',
    '#e69f00',
    '#56b4e9',
    '#7a3b00',
    '#5d3a9b',
    '#8d8d8d',
  ],
};

/**
 * The colour of a runner's counterpart in palette `to`: colour k of any palette maps to colour k
 * of `to` (case-insensitive); a colour in no palette (picked by the user) is returned unchanged.
 */
export function paletteColor(color: string, to: PaletteName): string {
  const c = color.toLowerCase();
  for (const name of PALETTE_NAMES) {
    const k = PALETTES[name].indexOf(c);
    if (k >= 0) return PALETTES[to][k]!;
  }
  return color;
}

/**
 * The colour a new runner takes: the first colour of palette `name` that no runner wears yet
 * (after the first three, which belong to the lecture's optimizers), cycling when all are worn.
 */
export function nextPaletteColor(name: PaletteName, worn: readonly string[]): string {
  const colors = PALETTES[name];
  const used = new Set(worn.map((c) => c.toLowerCase()));
  for (let k = 3; k < colors.length; k++) if (!used.has(colors[k]!)) return colors[k]!;
  return colors[3 + (worn.length % (colors.length - 3))]!;
}

/** The shape of a runner's ball (3D) and of its mark in the top view, legend, chart and clips. */
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'hexagon';

/** Markers in the order runners take them (by id: runner 1 a circle, runner 2 a square, …). */
export const MARKERS: readonly Marker[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle-down',
  'hexagon',
];

/**
 * Dash patterns in the order runners take them, as canvas `setLineDash` lengths in units of the
 * line width (empty: solid): solid, dashed, dotted, dash-dot, long dashes, dash-dot-dot.
 */
export const DASHES: readonly (readonly number[])[] = [
  [],
  [4, 2.5],
  [1, 2],
  [4, 2, 1, 2],
  [8, 3],
  [4, 2, 1, 2, 1, 2],
];

/** Runner `id`'s marker: MARKERS[(id − 1) mod 6]. */
export function runnerMarker(id: number): Marker {
  return MARKERS[(((id - 1) % MARKERS.length) + MARKERS.length) % MARKERS.length]!;
}

/** Runner `id`'s dash pattern: DASHES[(id − 1) mod 6] (empty: solid). */
export function runnerDash(id: number): readonly number[] {
  return DASHES[(((id - 1) % DASHES.length) + DASHES.length) % DASHES.length]!;
}

/** A dash pattern scaled to a line width (lengths × width), ready for `setLineDash`. */
export function scaledDash(dash: readonly number[], width: number): number[] {
  return dash.map((d) => d * width);
}
