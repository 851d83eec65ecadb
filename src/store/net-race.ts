import {
  NET_SIZE,
  NET_STEPS,
  NET_SUGGESTED_LR,
  netLandscape,
  netTrainingKey,
  planePoint,
  rememberTypicalSlope,
  samePlaneSurface,
  worldFrame,
  type Landscape,
  type NetId,
  type NetRequest,
  type SurfaceGrid,
} from '../core';
import type { NetJobs } from './net-jobs';
import type { GetState, NetWork, RaceState, SetState } from './types';

/** A dragged start retrains once the drag rests this long (a training supersedes the last). */
export const START_RETRAIN_MS = 120;

const IDLE: NetWork = { stage: null, progress: 1 };

/** Runs `fn` once no clip is being rendered (checked four times a second). */
export function afterExport(get: GetState, fn: () => void): void {
  const check = () => (get().exporting ? setTimeout(check, 250) : fn());
  check();
}

/** True when the settings ask for a training other than the one the network landscape shows. */
export function netNeedsTraining(
  s: Pick<RaceState, 'landscape' | 'runners' | 'batch' | 'shake' | 'start'>,
): boolean {
  const net = s.landscape.net;
  return (
    net !== undefined &&
    net.trainedFor !== netTrainingKey(s.runners, s.batch, s.shake.seed, s.start)
  );
}

/**
 * The network race in the store: its trainings run in a worker (`jobs`), one at a time, the last
 * asked winning; the previous landscape, surface and race stay until the new training and its
 * first surface are ready (`requestSurface` draws the plane, coarse to fine), then `restart`
 * shows them.
 */
export function netRaceActions(ctx: {
  set: SetState;
  get: GetState;
  jobs: NetJobs;
  restart(patch: Partial<RaceState>): void;
  requestSurface(landscape: Landscape, apply: (surface: SurfaceGrid) => void): void;
}) {
  const { set, get, jobs } = ctx;
  let token = 0;
  /** What the training under way (or waiting on the timer) is for: asked again, it goes on. */
  let wanted: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Trains as asked on top of the settings with `patch`; shows the result with `patch` applied. */
  const train = (
    part: Pick<NetRequest, 'init' | 'keep'>,
    patch: Partial<RaceState>,
    id: NetId,
    mine = ++token,
  ) => {
    clearTimer();
    const s = { ...get(), ...patch };
    const request: NetRequest = {
      id,
      runners: s.runners.map(({ label, color, optimizer, schedule, batch }) => ({
        label,
        color,
        optimizer,
        ...(schedule ? { schedule } : {}),
        ...(batch !== undefined ? { batch } : {}),
      })),
      steps: NET_STEPS,
      seed: s.shake.seed,
      batch: s.batch,
      ...part,
    };
    set({ netWork: { stage: 'training', progress: 0 } });
    jobs.start(request, {
      onProgress(done, steps) {
        if (mine !== token) return;
        // A React render per tenth, not per chunk.
        const progress = Math.floor((10 * done) / Math.max(1, steps)) / 10;
        if (progress !== get().netWork.progress) set({ netWork: { stage: 'training', progress } });
      },
      onResult(result) {
        if (mine !== token) return;
        // A clip being rendered keeps the race and plane it started with.
        if (get().exporting) return afterExport(get, () => this.onResult(result));
        wanted = null;
        set({ netWork: IDLE });
        // A kept plane comes back from the worker as a copy: the same plane, so the same surface.
        const info = part.keep && !result.fitted ? { ...result, plane: part.keep.plane } : result;
        const landscape = netLandscape(info);
        const apply = (surface: SurfaceGrid) => {
          // Settings changed since (a new training is wanted): this picture is already stale.
          if (mine !== token) return;
          ctx.restart({
            ...patch,
            landscape,
            surface,
            frame: worldFrame(info.domain),
            start: info.start,
          });
        };
        const shown = get().landscape.net;
        // The plane kept and nothing outside it: the surface drawn (heights from zero loss) is
        // still the surface.
        const surface = get().surface;
        if (shown && samePlaneSurface(shown, info)) {
          rememberTypicalSlope(landscape, surface);
          apply(surface);
        } else ctx.requestSurface(landscape, apply);
      },
      onError(message) {
        if (mine !== token) return;
        wanted = null;
        set({
          netWork: IDLE,
          notices: [
            ...get().notices,
            { key: 'netFailed', args: { message: message.slice(0, 200) } },
          ],
        });
      },
    });
  };

  return {
    /**
     * Trains again for the current settings on the network shown: from the weights at the start
     * on its plane, keeping the plane when the start was moved off its origin or it was kept
     * before (until {@link refit}); else fitting a new one. A moved start waits for the drag to
     * rest ({@link START_RETRAIN_MS}).
     */
    retrain(startMoved: boolean) {
      const now = get();
      const key = netTrainingKey(now.runners, now.batch, now.shake.seed, now.start);
      // Already training for exactly these settings (a reset or play meanwhile): let it finish.
      if (key === wanted) return;
      wanted = key;
      // Whatever was under way is for older settings: its result and its surface are dropped.
      const mine = ++token;
      const run = () => {
        const s = get();
        const net = s.landscape.net;
        if (!net || mine !== token) return;
        const moved = s.start[0] !== 0 || s.start[1] !== 0;
        if (moved || !net.fitted)
          train(
            { keep: { plane: net.plane, start: [...s.start], domain: net.domain } },
            {},
            net.id,
            mine,
          );
        else train({ init: net.plane.origin }, {}, net.id, mine);
      };
      clearTimer();
      if (startMoved) {
        set({ netWork: { stage: 'training', progress: 0 } });
        timer = setTimeout(run, START_RETRAIN_MS);
      } else run();
    },
    /** Fits the plane to trajectories from the current start (which becomes its origin). */
    refit() {
      wanted = null;
      const s = get();
      const net = s.landscape.net;
      if (!net) return;
      const init = planePoint(net.plane, s.start[0], s.start[1], new Float64Array(NET_SIZE));
      train({ init }, {}, net.id);
    },
    /**
     * Opens a network: trains `patch`'s runners (else the current runners at the network's
     * learning rates) from the seed's initial weights; the current landscape stays until then.
     */
    enter(id: NetId, patch: Partial<RaceState> = {}) {
      wanted = null;
      const runners =
        patch.runners ??
        get().runners.map((r) => ({
          ...r,
          optimizer: { ...r.optimizer, lr: NET_SUGGESTED_LR[r.optimizer.kind] },
        }));
      train({}, { scene: null, swarmOn: false, basinsOn: false, ...patch, runners }, id);
    },
    /** Forgets any training under way or waiting (another landscape was chosen). */
    cancel() {
      clearTimer();
      wanted = null;
      token++;
      jobs.cancel();
      if (get().netWork.stage !== null) set({ netWork: IDLE });
    },
  };
}
