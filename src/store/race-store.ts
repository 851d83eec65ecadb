import { createStore } from 'zustand/vanilla';
import {
  createRace,
  defaultRunnersFor,
  NO_SHAKE,
  raceFinished,
  sampleSurface,
  stepRace,
  suggestedLearningRate,
  worldFrame,
  type Landscape,
  type OptimizerSpec,
  type Race,
  type RunnerSpec,
  type Shake,
  type SurfaceGrid,
  type WorldFrame,
} from '../core';

/** Playback speeds: steps per animation frame (0.25 = one step every 4th frame). */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20] as const;

/** Vertical scale range of the surface. */
export const VERTICAL_SCALE = { min: 0.2, max: 3 } as const;

/** Everything the app shows, plus the actions that change it. */
export interface RaceState {
  landscape: Landscape;
  /** The landscape sampled on a 256 × 256 grid, with its height map (shared by mesh and top view). */
  surface: SurfaceGrid;
  frame: WorldFrame;
  start: [number, number];
  runners: RunnerSpec[];
  shake: Shake;
  /** The live race: stepped in place every frame, replaced on every restart. Read it with getState(). */
  race: Race;
  playing: boolean;
  /** Race steps per animation frame. */
  speed: number;
  verticalScale: number;
  wireframe: boolean;
  showTopView: boolean;
  /** True once every runner has converged, got stuck or diverged (the race then pauses). */
  finished: boolean;
  /** Messages for the user (a bad link, a finished race); newest last. */
  notices: string[];
  /** Non-reactive per-frame bookkeeping (fractional steps at speeds below 1). */
  clock: { carry: number };

  tick(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepOnce(): void;
  reset(): void;
  setStart(x: number, y: number): void;
  setSpeed(speed: number): void;
  setLandscape(landscape: Landscape): void;
  updateRunner(
    index: number,
    patch: Partial<Omit<RunnerSpec, 'optimizer'>> & { optimizer?: OptimizerSpec },
  ): void;
  setVerticalScale(scale: number): void;
  setWireframe(on: boolean): void;
  setShowTopView(on: boolean): void;
  notify(message: string): void;
  dismissNotice(index: number): void;
}

/** What a store starts from. */
export interface RaceSetup {
  landscape: Landscape;
  start?: [number, number] | null;
  runners?: RunnerSpec[];
  shake?: Shake;
  playing?: boolean;
  notices?: string[];
}

function finishedMessage(race: Race): string {
  const parts = race.runners.map(
    (r) =>
      `${r.spec.label} ${r.status === 'converged' ? 'converged' : r.status === 'stuck' ? 'got stuck' : 'diverged'} at step ${r.statusStep}`,
  );
  return `Every runner has finished: ${parts.join(', ')}. Press play to continue or reset.`;
}

/** Creates the one store of the app (tests make their own). */
export function createRaceStore(setup: RaceSetup) {
  const landscape = setup.landscape;
  const start = setup.start ?? landscape.start;
  const runners = setup.runners ?? defaultRunnersFor(landscape);
  const shake = setup.shake ?? NO_SHAKE;
  return createStore<RaceState>()((set, get) => {
    /** A fresh race from the current settings, keeping play/pause as it is. */
    const restart = (patch: Partial<RaceState> = {}) => {
      const s = { ...get(), ...patch };
      set({
        ...patch,
        race: createRace(s.landscape, s.start, s.runners, s.shake),
        finished: false,
      });
      get().clock.carry = 0;
    };
    const advance = (steps: number) => {
      const { race } = get();
      for (let k = 0; k < steps && !raceFinished(race); k++) stepRace(race);
      if (raceFinished(race) && !get().finished) {
        set({ playing: false, finished: true, notices: [...get().notices, finishedMessage(race)] });
      }
    };
    return {
      landscape,
      surface: sampleSurface(landscape),
      frame: worldFrame(landscape.domain),
      start,
      runners,
      shake,
      race: createRace(landscape, start, runners, shake),
      playing: setup.playing ?? true,
      speed: 1,
      verticalScale: 1,
      wireframe: false,
      showTopView: true,
      finished: false,
      notices: setup.notices ?? [],
      clock: { carry: 0 },

      tick() {
        const { playing, speed, clock } = get();
        if (!playing) return;
        clock.carry += speed;
        const steps = Math.floor(clock.carry);
        clock.carry -= steps;
        if (steps > 0) advance(steps);
      },
      play() {
        const { race } = get();
        if (raceFinished(race)) restart({ playing: true });
        else set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      stepOnce() {
        set({ playing: false });
        advance(1);
      },
      reset: () => restart(),
      setStart(x, y) {
        const d = get().landscape.domain;
        if (!Number.isFinite(x) || !Number.isFinite(y)) return;
        const cx = Math.min(d.xMax, Math.max(d.xMin, x));
        const cy = Math.min(d.yMax, Math.max(d.yMin, y));
        restart({ start: [cx, cy] });
      },
      setSpeed(speed) {
        if (Number.isFinite(speed)) set({ speed: Math.min(20, Math.max(0.25, speed)) });
      },
      setLandscape(next) {
        restart({
          landscape: next,
          surface: sampleSurface(next),
          frame: worldFrame(next.domain),
          start: next.start,
          // Each runner keeps its optimizer but takes a learning rate suited to the new landscape.
          runners: get().runners.map((r) => ({
            ...r,
            optimizer: { ...r.optimizer, lr: suggestedLearningRate(next, r.optimizer.kind) },
          })),
        });
      },
      updateRunner(index, patch) {
        const runners = get().runners.map((r, i) => (i === index ? { ...r, ...patch } : r));
        restart({ runners });
      },
      setVerticalScale(scale) {
        if (Number.isFinite(scale))
          set({ verticalScale: Math.min(VERTICAL_SCALE.max, Math.max(VERTICAL_SCALE.min, scale)) });
      },
      setWireframe: (on) => set({ wireframe: on }),
      setShowTopView: (on) => set({ showTopView: on }),
      notify: (message) => set({ notices: [...get().notices, message] }),
      dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    };
  });
}

export type RaceStore = ReturnType<typeof createRaceStore>;
