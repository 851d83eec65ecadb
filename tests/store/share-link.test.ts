import fc from 'fast-check';
import LZString from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HYPERPARAMETERS,
  inDomain,
  isSpecError,
  makeOptimizerSpec,
  OPTIMIZER_KINDS,
  stepRace,
  type OptimizerSpec,
} from '../../src/core';
import { dictionary, type Notice } from '../../src/i18n';
import type { RaceState, RaceStore } from '../../src/store/race-store';
import {
  decodeState,
  encodeState,
  MAX_LINK_CHARS,
  MAX_RUNNERS,
  readPayload,
} from '../../src/store/share-link';
import { createStoreFromParams, readInitialParams } from '../../src/store/url-params';
import { shareSearch, startUrlSync, type UrlTarget } from '../../src/store/url-sync';

/** A payload as a link would carry it, for hand-made (and hostile) links. */
const link = (payload: unknown, version = 1) =>
  `${version}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;

/** Opens `search` the way the page does (English unless the URL says otherwise). */
const open = (search: string) => createStoreFromParams(readInitialParams(search), 'en');
const openLink = (s: string) => open(`?s=${encodeURIComponent(s)}`);

/** What a link must bring back; runner ids become positions, since a new page renumbers them. */
function shared(s: RaceState) {
  const position = (id: number) => s.runners.findIndex((r) => r.id === id);
  return {
    landscape: {
      id: s.landscape.id,
      formula: s.landscape.formula,
      domain: s.landscape.domain,
      start: s.landscape.start,
    },
    functionInput: s.functionInput,
    start: s.start,
    runners: s.runners.map(({ id: _, ...r }) => r),
    shake: s.shake,
    layout: s.layout,
    panes: s.panes.map((p) => p.map(position)),
    scene: s.scene,
    language: s.language,
    view: [s.speed, s.verticalScale, s.wireframe, s.showTopView],
    selected: position(s.selectedRunner),
  };
}

/** Every hyperparameter of `kind` moved off its default (inside its range). */
function unusual(kind: OptimizerSpec['kind']): OptimizerSpec {
  const values: Record<string, number | boolean> = {};
  for (const h of HYPERPARAMETERS[kind]) {
    if (h.type === 'boolean') values[h.key] = !h.default;
    else if (h.key === 'lr') values[h.key] = 0.0123456789;
    else values[h.key] = h.key === 'weight_decay' ? 0.0375 : 0.8765;
  }
  const spec = makeOptimizerSpec(kind, values);
  if (isSpecError(spec)) throw new Error(spec.message);
  return spec;
}

/** A race with something unusual in every part a link carries. */
function richStore(): RaceStore {
  const store = open('?landscape=rosenbrock');
  const s = () => store.getState();
  s().setFunction('sin(x) * cos(y) + 0.1 * (x^2 + y^2)', {
    xMin: -4,
    xMax: 4,
    yMin: -2.5,
    yMax: 3,
  });
  s().setStart(1.25, -0.75);
  for (const kind of OPTIMIZER_KINDS) s().addRunner(kind);
  // The lecture's first runner goes, so ids no longer match positions.
  s().removeRunner(s().runners[0]!.id);
  for (const [i, r] of s().runners.entries())
    s().updateRunner(r.id, {
      optimizer: unusual(r.optimizer.kind),
      label: i === 0 ? '<img src=x onerror=alert(1)> «Адам»' : `${r.label} ✓`,
      color: `#${(0x123456 + i * 0x111111).toString(16)}`,
      visible: i % 3 !== 1,
    });
  s().setShake({ sigma: 0.35, seed: 42 });
  const ids = s().runners.map((r) => r.id);
  s().setLayout('split');
  s().setPanes([[ids[3]!, ids[0]!], [ids[1]!], [ids[5]!, ids[7]!, ids[2]!]]);
  s().selectRunner(ids[4]!);
  s().setLanguage('ru');
  s().setSpeed(5);
  s().setVerticalScale(1.7);
  s().setWireframe(true);
  s().setShowTopView(false);
  return store;
}

function notices(search: string): Notice['key'][] {
  return readInitialParams(search).notices.map((n) => n.key);
}

/** A store a page can show: valid runners, a start in the domain, a race that steps. */
function expectUsable(store: RaceStore) {
  const s = store.getState();
  expect(inDomain(s.landscape.domain, s.start[0], s.start[1])).toBe(true);
  expect(s.runners.length).toBeLessThanOrEqual(MAX_RUNNERS);
  for (const r of s.runners) {
    expect(r.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(r.label.length).toBeLessThanOrEqual(40);
    const { kind, ...hp } = r.optimizer;
    expect(isSpecError(makeOptimizerSpec(kind, hp))).toBe(false);
  }
  expect(s.race.runners).toHaveLength(s.runners.length);
  for (const p of s.panes)
    for (const id of p) expect(s.runners.some((r) => r.id === id)).toBe(true);
  stepRace(s.race);
  // Every notice can be put into words in both languages.
  for (const n of s.notices)
    for (const lang of ['en', 'ru'] as const) {
      const message = dictionary(lang).notices[n.key] as (a: unknown) => string;
      expect(message(n.args)).toEqual(expect.any(String));
    }
}

describe('a shared link brings back the same race', () => {
  it('restores a typed function with its domain, every optimizer kind with non-default values, shake, split panes and language', () => {
    const original = richStore();
    const search = shareSearch(original.getState(), '');
    expect(search).toMatch(/^\?s=1\.[A-Za-z0-9+\-$]+$/);
    const reopened = open(search);
    expect(shared(reopened.getState())).toEqual(shared(original.getState()));
    expect(reopened.getState().notices).toEqual([]);
    expect(reopened.getState().landscape.id).toBe('custom');
    expect(new Set(reopened.getState().runners.map((r) => r.optimizer.kind))).toEqual(
      new Set(OPTIMIZER_KINDS),
    );
    // And the races run identically, step for step.
    const a = original.getState().race;
    const b = reopened.getState().race;
    for (let k = 0; k < 60; k++) {
      stepRace(a);
      stepRace(b);
    }
    expect(b.runners.map((r) => [...r.point])).toEqual(a.runners.map((r) => [...r.point]));
  });

  it('restores a scene, its caption id and a preset landscape', () => {
    const original = open('');
    original.getState().applyScene('bowl');
    original.getState().setLayout('split');
    const reopened = open(shareSearch(original.getState(), ''));
    expect(reopened.getState().scene).toBe('bowl');
    expect(shared(reopened.getState())).toEqual(shared(original.getState()));
  });

  it('keeps a typed function that does not parse in the function field, over the last good surface', () => {
    const original = open('?landscape=himmelblau');
    original.getState().setFunction('x^2 + (y', { xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    const reopened = open(shareSearch(original.getState(), ''));
    expect(shared(reopened.getState())).toEqual(shared(original.getState()));
    expect(reopened.getState().functionInput?.error?.column).toBeGreaterThan(0);
  });

  it('restores a custom surface that differs from the function being typed', () => {
    const original = open('');
    original.getState().setFunction('x^2 + 3*y^2');
    original.getState().setFunction('x^2 +* y');
    const reopened = open(shareSearch(original.getState(), ''));
    expect(shared(reopened.getState())).toEqual(shared(original.getState()));
  });

  it('fits the largest race (12 runners, 40-character labels, a 1000-character function) in the cap', () => {
    const store = open('');
    const s = () => store.getState();
    while (s().runners.length < MAX_RUNNERS) s().addRunner(OPTIMIZER_KINDS[s().runners.length % 7]);
    for (const r of s().runners)
      s().updateRunner(r.id, {
        label: `${r.id}`.padEnd(40, 'щ'),
        optimizer: unusual(r.optimizer.kind),
      });
    const text = Array.from({ length: 90 }, (_, i) => `sin(${i % 10}.${i}*x)`).join('+');
    s().setFunction(`${text}+x`.slice(0, 1000).replace(/\+$/, ''));
    const encoded = encodeState(s());
    expect(encoded.length).toBeLessThan(MAX_LINK_CHARS);
    expect(shared(openLink(encoded).getState())).toEqual(shared(s()));
  });
});

describe('plain parameters still work and win for their field', () => {
  const ru = () => {
    const store = open('?landscape=bowl&start=1,1');
    store.getState().setLanguage('ru');
    return encodeState(store.getState());
  };

  it('?lang= wins over the language in the link', () => {
    expect(open(`?s=${ru()}`).getState().language).toBe('ru');
    expect(open(`?s=${ru()}&lang=en`).getState().language).toBe('en');
  });

  it('?landscape= replaces the landscape; a start from the link that does not fit is dropped with a notice', () => {
    const store = open(`?s=${ru()}&landscape=ravine`);
    expect(store.getState().landscape.id).toBe('ravine');
    expect(store.getState().start).toEqual([1, 1]);
    const far = open('?landscape=rosenbrock&start=-1.8,2.8');
    const moved = open(`?s=${encodeState(far.getState())}&landscape=bowl`);
    expect(moved.getState().landscape.id).toBe('bowl');
    expect(moved.getState().start).toEqual(moved.getState().landscape.start);
    expect(moved.getState().notices.map((n) => n.key)).toEqual(['startOutside']);
  });

  it('?start=, ?paused=1, ?layout=split and ?scene= apply over the link', () => {
    const store = open(`?s=${ru()}&start=-0.5,0.25&paused=1&layout=split`);
    expect(store.getState().start).toEqual([-0.5, 0.25]);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().layout).toBe('split');
    const scene = open(`?s=${ru()}&scene=bowl`).getState();
    expect(scene.scene).toBe('bowl');
    expect(scene.runners.map((r) => r.label)).toEqual(['SGD-momentum', 'RMSProp', 'Adam']);
    expect(scene.language).toBe('ru');
  });

  it('unknown plain values are reported, the rest of the link kept', () => {
    expect(notices(`?s=${ru()}&scene=nope&layout=grid&lang=fr`)).toEqual([
      'unknownScene',
      'linkPart',
      'linkPart',
    ]);
    expect(open(`?s=${ru()}&lang=fr`).getState().language).toBe('ru');
  });
});

describe('a damaged or hostile link opens with defaults for what could not be read, and a notice', () => {
  const good = {
    landscape: 'bowl',
    start: [0.5, -0.5],
    runners: [
      { kind: 'adam', hp: { lr: 0.05 }, label: 'A', color: '#112233', visible: true },
      { kind: 'sgd', hp: { lr: -1 }, label: 'B', color: '#445566' },
      { kind: 'rmsprop', hp: { alpha: 0.9 }, label: 'C', color: '#778899', visible: false },
    ],
    panes: [[0, 1], [2]],
    selected: 2,
  };

  it('drops one bad runner with a notice and keeps the others, their panes and the selection', () => {
    const [search, result] = [`?s=${link(good)}`, decodeState(link(good))];
    expect(result.notices).toEqual([{ key: 'badRunner', args: { position: 2, field: 'lr' } }]);
    const s = open(search).getState();
    expect(s.landscape.id).toBe('bowl');
    expect(s.start).toEqual([0.5, -0.5]);
    expect(s.runners.map((r) => [r.label, r.visible])).toEqual([
      ['A', true],
      ['C', false],
    ]);
    expect(s.runners[0]!.optimizer).toEqual({ ...defaults('adam'), lr: 0.05 });
    expect(s.panes).toEqual([[1], [2]]);
    expect(s.selectedRunner).toBe(2);
  });

  it('a function that does not parse stays in the function field with the parser error; the default preset is shown', () => {
    const result = decodeState(
      link({ landscape: 'custom', function: { text: 'x^2 + sin(', domain: [-2, 2, -1, 1] } }),
    );
    expect(result.notices.map((n) => n.key)).toEqual(['badFunction']);
    // The notice is told in the reader's language, like the error under the field.
    const notice = result.notices[0]!;
    expect(dictionary('ru').notices.badFunction(notice.args as never)).toMatch(/столбец \d+/);
    expect(dictionary('en').notices.badFunction(notice.args as never)).toMatch(/column \d+/);
    expect(result.setup.landscape).toBeUndefined();
    expect(result.setup.functionInput).toMatchObject({
      text: 'x^2 + sin(',
      domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 1 },
      error: { ok: false, column: expect.any(Number) },
    });
    const s = open(
      `?s=${link({ landscape: 'custom', function: { text: 'x^2 + sin(', domain: [-2, 2, -1, 1] } })}`,
    ).getState();
    expect(s.landscape.id).toBe('rosenbrock');
    expect(s.functionInput?.text).toBe('x^2 + sin(');
  });

  it.each([
    ['garbage', 'not a link at all'],
    ['no version', 'N4IgdghgtgpiBcIDCAlA'],
    ['an empty payload', '1.'],
    ['a payload that is not lz-string', '1.$$$$$$$$'],
    [
      'compressed text that is not JSON',
      `1.${LZString.compressToEncodedURIComponent('{"landscape": ')}`,
    ],
    ['JSON that is not an object', link([1, 2, 3])],
    ['JSON null', link(null)],
  ])('%s: the default race and "could not be read"', (_, text) => {
    const result = decodeState(text);
    expect(result.setup).toEqual({});
    expect(result.notices.map((n) => n.key)).toEqual(['linkUnreadable']);
    expectUsable(openLink(text));
  });

  it('a link cut off when copied still opens, with a notice', () => {
    const full = encodeState(richStore().getState());
    for (const n of [1, 2, 5, 20, full.length / 2, full.length - 3]) {
      const result = decodeState(full.slice(0, n));
      expect(result.notices.length).toBeGreaterThan(0);
      expectUsable(openLink(full.slice(0, n)));
    }
  });

  it('a link longer than the cap is refused before anything is decompressed', () => {
    const result = decodeState(`1.${'A'.repeat(1_000_000)}`);
    expect(result.notices).toEqual([
      { key: 'linkTooLong', args: { chars: 1_000_002, max: MAX_LINK_CHARS } },
    ]);
  });

  it('a small link that inflates to a huge payload is refused', () => {
    const text = link({ runners: Array.from({ length: 100_000 }, () => 0) });
    expect(text.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeState(text).notices.map((n) => n.key)).toEqual(['linkUnreadable']);
  });

  it('10⁶-element arrays are cut to the caps (12 runners), or refused where a part has a fixed size', () => {
    const huge = Array.from({ length: 1_000_000 }, () => ({
      kind: 'adam',
      label: 'x',
      color: '#000000',
    }));
    const read = readPayload({ runners: huge, panes: huge, start: huge, landscape: huge });
    expect(read?.setup.runners).toHaveLength(MAX_RUNNERS);
    expect(read?.notices.map((n) => n.key)).toEqual([
      'linkPart',
      'linkPart',
      'tooManyRunners',
      'linkPart',
    ]);
  });

  it('more than 12 runners: the first 12 are kept, with a notice', () => {
    const runners = Array.from({ length: 40 }, (_, i) => ({
      kind: 'adam',
      label: `R${i}`,
      color: '#000000',
    }));
    const result = decodeState(link({ runners }));
    expect(result.setup.runners).toHaveLength(MAX_RUNNERS);
    expect(result.notices).toEqual([{ key: 'tooManyRunners', args: { count: 40, max: 12 } }]);
  });

  it('neutralises __proto__ and constructor keys, script-like labels and javascript: colours', () => {
    const hostile = JSON.parse(`{
      "__proto__": { "polluted": true, "landscape": "himmelblau" },
      "constructor": { "prototype": { "polluted": true } },
      "landscape": "bowl",
      "runners": [
        { "kind": "adam", "hp": { "__proto__": { "polluted": true }, "lr": 0.02 },
          "label": "<script>alert(1)</script>", "color": "#aabbcc" },
        { "kind": "adam", "hp": { "constructor": 1 }, "label": "x", "color": "#aabbcc" },
        { "kind": "adam", "label": "x", "color": "javascript:alert(1)" },
        { "kind": "adam", "label": "x", "color": "#aabbcc;background:url(//evil)" },
        { "kind": "adam", "label": "x", "color": "red" },
        { "kind": "__proto__", "label": "x", "color": "#aabbcc" },
        { "kind": "adam", "hp": { "toString": 1 }, "label": "x", "color": "#aabbcc" },
        { "kind": "adam", "label": "${'x'.repeat(41)}", "color": "#aabbcc" },
        { "kind": "adam", "hp": { "lr": "0.1); alert(1" }, "label": "x", "color": "#aabbcc" }
      ],
      "scene": "__proto__",
      "language": "constructor"
    }`);
    const result = decodeState(link(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.setup)).toBe(Object.prototype);
    expect(result.setup.landscape?.id).toBe('bowl');
    // The script-like label is kept as plain text (React shows it escaped); the hostile keys vanish.
    expect(result.setup.runners).toEqual([
      {
        label: '<script>alert(1)</script>',
        color: '#aabbcc',
        visible: true,
        optimizer: { ...defaults('adam'), lr: 0.02 },
      },
      { label: 'x', color: '#aabbcc', visible: true, optimizer: defaults('adam') },
    ]);
    expect(result.notices.filter((n) => n.key === 'badRunner').map((n) => n.args)).toEqual([
      { position: 3, field: 'color' },
      { position: 4, field: 'color' },
      { position: 5, field: 'color' },
      { position: 6, field: 'kind' },
      { position: 7, field: 'toString' },
      { position: 8, field: 'label' },
      { position: 9, field: 'hp' },
    ]);
    expect(result.notices.filter((n) => n.key !== 'badRunner').map((n) => n.key)).toEqual([
      'unknownScene',
      'linkPart',
    ]);
    expectUsable(openLink(link(hostile)));
  });

  it('a link from another format version is read as far as it goes, with a notice', () => {
    const result = decodeState(link({ landscape: 'bowl', future: { anything: 1 } }, 7));
    expect(result.setup.landscape?.id).toBe('bowl');
    expect(result.notices).toEqual([{ key: 'linkVersion', args: { version: 7, current: 1 } }]);
  });

  it('each unreadable part gets its default and a notice, the others are kept', () => {
    const result = decodeState(
      link({
        landscape: 'bowl',
        start: ['a', 1],
        shake: { sigma: -1, seed: 1 },
        layout: 'grid',
        panes: 'all',
        language: 'fr',
        view: { speed: 1e9 },
        selected: -1,
        function: { text: 'x', domain: [1, 0, 0, 1] },
      }),
    );
    expect(result.setup.landscape?.id).toBe('bowl');
    expect(result.notices.map((n) => n.key === 'linkPart' && n.args.part).sort()).toEqual(
      ['function', 'language', 'layout', 'panes', 'selected', 'shake', 'start', 'view'].sort(),
    );
  });
});

/** Defaults of `kind` as makeOptimizerSpec gives them. */
function defaults(kind: OptimizerSpec['kind']) {
  return makeOptimizerSpec(kind) as OptimizerSpec;
}

describe('decoding never throws and always gives a usable race (fuzz)', { timeout: 60_000 }, () => {
  const valid = encodeState(richStore().getState());
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$. %\u0000é';
  const runs = { numRuns: 60 };

  it('random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (text) => {
        expectUsable(openLink(text));
        expectUsable(openLink(`1.${text}`));
      }),
      runs,
    );
  });

  it('random truncations of a valid link', () => {
    fc.assert(
      fc.property(fc.nat({ max: valid.length }), (n) => expectUsable(openLink(valid.slice(0, n)))),
      runs,
    );
  });

  it('random character flips in a valid link', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...alphabet)), {
          minLength: 1,
          maxLength: 6,
        }),
        (flips) => {
          const chars = [...valid];
          for (const [i, c] of flips) chars[i] = c;
          expectUsable(openLink(chars.join('')));
        },
      ),
      runs,
    );
  });

  it('random JSON shapes inside a valid compression', () => {
    const part = fc.jsonValue({ maxDepth: 3 });
    const runner = fc.record(
      {
        kind: fc.oneof(fc.constantFrom(...OPTIMIZER_KINDS), part),
        hp: fc.oneof(
          fc.dictionary(fc.constantFrom('lr', 'beta1', 'eps', 'ema', '__proto__'), part),
          part,
        ),
        label: part,
        color: fc.oneof(fc.constantFrom('#00ff00', '#ABCDEF'), part),
        visible: part,
      },
      { requiredKeys: [] },
    );
    const payload = fc.oneof(
      part,
      fc.record(
        {
          landscape: fc.oneof(fc.constantFrom('bowl', 'custom', 'ravine'), part),
          function: fc.oneof(
            fc.record({
              text: fc.constantFrom('x^2+y^2', 'x^', ''),
              domain: fc.array(fc.double(), { maxLength: 5 }),
            }),
            part,
          ),
          start: fc.oneof(fc.tuple(fc.double(), fc.double()), part),
          runners: fc.oneof(fc.array(runner, { maxLength: 14 }), part),
          shake: fc.oneof(fc.record({ sigma: fc.double(), seed: fc.integer() }), part),
          layout: fc.oneof(fc.constantFrom('split', 'overlay'), part),
          panes: fc.oneof(fc.array(fc.array(fc.integer({ min: -2, max: 14 }))), part),
          scene: fc.oneof(fc.constant('bowl'), part),
          language: fc.oneof(fc.constantFrom('ru', 'en'), part),
          view: part,
          selected: fc.oneof(fc.integer({ min: -1, max: 13 }), part),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(payload, fc.integer({ min: 0, max: 3 }), (p, version) =>
        expectUsable(openLink(link(p, version))),
      ),
      { numRuns: 80 },
    );
  });

  it('huge inputs', () => {
    for (const text of [
      'x'.repeat(1_000_000),
      `1.${'$'.repeat(MAX_LINK_CHARS - 2)}`,
      `1.${LZString.compressToEncodedURIComponent('['.repeat(19_000))}`,
    ])
      expectUsable(openLink(text));
  });
});

describe('the URL follows the race', () => {
  let target: UrlTarget & { writes: string[] };
  beforeEach(() => {
    vi.useFakeTimers();
    const writes: string[] = [];
    target = {
      writes,
      location: {
        href: 'http://lecture.test/race/?landscape=bowl&start=1,1&paused=1&view=softmax#top',
      },
      history: {
        state: null,
        replaceState(_data, _unused, url) {
          writes.push(url);
          target.location.href = url;
        },
      },
    };
  });
  afterEach(() => vi.useRealTimers());

  it('is rewritten once, 300–800 ms after a change, with ?s= replacing the plain parameters', () => {
    const store = open('?landscape=bowl&start=1,1&paused=1');
    const sync = startUrlSync(store, target);
    store.getState().setStart(0.5, 0.5);
    vi.advanceTimersByTime(299);
    expect(target.writes).toEqual([]);
    vi.advanceTimersByTime(501);
    expect(target.writes).toHaveLength(1);
    const url = new URL(target.writes[0]!);
    expect(url.pathname).toBe('/race/');
    expect(url.hash).toBe('#top');
    expect([...new URLSearchParams(url.search).keys()]).toEqual(['s', 'paused', 'view']);
    expect(open(url.search).getState().start).toEqual([0.5, 0.5]);
    sync.stop();
  });

  it('a burst of changes (a drag) writes about once per 800 ms, not once per change', () => {
    const store = open('?landscape=bowl');
    const sync = startUrlSync(store, target);
    for (let t = 0; t < 2000; t += 20) {
      store.getState().setStart(-1 + t / 2000, 0);
      vi.advanceTimersByTime(20);
    }
    expect(target.writes.length).toBeGreaterThanOrEqual(2);
    expect(target.writes.length).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(1000);
    expect(open(new URL(target.location.href).search).getState().start).toEqual(
      store.getState().start,
    );
    sync.stop();
  });

  it('playing the race does not touch the URL', () => {
    const store = open('?landscape=bowl');
    const sync = startUrlSync(store, target);
    for (let f = 0; f < 600; f++) store.getState().tick(1 / 60);
    store.getState().pause();
    vi.advanceTimersByTime(2000);
    expect(target.writes).toEqual([]);
    sync.stop();
  });

  it('flush() writes a pending change at once and returns the share URL', () => {
    const store = open('?landscape=bowl');
    const sync = startUrlSync(store, target);
    store.getState().setLanguage('ru');
    const url = sync.flush();
    expect(target.writes).toEqual([url]);
    expect(open(new URL(url).search).getState().language).toBe('ru');
    vi.advanceTimersByTime(2000);
    expect(target.writes).toHaveLength(1);
    sync.stop();
  });
});
