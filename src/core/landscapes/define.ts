import { polishMinimum } from './minima';
import type { Domain, KnownMinimum, Landscape, LandscapeGroup } from './types';

/** f and ∇f at one point: returns f, writes ∂f/∂x to g[o] and ∂f/∂y to g[o+1]. */
export type PointGradient = (x: number, y: number, g: Float64Array | number[], o: number) => number;

/** What a preset declares; minima may be given exactly or as seeds to be polished on first use. */
export interface PresetDefinition {
  id: string;
  name: string;
  formula: string;
  group: LandscapeGroup;
  domain: Domain;
  start: [number, number];
  heightScale?: 'linear' | 'log';
  suggestedLr?: Landscape['suggestedLr'];
  valueAndGradient: PointGradient;
  /** Exact minima (x, y, global); their values are computed from f. */
  minima?: readonly { x: number; y: number; global: boolean }[];
  /** Approximate minima refined by descent on first read (for minima without a closed form). */
  minimaSeeds?: () => readonly { x: number; y: number; global: boolean }[];
}

/** Turns a preset definition into a {@link Landscape}, with a batched gradient loop of its own. */
export function definePreset(def: PresetDefinition): Landscape {
  const vg = def.valueAndGradient;
  const scratch = [0, 0];
  const value = (x: number, y: number) => vg(x, y, scratch, 0);
  let minima: readonly KnownMinimum[] | null = null;
  const landscape: Landscape = {
    id: def.id,
    name: def.name,
    formula: def.formula,
    group: def.group,
    domain: def.domain,
    start: def.start,
    heightScale: def.heightScale ?? 'linear',
    suggestedLr: def.suggestedLr ?? {},
    get minima(): readonly KnownMinimum[] {
      if (minima === null) {
        const exact = (def.minima ?? []).map((m) => ({ ...m, value: value(m.x, m.y) }));
        const polished = (def.minimaSeeds?.() ?? []).map((m) => {
          const { x, y, value } = polishMinimum(landscape, m.x, m.y);
          return { x, y, value, global: m.global };
        });
        minima = Object.freeze([...exact, ...polished]);
      }
      return minima;
    },
    value,
    valueAndGradient: vg,
    gradientMany(p, n, grad, values) {
      if (values) {
        for (let i = 0; i < n; i++) values[i] = vg(p[2 * i]!, p[2 * i + 1]!, grad, 2 * i);
      } else {
        for (let i = 0; i < n; i++) vg(p[2 * i]!, p[2 * i + 1]!, grad, 2 * i);
      }
    },
  };
  return landscape;
}
