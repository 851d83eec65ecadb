import { heightMapOf } from '../core';
import type { SurfaceJobs } from '../store/surface-jobs';
import type { JobMessage, JobReply } from './protocol';
import { singleJobWorker } from './single-job';

/**
 * Surface jobs in a Web Worker, one at a time (see {@link singleJobWorker}): a new landscape
 * supersedes the one being sampled.
 */
export function workerSurfaceJobs(
  makeWorker = () =>
    new Worker(new URL('./surface.worker.ts', import.meta.url), {
      type: 'module',
      name: 'surface',
    }),
): SurfaceJobs {
  const jobs = singleJobWorker(makeWorker);
  return {
    start(request, handlers) {
      jobs.start<JobReply>(
        (id): JobMessage => ({ id, job: { kind: 'surface', request } }),
        (reply) => {
          switch (reply.kind) {
            case 'progress':
              handlers.onProgress(reply.stage, reply.progress);
              return false;
            case 'surface': {
              const { scale, low, high, ...grid } = reply.surface;
              handlers.onSurface(
                { ...grid, heightMap: heightMapOf(scale, low, high) },
                reply.final,
              );
              return false;
            }
            case 'minima':
              handlers.onMinima(reply.minima, reply.complete);
              return false;
            case 'done':
              handlers.onDone();
              return true;
            case 'error':
              handlers.onError(reply.message);
              return true;
          }
        },
        handlers.onError,
      );
    },
    cancel: jobs.cancel,
  };
}
