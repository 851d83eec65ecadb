import { describe, expect, it } from 'vitest';
import {
  basinMap,
  BASIN_STEPS,
  getPresetLandscape,
  getScene,
  runRace,
  createRace,
  dataLandscape,
  defaultSpec,
} from '../../src/core';
import { createRaceStore } from '../../src/store/race-store';
import { encodeState } from '../../src/store/share-link';
import { swarmLive } from '../../src/store/swarm-live';
import { inlineBasinJobs, type SwarmJobs } from '../../src/store/swarm-jobs';
import { createStoreFromParams, readInitialParams } from '../../src/store/url-params';

const open = (search: string) => createStoreFromParams(readInitialParams(search), 'en');
const bag = getPresetLandscape('plastic-bag')!;

describe('the store with many starts', () => {
  it('?swarm= releases every runner from that many starts; the race follows the swarm, counts add up', () => {
    const store = open('?landscape=plastic-bag&swarm=200');
    const s = store.getState();
    expect(s.swarmOn).toBe(true);
    expect(s.swarmSize).toBe(200);
    for (let k = 0; k < 30; k++) store.getState().tick(1 / 60);
    const after = store.getState();
    // Inline jobs answer at once: the race is exactly where the swarm is.
    expect(after.race.step).toBe(30);
    expect(swarmLive.frame?.step).toBe(30);
    const ids = after.runners.map((r) => r.id);
    expect(Object.keys(after.swarmCounts).map(Number)).toEqual(ids);
    for (const id of ids) {
      const c = after.swarmCounts[id]!;
      expect(c.converged + c.stuck + c.diverged + c.running).toBe(200);
    }
    // Each runner's balls: 200 of them, x, y and f per ball, all finite.
    for (const r of swarmLive.frame!.runners) {
      expect(r.balls.length).toBe(600);
      expect(r.balls.every(Number.isFinite)).toBe(true);
    }
  });

  it('the swarm restarts with the race and stops when switched off', () => {
    const store = open('?landscape=plastic-bag&swarm=50');
    for (let k = 0; k < 10; k++) store.getState().tick(1 / 60);
    store.getState().reset();
    expect(swarmLive.frame?.step).toBe(0);
    store.getState().setSwarm(false);
    expect(swarmLive.frame).toBeNull();
    expect(store.getState().swarmCounts).toEqual({});
    // Without the swarm the race steps on its own again.
    store.getState().tick(1 / 60);
    expect(store.getState().race.step).toBe(1);
  });

  it('a finished race goes on while the swarm still moves, and pauses once every ball settled', () => {
    const bowl = getPresetLandscape('bowl')!;
    const sgd = { label: 'SGD', color: '#0074d9', optimizer: { ...defaultSpec('sgd'), lr: 0.1 } };
    const store = createRaceStore({ landscape: bowl, runners: [sgd], swarm: 100 });
    const s = () => store.getState();
    s().setSpeed(600);
    let guard = 0;
    while (s().playing && guard++ < 2000) s().tick(0.1);
    expect(s().playing).toBe(false);
    expect(s().finished).toBe(true);
    expect(Object.values(s().swarmCounts).every((c) => c.running === 0)).toBe(true);
    // The single race settled before the last ball did: it kept stepping with the swarm.
    const single = runRace(createRace(bowl, s().start, [sgd]), s().race.step);
    expect(single.runners[0]!.statusStep).toBeLessThan(s().race.step);
    expect(s().race.step).toBe(swarmLive.frame!.step);
  });

  it('?basins= maps every runner; the shares are those of basinMap, and a moved start does not recompute', () => {
    const store = open('?landscape=plastic-bag&basins=12');
    const s = store.getState();
    expect(s.basinsOn).toBe(true);
    expect(s.basinsK).toBe(12);
    expect(s.basinsProgress).toBe(1);
    for (const runner of s.runners) {
      const map = basinMap(bag, { runner, k: 12, steps: BASIN_STEPS, shake: s.shake });
      const { complete, ...shares } = s.basinsShares[runner.id]!;
      expect(complete).toBe(true);
      expect(shares).toEqual(map.shares);
      expect(Array.from(swarmLive.basins.get(runner.id)!.grid)).toEqual(Array.from(map.grid));
    }
    const version = swarmLive.basinsVersion;
    store.getState().setStart(1, 1);
    expect(swarmLive.basinsVersion).toBe(version);
    store.getState().setShake({ sigma: 0.1 });
    expect(swarmLive.basinsVersion).toBeGreaterThan(version);
    store.getState().setBasins(false);
    expect(store.getState().basinsShares).toEqual({});
    expect(swarmLive.basins.size).toBe(0);
  });

  it('the basins scene opens its maps side by side; other scenes close them', () => {
    const store = open('?scene=basins');
    expect(store.getState().basinsOn).toBe(true);
    expect(store.getState().basinsK).toBe(getScene('basins')!.basins);
    expect(store.getState().layout).toBe('split');
    store.getState().applyScene('bowl');
    expect(store.getState().basinsOn).toBe(false);
    store.getState().applyScene('basins');
    expect(store.getState().basinsOn).toBe(true);
    // Two 64 × 64 maps computed inline: seconds on a loaded two-core machine.
  }, 30_000);

  it('links carry the swarm and the maps, clamped; bad values lose nothing else', () => {
    const store = open('?landscape=plastic-bag&swarm=300&basins=16&paused=1');
    const link = encodeState(store.getState());
    const back = open(`?s=${link}`).getState();
    expect([back.swarmOn, back.swarmSize, back.basinsOn, back.basinsK]).toEqual([
      true,
      300,
      true,
      16,
    ]);
    const clamped = open('?landscape=plastic-bag&swarm=99999&basins=4&paused=1').getState();
    expect([clamped.swarmSize, clamped.basinsK]).toEqual([10_000, 8]);
    const bad = open('?landscape=plastic-bag&swarm=many&basins=-3&lang=ru&paused=1').getState();
    expect([bad.swarmOn, bad.basinsOn, bad.language]).toEqual([false, false, 'ru']);
    expect(bad.notices.map((n) => n.key)).toEqual(['linkPart', 'linkPart']);
  });

  it('a swarm switched on mid-race, or restarted by a batch change, catches up with the race', () => {
    const store = createRaceStore({ landscape: dataLandscape('penguins-mass') });
    const s = () => store.getState();
    for (let k = 0; k < 12; k++) s().tick(1 / 60);
    expect(s().race.step).toBe(12);
    s().setSwarmSize(40);
    s().setSwarm(true);
    expect(swarmLive.frame?.step).toBe(12);
    const race = s().race;
    s().updateRunner(s().runners[0]!.id, { batch: 4 });
    // The race goes on with the new batch size; the swarm starts again and catches up with it.
    expect(s().race).toBe(race);
    expect(swarmLive.frame?.step).toBe(12);
    s().tick(1 / 60);
    expect([s().race.step, swarmLive.frame?.step]).toEqual([13, 13]);
  });

  it('a swarm that cannot run is switched off with a notice; the race runs on without it', () => {
    const failing: SwarmJobs = {
      start: (_request, _onFrame, onError) => onError?.('out of memory'),
      advance: () => undefined,
      stop: () => undefined,
    };
    const store = createRaceStore({ landscape: bag, swarm: 10_000 }, undefined, {
      swarm: failing,
      basins: inlineBasinJobs(),
    });
    const s = store.getState();
    expect(s.swarmOn).toBe(false);
    expect(s.notices.map((n) => n.key)).toEqual(['swarmFailed']);
    store.getState().tick(1 / 60);
    expect(store.getState().race.step).toBe(1);
  });

  it("a runner's new label or colour recomputes no basin map; a new learning rate does", () => {
    const store = open('?landscape=plastic-bag&basins=8');
    const id = store.getState().runners[0]!.id;
    const version = swarmLive.basinsVersion;
    store.getState().updateRunner(id, { label: 'renamed', color: '#123456' });
    expect(swarmLive.basinsVersion).toBe(version);
    const optimizer = { ...store.getState().runners[0]!.optimizer, lr: 0.05 };
    store.getState().updateRunner(id, { optimizer });
    expect(swarmLive.basinsVersion).toBeGreaterThan(version);
    expect(store.getState().basinsProgress).toBe(1);
  });
});
