import type { SwarmFrame } from '../core';
import type { SwarmJobs } from '../store/swarm-jobs';
import type { SwarmMessage, SwarmReply } from './protocol';

/**
 * The swarm in a Web Worker. The page asks for a target step; the worker steps towards it for a
 * few milliseconds and answers with a frame; the next request goes out only after the answer, so
 * requests never queue and the page always shows the newest frame. Starting anew terminates the
 * worker (a swarm of 10,000 balls per runner may be mid-step).
 */
export function workerSwarmJobs(
  makeWorker = () =>
    new Worker(new URL('./swarm.worker.ts', import.meta.url), { type: 'module', name: 'swarm' }),
): SwarmJobs {
  let worker: Worker | null = null;
  let current = 0;
  let waiting = false;
  let target = 0;
  let shown = 0;
  let deliver: ((frame: SwarmFrame) => void) | null = null;
  let fail: ((message: string) => void) | null = null;
  const send = (message: SwarmMessage) => {
    waiting = true;
    worker!.postMessage(message);
  };
  const stop = () => {
    current++;
    worker?.terminate();
    worker = null;
    deliver = null;
    fail = null;
    waiting = false;
  };
  const failed = (message: string) => {
    const report = fail;
    stop();
    report?.(message);
  };
  return {
    start(request, onFrame, onError) {
      const id = ++current;
      // The worker is reused (a new start replaces its swarm; replies of the old one are
      // dropped): dragging the start restarts the race at every move.
      const w = (worker ??= makeWorker());
      deliver = onFrame;
      fail = onError ?? null;
      target = 0;
      shown = 0;
      w.onmessage = (event: MessageEvent<SwarmReply>) => {
        const reply = event.data;
        if (reply.id !== current) return;
        waiting = false;
        if (reply.kind === 'error') return failed(reply.message);
        shown = reply.frame.step;
        deliver?.(reply.frame);
        if (target > shown && worker === w) send({ id, kind: 'advance', target });
      };
      // Out of memory, or a script error: no answer will come.
      w.onerror = (event) => failed(event.message || 'the swarm worker failed');
      send({ id, kind: 'start', request });
    },
    advance(to) {
      target = Math.max(target, to);
      if (worker && !waiting && target > shown) send({ id: current, kind: 'advance', target });
    },
    stop,
  };
}
