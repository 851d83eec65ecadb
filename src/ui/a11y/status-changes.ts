import type { RunnerStatus } from '../../core';

/** What the announcer knows of one runner of the live race. */
export interface RunnerStatusKey {
  label: string;
  status: RunnerStatus;
  /** The step at which the status was reached (0 while running). */
  step: number;
  settledAtMinimum: boolean;
  divergedBecause: 'not-finite' | 'left-landscape' | null;
}

/** A runner that has reached an end: converged, stuck or diverged. */
export type FinishedStatus = RunnerStatusKey & { status: Exclude<RunnerStatus, 'running'> };

interface RaceRunnerLike {
  spec: { label: string };
  status: RunnerStatus;
  statusStep: number | null;
  settledAt: unknown;
  divergedBecause: 'not-finite' | 'left-landscape' | null;
}

/**
 * The runners' statuses as a string that changes only when a status does (never with the step
 * count), so a reader refreshed every frame re-renders nothing while the runners just roll.
 */
export function readStatuses(race: { runners: readonly RaceRunnerLike[] }): string {
  const keys: RunnerStatusKey[] = race.runners.map((r) => ({
    label: r.spec.label,
    status: r.status,
    step: r.statusStep ?? 0,
    settledAtMinimum: r.settledAt !== null,
    divergedBecause: r.divergedBecause,
  }));
  return JSON.stringify(keys);
}

/**
 * The runners that reached an end between `before` and `now` (read by {@link readStatuses}): a
 * runner is news when it is no longer running and was running, or was not there, before. A
 * restart (every runner running again) is no news; nor is anything on the first read.
 */
export function newlyFinished(before: string | null, now: string): FinishedStatus[] {
  if (before === null || before === now) return [];
  const old = JSON.parse(before) as RunnerStatusKey[];
  const current = JSON.parse(now) as RunnerStatusKey[];
  return current.filter((r, i): r is FinishedStatus => {
    if (r.status === 'running') return false;
    const was = old[i];
    return !was || was.label !== r.label || was.status !== r.status || was.step !== r.step;
  });
}
