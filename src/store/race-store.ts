import { createStore } from 'zustand/vanilla';
import {
  createRace,
  defaultRunnersFor,
  defaultSpec,
  getPresetLandscape,
  getScene,
  landscapeFromFunction,
  NO_SHAKE,
  raceFinished,
  sampleSurface,
  stepRace,
  suggestedLearningRate,
  worldFrame,
  type Domain,
  type Landscape,
  type OptimizerKind,
  type OptimizerSpec,
  type ParseError,
  type Race,
  type RunnerSpec,
  type Shake,
  type SurfaceGrid,
  type WorldFrame,
} from '../core';
import type { Language, Notice } from '../i18n';

/** Playback speeds: steps per animation frame (0.25 = one step every 4th frame). */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20] as const;

/** Vertical scale range of the surface. */
export const VERTICAL_SCALE = { min: 0.2, max: 3 } as const;

/** At most this many panes side by side. */
export const MAX_PANES = 4;

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

/** Everything the app shows, plus the actions that change it. */
export interface RaceState {
  landscape: Landscape;
  /** The landscape sampled on a 256 × 256 grid, with its height map (shared by mesh and top view). */
  surface: SurfaceGrid;
  frame: WorldFrame;
  /** The last typed function (shown in its field even when it does not parse). */
  functionInput: FunctionInput | null;
  start: [number, number];
  runners: RunnerSettings[];
  shake: Shake;
  /** The live race: stepped in place every frame, replaced on every restart. Read it with getState(). */
  race: Race;
  /** The preset scene the settings came from, if any. */
  scene: string | null;
  playing: boolean;
  /** Race steps per animation frame. */
  speed: number;
  verticalScale: number;
  wireframe: boolean;
  showTopView: boolean;
  layout: Layout;
  /** Runner ids shown in each pane of the split layout. */
  panes: number[][];
  /** The runner whose live values the formula panel shows. */
  selectedRunner: number;
  language: Language;
  /** True once every runner has converged, got stuck or diverged (the race then pauses). */
  finished: boolean;
  /** Messages for the user (a bad link, a finished race); newest last. */
  notices: Notice[];
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
  setPreset(id: string): void;
  /** Parses and shows a typed function; on an error keeps the last valid surface and records it. */
  setFunction(text: string, domain?: Domain): void;
  setShake(shake: Partial<Shake>): void;
  addRunner(kind?: OptimizerKind): void;
  duplicateRunner(id: number): void;
  removeRunner(id: number): void;
  updateRunner(
    id: number,
    patch: Partial<Omit<RunnerSettings, 'id' | 'optimizer'>> & { optimizer?: OptimizerSpec },
  ): void;
  applyScene(id: string): void;
  setVerticalScale(scale: number): void;
  setWireframe(on: boolean): void;
  setShowTopView(on: boolean): void;
  setLayout(layout: Layout): void;
  setPanes(panes: number[][]): void;
  selectRunner(id: number): void;
  setLanguage(language: Language): void;
  notify(notice: Notice): void;
  dismissNotice(index: number): void;
}

/** What a store starts from. */
export interface RaceSetup {
  landscape: Landscape;
  functionInput?: FunctionInput | null;
  start?: [number, number] | null;
  runners?: RunnerSpec[];
  shake?: Shake;
  scene?: string | null;
  playing?: boolean;
  notices?: Notice[];
  language?: Language;
  layout?: Layout;
  panes?: number[][];
}

/** Colours for runners beyond the lecture's three. */
export const EXTRA_COLORS = [
  '#0074d9',
  '#ff851b',
  '#b10dc9',
  '#39cccc',
  '#f012be',
  '#85144b',
  '#3d9970',
  '#ffdc00',
];

const KIND_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD-momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSProp',
  adam: 'Adam',
  adamw: 'AdamW',
  adagrad: 'Adagrad',
};

/** Default panes for n runners: one runner per pane, at most four panes. */
export function defaultPanes(runners: readonly { id: number }[]): number[][] {
  const ids = runners.map((r) => r.id);
  if (ids.length <= MAX_PANES) return ids.map((id) => [id]);
  return Array.from({ length: MAX_PANES }, (_, p) => ids.filter((_, i) => i % MAX_PANES === p));
}

function withIds(runners: readonly RunnerSpec[]): RunnerSettings[] {
  return runners.map((r, i) => ({ visible: true, ...r, id: i + 1 }));
}

/** Creates the one store of the app (tests make their own). */
export function createRaceStore(setup: RaceSetup) {
  const landscape = setup.landscape;
  const start = setup.start ?? landscape.start;
  const runners = withIds(setup.runners ?? defaultRunnersFor(landscape));
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
        const notice: Notice = {
          key: 'finished',
          args: {
            runners: race.runners.map((r) => ({
              label: r.spec.label,
              status: r.status as 'converged' | 'stuck' | 'diverged',
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
    };
    const showLandscape = (next: Landscape, patch: Partial<RaceState> = {}) =>
      restart({
        landscape: next,
        surface: sampleSurface(next),
        frame: worldFrame(next.domain),
        start: next.start,
        scene: null,
        // Each runner keeps its optimizer but takes a learning rate suited to the new landscape.
        runners: get().runners.map((r) => ({
          ...r,
          optimizer: { ...r.optimizer, lr: suggestedLearningRate(next, r.optimizer.kind) },
        })),
        ...patch,
      });
    const nextId = () => Math.max(0, ...get().runners.map((r) => r.id)) + 1;
    const withRunners = (next: RunnerSettings[]) => {
      const ids = new Set(next.map((r) => r.id));
      const panes = get()
        .panes.map((p) => p.filter((id) => ids.has(id)))
        .filter((p) => p.length > 0);
      const selected = ids.has(get().selectedRunner) ? get().selectedRunner : (next[0]?.id ?? 0);
      restart({
        runners: next,
        panes: panes.length ? panes : defaultPanes(next),
        selectedRunner: selected,
        scene: null,
      });
    };

    return {
      landscape,
      surface: sampleSurface(landscape),
      frame: worldFrame(landscape.domain),
      functionInput: setup.functionInput ?? null,
      start,
      runners,
      shake,
      race: createRace(landscape, start, runners, shake),
      scene: setup.scene ?? null,
      playing: setup.playing ?? true,
      speed: 1,
      verticalScale: 1,
      wireframe: false,
      showTopView: true,
      layout: setup.layout ?? 'overlay',
      panes: setup.panes ?? defaultPanes(runners),
      selectedRunner: runners[0]?.id ?? 0,
      language: setup.language ?? 'en',
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
        if (raceFinished(get().race)) restart({ playing: true });
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
        restart({
          start: [Math.min(d.xMax, Math.max(d.xMin, x)), Math.min(d.yMax, Math.max(d.yMin, y))],
        });
      },
      setSpeed(speed) {
        if (Number.isFinite(speed)) set({ speed: Math.min(20, Math.max(0.25, speed)) });
      },
      setLandscape: (next) => showLandscape(next),
      setPreset(id) {
        const next = getPresetLandscape(id);
        if (next) showLandscape(next);
      },
      setFunction(text, domain) {
        const d = domain ?? get().functionInput?.domain ?? get().landscape.domain;
        const parsed = landscapeFromFunction(text, d);
        if ('ok' in parsed) {
          set({ functionInput: { text, domain: d, error: parsed } });
          return;
        }
        showLandscape(parsed, { functionInput: { text, domain: d, error: null } });
      },
      setShake(patch) {
        const next = { ...get().shake, ...patch };
        if (!(Number.isFinite(next.sigma) && next.sigma >= 0 && Number.isInteger(next.seed)))
          return;
        restart({ shake: next, scene: null });
      },
      addRunner(kind = 'adam') {
        const id = nextId();
        const i = get().runners.length;
        const optimizer = {
          ...defaultSpec(kind),
          lr: suggestedLearningRate(get().landscape, kind),
        } as OptimizerSpec;
        const color = EXTRA_COLORS[(i - 3 + EXTRA_COLORS.length * 4) % EXTRA_COLORS.length]!;
        withRunners([
          ...get().runners,
          { id, label: `${KIND_LABELS[kind]} ${id}`, color, optimizer, visible: true },
        ]);
      },
      duplicateRunner(id) {
        const r = get().runners.find((x) => x.id === id);
        if (!r) return;
        const copy = { ...r, optimizer: { ...r.optimizer }, id: nextId(), label: `${r.label} (2)` };
        const at = get().runners.indexOf(r) + 1;
        const next = [...get().runners];
        next.splice(at, 0, copy);
        withRunners(next);
      },
      removeRunner(id) {
        const runners = get().runners;
        const at = runners.findIndex((r) => r.id === id);
        const next = runners.filter((r) => r.id !== id);
        // Removing the selected runner selects its neighbour.
        if (get().selectedRunner === id && next.length > 0)
          set({ selectedRunner: next[Math.min(at, next.length - 1)]!.id });
        withRunners(next);
      },
      updateRunner(id, patch) {
        const next = get().runners.map((r) => (r.id === id ? { ...r, ...patch } : r));
        if (patch.optimizer) return withRunners(next);
        // A new label, colour or visibility changes how a runner looks, not how it runs:
        // the race goes on.
        const { race } = get();
        next.forEach((r, i) => {
          const live = race.runners[i];
          if (live) live.spec = r;
        });
        set({ runners: next });
      },
      applyScene(id) {
        const scene = getScene(id);
        const next = scene && getPresetLandscape(scene.landscape);
        if (!scene || !next) return;
        const sceneRunners = withIds(scene.runners);
        restart({
          landscape: next,
          surface: next === get().landscape ? get().surface : sampleSurface(next),
          frame: worldFrame(next.domain),
          start: scene.start,
          runners: sceneRunners,
          shake: { ...scene.shake },
          scene: id,
          layout: scene.layout ?? 'overlay',
          // Scenes name runners by position; the store by id (position + 1).
          panes: scene.panes?.map((p) => p.map((i) => i + 1)) ?? defaultPanes(sceneRunners),
          selectedRunner: sceneRunners[0]?.id ?? 0,
          playing: true,
          notices: get().notices.filter((n) => n.key !== 'finished'),
        });
      },
      setVerticalScale(scale) {
        if (Number.isFinite(scale))
          set({ verticalScale: Math.min(VERTICAL_SCALE.max, Math.max(VERTICAL_SCALE.min, scale)) });
      },
      setWireframe: (on) => set({ wireframe: on }),
      setShowTopView: (on) => set({ showTopView: on }),
      setLayout: (layout) => set({ layout }),
      setPanes(panes) {
        const ids = new Set(get().runners.map((r) => r.id));
        const clean = panes
          .slice(0, MAX_PANES)
          .map((p) => [...new Set(p.filter((id) => ids.has(id)))]);
        if (clean.length > 0) set({ panes: clean });
      },
      selectRunner(id) {
        if (get().runners.some((r) => r.id === id)) set({ selectedRunner: id });
      },
      setLanguage: (language) => set({ language }),
      notify: (notice) => set({ notices: [...get().notices, notice] }),
      dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    };
  });
}

export type RaceStore = ReturnType<typeof createRaceStore>;
