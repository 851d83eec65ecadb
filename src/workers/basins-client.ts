import { basinBands, type BasinJobs } from '../store/swarm-jobs';
import type { BasinMessage, BasinReply, BasinTask } from './protocol';

/** Workers to use: one per core the browser reports, at least one, at most eight. */
export function basinWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.min(8, Math.max(1, cores || 2));
}

/**
 * Basin maps in a pool of Web Workers, one per core: the maps are cut into bands of rows, and each
 * idle worker takes the next band (the runners' first bands first, so every map fills at once).
 * Starting a new request or cancelling terminates every worker — the only sure way to stop a loop
 * mid-way — and replies of a superseded request are dropped.
 */
export function workerBasinJobs(
  makeWorker = () =>
    new Worker(new URL('./basins.worker.ts', import.meta.url), { type: 'module', name: 'basins' }),
  count = basinWorkerCount(),
): BasinJobs {
  let workers: Worker[] = [];
  let current = 0;
  let busy = false;
  const stop = () => {
    workers.forEach((w) => w.terminate());
    workers = [];
    busy = false;
  };
  return {
    start(request, handlers) {
      if (busy) stop();
      const id = ++current;
      busy = true;
      const tasks: BasinTask[] = [];
      const bands = basinBands(request.settings.k);
      for (const [j0, j1] of bands) {
        for (const [r, runner] of request.runners.entries()) {
          tasks.push({
            source: request.source,
            minima: request.minima,
            settings: { ...request.settings, runner },
            runner: r,
            j0,
            j1,
          });
        }
      }
      let next = 0;
      let finished = 0;
      const feed = (w: Worker) => {
        const task = tasks[next++];
        if (!task) return;
        const message: BasinMessage = { id, task };
        w.postMessage(message);
      };
      while (workers.length < Math.min(count, tasks.length)) workers.push(makeWorker());
      for (const w of workers) {
        w.onmessage = (event: MessageEvent<BasinReply>) => {
          const reply = event.data;
          if (reply.id !== current) return;
          if (reply.kind === 'error') {
            stop();
            return handlers.onError(reply.message);
          }
          handlers.onRows(reply.runner, reply.j0, reply.j1, reply.grid);
          finished++;
          if (finished === tasks.length) {
            busy = false;
            handlers.onDone();
          } else feed(w);
        };
        w.onerror = (event) => {
          if (id !== current) return;
          stop();
          handlers.onError(event.message || 'a basins worker failed');
        };
        feed(w);
      }
      if (tasks.length === 0) {
        busy = false;
        handlers.onDone();
      }
    },
    cancel() {
      current++;
      if (busy) stop();
    },
  };
}
