/**
 * The frame scheduler of a clip: which race step each video frame shows, how many frames the clip
 * has, and where it holds. Pure arithmetic over integers, so the same settings always give the
 * same frames.
 *
 * Frame n is shown at t = n / fps seconds and shows race step ⌊n · stepsPerSecond / fps⌋ (frame 0
 * is the start, step 0), capped at the clip's last step. With integer fps and steps per second the
 * floor is exact, so fractional steps per frame (e.g. 30 steps/s at 60 fps = ½ step a frame)
 * never drift.
 */

/** How long a clip runs: a fixed number of seconds, or until every runner has settled. */
export type ClipLength =
  | { kind: 'seconds'; seconds: number }
  | {
      kind: 'until-finished';
      /** The final frame is held this long after the race finishes. */
      holdSeconds: number;
      /** A race that has not finished by then is cut here (and the clip says so). */
      maxSeconds: number;
    };

/** What a clip's timing depends on. */
export interface ClipTiming {
  /** Video frames per second (a positive integer). */
  fps: number;
  /** Race steps per second of video (a positive integer). */
  stepsPerSecond: number;
}

/** Every frame of a clip, planned before the first one is drawn. */
export interface ClipSchedule extends ClipTiming {
  /** Frames in the clip. */
  frames: number;
  /** Frames that show the race moving; the rest repeat the last of them. */
  raceFrames: number;
  /** Frames after `raceFrames` that hold the final frame. */
  holdFrames: number;
  /** The last race step the clip shows. */
  lastStep: number;
  /** True when "until finished" hit `maxSeconds` before the race finished. */
  capped: boolean;
}

/** Seconds at which frame n is shown: n / fps. */
export function frameTime(frame: number, fps: number): number {
  return frame / fps;
}

/** The race step frame n shows, before any cap: ⌊n · stepsPerSecond / fps⌋. */
export function stepAtFrame(frame: number, timing: ClipTiming): number {
  return Math.floor((frame * timing.stepsPerSecond) / timing.fps);
}

/** The race step frame n of `schedule` shows (held frames show the last step). */
export function scheduledStep(frame: number, schedule: ClipSchedule): number {
  return Math.min(
    stepAtFrame(Math.min(frame, schedule.raceFrames - 1), schedule),
    schedule.lastStep,
  );
}

/** Race steps to take just before drawing frame n (0 for frame 0 and for held frames). */
export function stepsBeforeFrame(frame: number, schedule: ClipSchedule): number {
  if (frame <= 0) return 0;
  return scheduledStep(frame, schedule) - scheduledStep(frame - 1, schedule);
}

/** The first frame that shows step `step` (or a later one): ⌈step · fps / stepsPerSecond⌉. */
export function firstFrameShowing(step: number, timing: ClipTiming): number {
  return Math.ceil((step * timing.fps) / timing.stepsPerSecond);
}

/** The most steps "until finished" ever needs to look ahead, given its cap. */
export function maxStepsFor(length: ClipLength, timing: ClipTiming): number {
  const seconds = length.kind === 'seconds' ? length.seconds : length.maxSeconds;
  return stepAtFrame(Math.max(1, Math.round(seconds * timing.fps)) - 1, timing);
}

/**
 * Plans a clip. `finishStep` is the step at which the race finishes (null: not within the cap);
 * only "until finished" uses it. A fixed length has round(seconds · fps) frames (at least one);
 * "until finished" runs to the first frame showing `finishStep`, then holds it for
 * round(holdSeconds · fps) frames.
 */
export function planClip(
  timing: ClipTiming,
  length: ClipLength,
  finishStep: number | null,
): ClipSchedule {
  if (length.kind === 'seconds') {
    const frames = Math.max(1, Math.round(length.seconds * timing.fps));
    const lastStep = stepAtFrame(frames - 1, timing);
    return { ...timing, frames, raceFrames: frames, holdFrames: 0, lastStep, capped: false };
  }
  const maxFrames = Math.max(1, Math.round(length.maxSeconds * timing.fps));
  const needed = finishStep === null ? Infinity : firstFrameShowing(finishStep, timing) + 1;
  if (needed > maxFrames) {
    const lastStep = stepAtFrame(maxFrames - 1, timing);
    return {
      ...timing,
      frames: maxFrames,
      raceFrames: maxFrames,
      holdFrames: 0,
      lastStep,
      capped: true,
    };
  }
  const holdFrames = Math.max(0, Math.round(length.holdSeconds * timing.fps));
  return {
    ...timing,
    frames: needed + holdFrames,
    raceFrames: needed,
    holdFrames,
    lastStep: finishStep ?? 0,
    capped: false,
  };
}

/** The clip's duration in seconds. */
export function clipSeconds(schedule: ClipSchedule): number {
  return schedule.frames / schedule.fps;
}

/**
 * Seconds left, from the mean time per frame so far (null before the first frame is done).
 */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0) return null;
  return ((elapsedMs / done) * Math.max(0, total - done)) / 1000;
}

/**
 * The orbit camera's turn at frame n, in radians: a full turn every `secondsPerTurn` seconds of
 * video, so the motion looks the same at 30 and 60 fps.
 */
export function orbitAngle(frame: number, fps: number, secondsPerTurn: number): number {
  return (2 * Math.PI * frameTime(frame, fps)) / secondsPerTurn;
}
