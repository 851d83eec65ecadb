import type { RaceState, RaceStore } from './race-store';
import { encodeState, type ShareableState } from './share-link';
import { SHARED_PARAMS } from './url-params';

/** The store fields a link carries: a change to any of them rewrites the URL. */
const SHARED_FIELDS = [
  'landscape',
  'functionInput',
  'start',
  'runners',
  'shake',
  'batch',
  'layout',
  'panes',
  'scene',
  'language',
  'speed',
  'verticalScale',
  'wireframe',
  'showTopView',
  'batchSurface',
  'selectedRunner',
] as const satisfies readonly (keyof ShareableState)[];

/**
 * The query string for `state`: `?s=<link>` first, then whatever else the page had (`paused`,
 * `view`, unknown ones) minus the plain parameters the link stands for.
 */
export function shareSearch(state: ShareableState, search: string): string {
  const params = new URLSearchParams(search);
  for (const name of SHARED_PARAMS) params.delete(name);
  const rest = params.toString();
  // Written as is: the link's alphabet (A–Z a–z 0–9 + - $) needs no escaping in a query.
  return `?s=${encodeState(state)}${rest ? `&${rest}` : ''}`;
}

/** The full address that opens this race. */
export function shareUrl(state: ShareableState, href: string): string {
  const url = new URL(href);
  url.search = shareSearch(state, url.search);
  return url.toString();
}

/** Where the URL lives: the window, or a stand-in in tests. */
export interface UrlTarget {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener?(type: 'pagehide', listener: () => void): void;
  removeEventListener?(type: 'pagehide', listener: () => void): void;
}

export interface UrlSync {
  /** Writes any pending change now and returns the current share URL. */
  flush(): string;
  stop(): void;
}

/**
 * Keeps the address bar on the current race: `delay` ms after the last change (and at most
 * `maxDelay` ms after the first of a burst, so a long drag still updates), the URL is replaced
 * with `history.replaceState`, never pushed, so the back button is not flooded.
 */
export function startUrlSync(
  store: RaceStore,
  target: UrlTarget = window,
  { delay = 400, maxDelay = 800 } = {},
): UrlSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChange = 0;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = shareUrl(store.getState(), target.location.href);
    if (next !== target.location.href) target.history.replaceState(target.history.state, '', next);
    return next;
  };
  const changed = (s: RaceState, prev: RaceState) => SHARED_FIELDS.some((k) => s[k] !== prev[k]);
  const unsubscribe = store.subscribe((s, prev) => {
    if (!changed(s, prev)) return;
    const now = Date.now();
    if (timer === null) firstChange = now;
    else clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(delay, firstChange + maxDelay - now)));
  });
  // Leaving right after a change still leaves the right URL behind (for reload and history).
  const onPageHide = () => {
    if (timer !== null) flush();
  };
  target.addEventListener?.('pagehide', onPageHide);

  return {
    flush,
    stop() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      target.removeEventListener?.('pagehide', onPageHide);
    },
  };
}
