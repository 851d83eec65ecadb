import { describe, expect, it } from 'vitest';
import {
  changeRunnerBatch,
  createRace,
  createSampler,
  dataLandscape,
  defaultRunnersFor,
  epochPermutation,
  getPresetLandscape,
  nextBatch,
  resizeSampler,
  stepRace,
} from '../../src/core';

describe('changing a batch size while training', () => {
  it('a sampler resized mid-epoch keeps its place in the permutation and its count', () => {
    const s = createSampler(10, 4, 7);
    const first = Array.from(nextBatch(s)); // rows 0–3 of epoch 0's order
    const r = resizeSampler(s, 3);
    expect([r.epoch, r.cursor, r.examples]).toEqual([0, 4, 4]);
    const batches = Array.from({ length: 6 }, () => Array.from(nextBatch(r)));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 3, 3, 1]);
    const epoch0 = Array.from(epochPermutation(7, 0, new Uint32Array(10)));
    const epoch1 = Array.from(epochPermutation(7, 1, new Uint32Array(10)));
    expect([...first, ...batches[0]!, ...batches[1]!]).toEqual(epoch0);
    expect(batches.slice(2).flat()).toEqual(epoch1);
    expect(r.examples).toBe(20);
    // From the next epoch on it draws what a sampler of that size draws.
    const same = createSampler(10, 3, 7);
    for (let k = 0; k < 4; k++) nextBatch(same);
    expect(Array.from(nextBatch(same))).toEqual(batches[2]);
  });

  it('only the changed runner draws new batches; the others and the step count go on', () => {
    const landscape = dataLandscape('penguins-species');
    const race = createRace(landscape, landscape.start, defaultRunnersFor(landscape), undefined, {
      batch: 32,
    });
    const twin = createRace(landscape, landscape.start, defaultRunnersFor(landscape), undefined, {
      batch: 32,
    });
    for (let k = 0; k < 3; k++) {
      stepRace(race);
      stepRace(twin);
    }
    expect(changeRunnerBatch(race, 0, { ...race.runners[0]!.spec, batch: 1 })).toBe(true);
    for (let k = 0; k < 3; k++) {
      stepRace(race);
      stepRace(twin);
    }
    expect(race.step).toBe(6);
    expect(race.runners[0]!.sampler!.batch).toBe(1);
    expect(race.runners[0]!.sampler!.rows.length).toBe(1);
    expect([...race.runners[0]!.point]).not.toEqual([...twin.runners[0]!.point]);
    for (const i of [1, 2])
      expect([...race.runners[i]!.point]).toEqual([...twin.runners[i]!.point]);
    // Off data there is no sampler to change.
    const bowl = getPresetLandscape('bowl')!;
    const plain = createRace(bowl, bowl.start, defaultRunnersFor(bowl));
    expect(changeRunnerBatch(plain, 0, { ...plain.runners[0]!.spec, batch: 2 })).toBe(false);
  });
});
