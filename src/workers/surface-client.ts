import { heightMapOf } from '../core';
import type { SurfaceJobs } from '../store/surface-jobs';
import type { JobMessage, JobReply } from './protocol';

/**
 * Surface jobs in a Web Worker. One job at a time: starting a new one while another runs
 * terminates that worker (the only sure way to stop a loop mid-way) and starts a fresh one; an
 * idle worker is reused. Replies of a superseded job are dropped.
 */
export function workerSurfaceJobs(
  makeWorker = () =>
    new Worker(new URL('./surface.worker.ts', import.meta.url), {
      type: 'module',
      name: 'surface',
    }),
): SurfaceJobs {
  let worker: Worker | null = null;
  let busy = false;
  let current = 0;
  const stop = () => {
    worker?.terminate();
    worker = null;
    busy = false;
  };
  return {
    start(request, handlers) {
      if (busy) stop();
      const id = ++current;
      const w = (worker ??= makeWorker());
      busy = true;
      w.onmessage = (event: MessageEvent<JobReply>) => {
        const reply = event.data;
        if (reply.id !== current) return;
        switch (reply.kind) {
          case 'progress':
            return handlers.onProgress(reply.stage, reply.progress);
          case 'surface': {
            const { scale, low, high, ...grid } = reply.surface;
            return handlers.onSurface(
              { ...grid, heightMap: heightMapOf(scale, low, high) },
              reply.final,
            );
          }
          case 'minima':
            return handlers.onMinima(reply.minima, reply.complete);
          case 'done':
            busy = false;
            return handlers.onDone();
          case 'error':
            busy = false;
            return handlers.onError(reply.message);
        }
      };
      w.onerror = (event) => {
        if (id !== current) return;
        stop();
        handlers.onError(event.message || 'the worker failed');
      };
      const message: JobMessage = { id, job: { kind: 'surface', request } };
      w.postMessage(message);
    },
    cancel() {
      current++;
      if (busy) stop();
    },
  };
}
