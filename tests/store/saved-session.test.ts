import LZString from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataLandscape, stepRace } from '../../src/core';
import type { RaceStore } from '../../src/store/race-store';
import {
  LANGUAGE_KEY,
  readStartParams,
  rememberedLanguage,
  SESSION_KEY,
  startSessionSave,
  type SessionStorage,
} from '../../src/store/saved-session';
import { resetToDefaults } from '../../src/store/session-reset';
import { encodeState, MAX_LINK_CHARS } from '../../src/store/share-link';
import { createStoreFromParams, readInitialParams } from '../../src/store/url-params';

/** localStorage as a Map, counting writes; `fail` makes every call throw as a private mode may. */
class FakeStorage implements SessionStorage {
  items = new Map<string, string>();
  writes = 0;
  fail: 'none' | 'all' | 'quota' = 'none';
  getItem(key: string) {
    if (this.fail === 'all') throw new DOMException('denied', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.fail !== 'none') throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    if (this.fail === 'all') throw new DOMException('denied', 'SecurityError');
    this.items.delete(key);
  }
}

/** Opens the page at `search` with `storage` as it would on a visit (English). */
function visit(search: string, storage: SessionStorage | null) {
  const { initial, restored } = readStartParams(search, storage);
  return { store: createStoreFromParams(initial, 'en'), restored };
}
/** What a page opens with when nothing is remembered and the address has no link. */
const defaults = () => encodeState(createStoreFromParams(readInitialParams(''), 'en').getState());

/** A session with something off its default in every part a user can set. */
function setUpEverything(store: RaceStore) {
  const s = () => store.getState();
  s().setFunction('sin(x) * cos(y) + 0.1 * (x^2 + y^2)', { xMin: -4, xMax: 4, yMin: -3, yMax: 3 });
  s().setStart(1.5, -1);
  const adam = s().runners.find((r) => r.optimizer.kind === 'adam')!;
  s().updateRunner(adam.id, {
    optimizer: { ...adam.optimizer, lr: 0.0421 },
    schedule: { kind: 'step', step_size: 50, gamma: 0.5 },
  });
  s().updateRunner(s().runners[0]!.id, { color: '#123abc', label: 'mine', visible: false });
  s().addRunner('nesterov');
  s().setShake({ sigma: 0.2, seed: 7 });
  s().setLayout('split');
  s().selectRunner(s().runners[2]!.id);
  s().setSpeed(120);
  s().setVerticalScale(1.6);
  s().setWireframe(true);
  s().setShowTopView(false);
  s().setPalette('colorblind');
}

describe('the last session comes back on the next visit', () => {
  let storage: FakeStorage;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new FakeStorage();
  });
  afterEach(() => vi.useRealTimers());

  it('a typed function, runners with their learning rates, schedules, colours and visibility, and the view', () => {
    const { store } = visit('', storage);
    const save = startSessionSave(store, storage);
    setUpEverything(store);
    expect(storage.items.has(SESSION_KEY)).toBe(false);
    vi.advanceTimersByTime(3000);
    save.stop();

    const { store: next, restored } = visit('', storage);
    expect(restored).toBe(true);
    const s = next.getState();
    expect(encodeState(s)).toBe(encodeState(store.getState()));
    expect(s.landscape.formula).toBe('sin(x) * cos(y) + 0.1 * (x^2 + y^2)');
    expect(s.functionInput?.domain).toEqual({ xMin: -4, xMax: 4, yMin: -3, yMax: 3 });
    expect(s.start).toEqual([1.5, -1]);
    const adam = s.runners.find((r) => r.optimizer.kind === 'adam')!;
    expect(adam.optimizer.lr).toBe(0.0421);
    expect(adam.schedule).toEqual({ kind: 'step', step_size: 50, gamma: 0.5 });
    expect(s.runners[0]).toMatchObject({ color: '#123abc', label: 'mine', visible: false });
    expect(s.runners.map((r) => r.optimizer.kind)).toContain('nesterov');
    expect(s.shake).toEqual({ sigma: 0.2, seed: 7 });
    expect([s.layout, s.selectedRunner]).toEqual(['split', s.runners[2]!.id]);
    expect([s.speed, s.verticalScale, s.wireframe, s.showTopView]).toEqual([120, 1.6, true, false]);
    expect(s.palette).toBe('colorblind');
    expect(s.notices).toEqual([]);
    // And the restored race runs exactly as the one left behind.
    const a = store.getState();
    a.reset();
    for (let k = 0; k < 40; k++) {
      stepRace(a.race);
      stepRace(s.race);
    }
    expect(s.race.runners.map((r) => [...r.point])).toEqual(
      a.race.runners.map((r) => [...r.point]),
    );
  });

  it('a dataset in raw units with batch sizes', () => {
    const { store } = visit('?data=penguins-mass&raw=1', storage);
    const save = startSessionSave(store, storage);
    store.getState().setBatch(16);
    store.getState().updateRunner(store.getState().runners[1]!.id, { batch: 4 });
    vi.advanceTimersByTime(3000);
    save.stop();
    const s = visit('', storage).store.getState();
    expect(s.landscape).toBe(dataLandscape('penguins-mass', false));
    expect(s.batch).toBe(16);
    expect(s.runners[1]!.batch).toBe(4);
  });

  it('is written a second after a change, not per frame: a playing race writes nothing', () => {
    const { store } = visit('', storage);
    const save = startSessionSave(store, storage);
    for (let f = 0; f < 600; f++) store.getState().tick(1 / 60);
    vi.advanceTimersByTime(5000);
    expect(storage.writes).toBe(0);
    // A drag of the start: 100 changes in 2 s, a write every few seconds at most.
    for (let t = 0; t < 2000; t += 20) {
      store.getState().setStart(-1 + t / 2000, 0.5);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBeGreaterThanOrEqual(1);
    expect(storage.writes).toBeLessThanOrEqual(2);
    expect(visit('', storage).store.getState().start).toEqual(store.getState().start);
    save.stop();
  });

  it('a change still waiting is written when the page is left', () => {
    const { store } = visit('', storage);
    const listeners = new Map<string, () => void>();
    const save = startSessionSave(store, storage, {
      addEventListener: (type, f) => listeners.set(type, f),
      removeEventListener: (type) => listeners.delete(type),
    });
    store.getState().setWireframe(true);
    listeners.get('pagehide')!();
    expect(visit('', storage).store.getState().wireframe).toBe(true);
    save.stop();
    expect(listeners.size).toBe(0);
  });

  it('the language: the one last chosen (as stored before sessions existed) wins over the session’s', () => {
    storage.items.set(LANGUAGE_KEY, 'ru');
    const { store } = visit('?lang=en', storage);
    const save = startSessionSave(store, storage);
    store.getState().setWireframe(true);
    save.flush();
    expect(rememberedLanguage(storage)).toBe('ru');
    expect(readStartParams('', storage).initial.language).toBeNull();
  });
});

describe('a link in the address bar wins over the remembered session', () => {
  let storage: FakeStorage;
  /** A remembered session on Beale's function with a wireframe. */
  beforeEach(() => {
    storage = new FakeStorage();
    const { store } = visit('?landscape=beale', storage);
    store.getState().setWireframe(true);
    storage.items.set(SESSION_KEY, encodeState(store.getState()));
  });

  it('?s= opens the link’s race, not the session', () => {
    const link = createStoreFromParams(readInitialParams('?landscape=himmelblau'), 'en');
    link.getState().setVerticalScale(2.5);
    const { store, restored } = visit(`?s=${encodeState(link.getState())}`, storage);
    expect(restored).toBe(false);
    expect(store.getState().landscape.id).toBe('himmelblau');
    expect([store.getState().verticalScale, store.getState().wireframe]).toEqual([2.5, false]);
  });

  it('plain race parameters open their race as anyone else sees it', () => {
    for (const search of [
      '?landscape=bowl',
      '?scene=bowl',
      '?lang=ru',
      '?swarm=50',
      '?data=penguins-mass',
    ]) {
      const { store, restored } = visit(search, storage);
      expect(restored, search).toBe(false);
      expect(store.getState().wireframe, search).toBe(false);
      expect(store.getState().landscape.id, search).not.toBe('beale');
    }
  });

  it('?paused=1, ?present=1 and ?palette= only say how the session opens', () => {
    const { store, restored } = visit('?paused=1&present=1&palette=colorblind', storage);
    expect(restored).toBe(true);
    const s = store.getState();
    expect([s.landscape.id, s.wireframe]).toEqual(['beale', true]);
    expect([s.playing, s.presenting, s.palette]).toEqual([false, true, 'colorblind']);
  });

  it('a page opened from a link and left untouched does not replace the session', async () => {
    vi.useFakeTimers();
    const saved = storage.items.get(SESSION_KEY);
    // A typed function: its minima arrive after the page opens, which changes nothing a user set.
    const typed = createStoreFromParams(readInitialParams(''), 'en');
    typed.getState().setFunction('(x - 1)^2 + (y + 0.5)^2 + 0.3 * sin(3 * x)');
    const { store } = visit(`?s=${encodeState(typed.getState())}`, storage);
    const save = startSessionSave(store, storage);
    const opened = store.getState().landscape;
    await Promise.resolve();
    expect(store.getState().landscape).not.toBe(opened);
    for (let f = 0; f < 120; f++) store.getState().tick(1 / 60);
    vi.advanceTimersByTime(5000);
    save.flush();
    expect(storage.writes).toBe(0);
    expect(storage.items.get(SESSION_KEY)).toBe(saved);
    // Once it is worked on, it is the last session.
    store.getState().setShowTopView(false);
    vi.advanceTimersByTime(5000);
    expect(visit('', storage).store.getState().landscape.id).toBe('custom');
    save.stop();
    vi.useRealTimers();
  });
});

describe('a damaged, foreign, old or oversized entry is ignored: the defaults open, with no notice', () => {
  const valid = () => {
    const store = createStoreFromParams(readInitialParams('?landscape=beale'), 'en');
    store.getState().setWireframe(true);
    return encodeState(store.getState());
  };
  const payload = (text: string) => text.slice(text.indexOf('.') + 1);
  const wire = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));
  const entries: Record<string, () => string> = {
    'random text': () => 'not a session at all',
    'another app’s JSON': () => JSON.stringify({ theme: 'dark', items: [1, 2, 3] }),
    'an empty string': () => '',
    'an older version': () => `0.${payload(valid())}`,
    'a newer version': () => `2.${payload(valid())}`,
    'cut off': () => valid().slice(0, 30),
    'one bad runner among good ones': () =>
      `1.${wire({ landscape: 'beale', runners: [{ kind: 'adam', label: 'a', color: 'red' }] })}`,
    'an unknown landscape': () => `1.${wire({ landscape: 'no-such-landscape' })}`,
    'a function that does not parse': () =>
      `1.${wire({ landscape: { function: 'x^2 + (y', domain: [-1, 1, -1, 1] } })}`,
    'a JSON array': () => `1.${wire([1, 2, 3])}`,
    'longer than a link may be': () => `1.${'A'.repeat(MAX_LINK_CHARS)}`,
    'megabytes of it': () => `1.${'Ab'.repeat(2_000_000)}`,
  };
  for (const [what, entry] of Object.entries(entries))
    it(what, () => {
      const storage = new FakeStorage();
      storage.items.set(SESSION_KEY, entry());
      const { store, restored } = visit('', storage);
      expect(restored).toBe(false);
      expect(encodeState(store.getState())).toBe(defaults());
      expect(store.getState().notices).toEqual([]);
    });

  it('the valid entry the cases above are made from is read (so they test what they say)', () => {
    const storage = new FakeStorage();
    storage.items.set(SESSION_KEY, valid());
    expect(visit('', storage).store.getState().landscape.id).toBe('beale');
  });

  it('megabytes are refused before anything is decompressed', () => {
    const storage = new FakeStorage();
    storage.items.set(SESSION_KEY, `1.${'Ab'.repeat(2_000_000)}`);
    const decompress = vi.spyOn(LZString, 'decompressFromEncodedURIComponent');
    readStartParams('', storage);
    expect(decompress).not.toHaveBeenCalled();
    decompress.mockRestore();
  });
});

describe('storage that refuses (private mode, a full quota) costs nothing but the memory', () => {
  it('reading throws: the defaults open', () => {
    const storage = new FakeStorage();
    storage.items.set(SESSION_KEY, 'x');
    storage.fail = 'all';
    expect(() => visit('', storage)).not.toThrow();
    expect(encodeState(visit('', storage).store.getState())).toBe(defaults());
    expect(rememberedLanguage(storage)).toBeNull();
  });

  it('writing throws: the race goes on, and no older session is left to pass for the last', () => {
    vi.useFakeTimers();
    const storage = new FakeStorage();
    const { store } = visit('', storage);
    store.getState().setWireframe(true);
    storage.items.set(SESSION_KEY, encodeState(store.getState()));
    const save = startSessionSave(store, storage);
    storage.fail = 'quota';
    store.getState().setVerticalScale(2);
    expect(() => vi.advanceTimersByTime(3000)).not.toThrow();
    expect(storage.items.has(SESSION_KEY)).toBe(false);
    save.stop();
    vi.useRealTimers();
  });

  it('no storage at all', () => {
    const { store, restored } = visit('', null);
    expect(restored).toBe(false);
    const save = startSessionSave(store, null);
    store.getState().setWireframe(true);
    expect(() => save.flush()).not.toThrow();
  });
});

describe('reset to defaults', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts back the default race and view, forgets the session, and a reload opens the defaults', () => {
    const storage = new FakeStorage();
    const { store } = visit('', storage);
    const save = startSessionSave(store, storage);
    setUpEverything(store);
    // Small, as they run inline here.
    store.getState().setSwarmSize(4);
    store.getState().setSwarm(true);
    store.getState().setBasinsK(8);
    store.getState().setBasins(true);
    store.getState().setLanguage('ru');
    store.getState().setPresenting(true);
    vi.advanceTimersByTime(3000);
    expect(storage.items.has(SESSION_KEY)).toBe(true);

    resetToDefaults(store);
    save.forget();
    const s = store.getState();
    const fresh = createStoreFromParams(readInitialParams(''), 'ru').getState();
    expect(encodeState(s)).toBe(encodeState(fresh));
    expect(s.landscape.id).toBe('rosenbrock');
    expect(s.runners.map(({ label, color }) => ({ label, color }))).toEqual(
      fresh.runners.map(({ label, color }) => ({ label, color })),
    );
    expect([s.palette, s.wireframe, s.swarmOn, s.basinsOn, s.functionInput]).toEqual([
      'lecture',
      false,
      false,
      false,
      null,
    ]);
    // The race starts over and plays; the language and presenter mode are left as they were.
    expect([s.race.step, s.playing, s.language, s.presenting]).toEqual([0, true, 'ru', true]);
    stepRace(s.race);
    expect(s.race.runners.every((r) => Number.isFinite(r.point[0]))).toBe(true);

    vi.advanceTimersByTime(5000);
    expect(storage.items.has(SESSION_KEY)).toBe(false);
    expect(encodeState(visit('', storage).store.getState())).toBe(defaults());
    // The next change is remembered again.
    store.getState().setWireframe(true);
    vi.advanceTimersByTime(3000);
    expect(visit('', storage).store.getState().wireframe).toBe(true);
    save.stop();
  });
});
