import type { Language } from '../i18n';
import type { RaceStore } from './race-store';
import { encodeState, LINK_VERSION, MAX_LINK_CHARS } from './share-link';
import { opensLink, readInitialParams, type InitialParams } from './url-params';
import { whenLinkChanges } from './url-sync';

/**
 * The last session, remembered in the browser for the next visit: the race and how it is shown,
 * stored as the very text of a shared link (`<version>.<payload>`, see share-link) and read back
 * through the same decoder. The stored text is untrusted input like a link, with one difference:
 * an entry of another version, too long, or with any part that cannot be read is ignored as a
 * whole, so the page opens with the defaults rather than half of a session. Nothing leaves the
 * machine: the entry lives in localStorage only.
 */

/** The remembered session: link text. */
export const SESSION_KEY = 'optimizer-race.session';
/** The language last chosen (kept apart from the session: a reset keeps it). */
export const LANGUAGE_KEY = 'optimizer-race.language';

/** The part of Web Storage used here (localStorage in the page, a stand-in in tests). */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where the page may not use it (some private modes throw on access). */
export function browserStorage(): SessionStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Storage may throw on any call (private mode, quota, a blocked origin): then nothing is
// remembered, silently.
function read(storage: SessionStorage | null, key: string): string | null {
  try {
    const value = storage?.getItem(key);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
function remove(storage: SessionStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
function write(storage: SessionStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or refused: rather no session than an older one passed off as the last.
    remove(storage, key);
  }
}

/** The language last chosen, if any was (checked by the caller). */
export function rememberedLanguage(storage: SessionStorage | null): string | null {
  return read(storage, LANGUAGE_KEY);
}

export function rememberLanguage(storage: SessionStorage | null, language: Language): void {
  write(storage, LANGUAGE_KEY, language);
}

/**
 * The remembered session's link text when it is one this version reads: written by this link
 * version and within the link's length cap (checked before anything is decompressed).
 */
function savedLink(storage: SessionStorage | null): string | null {
  const text = read(storage, SESSION_KEY);
  if (text === null || text.length > MAX_LINK_CHARS) return null;
  return text.startsWith(`${LINK_VERSION}.`) ? text : null;
}

/**
 * What the page opens with. A link in the address bar (`?s=` or any plain race parameter) alone
 * decides, as it does for anyone who opens it. Otherwise the remembered session, read exactly as
 * a link, with the address's `?paused=1` and `?present=1` over it; its language is left to the
 * language last chosen. A session with any part that cannot be read is ignored: the defaults
 * open, with no notice (the user did nothing wrong).
 */
export function readStartParams(
  search: string,
  storage: SessionStorage | null,
): { initial: InitialParams; restored: boolean } {
  const saved = opensLink(search) ? null : savedLink(storage);
  // The stored session is judged alone (a typo in the address's ?palette= must not discard it);
  // the address's own parameters then apply over it, with their own notices.
  if (saved !== null && readInitialParams(`?s=${saved}`).notices.length === 0) {
    const params = new URLSearchParams(search);
    params.set('s', saved);
    const initial = readInitialParams(params.toString());
    return { initial: { ...initial, language: null }, restored: true };
  }
  return { initial: readInitialParams(search), restored: false };
}

/** Remembers the session as it changes (see {@link startSessionSave}). */
export interface SessionSave {
  /** Writes a change still waiting, now. */
  flush(): void;
  /** Forgets the remembered session, and the change waiting if any: the next visit opens the defaults. */
  forget(): void;
  stop(): void;
}

/** Where the page signals that it is going away: the window, or nothing in tests. */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

/**
 * Writes the session `delay` ms after a change to anything a link carries (at most `maxDelay` ms
 * after the first change of a burst), and at once when the page is hidden or left. Playing the
 * race changes nothing a link carries, so a running race writes nothing. Only a session that
 * differs from what this page opened with or last wrote is written: a page opened from a link
 * and left untouched does not replace the session. Two tabs each write their whole session, so
 * the entry is always one tab's last, never a mix.
 */
export function startSessionSave(
  store: RaceStore,
  storage: SessionStorage | null,
  page: PageEvents | null = null,
  { delay = 1000, maxDelay = 3000 } = {},
): SessionSave {
  let written = encodeState(store.getState());
  const save = () => {
    const next = encodeState(store.getState());
    if (next === written) return;
    written = next;
    // A session too long to be read back is not kept (nor an older one in its place).
    if (next.length > MAX_LINK_CHARS) remove(storage, SESSION_KEY);
    else write(storage, SESSION_KEY, next);
  };
  const pending = whenLinkChanges(store, save, { delay, maxDelay });
  const onHide = () => pending.flush();
  const onVisibility = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') pending.flush();
  };
  page?.addEventListener('pagehide', onHide);
  page?.addEventListener('visibilitychange', onVisibility);
  return {
    flush: pending.flush,
    forget() {
      pending.cancel();
      written = encodeState(store.getState());
      remove(storage, SESSION_KEY);
    },
    stop() {
      pending.stop();
      page?.removeEventListener('pagehide', onHide);
      page?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
