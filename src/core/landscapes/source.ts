import { dataLandscape } from './data';
import { isDatasetId } from '../data/datasets';
import { landscapeFromFunction, withMinima } from './custom';
import { getPresetLandscape } from './index';
import type { Domain, Landscape } from './types';

/**
 * What a landscape is made from, as plain data that can be posted to a worker: a preset by id
 * (a dataset's model in raw units with `raw`), or a typed function with its domain.
 */
export type LandscapeSource =
  | { kind: 'preset'; id: string; raw?: boolean }
  | { kind: 'function'; text: string; domain: Domain };

/** The source of a landscape (typed functions keep their text as their formula). */
export function landscapeSource(landscape: Landscape): LandscapeSource {
  return landscape.group === 'custom'
    ? { kind: 'function', text: landscape.formula, domain: { ...landscape.domain } }
    : landscape.data && !landscape.data.standardized
      ? { kind: 'preset', id: landscape.id, raw: true }
      : { kind: 'preset', id: landscape.id };
}

/** The landscape a source stands for, or null when it names no preset or does not parse. */
export function landscapeFromSource(source: LandscapeSource): Landscape | null {
  if (source.kind === 'preset') {
    if (source.raw && isDatasetId(source.id)) return dataLandscape(source.id, false);
    return getPresetLandscape(source.id) ?? null;
  }
  const made = landscapeFromFunction(source.text, source.domain);
  return 'ok' in made ? null : made;
}

/**
 * The landscape a source stands for, with the minima the page knows (a typed function's come from
 * a search the page ran; presets know their own), or null. For work that must label the same
 * minima the page shows: swarms and basin maps in workers.
 */
export function landscapeWithMinima(
  source: LandscapeSource,
  minima: readonly { x: number; y: number; value: number; global: boolean }[],
): Landscape | null {
  const landscape = landscapeFromSource(source);
  if (!landscape || source.kind === 'preset') return landscape;
  return withMinima(landscape, { minima: minima.map((m) => ({ ...m })), complete: true });
}
