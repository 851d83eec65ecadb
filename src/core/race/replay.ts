import { createHistory, pushHistory } from './history';
import type { Race, ReplayTrack, Runner } from './types';

/**
 * Puts a runner of a played-back race at the start of its track: point 0, loss 0, nothing
 * stepped. A runner without a track (more runners than tracks) stands at the start, `trained` at
 * step 0.
 */
export function startReplayRunner(runner: Runner, track: ReplayTrack | undefined): void {
  runner.history = createHistory();
  runner.gradient.fill(0);
  runner.sampler = null;
  runner.batchHistory = null;
  if (!track || track.loss.length === 0) {
    runner.status = 'trained';
    runner.statusStep = 0;
    pushHistory(runner.history, runner.point[0]!, runner.point[1]!, runner.loss);
    return;
  }
  runner.point[0] = track.points[0]!;
  runner.point[1] = track.points[1]!;
  runner.previousPoint.set(runner.point);
  runner.loss = track.loss[0]!;
  // The rate the next step uses, as the track trained it (its schedule is not stepped here).
  if (track.lr.length > 0) runner.schedule.lr = track.lr[0]!;
  runner.status = 'running';
  runner.statusStep = null;
  runner.divergedBecause = null;
  pushHistory(runner.history, runner.point[0]!, runner.point[1]!, runner.loss);
}

/**
 * One step of a played-back race: each runner moves to the next point of its track (k = the race's
 * new step), with its loss and the rate that step used. A runner whose track's update at step k
 * was not finite is `diverged` there and stays put; one that reaches the end of its track is
 * `trained`.
 */
export function stepReplay(race: Race): void {
  const tracks = race.replay!;
  race.step += 1;
  const k = race.step;
  race.runners.forEach((runner, i) => {
    if (runner.status !== 'running') return;
    const track = tracks[i]!;
    const last = track.loss.length - 1;
    if (track.divergedAt !== null && k >= track.divergedAt) {
      runner.status = 'diverged';
      runner.statusStep = k;
      runner.divergedBecause = 'not-finite';
      return;
    }
    runner.previousPoint.set(runner.point);
    runner.point[0] = track.points[2 * k]!;
    runner.point[1] = track.points[2 * k + 1]!;
    runner.loss = track.loss[k]!;
    runner.lastLr = track.lr[k - 1]!;
    runner.schedule.lr = track.lr[Math.min(k, track.lr.length - 1)]!;
    pushHistory(runner.history, runner.point[0]!, runner.point[1]!, runner.loss);
    if (k >= last) {
      runner.status = 'trained';
      runner.statusStep = k;
    }
  });
}
