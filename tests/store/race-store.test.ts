import { describe, expect, it } from 'vitest';
import { defaultSpec, getPresetLandscape } from '../../src/core';
import { createRaceStore } from '../../src/store/race-store';
import { readInitialParams } from '../../src/store/url-params';

const bowl = getPresetLandscape('bowl')!;
const rosenbrock = getPresetLandscape('rosenbrock')!;

describe('the race store', () => {
  it('tick() advances a playing race by one step per frame at 1×, and not at all when paused', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    const s = store.getState();
    s.tick();
    s.tick();
    expect(store.getState().race.step).toBe(2);
    s.pause();
    s.tick();
    expect(store.getState().race.step).toBe(2);
  });

  it('speed 20 takes 20 steps per frame; 0.25 takes one step every 4th frame', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().setSpeed(20);
    store.getState().tick();
    expect(store.getState().race.step).toBe(20);
    store.getState().reset();
    store.getState().setSpeed(0.25);
    const steps: number[] = [];
    for (let f = 0; f < 8; f++) {
      store.getState().tick();
      steps.push(store.getState().race.step);
    }
    expect(steps).toEqual([0, 0, 0, 1, 1, 1, 1, 2]);
  });

  it('ticking does not replace the store state (no re-render per frame): the race is stepped in place', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    let notifications = 0;
    store.subscribe(() => notifications++);
    for (let f = 0; f < 30; f++) store.getState().tick();
    expect(notifications).toBe(0);
  });

  it('step once pauses and advances exactly one step', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().stepOnce();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().race.step).toBe(1);
    expect(store.getState().race.runners.every((r) => r.path.length === 4)).toBe(true);
  });

  it('reset returns every runner to the start at step 0, keeping play/pause', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    for (let f = 0; f < 10; f++) store.getState().tick();
    store.getState().reset();
    const { race, start, playing } = store.getState();
    expect(race.step).toBe(0);
    expect(playing).toBe(true);
    for (const r of race.runners) expect([...r.point]).toEqual(start);
  });

  it('a new start restarts every runner from it (clamped to the domain)', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    for (let f = 0; f < 10; f++) store.getState().tick();
    store.getState().setStart(0.5, 9);
    const { race, start } = store.getState();
    expect(start).toEqual([0.5, 3]);
    expect(race.step).toBe(0);
    for (const r of race.runners) expect([...r.point]).toEqual([0.5, 3]);
  });

  it('changing a hyperparameter restarts the race with it', () => {
    const store = createRaceStore({ landscape: bowl });
    for (let f = 0; f < 10; f++) store.getState().tick();
    const adam = store.getState().runners[2]!;
    store.getState().updateRunner(adam.id, { optimizer: { ...adam.optimizer, lr: 0.2 } });
    const { race } = store.getState();
    expect(race.step).toBe(0);
    expect(race.runners[2]!.spec.optimizer.lr).toBe(0.2);
    store.getState().tick();
    // Adam's first corrected step has length lr per coordinate.
    expect(Math.abs(race.runners[2]!.point[0]! - store.getState().start[0])).toBeCloseTo(0.2, 6);
  });

  it('renaming, recolouring or hiding a runner does not restart the race', () => {
    const store = createRaceStore({ landscape: bowl });
    for (let f = 0; f < 10; f++) store.getState().tick();
    const adam = store.getState().runners[2]!;
    store
      .getState()
      .updateRunner(adam.id, { label: 'Fast Adam', color: '#123456', visible: false });
    const { race, runners } = store.getState();
    expect(race.step).toBe(10);
    expect(race.runners[2]!.spec.label).toBe('Fast Adam');
    expect(runners[2]).toMatchObject({ label: 'Fast Adam', color: '#123456', visible: false });
  });

  it('adds, duplicates and removes runners; removing the selected one selects its neighbour', () => {
    const store = createRaceStore({ landscape: bowl });
    store.getState().addRunner('nesterov');
    expect(store.getState().runners.map((r) => r.optimizer.kind)).toEqual([
      'momentum',
      'rmsprop',
      'adam',
      'nesterov',
    ]);
    const rms = store.getState().runners[1]!;
    store.getState().duplicateRunner(rms.id);
    const after = store.getState().runners;
    expect(after).toHaveLength(5);
    expect(after[2]!.optimizer).toEqual(rms.optimizer);
    expect(new Set(after.map((r) => r.id)).size).toBe(5);
    store.getState().selectRunner(after[2]!.id);
    store.getState().removeRunner(after[2]!.id);
    expect(store.getState().selectedRunner).toBe(after[3]!.id);
    expect(store.getState().race.runners).toHaveLength(4);
  });

  it('a new landscape brings its default start and learning rates suited to it', () => {
    const store = createRaceStore({ landscape: bowl });
    store.getState().setLandscape(rosenbrock);
    const { start, runners, race, surface } = store.getState();
    expect(start).toEqual(rosenbrock.start);
    expect(runners.map((r) => r.optimizer.lr)).toEqual([0.005, 0.01, 0.1]);
    expect(race.landscape).toBe(rosenbrock);
    expect(surface.values.length).toBe(257 * 257);
  });

  it('pauses and says so when every runner has finished', () => {
    const store = createRaceStore({
      landscape: bowl,
      runners: [{ label: 'SGD', color: '#fff', optimizer: { ...defaultSpec('sgd'), lr: 0.1 } }],
    });
    store.getState().setSpeed(20);
    for (let f = 0; f < 100 && store.getState().playing; f++) store.getState().tick();
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.finished).toBe(true);
    const notice = s.notices.at(-1)!;
    expect(notice.key).toBe('finished');
    expect(notice.args).toEqual({
      runners: [{ label: 'SGD', status: 'converged', step: s.race.runners[0]!.statusStep }],
    });
    // Play after the finish starts the race again.
    s.play();
    expect(store.getState().race.step).toBe(0);
    expect(store.getState().playing).toBe(true);
  });
});

describe('the page’s query string', () => {
  it('opens a landscape, a start and paused', () => {
    const p = readInitialParams('?landscape=himmelblau&start=1,-2&paused=1');
    expect(p.landscape.id).toBe('himmelblau');
    expect(p.start).toEqual([1, -2]);
    expect(p.paused).toBe(true);
    expect(p.notices).toEqual([]);
  });

  it.each([
    ['?landscape=<script>', 'unknownLandscape'],
    ['?start=1;2', 'badStart'],
    ['?start=1,2,3', 'badStart'],
    ['?landscape=bowl&start=50,50', 'startOutside'],
    ['?start=NaN,1', 'badStart'],
  ])('treats %s as untrusted: defaults plus a notice', (search, key) => {
    const p = readInitialParams(search);
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]!.key).toBe(key);
    expect(p.start).toBeNull();
  });
});
