import { describe, expect, it } from 'vitest';
import { dataLandscape, getPresetLandscape, stepRace } from '../../src/core';
import { decodeState, encodeState, readPayload } from '../../src/store/share-link';
import { createRaceStore } from '../../src/store/race-store';
import { createStoreFromParams, readInitialParams } from '../../src/store/url-params';

const open = (search: string) => createStoreFromParams(readInitialParams(search), 'en');

describe('the store on real data', () => {
  it('?data=, ?raw=1 and ?batch= open a dataset in raw units with a default batch size', () => {
    const store = open('?data=penguins-species&raw=1&batch=8');
    const s = store.getState();
    expect(s.landscape.id).toBe('penguins-species');
    expect(s.landscape.data?.standardized).toBe(false);
    expect(s.batch).toBe(8);
    expect(s.race.runners.every((r) => r.sampler?.batch === 8)).toBe(true);
    expect(s.notices).toEqual([]);
  });

  it('a bad ?data= or ?batch= falls back with a notice and loses nothing else', () => {
    const s = open('?data=penguins-height&batch=0&lang=ru').getState();
    expect(s.landscape.id).toBe('rosenbrock');
    expect(s.language).toBe('ru');
    expect(s.notices.map((n) => n.key)).toEqual(['unknownLandscape', 'linkPart']);
    const over = open('?data=penguins-mass&batch=400').getState();
    expect(over.batch).toBeNull();
    expect(over.notices.map((n) => n.key)).toEqual(['linkPart']);
  });

  it('a runner’s new batch size takes effect as the race goes on; a schedule restarts the race', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-mass') });
    const [first, second] = store.getState().runners;
    const before = store.getState().race;
    for (let k = 0; k < 5; k++) stepRace(before);
    const others = [...before.runners[1]!.point];
    store.getState().updateRunner(first!.id, { batch: 1 });
    const race = store.getState().race;
    expect(race).toBe(before);
    expect(race.step).toBe(5);
    expect(race.runners[0]!.sampler!.batch).toBe(1);
    // Five full batches were five epochs; the count goes on.
    expect(race.runners[0]!.sampler!.examples).toBe(5 * 342);
    expect([...race.runners[1]!.point]).toEqual(others);
    expect(store.getState().runners[0]!.batch).toBe(1);

    store.getState().updateRunner(second!.id, {
      schedule: { kind: 'step', step_size: 1, gamma: 0.5 },
    });
    const fresh = store.getState().race;
    expect(fresh).not.toBe(race);
    expect(fresh.step).toBe(0);
    const lr = fresh.runners[1]!.spec.optimizer.lr;
    stepRace(fresh);
    stepRace(fresh);
    expect(fresh.runners[1]!.schedule.lr).toBeCloseTo(lr * 0.25, 15);
    store.getState().updateRunner(first!.id, { label: 'renamed' });
    expect(store.getState().race).toBe(fresh);
  });

  it('setBatch clamps to 1 … n, and the full data is stored as null', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-species') });
    store.getState().setBatch(1000);
    expect(store.getState().batch).toBeNull();
    expect(store.getState().race.runners[0]!.sampler!.batch).toBe(219);
    store.getState().setBatch(0);
    expect(store.getState().batch).toBe(1);
  });

  it('the raw switch swaps the landscape for the same data in its own units, and back', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-mass') });
    store.getState().setRaw(true);
    expect(store.getState().landscape).toBe(dataLandscape('penguins-mass', false));
    expect(store.getState().start).toEqual(dataLandscape('penguins-mass', false).start);
    store.getState().setRaw(false);
    expect(store.getState().landscape).toBe(dataLandscape('penguins-mass'));
    // Off data the switch does nothing.
    const bowl = createRaceStore({ landscape: getPresetLandscape('bowl')! });
    bowl.getState().setRaw(true);
    expect(bowl.getState().landscape.id).toBe('bowl');
  });

  it('a link carries raw units, the default batch, runner batch sizes and schedules, and the batch surface', () => {
    const store = open('?data=penguins-species&raw=1&batch=16');
    const id = store.getState().runners[1]!.id;
    store.getState().updateRunner(id, {
      batch: 3,
      schedule: { kind: 'cosine', t_max: 120, eta_min: 0.001 },
    });
    store.getState().setBatchSurface(true);
    const back = open(`?s=${encodeState(store.getState())}`).getState();
    expect(back.landscape).toBe(dataLandscape('penguins-species', false));
    expect(back.batch).toBe(16);
    expect(back.runners[1]!.batch).toBe(3);
    expect(back.runners[1]!.schedule).toEqual({ kind: 'cosine', t_max: 120, eta_min: 0.001 });
    expect(back.runners[0]!.schedule).toBeUndefined();
    expect(back.batchSurface).toBe(true);
    expect(back.notices).toEqual([]);
  });

  it('switching to a smaller dataset or off data fits the batch sizes, so the link reads back whole', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-mass') });
    const id = store.getState().runners[0]!.id;
    store.getState().updateRunner(id, { batch: 300 });
    store.getState().setBatch(250);
    store.getState().setPreset('penguins-species');
    expect(store.getState().runners[0]!.batch).toBe(219);
    expect(store.getState().batch).toBeNull();
    const back = open(`?s=${encodeState(store.getState())}`).getState();
    expect(back.runners).toHaveLength(3);
    expect(back.notices).toEqual([]);
    store.getState().setPreset('himmelblau');
    expect(store.getState().runners[0]!.batch).toBeUndefined();
    const off = open(`?s=${encodeState(store.getState())}`).getState();
    expect(off.runners).toHaveLength(3);
    expect(off.notices).toEqual([]);
  });

  it('a link with a bad schedule drops that runner, a batch above n only the batch, with notices', () => {
    const store = open('?data=penguins-species');
    const wire = encodeState(store.getState());
    const { setup } = decodeState(wire);
    expect(setup.runners).toHaveLength(3);
    const bad = JSON.parse(
      JSON.stringify({
        landscape: 'penguins-species',
        runners: [
          { kind: 'sgd', hp: { lr: 1 }, label: 'a', color: '#112233', batch: 500 },
          {
            kind: 'sgd',
            hp: { lr: 1 },
            label: 'b',
            color: '#112233',
            schedule: { kind: 'step', hp: { gamma: -1 } },
          },
          {
            kind: 'sgd',
            hp: { lr: 1 },
            label: 'c',
            color: '#112233',
            schedule: { kind: 'warmup', hp: { total_iters: 10 } },
          },
        ],
      }),
    );
    const read = readPayload(bad)!;
    // The batch that does not fit is left out, its runner kept; a bad schedule drops the runner.
    expect(read.setup.runners!.map((r) => r.label)).toEqual(['a', 'c']);
    expect(read.setup.runners![0]!.batch).toBeUndefined();
    expect(read.notices.map((n) => n.args)).toEqual([
      { position: 1, field: 'batch' },
      { position: 2, field: 'gamma' },
    ]);
  });
});

describe('plain parameters over a scene', () => {
  it('?raw=1 on a scene leaves the scene for the raw data, at rates suited to it', () => {
    const s = open('?scene=lr-decay&raw=1').getState();
    const raw = dataLandscape('penguins-mass', false);
    expect(s.landscape).toBe(raw);
    expect(s.scene).toBeNull();
    expect(s.start).toEqual(raw.start);
    expect(s.runners.map((r) => r.optimizer.lr)).toEqual(
      s.runners.map((r) => raw.suggestedLr[r.optimizer.kind]),
    );
    const race = s.race;
    for (let k = 0; k < 50; k++) stepRace(race);
    expect(race.runners.map((r) => r.status)).not.toContain('diverged');
  });

  it('?batch= on a scene is no longer that scene', () => {
    const s = open('?scene=lr-decay&batch=32').getState();
    expect(s.batch).toBe(32);
    expect(s.scene).toBeNull();
  });
});
