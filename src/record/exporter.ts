import { BufferTarget, CanvasSource, Output, type VideoCodec } from 'mediabunny';
import type { Messages } from '../i18n';
import type { RaceStore } from '../store/race-store';
import { applyOrbit, applyView } from './camera';
import { canvasHandle, type CanvasHandle } from './canvas-handle';
import { CLIP_QUALITY, chooseCodec, outputFormat, type ClipFormat } from './codecs';
import { createCompositor, type Compositor } from './compositor';
import { clipFileName, snapshotFileName } from './file-name';
import { readOverlayContent, type OverlayOptions } from './overlay-content';
import { finishStep, freshRace, stepRaceTo, type RaceSettings } from './race-replay';
import type { FrameSize } from './render-size';
import {
  frameTime,
  maxStepsFor,
  orbitAngle,
  planClip,
  scheduledStep,
  secondsLeft,
  type ClipLength,
  type ClipSchedule,
} from './schedule';
import { settle, takeOver, type Takeover } from './takeover';

/** How the camera moves during a clip. */
export type CameraMotion = 'current' | 'orbit';

/** One full turn of the orbit camera takes this long. */
export const ORBIT_SECONDS_PER_TURN = 40;

/** Everything a clip is made from besides the race settings (which come from the store). */
export interface ClipSettings {
  format: ClipFormat;
  size: FrameSize;
  fps: number;
  length: ClipLength;
  stepsPerSecond: number;
  camera: CameraMotion;
  overlays: OverlayOptions;
}

export interface ExportProgress {
  done: number;
  total: number;
  /** Null until the first frame is done. */
  secondsLeft: number | null;
}

/** How an export ended: a file, a cancel, or why it failed. */
export type ExportResult =
  | {
      kind: 'done';
      blob: Blob;
      fileName: string;
      codec: VideoCodec;
      schedule: ClipSchedule;
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: 'no-canvas' | 'no-codec' | 'busy' | 'error'; message?: string };

/** What an export reports while it runs. */
export interface ExportHooks {
  signal?: AbortSignal;
  onStart?(codec: VideoCodec, schedule: ClipSchedule): void;
  onProgress?(progress: ExportProgress): void;
}

/** The race settings of the store, as a clip replays them. */
export function raceSettingsOf(store: RaceStore): RaceSettings {
  const { landscape, start, runners, shake, batch, race } = store.getState();
  return { landscape, start, runners, shake, batch, batchChanges: [...race.batchChanges] };
}

/** Plans a clip of a race: looks ahead for the finish when the length asks for it. */
export function planFor(
  race: RaceSettings,
  settings: Pick<ClipSettings, 'fps' | 'stepsPerSecond' | 'length'>,
): ClipSchedule {
  const timing = { fps: settings.fps, stepsPerSecond: settings.stepsPerSecond };
  const finish =
    settings.length.kind === 'until-finished'
      ? finishStep(race, maxStepsFor(settings.length, timing))
      : null;
  return planClip(timing, settings.length, finish);
}

let busy = false;

/** Renders the current frame of the canvas at the compositor's size and composes the overlays. */
function composeFrame(
  handle: CanvasHandle,
  store: RaceStore,
  t: Messages,
  compositor: Compositor,
  overlays: OverlayOptions,
  size: FrameSize,
): void {
  const view = handle.gl.domElement;
  const content = readOverlayContent(
    store.getState(),
    t,
    {
      balls: handle.scene.getObjectByName('balls'),
      camera: handle.camera,
      panes: handle.panes,
      pixelRatio: size.width / handle.read().width,
    },
    { width: size.width, height: size.height, scale: compositor.scale },
  );
  compositor.compose(view, content, overlays);
}

/**
 * Renders a clip frame by frame and encodes it: the canvas runs with frameloop "never", each
 * frame steps a fresh copy of the race to its scheduled step, places the camera, `advance`s the
 * canvas to t = n / fps, composes the overlays and hands the frame to the encoder, waiting for it
 * when it is busy. Nothing is dropped, and the same settings and seed give the same clip. The live
 * race, camera, size and play state are put back afterwards, also on cancel or failure.
 */
export async function exportClip(
  store: RaceStore,
  t: Messages,
  settings: ClipSettings,
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  const handle = canvasHandle.current;
  if (!handle) return { kind: 'failed', reason: 'no-canvas' };
  if (busy) return { kind: 'failed', reason: 'busy' };
  busy = true;
  let output: Output | null = null;
  try {
    const { size, fps } = settings;
    const codec = await chooseCodec(settings.format, size, fps);
    if (!codec) return { kind: 'failed', reason: 'no-codec' };
    const schedule = planFor(raceSettingsOf(store), settings);
    hooks.onStart?.(codec, schedule);
    const { scene, landscape } = store.getState();
    const compositor = createCompositor(size);
    const format = outputFormat(settings.format);
    const target = new BufferTarget();
    output = new Output({ format, target });
    const source = new CanvasSource(compositor.canvas, {
      codec,
      quality: CLIP_QUALITY,
      latencyMode: 'quality',
    });
    output.addVideoTrack(source, { frameRate: fps });
    await output.start();

    const takeover = takeOver(handle, store, size, freshRace(raceSettingsOf(store)));
    try {
      await settle();
      await renderFrames(handle, store, t, settings, schedule, takeover, compositor, source, hooks);
    } finally {
      // The live app comes back before the file is written out.
      takeover.restore();
    }
    if (hooks.signal?.aborted) {
      await output.cancel();
      return { kind: 'cancelled' };
    }
    await output.finalize();
    const buffer = target.buffer;
    if (!buffer) return { kind: 'failed', reason: 'error', message: 'the encoder wrote nothing' };
    return {
      kind: 'done',
      blob: new Blob([buffer], { type: format.mimeType }),
      fileName: clipFileName(
        { scene, landscapeId: landscape.id, ...size },
        fps,
        format.fileExtension,
      ),
      codec,
      schedule,
    };
  } catch (error) {
    if (output && output.state !== 'finalized' && output.state !== 'canceled')
      await output.cancel().catch(() => undefined);
    return { kind: 'failed', reason: 'error', message: String(error) };
  } finally {
    busy = false;
  }
}

/** The frame loop of {@link exportClip}; stops early when the signal aborts. */
async function renderFrames(
  handle: CanvasHandle,
  store: RaceStore,
  t: Messages,
  settings: ClipSettings,
  schedule: ClipSchedule,
  takeover: Takeover,
  compositor: Compositor,
  source: CanvasSource,
  hooks: ExportHooks,
): Promise<void> {
  const { fps, size } = settings;
  const { race } = takeover;
  const began = performance.now();
  for (let n = 0; n < schedule.frames; n++) {
    if (hooks.signal?.aborted) return;
    // Held frames repeat the composed final frame as it is.
    if (n < schedule.raceFrames) {
      takeover.hold();
      stepRaceTo(race, scheduledStep(n, schedule));
      // The swarm (in its worker) at the same step: a clip shows every ball where it was.
      await store.getState().reachSwarmStep(scheduledStep(n, schedule));
      if (settings.camera === 'orbit') {
        const angle = orbitAngle(n, fps, ORBIT_SECONDS_PER_TURN);
        applyOrbit(handle.camera, handle.controls, takeover.view, angle);
      } else applyView(handle.camera, handle.controls, takeover.view);
      handle.advance(frameTime(n, fps));
      composeFrame(handle, store, t, compositor, settings.overlays, size);
    }
    await source.add(frameTime(n, fps), 1 / fps);
    hooks.onProgress?.({
      done: n + 1,
      total: schedule.frames,
      secondsLeft: secondsLeft(n + 1, schedule.frames, performance.now() - began),
    });
  }
}

/** A still of the live race at `size`, with the overlays, as a PNG. */
export async function snapshot(
  store: RaceStore,
  t: Messages,
  size: FrameSize,
  overlays: OverlayOptions,
): Promise<
  { kind: 'done'; blob: Blob; fileName: string } | Extract<ExportResult, { kind: 'failed' }>
> {
  const handle = canvasHandle.current;
  if (!handle) return { kind: 'failed', reason: 'no-canvas' };
  if (busy) return { kind: 'failed', reason: 'busy' };
  busy = true;
  const state = store.getState();
  const names = { scene: state.scene, landscapeId: state.landscape.id };
  const step = state.race.step;
  let takeover: Takeover | null = null;
  try {
    takeover = takeOver(handle, store, size, null);
    await settle();
    takeover.hold();
    applyView(handle.camera, handle.controls, takeover.view);
    const compositor = createCompositor(size);
    handle.advance(0);
    composeFrame(handle, store, t, compositor, overlays, size);
    const blob = await new Promise<Blob | null>((resolve) =>
      compositor.canvas.toBlob(resolve, 'image/png'),
    );
    if (!blob) return { kind: 'failed', reason: 'error', message: 'the PNG encoder gave nothing' };
    return { kind: 'done', blob, fileName: snapshotFileName({ ...names, ...size }, step) };
  } catch (error) {
    return { kind: 'failed', reason: 'error', message: String(error) };
  } finally {
    takeover?.restore();
    busy = false;
  }
}
