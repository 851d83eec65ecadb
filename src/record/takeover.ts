import type { Race } from '../core';
import type { RaceStore } from '../store/race-store';
import { applyView, readView, type CameraView } from './camera';
import type { CanvasHandle, CanvasState } from './canvas-handle';
import { renderScale, type FrameSize } from './render-size';

/**
 * The canvas and store handed to the recorder: the frame loop stopped (frames come only from
 * `advance`), the canvas laid out at the clip's size, the race paused (and for a clip, a fresh
 * race in place of the live one), the orbit controls still. `restore` puts every one of these
 * back as it was, so the live app carries on exactly where it stood.
 */
export interface Takeover {
  /** The camera's view when the takeover began, settled (no damping left to play out). */
  readonly view: CameraView;
  /** The race the canvas shows meanwhile (the fresh one for a clip, else the live one). */
  readonly race: Race;
  /** Puts back the render size and the pause if anything changed them (a resize, a key). */
  hold(): void;
  restore(): void;
}

interface Saved {
  canvas: CanvasState;
  view: CameraView;
  controls: { enabled: boolean; enableDamping: boolean } | null;
  race: Race;
  /** The settings the saved race was made from: if any changed meanwhile, it is stale. */
  settings: readonly unknown[];
  playing: boolean;
  finished: boolean;
  carry: number;
}

/**
 * What a race is made from: its landscape (by formula and domain: newly found minima give a new
 * object for the same function), start, runners and shake.
 */
const raceSettings = (s: ReturnType<RaceStore['getState']>): readonly unknown[] => [
  s.landscape.formula,
  s.landscape.domain,
  s.start,
  s.runners,
  s.shake,
];

/** A breath before the frame loop: the page paints the dialog's progress view. */
export function settle(ms = 40): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function takeOver(
  handle: CanvasHandle,
  store: RaceStore,
  frame: FrameSize,
  race: Race | null,
): Takeover {
  const state = store.getState();
  const controls = handle.controls;
  const saved: Saved = {
    canvas: handle.read(),
    view: readView(handle.camera, controls),
    controls: controls && { enabled: controls.enabled, enableDamping: controls.enableDamping },
    race: state.race,
    settings: raceSettings(state),
    playing: state.playing,
    finished: state.finished,
    carry: state.clock.carry,
  };
  // Let any damping still under way finish at once, so the export starts from a still view.
  if (controls) {
    controls.enabled = false;
    controls.enableDamping = false;
    controls.update();
  }
  const view = readView(handle.camera, controls);
  const dpr = renderScale(frame);
  const width = frame.width / dpr;
  const height = frame.height / dpr;
  const exportRace = race ?? state.race;

  const hold = () => {
    const now = handle.read();
    if (now.dpr !== dpr) handle.setDpr(dpr);
    if (now.width !== width || now.height !== height) handle.setSize(width, height);
    const s = store.getState();
    if (s.playing || s.race !== exportRace) store.setState({ playing: false, race: exportRace });
  };

  handle.setFrameloop('never');
  // The panels are inert meanwhile (App reads `exporting`), and keys leave the race alone.
  store.setState({ playing: false, race: exportRace, finished: false, exporting: true });
  hold();

  return {
    view,
    race: exportRace,
    hold,
    restore() {
      const c = saved.canvas;
      handle.setDpr(c.dpr);
      handle.setSize(c.width, c.height, c.top, c.left);
      const now = store.getState();
      const unchanged = raceSettings(now).every((v, i) => v === saved.settings[i]);
      if (unchanged) {
        store.setState({ race: saved.race, playing: saved.playing, finished: saved.finished });
        store.getState().clock.carry = saved.carry;
      } else {
        // Something changed the race's settings during the export (it should not, the panels
        // are inert; a link or a script might): the old race would show the wrong runners, so
        // the live app starts a fresh race from the settings as they are now.
        store.setState({ playing: saved.playing });
        now.reset();
      }
      // The first live frame measures the time the export took: it must not turn into steps.
      store.getState().clock.resumed = true;
      store.setState({ exporting: false });
      applyView(handle.camera, controls, saved.view);
      if (controls && saved.controls) {
        controls.enableDamping = saved.controls.enableDamping;
        controls.enabled = saved.controls.enabled;
        controls.update();
      }
      handle.setFrameloop(c.frameloop);
    },
  };
}
