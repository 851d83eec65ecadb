import {
  changeRunnerBatch,
  createRace,
  raceFinished,
  stepRace,
  type Landscape,
  type Race,
  type RunnerSpec,
  type Shake,
  type BatchChange,
} from '../core';

/** What a race is replayed from: the settings the store starts every race with. */
export interface RaceSettings {
  landscape: Landscape;
  start: [number, number];
  runners: readonly RunnerSpec[];
  shake: Shake;
  /** On a dataset's landscape: the batch size of runners without their own (null: full). */
  batch?: number | null;
  /** Batch sizes changed while the live race went on (`race.batchChanges`), to replay. */
  batchChanges?: readonly BatchChange[];
}

/** Batch-size changes still to make in a replayed race, by race. */
const pending = new WeakMap<Race, readonly BatchChange[]>();

/**
 * A fresh race at step 0 from `settings` (same seed, so the same shake and the same minibatches:
 * it replays the same steps). Runners whose batch size changed during the live race start with
 * the size they had then, and {@link stepRaceTo} makes each change at its step.
 */
export function freshRace(settings: RaceSettings): Race {
  const { landscape, start, runners, shake, batch } = settings;
  const changes = settings.batchChanges ?? [];
  const initial = runners.map((r, i) => {
    const first = changes.find((c) => c.index === i);
    return first ? { ...r, batch: first.from } : r;
  });
  const race = createRace(landscape, start, initial, shake, batch ? { batch } : {});
  if (changes.length > 0) pending.set(race, changes);
  return race;
}

/**
 * Steps `race` up to step `target`, stopping early once it has finished — as the live store does,
 * so a clip shows exactly the race the app shows, batch-size changes included.
 */
export function stepRaceTo(race: Race, target: number): void {
  const changes = pending.get(race) ?? [];
  const apply = () => {
    for (const c of changes) {
      if (c.step !== race.step) continue;
      const runner = race.runners[c.index];
      // Made once: the race's own log grows as each change is made.
      if (runner && race.batchChanges.length < changes.indexOf(c) + 1)
        changeRunnerBatch(race, c.index, { ...runner.spec, batch: c.to });
    }
  };
  for (;;) {
    // A change made after the live race had finished sets it going again, here too.
    apply();
    if (race.step >= target || raceFinished(race)) return;
    stepRace(race);
  }
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
