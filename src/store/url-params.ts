import { getPresetLandscape, parseNumber, PRESET_LANDSCAPES, type Landscape } from '../core';

/** What the page's query string asks for; anything unreadable is reported in `notices`. */
export interface InitialParams {
  landscape: Landscape;
  start: [number, number] | null;
  paused: boolean;
  notices: string[];
}

/**
 * Reads `?landscape=<id>&start=<x>,<y>&paused=1`. The query string is untrusted input: unknown
 * ids, malformed or out-of-domain starts fall back to the defaults with a notice; nothing throws.
 */
export function readInitialParams(search: string, fallback = 'rosenbrock'): InitialParams {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let landscape = getPresetLandscape(fallback)!;
  const id = params.get('landscape');
  if (id !== null) {
    const found = getPresetLandscape(id);
    if (found) landscape = found;
    else
      notices.push(
        `Unknown landscape "${id.slice(0, 40)}" in the link; showing ${landscape.name}. Known: ${PRESET_LANDSCAPES.map((l) => l.id).join(', ')}.`,
      );
  }
  let start: [number, number] | null = null;
  const startText = params.get('start');
  if (startText !== null) {
    const parts = startText.split(',').map(parseNumber);
    const d = landscape.domain;
    const [x, y] = parts;
    if (parts.length !== 2 || x == null || y == null) {
      notices.push(
        `The start "${startText.slice(0, 40)}" in the link is not two numbers x,y; using the default start.`,
      );
    } else if (x < d.xMin || x > d.xMax || y < d.yMin || y > d.yMax) {
      notices.push(
        `The start (${x}, ${y}) in the link is outside ${landscape.name}'s domain; using the default start.`,
      );
    } else {
      start = [x, y];
    }
  }
  const pausedText = params.get('paused');
  const paused = pausedText !== null && pausedText !== '0' && pausedText !== 'false';
  return { landscape, start, paused, notices };
}
