import {
  createRace,
  raceFinished,
  stepRace,
  type Landscape,
  type Race,
  type RunnerSpec,
  type Shake,
} from '../core';

/** What a race is replayed from: the settings the store starts every race with. */
export interface RaceSettings {
  landscape: Landscape;
  start: [number, number];
  runners: readonly RunnerSpec[];
  shake: Shake;
  /** On a dataset's landscape: the batch size of runners without their own (null: full). */
  batch?: number | null;
}

/**
 * A fresh race at step 0 from `settings` (same seed, so the same shake and the same minibatches:
 * it replays the same steps).
 */
export function freshRace(settings: RaceSettings): Race {
  const { landscape, start, runners, shake, batch } = settings;
  return createRace(landscape, start, runners, shake, batch ? { batch } : {});
}

/**
 * Steps `race` up to step `target`, stopping early once it has finished — as the live store does,
 * so a clip shows exactly the race the app shows.
 */
export function stepRaceTo(race: Race, target: number): void {
  while (race.step < target && !raceFinished(race)) stepRace(race);
}

/**
 * The step at which a race from `settings` finishes (every runner converged, stuck or diverged),
 * or null if it is still running after `maxSteps`. Runs a throw-away copy of the race.
 */
export function finishStep(settings: RaceSettings, maxSteps: number): number | null {
  const race = freshRace(settings);
  stepRaceTo(race, maxSteps);
  return raceFinished(race) ? race.step : null;
}
