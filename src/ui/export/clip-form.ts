import type { ClipFormat } from '../../record/codecs';
import type { CameraMotion, ClipSettings } from '../../record/exporter';
import { ALL_OVERLAYS, type OverlayOptions } from '../../record/overlay-content';
import { parseResolution, sizeProblem, type FrameSize } from '../../record/render-size';

/** "Until finished" holds the final frame this long. */
export const HOLD_SECONDS = 2;
/** "Until finished" never runs longer than this. */
export const MAX_SECONDS = 120;
/** A fixed length lies in this range. */
export const SECONDS_RANGE = { min: 0.5, max: 600 } as const;
export const FRAME_RATES = [30, 60] as const;

/** The export dialog's fields as the user set them (numbers may be out of range while typing). */
export interface ClipForm {
  format: ClipFormat;
  /** "1280x720" or "custom". */
  resolution: string;
  customWidth: number;
  customHeight: number;
  fps: number;
  lengthKind: 'seconds' | 'until-finished';
  seconds: number;
  stepsPerSecond: number;
  camera: CameraMotion;
  overlays: OverlayOptions;
}

/** The fastest a clip may play the race, in steps per second of video. */
export const MAX_CLIP_STEPS_PER_SECOND = 10_000;

/** The dialog's first settings: 720p at 60 fps, ten seconds, the race at the live speed (steps per second). */
export function defaultForm(liveSpeed: number): ClipForm {
  return {
    format: 'mp4',
    resolution: '1280x720',
    customWidth: 1280,
    customHeight: 720,
    fps: 60,
    lengthKind: 'seconds',
    seconds: 10,
    // The live speed is already in race steps per second (60 = 1×): a clip plays as the page does.
    stepsPerSecond: Math.min(MAX_CLIP_STEPS_PER_SECOND, Math.max(1, Math.round(liveSpeed))),
    camera: 'current',
    overlays: { ...ALL_OVERLAYS },
  };
}

/** The frame size the form asks for. */
export function formSize(form: ClipForm): FrameSize {
  if (form.resolution === 'custom') return { width: form.customWidth, height: form.customHeight };
  return parseResolution(form.resolution) ?? { width: 1280, height: 720 };
}

/** What stops the form from being exported, if anything. */
export type FormProblem = 'not-even' | 'out-of-range' | 'bad-seconds' | 'bad-steps';

export function formProblem(form: ClipForm): FormProblem | null {
  const size = sizeProblem(formSize(form));
  if (size) return size;
  if (
    form.lengthKind === 'seconds' &&
    !(form.seconds >= SECONDS_RANGE.min && form.seconds <= SECONDS_RANGE.max)
  )
    return 'bad-seconds';
  if (!(
    Number.isInteger(form.stepsPerSecond) &&
    form.stepsPerSecond >= 1 &&
    form.stepsPerSecond <= MAX_CLIP_STEPS_PER_SECOND
  ))
    return 'bad-steps';
  return null;
}

/** The exporter's settings for a valid form. */
export function clipSettings(form: ClipForm): ClipSettings {
  return {
    format: form.format,
    size: formSize(form),
    fps: form.fps,
    length:
      form.lengthKind === 'seconds'
        ? { kind: 'seconds', seconds: form.seconds }
        : { kind: 'until-finished', holdSeconds: HOLD_SECONDS, maxSeconds: MAX_SECONDS },
    stepsPerSecond: form.stepsPerSecond,
    camera: form.camera,
    overlays: form.overlays,
  };
}
