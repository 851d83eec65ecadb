import { describe, expect, it } from 'vitest';
import { LECTURE_COLORS, PALETTES } from '../../src/core';
import { encodeState } from '../../src/store/share-link';
import { shareSearch } from '../../src/store/url-sync';
import { createStoreFromParams, opensLink, readInitialParams } from '../../src/store/url-params';

const open = (search: string) => createStoreFromParams(readInitialParams(search), 'en');
const colors = (s: { runners: { color: string }[] }) => s.runners.map((r) => r.color);
const CB = PALETTES.colorblind;

describe('the colour palette', () => {
  it('opens in the lecture colours and swaps every runner to its colour-blind counterpart and back', () => {
    const store = open('');
    const lecture = [LECTURE_COLORS.momentum, LECTURE_COLORS.rmsprop, LECTURE_COLORS.adam];
    expect(store.getState().palette).toBe('lecture');
    expect(colors(store.getState())).toEqual(lecture);
    for (let i = 0; i < 10; i++) store.getState().tick(1 / 60);
    const race = store.getState().race;
    store.getState().setPalette('colorblind');
    expect(colors(store.getState())).toEqual(CB.slice(0, 3));
    // Only colours change: the race goes on where it was.
    expect(store.getState().race).toBe(race);
    // …and what draws from the race (top view, loss chart, clips) sees the new colours.
    expect(race.runners.map((r) => r.spec.color)).toEqual(CB.slice(0, 3));
    store.getState().setPalette('lecture');
    expect(colors(store.getState())).toEqual(lecture);
  });

  it('keeps a colour the user picked, and gives new runners the next colour of the active palette', () => {
    const store = open('?palette=colorblind');
    expect(colors(store.getState())).toEqual(CB.slice(0, 3));
    store.getState().updateRunner(store.getState().runners[1]!.id, { color: '#123456' });
    const a = store.getState().addRunner('sgd')!;
    const b = store.getState().addRunner('adam')!;
    const color = (id: number) => store.getState().runners.find((r) => r.id === id)!.color;
    expect([color(a), color(b)]).toEqual([CB[3], CB[4]]);
    store.getState().setPalette('lecture');
    expect(colors(store.getState())).toEqual([
      LECTURE_COLORS.momentum,
      '#123456',
      LECTURE_COLORS.adam,
      PALETTES.lecture[3],
      PALETTES.lecture[4],
    ]);
  });

  it('dresses a scene opened in the colour-blind palette in that palette', () => {
    const store = open('?palette=colorblind');
    store.getState().applyScene('bag-gentle-shake');
    const scene = store.getState().runners;
    expect(scene.length).toBeGreaterThan(1);
    for (const c of colors(store.getState())) expect(CB).toContain(c);
  });

  it('travels in links; ?palette= alone is not a link and leaves the address bar once written', () => {
    const store = open('?palette=colorblind');
    const back = open(`?s=${encodeState(store.getState())}`).getState();
    expect(back.palette).toBe('colorblind');
    expect(colors(back)).toEqual(CB.slice(0, 3));
    // A lecture-palette link carries no palette and opens in the lecture colours.
    store.getState().setPalette('lecture');
    expect(open(`?s=${encodeState(store.getState())}`).getState().palette).toBe('lecture');
    expect(opensLink('?palette=colorblind')).toBe(false);
    // ?palette=lecture over a colour-blind link: the lecture's colours, not just the select.
    store.getState().setPalette('colorblind');
    const over = open(`?s=${encodeState(store.getState())}&palette=lecture`).getState();
    expect(over.palette).toBe('lecture');
    expect(colors(over)).toEqual(PALETTES.lecture.slice(0, 3));
    expect(over.race.runners.map((r) => r.spec.color)).toEqual(PALETTES.lecture.slice(0, 3));
    expect(shareSearch(store.getState(), '?palette=colorblind&paused=1')).not.toContain('palette');
  });

  it('refuses an unknown palette with a notice, losing nothing else', () => {
    const store = open('?palette=neon&landscape=himmelblau');
    expect(store.getState().palette).toBe('lecture');
    expect(store.getState().landscape.id).toBe('himmelblau');
    expect(store.getState().notices.some((n) => n.key === 'linkPart')).toBe(true);
  });
});
