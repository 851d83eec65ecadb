import { loadPenguinClasses } from '../core';
import type { NetJobs } from '../store/net-jobs';
import type { NetMessage, NetReply } from './protocol';
import { singleJobWorker } from './single-job';

/**
 * Network jobs in a Web Worker, one at a time (see {@link singleJobWorker}): a new training
 * supersedes the one under way. The result comes without its data: the page has its own copy.
 */
export function workerNetJobs(
  makeWorker = () =>
    new Worker(new URL('./net.worker.ts', import.meta.url), { type: 'module', name: 'network' }),
): NetJobs {
  const jobs = singleJobWorker(makeWorker);
  return {
    start(request, handlers) {
      jobs.start<NetReply>(
        (id): NetMessage => ({ id, request }),
        (reply) => {
          if (reply.kind === 'progress') {
            handlers.onProgress(reply.done, reply.steps);
            return false;
          }
          if (reply.kind === 'error') handlers.onError(reply.message);
          else handlers.onResult({ ...reply.info, data: loadPenguinClasses() });
          return true;
        },
        handlers.onError,
      );
    },
    cancel: jobs.cancel,
  };
}
