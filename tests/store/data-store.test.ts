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

  it('a runner’s batch size and schedule restart the race with them; its label does not', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-mass') });
    const id = store.getState().runners[0]!.id;
    store.getState().updateRunner(id, { batch: 1 });
    expect(store.getState().race.runners[0]!.sampler!.batch).toBe(1);
    store.getState().updateRunner(id, { schedule: { kind: 'step', step_size: 1, gamma: 0.5 } });
    const race = store.getState().race;
    const lr = race.runners[0]!.spec.optimizer.lr;
    stepRace(race);
    stepRace(race);
    expect(race.runners[0]!.schedule.lr).toBeCloseTo(lr * 0.25, 15);
    store.getState().updateRunner(id, { label: 'renamed' });
    expect(store.getState().race).toBe(race);
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

  it('a link with a bad schedule or a batch above n drops that runner with a notice', () => {
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
    expect(read.setup.runners!.map((r) => r.label)).toEqual(['c']);
    expect(read.notices.map((n) => n.args)).toEqual([
      { position: 1, field: 'batch' },
      { position: 2, field: 'gamma' },
    ]);
  });
});
