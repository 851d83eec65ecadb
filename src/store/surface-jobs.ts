import { runSurfaceJob, type SurfaceJobHandlers, type SurfaceRequest } from '../core';

/**
 * Runs surface jobs, one at a time: starting one supersedes (cancels) the one under way, whose
 * handlers are never called again. The app runs them in a Web Worker; tests and the command line
 * run them inline.
 */
export interface SurfaceJobs {
  start(request: SurfaceRequest, handlers: SurfaceJobHandlers): void;
  cancel(): void;
}

/** Runs every job at once on the calling thread (tests, Node): handlers are called before `start` returns. */
export function inlineSurfaceJobs(): SurfaceJobs {
  let current = 0;
  return {
    start(request, handlers) {
      const id = ++current;
      runSurfaceJob(request, handlers, () => id === current);
    },
    cancel() {
      current++;
    },
  };
}
