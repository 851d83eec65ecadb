/**
 * A race left running all lecture long keeps its path in bounded memory: a thinned past that is
 * still exactly the race's own points, and the last 64 points exact for the settle rule and the
 * moving end of a trail (src/core/race/history.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  createHistory,
  createRace,
  getPresetLandscape,
  getScene,
  HISTORY_CAPACITY,
  historySlots,
  pushHistory,
  RECENT,
  recentLoss,
  recentX,
  recentY,
  recordRace,
  runRace,
  slotPoint,
  slotStep,
  stepRace,
  type History,
  type Race,
  type Shake,
  type Trajectory,
} from '../../src/core';

function sceneRace(id: string, shake?: Shake): Race {
  const scene = getScene(id)!;
  const landscape = getPresetLandscape(scene.landscape)!;
  return createRace(landscape, scene.start, scene.runners, shake ?? scene.shake);
}

/** Point k of a recorded trajectory as [x, y, f]. */
const pointOf = (t: Trajectory, k: number): [number, number, number] => [
  t.points[2 * k]!,
  t.points[2 * k + 1]!,
  t.losses[k]!,
];

/** Point k of the thinned past as [x, y, f]. */
const keptPoint = (h: History, i: number) => [h.xs[i]!, h.ys[i]!, h.losses[i]!];

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;

/**
 * The thinned past is the recorded race (its first `h.count` points) sampled every `stride` steps
 * from the start to within one stride of the end, as densely as the capacity allows.
 */
function expectExactThinnedPast(h: History, trajectory: Trajectory) {
  const last = h.count - 1;
  expect(h.count).toBeLessThanOrEqual(trajectory.losses.length);
  expect(isPowerOfTwo(h.stride)).toBe(true);
  expect(h.kept).toBeLessThanOrEqual(h.capacity);
  expect(h.kept).toBe(Math.floor(last / h.stride) + 1); // 0, stride, 2·stride, … up to the end
  expect(last - (h.kept - 1) * h.stride).toBeLessThan(h.stride);
  // Not thinned more than memory requires: at half the stride the points would not fit.
  if (h.stride > 1) expect(Math.floor(last / (h.stride / 2)) + 1).toBeGreaterThan(h.capacity);
  for (let i = 0; i < h.kept; i++)
    expect(keptPoint(h, i)).toEqual(pointOf(trajectory, i * h.stride));
}

/** What a trail draws: the thinned past, then the ball wherever it is now. */
function expectSlotsShowPastAndBall(h: History, trajectory: Trajectory) {
  const slots = historySlots(h);
  expect(slots).toBeLessThanOrEqual(h.kept + 1);
  const out = new Float64Array(3);
  let previous = -1;
  for (let s = 0; s < slots; s++) {
    const step = slotStep(h, s);
    expect(step).toBeGreaterThan(previous);
    previous = step;
    slotPoint(h, s, out);
    expect([...out]).toEqual(pointOf(trajectory, step));
  }
  expect(slotStep(h, 0)).toBe(0);
  expect(slotStep(h, slots - 1)).toBe(h.count - 1);
}

describe('a race’s history', () => {
  it('a race left running for a million steps keeps at most 4096 points, in the very arrays it started with', () => {
    const race = sceneRace('bag-strong-shake'); // shaken hard: the grain never settles
    const runner = race.runners[0]!;
    const h = runner.history;
    const arrays = [h.xs, h.ys, h.losses, h.recentX, h.recentY, h.recentLoss];
    const lengths = arrays.map((a) => a.length);
    expect(lengths).toEqual([
      HISTORY_CAPACITY,
      HISTORY_CAPACITY,
      HISTORY_CAPACITY,
      RECENT,
      RECENT,
      RECENT,
    ]);
    // Every 64th point, to check the thinned past against without keeping a million.
    const every64: number[][] = [[runner.point[0]!, runner.point[1]!, runner.loss]];
    for (let k = 0; k < 1_000_000; k++) {
      stepRace(race);
      if (race.step % 64 === 0) every64.push([runner.point[0]!, runner.point[1]!, runner.loss]);
    }
    expect(runner.status).toBe('running');
    expect(h.count).toBe(1_000_001);
    expect(h.kept).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(h.kept).toBeGreaterThanOrEqual(HISTORY_CAPACITY / 2);
    expect(runner.history).toBe(h);
    [h.xs, h.ys, h.losses, h.recentX, h.recentY, h.recentLoss].forEach((a, i) => {
      expect(a).toBe(arrays[i]);
      expect(a.length).toBe(lengths[i]);
    });
    expect(isPowerOfTwo(h.stride) && h.stride >= 64).toBe(true);
    expect(1_000_000 - (h.kept - 1) * h.stride).toBeLessThan(h.stride);
    for (let i = 0; i < h.kept; i++) expect(keptPoint(h, i)).toEqual(every64[(i * h.stride) / 64]);
  }, 60_000);

  it('keeps exactly the race’s own points at every multiple of the stride, from the start to the ball', () => {
    const race = sceneRace('bag-strong-shake');
    const [trajectory] = recordRace(race, 20_003); // 20,004 points: the stride has doubled to 8
    const h = race.runners[0]!.history;
    expect(h.count).toBe(20_004);
    expect(h.stride).toBe(8);
    expectExactThinnedPast(h, trajectory!);
    expectSlotsShowPastAndBall(h, trajectory!);
  });

  it('with room for only 64 points the stride doubles six times, and the past is exact after every point', () => {
    const [trajectory] = recordRace(sceneRace('bag-strong-shake'), 3000);
    const h = createHistory(64);
    const strides = new Set<number>();
    for (let k = 0; k <= 3000; k++) {
      pushHistory(h, ...pointOf(trajectory!, k));
      strides.add(h.stride);
      expect(h.count).toBe(k + 1);
      expectExactThinnedPast(h, trajectory!);
    }
    expect([...strides]).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('a trail drawn from the slots shows the thinned past and then the ball, whether or not the ball is on the stride', () => {
    const [trajectory] = recordRace(sceneRace('bag-strong-shake'), 1000);
    const h = createHistory(64);
    expect(historySlots(h)).toBe(0);
    let ballOffStride = 0;
    for (let k = 0; k <= 1000; k++) {
      pushHistory(h, ...pointOf(trajectory!, k));
      if (k % h.stride !== 0) {
        ballOffStride++;
        expect(historySlots(h)).toBe(h.kept + 1);
      } else expect(historySlots(h)).toBe(h.kept);
      expectSlotsShowPastAndBall(h, trajectory!);
    }
    expect(ballOffStride).toBeGreaterThan(500);
  });

  it('remembers the last 64 points exactly, however long the race has run', () => {
    for (const steps of [10, 63, 64, 5000]) {
      const race = sceneRace('bag-strong-shake');
      const [trajectory] = recordRace(race, steps);
      const h = race.runners[0]!.history;
      for (let back = 0; back < Math.min(RECENT, h.count); back++) {
        expect([recentX(h, back), recentY(h, back), recentLoss(h, back)]).toEqual(
          pointOf(trajectory!, steps - back),
        );
      }
    }
  });
});

/**
 * Statuses and status steps of every lecture scene after its `steps`, measured with the settle
 * rule reading the whole unbounded path (before the history was bounded, commit d871297).
 */
const STATUSES_BEFORE: Record<string, [string, number | null][]> = {
  bowl: [
    ['converged', 205],
    ['converged', 92],
    ['converged', 216],
  ],
  'bag-strong-shake': [['running', null]],
  'bag-gentle-shake': [
    ['stuck', 80],
    ['converged', 113],
  ],
  race: [
    ['converged', 212],
    ['converged', 395],
    ['converged', 213],
  ],
  'momentum-lr': [
    ['converged', 216],
    ['stuck', 180],
  ],
  'adam-bias': [
    ['running', null],
    ['converged', 195],
    ['running', null],
    ['converged', 177],
  ],
};

/** The same, every scene shaken gently (σ = 0.05, seed 7). */
const SHAKEN_STATUSES_BEFORE: Record<string, [string, number | null][]> = {
  bowl: [
    ['converged', 124],
    ['running', null],
    ['converged', 124],
  ],
  'bag-strong-shake': [['running', null]],
  'bag-gentle-shake': [
    ['stuck', 81],
    ['converged', 112],
  ],
  race: [
    ['converged', 533],
    ['running', null],
    ['running', null],
  ],
  'momentum-lr': [
    ['converged', 112],
    ['stuck', 114],
  ],
  'adam-bias': [
    ['converged', 126],
    ['converged', 96],
    ['running', null],
    ['converged', 119],
  ],
};

const GENTLE: Shake = { sigma: 0.05, seed: 7 };

describe('the settle rule, reading the last points from the history', () => {
  for (const [id, expected] of Object.entries(STATUSES_BEFORE)) {
    it(`${id}: every runner settles (or not) at the same step as when the whole path was kept`, () => {
      const scene = getScene(id)!;
      const race = sceneRace(id);
      recordRace(race, scene.steps);
      expect(race.runners.map((r) => [r.status, r.statusStep])).toEqual(expected);
      const shaken = sceneRace(id, GENTLE);
      recordRace(shaken, scene.steps);
      expect(shaken.runners.map((r) => [r.status, r.statusStep])).toEqual(
        SHAKEN_STATUSES_BEFORE[id],
      );
    });
  }

  it('recording a race changes nothing about it: the recorded race and a plain run end identical', () => {
    for (const id of ['bowl', 'bag-gentle-shake', 'race']) {
      for (const shake of [undefined, GENTLE]) {
        const steps = getScene(id)!.steps;
        const recorded = sceneRace(id, shake);
        recordRace(recorded, steps);
        const plain = runRace(sceneRace(id, shake), steps);
        expect(recorded).toEqual(plain);
      }
    }
  });
});
