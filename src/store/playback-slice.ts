import { raceFinished, stepRace } from '../core';
import type { Notice } from '../i18n';
import type { SwarmJobs } from './swarm-jobs';
import { swarmLive } from './swarm-live';
import type { GetState, PlaybackSlice, SetState } from './types';

/** Playback speeds in race steps per second of wall time (60 = 1×), slowest first. */
export const SPEEDS = [15, 30, 60, 120, 300, 600, 1200, 3000, 10_000, 100_000] as const;

/** 1× playback: one step per frame of a 60 Hz display. */
export const ONE_X = 60;

/**
 * The longest wall time one frame may turn into steps. A longer gap is a real pause (a hidden tab,
 * a breakpoint), not a slow frame: software rendering on a busy machine takes up to a second or
 * more a frame, so the race must not be held back below that.
 */
export const MAX_FRAME_SECONDS = 2;

/**
 * Main-thread time one frame may spend stepping. At fast-forward a slow function cannot keep up;
 * the race then runs as fast as this allows instead of freezing the page.
 */
export const STEP_BUDGET_MS = 10;

/**
 * Steps the race up to `steps` times, stopping early when it finishes or (with a budget) when
 * `budgetMs` of time is spent; returns the steps taken. When every runner has finished it pauses
 * the race and says so.
 */
export function advanceRace(
  set: SetState,
  get: GetState,
  steps: number,
  budgetMs = Infinity,
  swarmSettled = false,
): number {
  const { race, swarmOn } = get();
  const began = budgetMs < Infinity ? performance.now() : 0;
  let taken = 0;
  // With a swarm the race goes on after its own runners finish: the swarm decides (followSwarm).
  while (taken < steps && (swarmOn || !raceFinished(race))) {
    stepRace(race);
    taken++;
    if (budgetMs < Infinity && (taken & 15) === 0 && performance.now() - began > budgetMs) break;
  }
  if (raceFinished(race) && !get().finished && (!swarmOn || swarmSettled)) {
    const notice: Notice = {
      key: 'finished',
      args: {
        runners: race.runners.map((r) => ({
          label: r.spec.label,
          status: r.status as 'converged' | 'stuck' | 'diverged' | 'trained',
          step: r.statusStep ?? 0,
        })),
      },
    };
    set({
      playing: false,
      finished: true,
      notices: [...get().notices.filter((n) => n.key !== 'finished'), notice],
    });
  }
  return taken;
}

/** Play, pause, single steps and the time-based clock (see {@link PlaybackSlice}). */
export function playbackSlice(
  set: SetState,
  get: GetState,
  playing: boolean,
  swarmJobs: SwarmJobs,
): PlaybackSlice {
  /** In swarm mode the clock asks the swarm for steps; the race follows its frames. */
  const askSwarm = (steps: number) => {
    const { clock, race } = get();
    clock.swarmTarget = Math.max(clock.swarmTarget, race.step) + steps;
    swarmJobs.advance(clock.swarmTarget);
  };
  return {
    playing,
    speed: ONE_X,
    clock: { carry: 0, resumed: false, swarmTarget: 0 },

    tick(seconds) {
      const { playing, speed, clock } = get();
      if (!playing || !(seconds > 0)) return;
      if (clock.resumed) {
        // The first frame after play may measure the pause before it (a hidden tab, an export):
        // the race starts from here instead of catching up.
        clock.resumed = false;
        return;
      }
      clock.carry += Math.min(seconds, MAX_FRAME_SECONDS) * speed;
      const steps = Math.floor(clock.carry);
      clock.carry -= steps;
      if (steps === 0) return;
      if (get().swarmOn) {
        const { clock, race } = get();
        // A race left behind the swarm's frames (its steps are budgeted) catches up first.
        const frame = swarmLive.frame;
        const have = Math.min(frame?.step ?? 0, clock.swarmTarget);
        if (race.step < have) {
          const settled = frame?.runners.every((r) => r.counts.running === 0) ?? false;
          advanceRace(set, get, have - race.step, STEP_BUDGET_MS, settled);
          clock.carry = 0;
          return;
        }
        // Ask no further ahead than the swarm has got: a slow swarm sets the pace.
        if (clock.swarmTarget <= race.step) askSwarm(steps);
        else clock.carry = 0;
        return;
      }
      const taken = advanceRace(set, get, steps, STEP_BUDGET_MS);
      // What the budget did not allow is dropped, not owed: the race never lags behind in a queue.
      if (taken < steps) clock.carry = 0;
    },
    play() {
      if (raceFinished(get().race)) get().reset();
      if (!get().playing) get().clock.resumed = true;
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    stepOnce() {
      set({ playing: false });
      if (get().swarmOn) askSwarm(1);
      else advanceRace(set, get, 1);
    },
    followSwarm(step, settled) {
      // A clip being rendered steps its own race to each frame's step.
      if (get().exporting) return;
      const { race, clock } = get();
      const to = Math.min(step, clock.swarmTarget);
      if (to > race.step) advanceRace(set, get, to - race.step, STEP_BUDGET_MS, settled);
      else if (settled && step >= race.step) advanceRace(set, get, 0, Infinity, settled);
    },
    setSpeed(stepsPerSecond) {
      if (Number.isFinite(stepsPerSecond))
        set({ speed: Math.min(SPEEDS.at(-1)!, Math.max(SPEEDS[0], stepsPerSecond)) });
    },
  };
}
