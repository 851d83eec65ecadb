import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Watches the main thread: the Long Tasks API reports every task over 50 ms of wall time, and a
 * Chromium trace gives each task's CPU time on that thread. On a two-core machine the renderer's
 * main thread shares the cores with the GPU process (software rendering) and the surface worker,
 * so a task that computes for 10 ms can take 60 ms of wall time while it waits for a core. What
 * the page must never do is compute for more than 50 ms in one task: each long task the API
 * reports is matched with its trace event and its CPU time must stay under 50 ms. (The page
 * that searched minima on the main thread ran one task of 46 s, nearly all CPU.)
 */
export async function watchMainThread(browser: Browser, page: Page) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: [number, number][] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    performance.mark('long-task-watch');
  });
  return async (): Promise<{ wallMs: number; cpuMs: number }[]> => {
    const { marks, tasks } = await page.evaluate(() => ({
      marks: performance.getEntriesByName('long-task-watch').map((m) => m.startTime),
      tasks: (window as unknown as { longTasks: [number, number][] }).longTasks,
    }));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    const events = trace.traceEvents;
    const mark = events.find((e) => e.name === 'long-task-watch');
    const main = events.find(
      (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
    );
    expect(mark, 'the trace holds the page mark').toBeDefined();
    expect(main, 'the trace names the renderer main thread').toBeDefined();
    const runs = events.filter(
      (e) => e.pid === main!.pid && e.tid === main!.tid && e.ph === 'X' && e.name === 'RunTask',
    );
    // Page time t (ms) ↔ trace time (µs), by the mark both of them hold.
    const toTrace = (t: number) => mark!.ts + (t - marks[0]!) * 1000;
    return tasks.map(([start, duration]) => {
      const [a, b] = [toTrace(start), toTrace(start + duration)];
      let best: TraceEvent | undefined;
      let overlap = 0;
      for (const r of runs) {
        const o = Math.min(b, r.ts + (r.dur ?? 0)) - Math.max(a, r.ts);
        if (o > overlap) [best, overlap] = [r, o];
      }
      // A long task the trace cannot place counts with its whole wall time.
      return {
        wallMs: Math.round(duration),
        cpuMs: Math.round(best?.tdur !== undefined ? best.tdur / 1000 : duration),
      };
    });
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The long tasks in which the main thread itself computed for more than 50 ms. */
export const busy = (tasks: { wallMs: number; cpuMs: number }[]) =>
  tasks.filter((t) => t.cpuMs > 50);
