import { computeNetRace, type NetInfo, type NetRequest } from '../core';

/** What a network job reports: progress through the training, then the trained network. */
export interface NetHandlers {
  /** Steps trained so far of `steps`. */
  onProgress(done: number, steps: number): void;
  onResult(info: NetInfo): void;
  onError(message: string): void;
}

/**
 * Trains networks, one at a time: starting a job supersedes (cancels) the one under way, whose
 * handlers are never called again. The app runs them in a Web Worker; tests run them inline.
 */
export interface NetJobs {
  start(request: NetRequest, handlers: NetHandlers): void;
  cancel(): void;
}

/**
 * Runs every job on the calling thread, its result delivered in a microtask (as a worker's would
 * be, after `start` returns).
 */
export function inlineNetJobs(): NetJobs {
  let current = 0;
  return {
    start(request, handlers) {
      const id = ++current;
      queueMicrotask(() => {
        if (id !== current) return;
        try {
          const info = computeNetRace(request, (done, steps) => handlers.onProgress(done, steps));
          if (info && id === current) handlers.onResult(info);
        } catch (error) {
          handlers.onError(String(error));
        }
      });
    },
    cancel() {
      current++;
    },
  };
}
