import type { RaceState, RaceStore } from './race-store';
import { encodeState, type ShareableState } from './share-link';
import { LINKED_VIEW_PARAMS, SHARED_PARAMS } from './url-params';

/**
 * The store fields a link carries: a change to any of them rewrites the URL (and the remembered
 * session). Keyed by every field of ShareableState, so a field added there must be listed here.
 */
const LINK_FIELDS: Record<keyof ShareableState, true> = {
  landscape: true,
  functionInput: true,
  start: true,
  runners: true,
  shake: true,
  batch: true,
  layout: true,
  panes: true,
  scene: true,
  language: true,
  speed: true,
  verticalScale: true,
  wireframe: true,
  showTopView: true,
  batchSurface: true,
  selectedRunner: true,
  swarmOn: true,
  swarmSize: true,
  basinsOn: true,
  basinsK: true,
  palette: true,
};
const SHARED_FIELDS = Object.keys(LINK_FIELDS) as (keyof ShareableState)[];

/** True when something a link carries differs between two states (the race's steps do not count). */
export function linkChanged(s: RaceState, prev: RaceState): boolean {
  return SHARED_FIELDS.some((k) => s[k] !== prev[k]);
}

/** A write that waits for a burst of changes to settle (see {@link whenLinkChanges}). */
export interface PendingWrite {
  /** Writes now if a write is waiting. */
  flush(): void;
  /** Drops the write waiting, if any. */
  cancel(): void;
  stop(): void;
}

/**
 * Calls `write` `delay` ms after the last change to what a link carries, and at most `maxDelay`
 * ms after the first change of a burst (so a long drag still gets written). Playing the race
 * changes nothing a link carries, so it never wakes this up.
 */
export function whenLinkChanges(
  store: RaceStore,
  write: () => void,
  { delay, maxDelay }: { delay: number; maxDelay: number },
): PendingWrite {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChange = 0;
  const run = () => {
    timer = null;
    write();
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (!linkChanged(s, prev)) return;
    const now = Date.now();
    if (timer === null) firstChange = now;
    else clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(delay, firstChange + maxDelay - now)));
  });
  return {
    flush() {
      if (timer === null) return;
      cancel();
      write();
    },
    cancel,
    stop() {
      unsubscribe();
      cancel();
    },
  };
}

/**
 * The query string for `state`: `?s=<link>` first, then whatever else the page had (`paused`,
 * `view`, unknown ones) minus the plain parameters the link stands for.
 */
export function shareSearch(state: ShareableState, search: string): string {
  const params = new URLSearchParams(search);
  for (const name of [...SHARED_PARAMS, ...LINKED_VIEW_PARAMS]) params.delete(name);
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
  /** Takes the link out of the address bar (the page's plain address) and drops a pending write. */
  clear(): void;
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
  const replace = (next: string) => {
    if (next !== target.location.href) target.history.replaceState(target.history.state, '', next);
  };
  const write = () => replace(shareUrl(store.getState(), target.location.href));
  const pending = whenLinkChanges(store, write, { delay, maxDelay });
  // Leaving right after a change still leaves the right URL behind (for reload and history).
  const onPageHide = () => pending.flush();
  target.addEventListener?.('pagehide', onPageHide);

  return {
    flush() {
      pending.cancel();
      const next = shareUrl(store.getState(), target.location.href);
      replace(next);
      return next;
    },
    clear() {
      pending.cancel();
      const url = new URL(target.location.href);
      const params = new URLSearchParams(url.search);
      for (const name of [...SHARED_PARAMS, ...LINKED_VIEW_PARAMS]) params.delete(name);
      const rest = params.toString();
      url.search = rest ? `?${rest}` : '';
      replace(url.toString());
    },
    stop() {
      pending.stop();
      target.removeEventListener?.('pagehide', onPageHide);
    },
  };
}
