import { describe, expect, it } from 'vitest';
import { getPresetLandscape, getScene, raceFinished } from '../../src/core';
import { finishStep, freshRace, stepRaceTo, type RaceSettings } from '../../src/record/race-replay';

function sceneSettings(id: string): RaceSettings {
  const scene = getScene(id)!;
  return {
    landscape: getPresetLandscape(scene.landscape)!,
    start: scene.start,
    runners: scene.runners,
    shake: scene.shake,
  };
}

describe('replaying a race for a clip', () => {
  it('finds the step at which the bowl race finishes, and the replay finishes there too', () => {
    const settings = sceneSettings('bowl');
    const finish = finishStep(settings, 5000);
    expect(finish).not.toBeNull();
    const race = freshRace(settings);
    stepRaceTo(race, finish! - 1);
    expect(raceFinished(race)).toBe(false);
    stepRaceTo(race, finish!);
    expect(raceFinished(race)).toBe(true);
  });

  it('stops stepping once the race has finished, as the live app does', () => {
    const settings = sceneSettings('bowl');
    const finish = finishStep(settings, 5000)!;
    const race = freshRace(settings);
    stepRaceTo(race, finish + 500);
    expect(race.step).toBe(finish);
  });

  it('says null for a race still running at the cap (the bag shaken hard never settles)', () => {
    expect(finishStep(sceneSettings('bag-strong-shake'), 300)).toBeNull();
  });

  it('replays a shaken race step for step (same seed, same noise)', () => {
    const settings = sceneSettings('bag-gentle-shake');
    const a = freshRace(settings);
    const b = freshRace(settings);
    stepRaceTo(a, 250);
    stepRaceTo(b, 100);
    stepRaceTo(b, 250);
    expect(Array.from(b.runners[0]!.point)).toEqual(Array.from(a.runners[0]!.point));
    // Every point and loss so far (the race is short enough for its history to hold them all).
    expect(a.runners[1]!.history.kept).toBe(a.runners[1]!.history.count);
    expect(b.runners[1]!.history).toEqual(a.runners[1]!.history);
  });
});

describe('replaying batch sizes changed during the race', () => {
  it('a clip replays a runner whose batch size changed mid-race exactly as the live race ran', async () => {
    const { changeRunnerBatch, createRace, dataLandscape, defaultRunnersFor, stepRace } =
      await import('../../src/core');
    const { freshRace, stepRaceTo } = await import('../../src/record/race-replay');
    const landscape = dataLandscape('penguins-species');
    const runners = defaultRunnersFor(landscape);
    const live = createRace(
      landscape,
      landscape.start,
      runners,
      { sigma: 0, seed: 5 },
      { batch: 32 },
    );
    for (let k = 0; k < 7; k++) stepRace(live);
    changeRunnerBatch(live, 0, { ...live.runners[0]!.spec, batch: 1 });
    for (let k = 0; k < 5; k++) stepRace(live);
    changeRunnerBatch(live, 0, { ...live.runners[0]!.spec, batch: 100 });
    changeRunnerBatch(live, 2, { ...live.runners[2]!.spec, batch: 3 });
    for (let k = 0; k < 9; k++) stepRace(live);
    const settings = {
      landscape,
      start: landscape.start,
      // The settings as the store has them now: the final batch sizes.
      runners: live.runners.map((r) => r.spec),
      shake: { sigma: 0, seed: 5 },
      batch: 32,
      batchChanges: live.batchChanges,
    };
    const replay = freshRace(settings);
    stepRaceTo(replay, live.step);
    expect(replay.step).toBe(21);
    replay.runners.forEach((r, i) => {
      expect([...r.point]).toEqual([...live.runners[i]!.point]);
      expect(r.sampler!.batch).toBe(live.runners[i]!.sampler!.batch);
    });
    // Without the log, the final sizes from step 0 give another race.
    const naive = freshRace({ ...settings, batchChanges: [] });
    stepRaceTo(naive, live.step);
    expect([...naive.runners[0]!.point]).not.toEqual([...live.runners[0]!.point]);
  });
});
