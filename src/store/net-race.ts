import {
  NET_SIZE,
  NET_STEPS,
  NET_SUGGESTED_LR,
  netLandscape,
  netTrainingKey,
  planePoint,
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
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Trains as asked on top of the settings with `patch`; shows the result with `patch` applied. */
  const train = (part: Pick<NetRequest, 'init' | 'keep'>, patch: Partial<RaceState>, id: NetId) => {
    clearTimer();
    const mine = ++token;
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
      onResult(info) {
        if (mine !== token) return;
        set({ netWork: IDLE });
        const landscape = netLandscape(info);
        const apply = (surface: SurfaceGrid) =>
          ctx.restart({
            ...patch,
            landscape,
            surface,
            frame: worldFrame(info.domain),
            start: info.start,
          });
        const shown = get().landscape.net;
        // The plane kept and nothing outside it: the surface drawn is still the surface.
        if (shown && samePlaneSurface(shown, info)) apply(get().surface);
        else ctx.requestSurface(landscape, apply);
      },
      onError(message) {
        if (mine !== token) return;
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
      const run = () => {
        const s = get();
        const net = s.landscape.net;
        if (!net) return;
        const moved = s.start[0] !== 0 || s.start[1] !== 0;
        if (moved || !net.fitted)
          train(
            { keep: { plane: net.plane, start: [...s.start], domain: net.domain } },
            {},
            net.id,
          );
        else train({ init: net.plane.origin }, {}, net.id);
      };
      clearTimer();
      if (startMoved) {
        set({ netWork: { stage: 'training', progress: 0 } });
        timer = setTimeout(run, START_RETRAIN_MS);
      } else run();
    },
    /** Fits the plane to trajectories from the current start (which becomes its origin). */
    refit() {
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
      token++;
      jobs.cancel();
      if (get().netWork.stage !== null) set({ netWork: IDLE });
    },
  };
}
