import {
  changeRunnerBatch,
  createRace,
  raceFinished,
  stepRace,
  dataLandscape,
  defaultSpec,
  isDatasetId,
  isNetId,
  emptyNetTrack,
  landscapeRows,
  netLandscape,
  type NetTrack,
  getPresetLandscape,
  getScene,
  landscapeFromFunction,
  landscapeSource,
  nextPaletteColor,
  paletteColor,
  refreshMinima,
  rememberTypicalSlope,
  sampleSurface,
  suggestedLearningRate,
  withMinima,
  worldFrame,
  type Landscape,
  type OptimizerKind,
  type OptimizerSpec,
  type RunnerSpec,
  type Shake,
  type SurfaceGrid,
} from '../core';
import type { SurfaceJobs } from './surface-jobs';
import type { NetJobs } from './net-jobs';
import { afterExport, netNeedsTraining, netRaceActions } from './net-race';
import type { GetState, RaceSlice, RaceState, RunnerSettings, SetState } from './types';
import { defaultPanes, showLooks } from './view-slice';

/** At most this many runners race at once (links are read up to the same number). */
export const MAX_RUNNERS = 12;

/** The final surface grid: 256 × 256 cells. */
export const SURFACE_SEGMENTS = 256;
/** The quick first grid a worker sends before the fine one. */
export const COARSE_SEGMENTS = 64;
/** A network's first grid (every row of the data per vertex), then its middle one. */
export const NET_COARSE_SEGMENTS = 32;
export const NET_MIDDLE_SEGMENTS = 128;

const KIND_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD-momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSProp',
  adam: 'Adam',
  adamw: 'AdamW',
  adagrad: 'Adagrad',
};

/** Runners numbered from 1 by position, shown, at most {@link MAX_RUNNERS}. */
export function withIds(runners: readonly RunnerSpec[]): RunnerSettings[] {
  return runners.slice(0, MAX_RUNNERS).map((r, i) => ({ visible: true, ...r, id: i + 1 }));
}

/**
 * A surface to draw at once, on the main thread, while the worker samples the fine one: a preset's
 * 64 × 64 grid costs well under a millisecond; a typed function's (its cost grows with the text)
 * and a logistic model's (every row per vertex: ~20 ms of cold code for 24 × 24) are left to the
 * worker, whose coarse grid follows within a frame or two, except for a store's very first
 * picture, which takes a 24 × 24 grid.
 */
export function quickSurface(landscape: Landscape, first = false): SurfaceGrid | null {
  const cheap =
    landscape.group !== 'custom' &&
    landscape.group !== 'net' &&
    landscape.data?.model !== 'logistic';
  if (cheap) return sampleSurface(landscape, COARSE_SEGMENTS);
  return first ? sampleSurface(landscape, 24) : null;
}

/** A fresh race from settings (the batch default only applies on a dataset's landscape). */
function newRace(s: Pick<RaceState, 'landscape' | 'start' | 'runners' | 'shake' | 'batch'>) {
  return createRace(s.landscape, s.start, s.runners, s.shake, s.batch ? { batch: s.batch } : {});
}

/** The race settings, the live race, and the background surface work (see {@link RaceSlice}). */
export function raceSlice(
  set: SetState,
  get: GetState,
  jobs: SurfaceJobs,
  netJobs: NetJobs,
  initial: Pick<
    RaceState,
    'landscape' | 'surface' | 'functionInput' | 'start' | 'runners' | 'shake' | 'scene' | 'batch'
  >,
): RaceSlice & { requestSurface(landscape: Landscape, apply?: (s: SurfaceGrid) => void): void } {
  /** A fresh race from the current settings, keeping play/pause as it is. */
  const restart = (patch: Partial<RaceState> = {}) => {
    // Runners coming in (a scene, a landscape's defaults) wear the active palette's colours.
    if (patch.runners) {
      const palette = get().palette;
      patch = {
        ...patch,
        runners: patch.runners.map((r) => ({ ...r, color: paletteColor(r.color, palette) })),
      };
    }
    const s = { ...get(), ...patch };
    // On a network, settings that change how it trains train it again (in a worker); the race
    // shown stays until then. Only the settings change now.
    if (netNeedsTraining(s)) {
      const before = get();
      set(patch);
      keepTracksById(before, s);
      net.retrain(patch.start !== undefined && Object.keys(patch).length === 1);
      return;
    }
    set({
      ...patch,
      race: newRace(s),
      finished: false,
    });
    get().clock.carry = 0;
  };

  /**
   * Runners added or removed on a network while it trains again: until the new training lands,
   * the race shown keeps each remaining runner's old track (matched by id) at the step it was at,
   * and a new runner stands at the start, so every panel pairs each runner with its own path.
   */
  const keepTracksById = (before: RaceState, s: RaceState) => {
    const info = before.landscape.net;
    const replay = before.race.replay;
    const ids = (rs: readonly { id: number }[]) => rs.map((r) => r.id).join(',');
    if (!info || !replay || ids(before.runners) === ids(s.runners)) return;
    const tracks = new Map<number, NetTrack>();
    before.race.runners.forEach((r, i) => {
      const track = info.tracks[i];
      if (track) tracks.set((r.spec as RunnerSettings).id, track);
    });
    const landscape = netLandscape({
      ...info,
      tracks: s.runners.map((r) => tracks.get(r.id) ?? emptyNetTrack()),
    });
    const race = newRace({ ...s, landscape });
    while (race.step < before.race.step && !raceFinished(race)) stepRace(race);
    set({ landscape, race, finished: raceFinished(race) });
  };

  let job = 0;
  const net = netRaceActions({
    set,
    get,
    jobs: netJobs,
    restart: (patch) => restart(patch),
    requestSurface: (landscape, apply) => requestSurface(landscape, apply),
  });
  /**
   * Starts the worker on `landscape` (superseding any job under way). `apply` is called with the
   * first surface available — at once for a preset, from the worker for a typed function, whose
   * previous picture stays until then; finer grids and found minima follow as they come.
   */
  const requestSurface = (landscape: Landscape, apply?: (surface: SurfaceGrid) => void) => {
    const token = ++job;
    let shown = landscape;
    let pending = apply ?? null;
    const quick = pending ? quickSurface(landscape) : null;
    if (pending && quick) {
      pending(quick);
      pending = null;
    }
    let reported = -1;
    set({ surfaceWork: { stage: 'surface', progress: 0, formula: landscape.formula } });
    jobs.start(
      {
        source: landscapeSource(landscape),
        // A network's loss takes every row per vertex: a quick 32² first, 128² (129² points)
        // within about a second, then the fine grid.
        coarseSegments: landscape.net ? NET_COARSE_SEGMENTS : COARSE_SEGMENTS,
        ...(landscape.net ? { refine: [NET_MIDDLE_SEGMENTS] } : {}),
        segments: SURFACE_SEGMENTS,
        minima: landscape.minimaSearch === 'pending',
      },
      {
        onSurface(grid, final) {
          if (token !== job) return;
          // A clip being rendered keeps the surface it started with (heights would jump).
          if (get().exporting) return afterExport(get, () => this.onSurface(grid, final));
          // The grid holds the points of the typical slope: no measuring on the main thread.
          rememberTypicalSlope(landscape, grid);
          if (pending) {
            pending(grid);
            pending = null;
          } else if (final || grid.segments > get().surface.segments) set({ surface: grid });
        },
        onMinima(minima, complete) {
          if (token !== job || pending) return;
          shown = withMinima(shown, { minima, complete });
          refreshMinima(get().race, shown);
          set({ landscape: shown });
        },
        onProgress(stage, progress) {
          if (token !== job) return;
          // A React render per 10 %, not per band of rows.
          const bucket = (stage === 'minima' ? 10 : 0) + Math.floor(progress * 10);
          if (bucket === reported) return;
          reported = bucket;
          set({ surfaceWork: { stage, progress, formula: landscape.formula } });
        },
        onDone() {
          if (token === job) set({ surfaceWork: { stage: null, progress: 1, formula: null } });
        },
        onError() {
          if (token === job) set({ surfaceWork: { stage: null, progress: 0, formula: null } });
        },
      },
    );
  };

  /**
   * Batch sizes fitted to a landscape: kept where they fit its data, cut to its n where they do
   * not, dropped off data (so nothing a link writes is out of range).
   */
  const fitBatches = (next: Landscape) => {
    const n = landscapeRows(next);
    const fit = (b: number | undefined | null) =>
      b === undefined || b === null || n === undefined ? undefined : Math.min(b, n);
    const batch = fit(get().batch);
    return {
      batch: batch === undefined || batch === n ? null : batch,
      fitRunner: (r: RunnerSettings): RunnerSettings => {
        const { batch: own, ...rest } = r;
        const b = fit(own);
        return b === undefined ? rest : { ...rest, batch: b };
      },
    };
  };
  const showLandscape = (next: Landscape, patch: Partial<RaceState> = {}) => {
    net.cancel();
    requestSurface(next, (surface) => {
      const { batch, fitRunner } = fitBatches(next);
      restart({
        landscape: next,
        surface,
        frame: worldFrame(next.domain),
        start: next.start,
        scene: null,
        batch,
        // Each runner keeps its optimizer but takes a learning rate suited to the new landscape.
        runners: get().runners.map((r) =>
          fitRunner({
            ...r,
            optimizer: { ...r.optimizer, lr: suggestedLearningRate(next, r.optimizer.kind) },
          }),
        ),
        ...patch,
      });
    });
  };
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
  /** True (with a notice) when no runner can be added. */
  const atLimit = () => {
    if (get().runners.length < MAX_RUNNERS) return false;
    const notices = get().notices.filter((n) => n.key !== 'runnerLimit');
    set({ notices: [...notices, { key: 'runnerLimit', args: { max: MAX_RUNNERS } }] });
    return true;
  };

  return {
    ...initial,
    frame: worldFrame(initial.landscape.domain),
    race: newRace(initial),
    finished: false,
    surfaceWork: { stage: null, progress: 1, formula: null },
    netWork: { stage: null, progress: 1 },
    requestSurface,

    reset: () => restart(),
    setStart(x, y) {
      const d = get().landscape.domain;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      restart({
        start: [Math.min(d.xMax, Math.max(d.xMin, x)), Math.min(d.yMax, Math.max(d.yMin, y))],
      });
    },
    setLandscape: (next) => showLandscape(next),
    setPreset(id) {
      if (isNetId(id)) return get().setNet(id);
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
      const functionInput = { text, domain: d, error: null };
      set({ functionInput });
      showLandscape(parsed, { functionInput });
    },
    setShake(patch) {
      const next = { ...get().shake, ...patch };
      if (!(Number.isFinite(next.sigma) && next.sigma >= 0 && Number.isInteger(next.seed))) return;
      restart({ shake: next, scene: null });
    },
    setBatch(batch) {
      const n = landscapeRows(get().landscape);
      if (batch !== null && !Number.isFinite(batch)) return;
      const b =
        batch === null || n === undefined ? null : Math.min(n, Math.max(1, Math.round(batch)));
      restart({ batch: b === n ? null : b, scene: null });
    },
    setRaw(raw) {
      const data = get().landscape.data;
      if (!data || data.standardized === !raw) return;
      showLandscape(dataLandscape(data.id, !raw));
    },
    addRunner(kind = 'adam') {
      if (atLimit()) return null;
      const id = nextId();
      const optimizer = {
        ...defaultSpec(kind),
        lr: suggestedLearningRate(get().landscape, kind),
      } as OptimizerSpec;
      const color = nextPaletteColor(
        get().palette,
        get().runners.map((r) => r.color),
      );
      withRunners([
        ...get().runners,
        { id, label: `${KIND_LABELS[kind]} ${id}`, color, optimizer, visible: true },
      ]);
      return id;
    },
    duplicateRunner(id) {
      const r = get().runners.find((x) => x.id === id);
      if (!r || atLimit()) return null;
      const copy = { ...r, optimizer: { ...r.optimizer }, id: nextId(), label: `${r.label} (2)` };
      const at = get().runners.indexOf(r) + 1;
      const next = [...get().runners];
      next.splice(at, 0, copy);
      withRunners(next);
      return copy.id;
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
      // A new optimizer or schedule changes how the runner runs: a new race.
      if (patch.optimizer || 'schedule' in patch) return withRunners(next);
      // A new batch size takes effect while the race goes on (the others keep going): slide it
      // from the full data down to 1 and watch that runner's path start to stagger.
      if ('batch' in patch) {
        const at = next.findIndex((r) => r.id === id);
        if (!changeRunnerBatch(get().race, at, next[at]!)) return withRunners(next);
        set({ runners: next, scene: null, finished: false });
        return;
      }
      // A new label, colour or visibility changes how a runner looks, not how it runs:
      // the race goes on.
      showLooks(get().race, next);
      set({ runners: next });
    },
    setNet(id, patch = {}) {
      net.enter(id, patch);
    },
    refitPlane: () => net.refit(),
    seek(step) {
      const s = get();
      if (!s.race.replay || !Number.isFinite(step)) return;
      const last = Math.max(0, ...s.race.replay.map((t) => t.loss.length - 1));
      const target = Math.min(last, Math.max(0, Math.round(step)));
      const race = newRace(s);
      while (race.step < target && !raceFinished(race)) stepRace(race);
      set({ race, playing: false, finished: raceFinished(race) });
      get().clock.carry = 0;
    },
    applyScene(id) {
      const scene = getScene(id);
      if (!scene) return;
      const sceneRunners = withIds(scene.runners);
      // What every scene sets, on a network or a surface.
      const settings: Partial<RaceState> = {
        runners: sceneRunners,
        shake: { ...scene.shake } as Shake,
        batch: scene.batch ?? null,
        scene: id,
        layout: scene.layout ?? 'overlay',
        // Scenes name runners by position; the store by id (position + 1).
        panes: scene.panes?.map((p) => p.map((i) => i + 1)) ?? defaultPanes(sceneRunners),
        selectedRunner: sceneRunners[0]?.id ?? 0,
        playing: true,
        notices: get().notices.filter((n) => n.key !== 'finished'),
      };
      if (isNetId(scene.landscape)) return net.enter(scene.landscape, settings);
      const next =
        scene.raw && isDatasetId(scene.landscape)
          ? dataLandscape(scene.landscape, false)
          : getPresetLandscape(scene.landscape);
      if (!next) return;
      const apply = (surface: SurfaceGrid) =>
        restart({
          ...settings,
          landscape: next,
          surface,
          frame: worldFrame(next.domain),
          start: scene.start,
          // A scene about basins shows its maps; any other scene is seen without them.
          basinsOn: scene.basins !== undefined,
          ...(scene.basins !== undefined ? { basinsK: scene.basins } : {}),
        });
      net.cancel();
      if (next === get().landscape) apply(get().surface);
      else requestSurface(next, apply);
    },
  };
}
