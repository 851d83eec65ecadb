import type { GetState, Layout, RunnerSettings, SetState, ViewSlice } from './types';
import type { Language } from '../i18n';
import { paletteColor, PALETTE_NAMES, type Race } from '../core';

/** Vertical scale range of the surface. */
export const VERTICAL_SCALE = { min: 0.2, max: 3 } as const;

/** At most this many panes side by side. */
export const MAX_PANES = 4;

/** Default panes for n runners: one runner per pane, at most four panes. */
export function defaultPanes(runners: readonly { id: number }[]): number[][] {
  const ids = runners.map((r) => r.id);
  if (ids.length <= MAX_PANES) return ids.map((id) => [id]);
  return Array.from({ length: MAX_PANES }, (_, p) => ids.filter((_, i) => i % MAX_PANES === p));
}

/**
 * Gives the live race's runners new looks (label, colour, visibility) without restarting it:
 * each runner's spec becomes its settings, so what draws from the race sees them at once.
 */
export function showLooks(race: Race, runners: readonly RunnerSettings[]): void {
  runners.forEach((r, i) => {
    const live = race.runners[i];
    if (live) live.spec = r;
  });
}

/** How the race is shown (see {@link ViewSlice}). */
export function viewSlice(
  set: SetState,
  get: GetState,
  initial: { layout: Layout; panes: number[][]; selectedRunner: number; language: Language },
): ViewSlice {
  return {
    verticalScale: 1,
    wireframe: false,
    showTopView: true,
    layout: initial.layout,
    panes: initial.panes,
    selectedRunner: initial.selectedRunner,
    language: initial.language,
    exporting: false,
    batchSurface: false,
    presenting: false,
    blanked: false,
    palette: 'lecture',

    setVerticalScale(scale) {
      if (Number.isFinite(scale))
        set({ verticalScale: Math.min(VERTICAL_SCALE.max, Math.max(VERTICAL_SCALE.min, scale)) });
    },
    setWireframe: (on) => set({ wireframe: on }),
    setShowTopView: (on) => set({ showTopView: on }),
    setLayout: (layout) => set({ layout }),
    setPanes(panes) {
      const ids = new Set(get().runners.map((r) => r.id));
      const clean = panes
        .slice(0, MAX_PANES)
        .map((p) => [...new Set(p.filter((id) => ids.has(id)))]);
      if (clean.length > 0) set({ panes: clean });
    },
    selectRunner(id) {
      if (get().runners.some((r) => r.id === id)) set({ selectedRunner: id });
    },
    setLanguage: (language) => set({ language }),
    setExporting: (on) => set({ exporting: on }),
    setBatchSurface: (on) => set({ batchSurface: on }),
    // Leaving presenter mode never leaves the stage blank.
    setPresenting: (on) => set(on ? { presenting: true } : { presenting: false, blanked: false }),
    setBlanked: (on) => set({ blanked: on && get().presenting }),
    setPalette(palette) {
      // The same palette again still maps: runners read from a link or a session wear it then.
      if (!PALETTE_NAMES.includes(palette)) return;
      // Colours change, the race does not: no restart (the live runners take the new specs).
      const runners = get().runners.map((r) => ({ ...r, color: paletteColor(r.color, palette) }));
      showLooks(get().race, runners);
      set({ palette, runners });
    },
  };
}
