import { getPresetLandscape, parseNumber, type Landscape } from '../core';
import type { Notice } from '../i18n';

/** What the page's query string asks for; anything unreadable is reported in `notices`. */
export interface InitialParams {
  landscape: Landscape;
  start: [number, number] | null;
  paused: boolean;
  notices: Notice[];
}

/**
 * Reads `?landscape=<id>&start=<x>,<y>&paused=1`. The query string is untrusted input: unknown
 * ids, malformed or out-of-domain starts fall back to the defaults with a notice; nothing throws.
 */
export function readInitialParams(search: string, fallback = 'rosenbrock'): InitialParams {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  let landscape = getPresetLandscape(fallback)!;
  const id = params.get('landscape');
  if (id !== null) {
    const found = getPresetLandscape(id);
    if (found) landscape = found;
    else
      notices.push({
        key: 'unknownLandscape',
        args: { id: id.slice(0, 40), fallback: landscape.name },
      });
  }
  let start: [number, number] | null = null;
  const startText = params.get('start');
  if (startText !== null) {
    const parts = startText.split(',').map(parseNumber);
    const d = landscape.domain;
    const [x, y] = parts;
    if (parts.length !== 2 || x == null || y == null) {
      notices.push({ key: 'badStart', args: { text: startText.slice(0, 40) } });
    } else if (x < d.xMin || x > d.xMax || y < d.yMin || y > d.yMax) {
      notices.push({ key: 'startOutside', args: { x, y, landscape: landscape.name } });
    } else {
      start = [x, y];
    }
  }
  const pausedText = params.get('paused');
  const paused = pausedText !== null && pausedText !== '0' && pausedText !== 'false';
  return { landscape, start, paused, notices };
}
