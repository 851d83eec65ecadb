import { describe, expect, it } from 'vitest';
import { defaultSpec, getPresetLandscape } from '../../src/core';
import { createRaceStore } from '../../src/store/race-store';
import { readInitialParams } from '../../src/store/url-params';

const bowl = getPresetLandscape('bowl')!;
const rosenbrock = getPresetLandscape('rosenbrock')!;
// Polish the known minima now (they are found on first use), so no frame below pays for it
// and hits the stepping budget: these tests are about the clock's arithmetic.
void rosenbrock.minima;
void bowl.minima;

/** One frame of a 60 Hz display, in seconds. */
const FRAME = 1 / 60;

describe('the race store', () => {
  it('tick(FRAME) advances a playing race by one step per 60 Hz frame at 1×, and not at all when paused', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    const s = store.getState();
    s.tick(FRAME);
    s.tick(FRAME);
    expect(store.getState().race.step).toBe(2);
    s.pause();
    s.tick(FRAME);
    expect(store.getState().race.step).toBe(2);
  });

  it('speed is steps per second: 1200/s takes 20 steps a 60 Hz frame; 15/s one step every 4th frame', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().setSpeed(1200);
    store.getState().tick(FRAME);
    expect(store.getState().race.step).toBe(20);
    store.getState().reset();
    store.getState().setSpeed(15);
    const steps: number[] = [];
    for (let f = 0; f < 8; f++) {
      store.getState().tick(FRAME);
      steps.push(store.getState().race.step);
    }
    expect(steps).toEqual([0, 0, 0, 1, 1, 1, 1, 2]);
  });

  it('runs at the same speed on a 60 Hz projector and a 120 Hz laptop: 60 steps a second at 1×', () => {
    for (const hz of [60, 120, 75, 5]) {
      const store = createRaceStore({ landscape: rosenbrock });
      for (let f = 0; f < hz * 3; f++) store.getState().tick(1 / hz);
      expect(store.getState().race.step, `${hz} Hz`).toBeGreaterThanOrEqual(179);
      expect(store.getState().race.step, `${hz} Hz`).toBeLessThanOrEqual(180);
    }
  });

  it('play after a pause starts from there: the first frame (which measured the pause) takes no step', () => {
    const store = createRaceStore({ landscape: rosenbrock, playing: false });
    store.getState().play();
    store.getState().tick(42);
    expect(store.getState().race.step).toBe(0);
    store.getState().tick(FRAME);
    expect(store.getState().race.step).toBe(1);
  });

  it('a frame after a long pause (a hidden tab) counts as at most two seconds', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().tick(3600);
    expect(store.getState().race.step).toBe(120);
  });

  it('fast-forward spends a bounded time per frame instead of freezing the page', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().setSpeed(100_000);
    const began = performance.now();
    store.getState().tick(1);
    const spent = performance.now() - began;
    const { step } = store.getState().race;
    // 100,000 steps were asked for; the budget (10 ms, checked every 16 steps) stops well before.
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThan(100_000);
    expect(spent).toBeLessThan(1000);
  });

  it('ticking does not replace the store state (no re-render per frame): the race is stepped in place', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    let notifications = 0;
    store.subscribe(() => notifications++);
    for (let f = 0; f < 30; f++) store.getState().tick(FRAME);
    expect(notifications).toBe(0);
  });

  it('step once pauses and advances exactly one step', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    store.getState().stepOnce();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().race.step).toBe(1);
    expect(store.getState().race.runners.every((r) => r.history.count === 2)).toBe(true);
  });

  it('reset returns every runner to the start at step 0, keeping play/pause', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    for (let f = 0; f < 10; f++) store.getState().tick(FRAME);
    store.getState().reset();
    const { race, start, playing } = store.getState();
    expect(race.step).toBe(0);
    expect(playing).toBe(true);
    for (const r of race.runners) expect([...r.point]).toEqual(start);
  });

  it('a new start restarts every runner from it (clamped to the domain)', () => {
    const store = createRaceStore({ landscape: rosenbrock });
    for (let f = 0; f < 10; f++) store.getState().tick(FRAME);
    store.getState().setStart(0.5, 9);
    const { race, start } = store.getState();
    expect(start).toEqual([0.5, 3]);
    expect(race.step).toBe(0);
    for (const r of race.runners) expect([...r.point]).toEqual([0.5, 3]);
  });

  it('changing a hyperparameter restarts the race with it', () => {
    const store = createRaceStore({ landscape: bowl });
    for (let f = 0; f < 10; f++) store.getState().tick(FRAME);
    const adam = store.getState().runners[2]!;
    store.getState().updateRunner(adam.id, { optimizer: { ...adam.optimizer, lr: 0.2 } });
    const { race } = store.getState();
    expect(race.step).toBe(0);
    expect(race.runners[2]!.spec.optimizer.lr).toBe(0.2);
    store.getState().tick(FRAME);
    // Adam's first corrected step has length lr per coordinate.
    expect(Math.abs(race.runners[2]!.point[0]! - store.getState().start[0])).toBeCloseTo(0.2, 6);
  });

  it('renaming, recolouring or hiding a runner does not restart the race', () => {
    const store = createRaceStore({ landscape: bowl });
    for (let f = 0; f < 10; f++) store.getState().tick(FRAME);
    const adam = store.getState().runners[2]!;
    store
      .getState()
      .updateRunner(adam.id, { label: 'Fast Adam', color: '#123456', visible: false });
    const { race, runners } = store.getState();
    expect(race.step).toBe(10);
    expect(race.runners[2]!.spec.label).toBe('Fast Adam');
    expect(runners[2]).toMatchObject({ label: 'Fast Adam', color: '#123456', visible: false });
  });

  it('adds runners up to twelve, returning each new id; the thirteenth is refused with a notice', () => {
    const store = createRaceStore({ landscape: bowl });
    const ids: (number | null)[] = [];
    for (let k = 0; k < 9; k++) ids.push(store.getState().addRunner('sgd'));
    expect(ids).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(
      store
        .getState()
        .runners.map((r) => r.id)
        .slice(3),
    ).toEqual(ids);
    expect(store.getState().addRunner('adam')).toBeNull();
    expect(store.getState().duplicateRunner(1)).toBeNull();
    expect(store.getState().runners).toHaveLength(12);
    expect(store.getState().race.runners).toHaveLength(12);
    expect(store.getState().notices.at(-1)).toEqual({ key: 'runnerLimit', args: { max: 12 } });
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
    store.getState().setSpeed(1200);
    for (let f = 0; f < 100 && store.getState().playing; f++) store.getState().tick(FRAME);
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
