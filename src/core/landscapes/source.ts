import { dataLandscape } from './data';
import { isDatasetId } from '../data/datasets';
import { landscapeFromFunction, withMinima } from './custom';
import { getPresetLandscape } from './index';
import type { Domain, Landscape } from './types';
import { isNetId, type NetId } from '../net/defaults';
import { loadPenguinClasses } from '../net/data';
import { netLandscape } from '../net/net-landscape';
import type { NetPlane } from '../net/plane';

/**
 * What a landscape is made from, as plain data that can be posted to a worker: a preset by id
 * (a dataset's model in raw units with `raw`), a typed function with its domain, or a network's
 * loss on a plane of its weights (enough to draw its surface; not its tracks).
 */
export type LandscapeSource =
  | { kind: 'preset'; id: string; raw?: boolean }
  | { kind: 'function'; text: string; domain: Domain }
  | { kind: 'net'; id: NetId; plane: NetPlane; domain: Domain };

/** The source of a landscape (typed functions keep their text as their formula). */
export function landscapeSource(landscape: Landscape): LandscapeSource {
  const net = landscape.net;
  if (net) return { kind: 'net', id: net.id, plane: net.plane, domain: { ...net.domain } };
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
  if (source.kind === 'net') {
    if (!isNetId(source.id)) return null;
    return netLandscape({
      id: source.id,
      data: loadPenguinClasses(),
      plane: source.plane,
      explained: source.plane.explained,
      fitted: true,
      start: [0, 0],
      domain: source.domain,
      steps: 0,
      tracks: [],
      trainedFor: '',
    });
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
