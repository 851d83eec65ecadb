import { describe, expect, it } from 'vitest';
import { getPresetLandscape, NET_STEPS, raceFinished, stepRace } from '../../src/core';
import { createRaceStore } from '../../src/store/race-store';
import { inlineSurfaceJobs, type SurfaceJobs } from '../../src/store/surface-jobs';
import { computeNetRace } from '../../src/core';
import type { NetJobs } from '../../src/store/net-jobs';
import { inlineBasinJobs, inlineSwarmJobs } from '../../src/store/swarm-jobs';
import { START_RETRAIN_MS } from '../../src/store/net-race';
import { encodeState } from '../../src/store/share-link';
import { readInitialParams } from '../../src/store/url-params';

const bowl = getPresetLandscape('bowl')!;

/** Inline surface jobs on small grids: a network's loss takes every row per vertex. */
function smallSurfaces(): SurfaceJobs {
  const inline = inlineSurfaceJobs();
  return {
    start: (request, handlers) =>
      inline.start({ ...request, coarseSegments: 8, refine: [], segments: 16 }, handlers),
    cancel: () => inline.cancel(),
  };
}

/**
 * Jobs as workers run them: results arrive later (after `ms`), as structured clones, and a job
 * started while another runs supersedes it. Counts the surfaces asked for.
 */
function workerLikeJobs(ms: number) {
  const surfaces = { asked: 0 };
  let netCurrent = 0;
  let surfaceCurrent = 0;
  const inline = smallSurfaces();
  const net: NetJobs = {
    start(request, handlers) {
      const id = ++netCurrent;
      setTimeout(() => {
        if (id !== netCurrent) return;
        const info = computeNetRace(structuredClone(request))!;
        const { data, ...rest } = info;
        handlers.onResult({ ...structuredClone(rest), data });
      }, ms);
    },
    cancel: () => void netCurrent++,
  };
  const surface: SurfaceJobs = {
    start(request, handlers) {
      surfaces.asked++;
      const id = ++surfaceCurrent;
      setTimeout(() => {
        if (id === surfaceCurrent) inline.start(structuredClone(request), handlers);
      }, ms);
    },
    cancel: () => void surfaceCurrent++,
  };
  return { net, surface, surfaces };
}

/** Lets queued trainings (microtasks) and a dragged start's timer run. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function netStore() {
  return createRaceStore({ landscape: bowl, net: 'penguins-mlp' }, smallSurfaces());
}

describe('the network in the store', () => {
  it('opens after its training: the bowl stays, paused, until the network and its plane are ready', async () => {
    const store = netStore();
    expect(store.getState().landscape).toBe(bowl);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().netWork.stage).toBe('training');
    await settle();
    const s = store.getState();
    expect(s.landscape.net?.id).toBe('penguins-mlp');
    expect(s.netWork.stage).toBe(null);
    expect(s.playing).toBe(true);
    expect(s.runners.map((r) => r.optimizer.lr)).toEqual([0.1, 0.003, 0.01]);
    expect(s.race.replay?.length).toBe(3);
    expect(s.start).toEqual([0, 0]);
    // Played back to its end: every runner trained for the computed steps.
    while (!raceFinished(s.race)) stepRace(s.race);
    expect(s.race.runners.map((r) => r.status)).toEqual(['trained', 'trained', 'trained']);
    expect(s.race.step).toBe(NET_STEPS);
  });

  it('the scrub bar shows any step of the computed training, paused; a live race cannot be wound', async () => {
    const store = netStore();
    await settle();
    store.getState().seek(250);
    const s = store.getState();
    expect(s.race.step).toBe(250);
    expect(s.playing).toBe(false);
    const track = s.landscape.net!.tracks[1]!;
    expect(s.race.runners[1]!.loss).toBe(track.loss[250]);
    expect(Array.from(s.race.runners[1]!.point)).toEqual([track.points[500], track.points[501]]);
    store.getState().seek(99_999);
    expect(store.getState().race.step).toBe(NET_STEPS);
    expect(store.getState().finished).toBe(true);
    store.getState().seek(0);
    expect(store.getState().race.step).toBe(0);
    const bowlStore = createRaceStore({ landscape: bowl });
    stepRace(bowlStore.getState().race);
    bowlStore.getState().seek(0);
    expect(bowlStore.getState().race.step).toBe(1);
  });

  it('a changed learning rate trains again; the old race stays until the new one is ready', async () => {
    const store = netStore();
    await settle();
    const before = store.getState();
    const adam = before.runners[2]!;
    before.updateRunner(adam.id, { optimizer: { ...adam.optimizer, lr: 0.05 } });
    const during = store.getState();
    expect(during.race).toBe(before.race);
    expect(during.landscape).toBe(before.landscape);
    expect(during.netWork.stage).toBe('training');
    await settle();
    const after = store.getState();
    expect(after.landscape).not.toBe(before.landscape);
    expect(after.landscape.net!.plane).not.toBe(before.landscape.net!.plane);
    expect(after.race.runners[2]!.spec.optimizer.lr).toBe(0.05);
    // The other runners trained exactly as before; Adam's loss differs after its first step.
    expect(after.landscape.net!.tracks[0]!.loss).toEqual(before.landscape.net!.tracks[0]!.loss);
    expect(after.landscape.net!.tracks[2]!.loss[5]).not.toBe(
      before.landscape.net!.tracks[2]!.loss[5],
    );
  });

  it('a dragged start moves the initial weights within the plane and keeps it, until fitted again', async () => {
    const store = netStore();
    await settle();
    const first = store.getState().landscape.net!;
    store.getState().setStart(0.4, -0.3);
    expect(store.getState().start).toEqual([0.4, -0.3]);
    store.getState().setStart(0.5, -0.2);
    await settle(START_RETRAIN_MS + 30);
    const moved = store.getState().landscape.net!;
    expect(moved.plane).toBe(first.plane);
    expect(moved.fitted).toBe(false);
    expect(Array.from(moved.tracks[0]!.points.slice(0, 2))).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(-0.2, 12),
    ]);
    expect(store.getState().race.runners[0]!.point[0]).toBeCloseTo(0.5, 12);
    // A learning rate changed now keeps the plane too.
    const r = store.getState().runners[0]!;
    store.getState().updateRunner(r.id, { optimizer: { ...r.optimizer, lr: 0.05 } });
    await settle();
    expect(store.getState().landscape.net!.plane).toBe(first.plane);
    store.getState().refitPlane();
    await settle();
    const refit = store.getState().landscape.net!;
    expect(refit.plane).not.toBe(first.plane);
    expect(refit.fitted).toBe(true);
    expect(store.getState().start).toEqual([0, 0]);
    // The new plane passes through the dragged weights.
    const origin = refit.plane.origin;
    const { d1, d2, origin: o1 } = first.plane;
    origin.forEach((v, i) => expect(v).toBeCloseTo(o1[i]! + 0.5 * d1[i]! - 0.2 * d2[i]!, 12));
  });

  it('reset plays the same training again without training; another landscape cancels a training', async () => {
    const store = netStore();
    await settle();
    const s = store.getState();
    stepRace(s.race);
    s.reset();
    expect(store.getState().netWork.stage).toBe(null);
    expect(store.getState().race.step).toBe(0);
    expect(store.getState().landscape).toBe(s.landscape);
    const r = s.runners[0]!;
    s.updateRunner(r.id, { optimizer: { ...r.optimizer, lr: 0.2 } });
    store.getState().setPreset('bowl');
    await settle();
    expect(store.getState().landscape.id).toBe('bowl');
    expect(store.getState().netWork.stage).toBe(null);
  });

  it('with worker timing: a kept plane keeps its surface, and the last start dragged to is the one trained', async () => {
    const jobs = workerLikeJobs(40);
    const store = createRaceStore({ landscape: bowl, net: 'penguins-mlp' }, jobs.surface, {
      swarm: inlineSwarmJobs(),
      basins: inlineBasinJobs(),
      net: jobs.net,
    });
    await expect.poll(() => store.getState().landscape.net, { timeout: 10_000 }).toBeDefined();
    const first = store.getState().landscape.net!;
    const surface = store.getState().surface;
    const asked = jobs.surfaces.asked;
    store.getState().setStart(0.4, -0.3);
    // The result for (0.4, −0.3) lands; the drag goes on to (0.8, 0.5) before anything is shown.
    await settle(START_RETRAIN_MS + 20);
    store.getState().setStart(0.8, 0.5);
    await expect
      .poll(() => store.getState().landscape.net?.start, { timeout: 10_000 })
      .toEqual([0.8, 0.5]);
    await settle(200);
    const s = store.getState();
    expect(s.start).toEqual([0.8, 0.5]);
    expect(s.race.runners[0]!.point[0]).toBeCloseTo(0.8, 12);
    // The plane came back as a copy from the worker, yet it is the same plane: no new surface.
    expect(s.landscape.net!.plane).toBe(first.plane);
    expect(s.surface).toBe(surface);
    expect(jobs.surfaces.asked).toBe(asked);
    // Balls can sit below the plane's lowest point: heights start at zero loss.
    expect(s.surface.heightMap.low).toBe(0);
  });

  it('a runner removed while the network trains again: each runner keeps its own path meanwhile', async () => {
    const jobs = workerLikeJobs(60);
    const store = createRaceStore({ landscape: bowl, net: 'penguins-mlp' }, jobs.surface, {
      swarm: inlineSwarmJobs(),
      basins: inlineBasinJobs(),
      net: jobs.net,
    });
    await expect.poll(() => store.getState().landscape.net, { timeout: 10_000 }).toBeDefined();
    const before = store.getState();
    for (let k = 0; k < 40; k++) stepRace(before.race);
    const adamLoss = before.race.runners[2]!.loss;
    before.removeRunner(before.runners[0]!.id);
    const during = store.getState();
    expect(during.runners.map((r) => r.label)).toEqual(['RMSProp', 'Adam']);
    expect(during.race.runners.map((r) => r.spec.label)).toEqual(['RMSProp', 'Adam']);
    expect(during.race.step).toBe(40);
    expect(during.race.runners[1]!.loss).toBe(adamLoss);
    expect(during.netWork.stage).toBe('training');
    await expect
      .poll(() => store.getState().landscape.net?.tracks.length, { timeout: 10_000 })
      .toBe(2);
    await expect.poll(() => store.getState().netWork.stage, { timeout: 10_000 }).toBe(null);
  });

  it('a scheduled runner shows the rate its track used at each step', async () => {
    const store = netStore();
    await settle();
    const r = store.getState().runners[2]!;
    store.getState().updateRunner(r.id, { schedule: { kind: 'step', step_size: 100, gamma: 0.5 } });
    await settle();
    store.getState().seek(300);
    const adam = store.getState().race.runners[2]!;
    expect(adam.schedule.lr).toBeCloseTo(0.01 * 0.5 ** 3, 15);
    expect(adam.lastLr).toBeCloseTo(0.01 * 0.5 ** 2, 15);
  });

  it('links: ?net= opens it; a shared network keeps its runners and opens at the origin of its plane', async () => {
    expect(readInitialParams('?net=penguins-mlp').setup.net).toBe('penguins-mlp');
    const scene = readInitialParams('?scene=network').setup;
    expect(scene.net).toBe('penguins-mlp');
    // Opened from a link, the scene is still the scene (its caption titles a clip).
    const fromScene = createRaceStore(scene, smallSurfaces());
    await settle();
    expect(fromScene.getState().scene).toBe('network');
    expect(fromScene.getState().runners.map((r) => r.optimizer.lr)).toEqual([0.2, 0.003, 0.03]);
    expect(readInitialParams('?net=resnet').notices.map((n) => n.key)).toEqual([
      'unknownLandscape',
    ]);
    const store = netStore();
    await settle();
    const r = store.getState().runners[1]!;
    store.getState().updateRunner(r.id, { optimizer: { ...r.optimizer, lr: 0.007 }, batch: 32 });
    await settle();
    const link = readInitialParams(`?s=${encodeState(store.getState())}`);
    expect(link.notices).toEqual([]);
    expect(link.setup.net).toBe('penguins-mlp');
    expect(link.setup.runners?.[1]?.optimizer.lr).toBe(0.007);
    expect(link.setup.runners?.[1]?.batch).toBe(32);
    const opened = createRaceStore(link.setup, smallSurfaces());
    await settle();
    expect(opened.getState().landscape.net?.trainedFor).toBe(
      store.getState().landscape.net?.trainedFor,
    );
  });
});
