import type { NetId, PaletteName } from '../core';
import type {
  Domain,
  Landscape,
  OptimizerKind,
  OptimizerSpec,
  ParseError,
  Race,
  RunnerSpec,
  Shake,
  SurfaceGrid,
  WorldFrame,
} from '../core';
import type { Language, Notice } from '../i18n';
import type { SwarmSlice } from './swarm-slice';

/** A runner as the app keeps it: the core's spec plus a stable id and whether it is shown. */
export interface RunnerSettings extends RunnerSpec {
  id: number;
  visible: boolean;
}

/** A typed-in function as last typed, whether or not it parsed. */
export interface FunctionInput {
  text: string;
  domain: Domain;
  /** The parser's error for `text`, or null when the surface shows it. */
  error: ParseError | null;
}

/** Overlay: every runner on one surface. Split: up to four panes, each with a subset of runners. */
export type Layout = 'overlay' | 'split';

/**
 * The background work on the landscape being shown or about to be: sampling the surface (coarse
 * first, then fine) and, for a typed function, searching its minima. `stage` is null when idle.
 */
export interface SurfaceWork {
  stage: 'surface' | 'minima' | null;
  /** 0…1 within the stage. */
  progress: number;
  /** The landscape the work is for (null when idle). */
  formula: string | null;
}

/** A network's training under way in a worker (`stage` null when idle); progress 0…1. */
export interface NetWork {
  stage: 'training' | null;
  progress: number;
}

/** The race slice: what races, on what, from where — and the live race itself. */
export interface RaceSlice {
  landscape: Landscape;
  /** The landscape sampled on a grid (coarse at first, 256 × 256 once the worker is done). */
  surface: SurfaceGrid;
  frame: WorldFrame;
  /** The last typed function (shown in its field even when it does not parse). */
  functionInput: FunctionInput | null;
  start: [number, number];
  runners: RunnerSettings[];
  shake: Shake;
  /**
   * On a dataset's landscape: the batch size of runners that do not set their own (null: the
   * full data, n).
   */
  batch: number | null;
  /** The live race: stepped in place every frame, replaced on every restart. Read it with getState(). */
  race: Race;
  /** The preset scene the settings came from, if any. */
  scene: string | null;
  /** True once every runner has converged, got stuck or diverged (the race then pauses). */
  finished: boolean;
  /** Surface sampling and minima search under way in a worker. */
  surfaceWork: SurfaceWork;
  /** On a network: its training under way in a worker (the shown race stays until it is done). */
  netWork: NetWork;

  reset(): void;
  setStart(x: number, y: number): void;
  setLandscape(landscape: Landscape): void;
  setPreset(id: string): void;
  /** Parses and shows a typed function; on an error keeps the last valid surface and records it. */
  setFunction(text: string, domain?: Domain): void;
  setShake(shake: Partial<Shake>): void;
  /** Sets the race's default batch size (null: full batch); clamped to 1 … n. */
  setBatch(batch: number | null): void;
  /** On a dataset's landscape: its data in raw units (true) or standardized (false). */
  setRaw(raw: boolean): void;
  /** Adds a runner and returns its id, or null at the limit of {@link MAX_RUNNERS} (with a notice). */
  addRunner(kind?: OptimizerKind): number | null;
  /** Copies a runner; returns the copy's id, or null when there is none or at the limit. */
  duplicateRunner(id: number): number | null;
  removeRunner(id: number): void;
  updateRunner(
    id: number,
    patch: Partial<Omit<RunnerSettings, 'id' | 'optimizer'>> & { optimizer?: OptimizerSpec },
  ): void;
  applyScene(id: string): void;
  /** Opens a network (trained in a worker; the current landscape stays until it is ready). */
  setNet(id: NetId, patch?: Partial<RaceState>): void;
  /** On a network whose start was moved: fits the plane of training again from that start. */
  refitPlane(): void;
  /**
   * On a played-back race (a network's): shows it at `step` (clamped to its tracks), paused —
   * the scrub bar. Elsewhere it does nothing (a live race cannot be wound back cheaply).
   */
  seek(step: number): void;
}

/** The playback slice: play, pause, step, and the clock that turns elapsed time into steps. */
export interface PlaybackSlice {
  playing: boolean;
  /** Race steps per second of wall time (60 = 1×). */
  speed: number;
  /**
   * Non-reactive clock state: fractional steps carried between frames, and whether the next
   * frame is the first after play (its elapsed time is the pause, not a frame).
   */
  clock: { carry: number; resumed: boolean; swarmTarget: number };

  /** Advances a playing race by `seconds` of wall time × speed steps (within a time budget). */
  tick(seconds: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepOnce(): void;
  setSpeed(stepsPerSecond: number): void;
  /**
   * In swarm mode: the swarm reached `step` (settled: none of its balls is still running); the
   * race steps up to it (never beyond the step asked for), and finishes when both are done.
   */
  followSwarm(step: number, settled: boolean): void;
}

/** The view slice: how the race is shown. */
export interface ViewSlice {
  verticalScale: number;
  wireframe: boolean;
  showTopView: boolean;
  layout: Layout;
  /** Runner ids shown in each pane of the split layout. */
  panes: number[][];
  /** The runner whose live values the formula panel shows. */
  selectedRunner: number;
  language: Language;
  /** True while a clip or snapshot renders: the panels are inert meanwhile. */
  exporting: boolean;
  /**
   * On a dataset's landscape: draw the loss of the selected runner's current batch instead of
   * the full-data loss (which stays as contour lines): the shaken bag.
   */
  batchSurface: boolean;
  /** Presenter mode: the stage fills the screen, panels hide, the text is large. */
  presenting: boolean;
  /** In presenter mode, the stage blanked (B), as a projector's mute. */
  blanked: boolean;
  /** The runner colours' palette: the lecture's, or the colour-blind-safe one. */
  palette: PaletteName;

  setVerticalScale(scale: number): void;
  setWireframe(on: boolean): void;
  setShowTopView(on: boolean): void;
  setLayout(layout: Layout): void;
  setPanes(panes: number[][]): void;
  selectRunner(id: number): void;
  setLanguage(language: Language): void;
  setExporting(on: boolean): void;
  setBatchSurface(on: boolean): void;
  setPresenting(on: boolean): void;
  setBlanked(on: boolean): void;
  /** Switches the palette: each runner takes its colour's counterpart (picked colours stay). */
  setPalette(palette: PaletteName): void;
}

/** The notices slice: messages for the user (a bad link, a finished race), newest last. */
export interface NoticesSlice {
  notices: Notice[];
  notify(notice: Notice): void;
  dismissNotice(index: number): void;
}

/** Everything the app shows, plus the actions that change it. */
export type RaceState = RaceSlice & PlaybackSlice & ViewSlice & NoticesSlice & SwarmSlice;

/** What a store starts from. */
export interface RaceSetup {
  landscape: Landscape;
  functionInput?: FunctionInput | null;
  start?: [number, number] | null;
  runners?: RunnerSpec[];
  shake?: Shake;
  batch?: number | null;
  scene?: string | null;
  playing?: boolean;
  notices?: Notice[];
  language?: Language;
  layout?: Layout;
  panes?: number[][];
  /** Balls per runner of a swarm (absent: no swarm). */
  swarm?: number;
  /** Cells per side of the basin maps (absent: none). */
  basins?: number;
  /** A network to open once the store exists (trained in the background). */
  net?: NetId;
}

/** zustand's set and get for a slice. */
export type SetState = (patch: Partial<RaceState>) => void;
export type GetState = () => RaceState;
