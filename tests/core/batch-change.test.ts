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
  it('a sampler resized mid-epoch starts the next epoch with the new size and keeps its count', () => {
    const s = createSampler(10, 4, 7);
    nextBatch(s); // rows 0–3 of epoch 0
    const r = resizeSampler(s, 3);
    expect(r.epoch).toBe(1);
    expect(r.examples).toBe(4);
    const sizes = [
      nextBatch(r).length,
      nextBatch(r).length,
      nextBatch(r).length,
      nextBatch(r).length,
    ];
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(Array.from(r.order)).toEqual(Array.from(epochPermutation(7, 1, new Uint32Array(10))));
    expect(r.examples).toBe(14);
    // At an epoch boundary the current epoch is the one resized.
    const fresh = resizeSampler(createSampler(10, 4, 7), 2);
    expect(fresh.epoch).toBe(0);
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
