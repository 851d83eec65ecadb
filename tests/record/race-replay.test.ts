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
