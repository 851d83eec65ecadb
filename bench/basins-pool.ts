/**
 * Basin maps the way the app computes them (src/workers/basins-client.ts), on Node for
 * `npm run bench`: the maps cut into bands of rows (`basinBands` of src/store/swarm-jobs.ts), the
 * runners' first bands first, each idle worker of a pool of `worker_threads` taking the next band
 * and running `basinRows` on it (bench/basins-worker.ts). The worker is bundled with esbuild into
 * a temporary .mjs first, as vite bundles the app's worker (tsx's loader does not reach worker
 * threads on Node 20).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BasinSettings, LandscapeSource, KnownMinimum, RunnerSpec } from '../src/core';
import { basinBands } from '../src/store/swarm-jobs';
import type { BasinTask } from '../src/workers/protocol';
import type { PoolReply, PoolTask } from './basins-worker';

/** One worker per core, as the app's `basinWorkerCount` (at least one, at most eight). */
export function poolSize(): number {
  return Math.min(8, Math.max(1, availableParallelism()));
}

/** The bundled worker in a temporary directory; `dispose` removes it. */
export interface BundledWorker {
  file: string;
  bundleMs: number;
  dispose(): void;
}

export async function bundleBasinsWorker(): Promise<BundledWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'optimizer-race-basins-'));
  const file = join(dir, 'basins-worker.mjs');
  const t0 = performance.now();
  await build({
    entryPoints: [fileURLToPath(new URL('./basins-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
  });
  return {
    file,
    bundleMs: performance.now() - t0,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The tasks of every runner's map, in the app's order: band by band, each runner's in turn. */
export function basinTasks(
  source: LandscapeSource,
  minima: KnownMinimum[],
  runners: RunnerSpec[],
  settings: Omit<BasinSettings, 'runner'>,
): BasinTask[] {
  const tasks: BasinTask[] = [];
  for (const [j0, j1] of basinBands(settings.k)) {
    for (const [r, runner] of runners.entries()) {
      tasks.push({ source, minima, settings: { ...settings, runner }, runner: r, j0, j1 });
    }
  }
  return tasks;
}

export interface PoolRun {
  workers: number;
  /** Wall time from creating the workers to the last band's reply. */
  wallMs: number;
  /** Each worker's time from its creation until its code was loaded and running. */
  startMs: number[];
  /** Each worker's time inside `basinRows` (and the landscape's making), summed over its bands. */
  busyMs: number[];
  /** Each worker thread's CPU time at its last reply (start-up included; NaN where unknown). */
  cpuMs: number[];
  /** Each runner's whole map, k × k outcomes row-major. */
  grids: Int32Array[];
}

/** Runs `tasks` on a fresh pool of `count` workers, feeding each idle worker the next task. */
export function runPool(file: string, tasks: BasinTask[], count: number): Promise<PoolRun> {
  const k = tasks[0]?.settings.k ?? 0;
  const runners = new Set(tasks.map((t) => t.runner)).size;
  const grids = Array.from({ length: runners }, () => new Int32Array(k * k));
  return new Promise((resolvePool, rejectPool) => {
    const began = performance.now();
    const beganEpoch = performance.timeOrigin + began;
    const n = Math.min(count, tasks.length);
    const workers: Worker[] = [];
    const startMs: number[] = new Array(n).fill(Number.NaN);
    const busyMs: number[] = new Array(n).fill(0);
    const cpuMs: number[] = new Array(n).fill(Number.NaN);
    let next = 0;
    let finished = 0;
    let failed = false;
    const end = (error?: Error) => {
      const wallMs = performance.now() - began;
      void Promise.all(workers.map((w) => w.terminate())).then(() => {
        if (error) rejectPool(error);
        else resolvePool({ workers: n, wallMs, startMs, busyMs, cpuMs, grids });
      });
    };
    const feed = (w: Worker) => {
      const index = next++;
      const task = tasks[index];
      if (task) w.postMessage({ index, task } satisfies PoolTask);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(file);
      workers.push(w);
      w.on('message', (reply: PoolReply) => {
        if (failed) return;
        if (reply.kind === 'ready') {
          startMs[i] = reply.at - beganEpoch;
          return;
        }
        if (reply.kind === 'error') {
          failed = true;
          return end(new Error(`a basins worker failed: ${reply.message}`));
        }
        const task = tasks[reply.index]!;
        grids[task.runner]!.set(reply.grid, task.j0 * k);
        busyMs[i]! += reply.ms;
        cpuMs[i] = reply.threadCpuMs;
        finished++;
        if (finished === tasks.length) end();
        else feed(w);
      });
      w.on('error', (error) => {
        if (failed) return;
        failed = true;
        end(error);
      });
      feed(w);
    }
    if (tasks.length === 0) end();
  });
}

/** Cells where two grids differ. */
export function differingCells(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}
