/**
 * A basins worker for `npm run bench` (bench/basins-pool.ts bundles it with esbuild, as vite
 * bundles src/workers/basins.worker.ts for the app): runs bands of rows of basin maps with
 * the core's `basinBandRunner`, as the app's worker does. Posts `ready` once
 * loaded, then one `rows` reply per task with the band's outcomes (transferred), the time the
 * band took inside the worker, and the thread's CPU time so far (Linux: /proc/thread-self/stat, in
 * clock ticks of 10 ms; NaN elsewhere), so that a busy machine shows as wall time well above CPU time.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { basinBandRunner } from '../src/core';
import type { BasinTask } from '../src/workers/protocol';

/** Main thread → worker: one band of one runner's map. */
export interface PoolTask {
  index: number;
  task: BasinTask;
}

/** Worker → main thread. */
export type PoolReply =
  | { kind: 'ready'; at: number }
  | { kind: 'rows'; index: number; grid: Int32Array; ms: number; threadCpuMs: number }
  | { kind: 'error'; index: number; message: string };

/** This thread's user + system CPU time in ms (fields 14 and 15 of stat, at 100 ticks a second). */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const port = parentPort;
if (!port) throw new Error('bench/basins-worker.ts runs in a worker thread');
const runBand = basinBandRunner();

port.on('message', ({ index, task }: PoolTask) => {
  try {
    const t0 = performance.now();
    const grid = runBand(task);
    const ms = performance.now() - t0;
    const reply: PoolReply = { kind: 'rows', index, grid, ms, threadCpuMs: threadCpuMs() };
    port.postMessage(reply, [grid.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: PoolReply = { kind: 'error', index, message: String(error) };
    port.postMessage(reply);
  }
});

const ready: PoolReply = { kind: 'ready', at: performance.timeOrigin + performance.now() };
port.postMessage(ready);
