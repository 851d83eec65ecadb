import {
  advanceSwarmRun,
  basinRows,
  landscapeWithMinima,
  startSwarmRun,
  swarmFrame,
  type BasinSettings,
  type KnownMinimum,
  type LandscapeSource,
  type RunnerSpec,
  type SwarmFrame,
  type SwarmRequest,
  type SwarmRun,
} from '../core';

/** Every runner's basin map on one landscape, at one size. */
export interface BasinsRequest {
  source: LandscapeSource;
  minima: KnownMinimum[];
  runners: RunnerSpec[];
  settings: Omit<BasinSettings, 'runner'>;
}

/** What a basins job reports: bands of rows as they finish (in any order), then done. */
export interface BasinsHandlers {
  onRows(runner: number, j0: number, j1: number, grid: Int32Array): void;
  onDone(): void;
  onError(message: string): void;
}

/**
 * Computes basin maps, one request at a time: starting one cancels the one under way, whose
 * handlers are never called again. The app runs bands of rows in Web Workers across the cores;
 * tests run them inline.
 */
export interface BasinJobs {
  start(request: BasinsRequest, handlers: BasinsHandlers): void;
  cancel(): void;
}

/** The bands of rows a map is computed in: small enough that rows appear progressively. */
export function basinBands(k: number): [number, number][] {
  const rows = Math.max(1, Math.ceil(k / 32));
  const bands: [number, number][] = [];
  for (let j = 0; j < k; j += rows) bands.push([j, Math.min(k, j + rows)]);
  return bands;
}

/** Runs basin maps on the calling thread (tests, Node): handlers are called before `start` returns. */
export function inlineBasinJobs(): BasinJobs {
  let current = 0;
  return {
    start(request, handlers) {
      const id = ++current;
      const landscape = landscapeWithMinima(request.source, request.minima);
      if (!landscape) return handlers.onError('the landscape could not be made');
      for (const [r, runner] of request.runners.entries()) {
        for (const [j0, j1] of basinBands(request.settings.k)) {
          const grid = basinRows(landscape, { ...request.settings, runner }, j0, j1);
          if (id !== current || !grid) return;
          handlers.onRows(r, j0, j1, grid);
        }
      }
      if (id === current) handlers.onDone();
    },
    cancel() {
      current++;
    },
  };
}

/**
 * Runs a swarm: `start` sets one up (replacing any other), `advance` asks it to step on to a
 * target step; each answer is a frame passed to the `onFrame` given at start. Frames of a replaced
 * swarm are never delivered.
 */
export interface SwarmJobs {
  /** `onError` is called (once) if the swarm cannot run: no frame of it comes any more. */
  start(
    request: SwarmRequest,
    onFrame: (frame: SwarmFrame) => void,
    onError?: (message: string) => void,
  ): void;
  advance(target: number): void;
  stop(): void;
}

/** Runs the swarm on the calling thread (tests, Node): each call answers before it returns. */
export function inlineSwarmJobs(): SwarmJobs {
  let run: SwarmRun | null = null;
  let deliver: ((frame: SwarmFrame) => void) | null = null;
  return {
    start(request, onFrame, onError) {
      run = startSwarmRun(request);
      deliver = onFrame;
      if (run) onFrame(swarmFrame(run));
      else onError?.('the landscape could not be made');
    },
    advance(target) {
      if (!run || !deliver) return;
      advanceSwarmRun(run, target, Infinity);
      deliver(swarmFrame(run));
    },
    stop() {
      run = null;
      deliver = null;
    },
  };
}
