import { loadPenguinClasses } from '../core';
import type { NetJobs } from '../store/net-jobs';
import type { NetMessage, NetReply } from './protocol';

/**
 * Network jobs in a Web Worker, one at a time: a new job while one runs terminates that worker
 * (the only sure way to stop a training mid-way) and starts a fresh one; an idle worker is
 * reused. Replies of a superseded job are dropped.
 */
export function workerNetJobs(
  makeWorker = () =>
    new Worker(new URL('./net.worker.ts', import.meta.url), { type: 'module', name: 'network' }),
): NetJobs {
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
      w.onmessage = (event: MessageEvent<NetReply>) => {
        const reply = event.data;
        if (reply.id !== current) return;
        if (reply.kind === 'progress') return handlers.onProgress(reply.done, reply.steps);
        busy = false;
        if (reply.kind === 'error') return handlers.onError(reply.message);
        handlers.onResult({ ...reply.info, data: loadPenguinClasses() });
      };
      w.onerror = (event) => {
        if (id !== current) return;
        stop();
        handlers.onError(event.message || 'the worker failed');
      };
      const message: NetMessage = { id, request };
      w.postMessage(message);
    },
    cancel() {
      current++;
      if (busy) stop();
    },
  };
}
