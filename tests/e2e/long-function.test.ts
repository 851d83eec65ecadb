import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SMALL_VIEWPORT } from './chromium';
import { counterStep, expectCleanConsole, openRace, WAIT } from './race-page';

/**
 * A typed function as long as the field takes, with many minima: what froze the page for 46 s
 * when its minima were searched on the main thread.
 */
function longFunction(maxLength: number): string {
  let text = '';
  for (let i = 0; ; i++) {
    const term = `sin(${1 + (i % 3)}*x+1*y)*cos(1*x-${1 + (i % 2)}*y)`;
    const next = text ? `${text}+${term}` : term;
    if (next.length > maxLength) return text;
    text = next;
  }
}

/**
 * Watches the main thread: the Long Tasks API reports every task over 50 ms of wall time, and a
 * Chromium trace gives each task's CPU time on that thread. On a two-core machine the renderer's
 * main thread shares the cores with the GPU process (software rendering) and the surface worker,
 * so a task that computes for 10 ms can take 60 ms of wall time while it waits for a core. What
 * the page must never do is compute for more than 50 ms in one task: each long task the API
 * reports is matched with its trace event and its CPU time must stay under 50 ms. (The page
 * that searched minima on the main thread ran one task of 46 s, nearly all CPU.)
 */
async function watchMainThread(browser: Browser, page: Page) {
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
const busy = (tasks: { wallMs: number; cpuMs: number }[]) => tasks.filter((t) => t.cpuMs > 50);

/** Waits until the surface worker has finished the fine surface and the minima search. */
async function surfaceSettled(page: Page, formula: string): Promise<void> {
  const status = page.getByTestId('surface-status');
  await expect
    .poll(
      async () =>
        (await status.getAttribute('data-stage')) === 'idle' &&
        (await status.getAttribute('data-formula')) === formula,
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
}

describe('Optimizer Race: long typed functions never freeze the page', () => {
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    // A test that failed half-way may have left the trace running.
    await browser.stopTracing().catch(() => undefined);
    await page?.close();
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('typing then pasting a 1,000-character function: no main-thread task over 50 ms, the race runs on it', async () => {
    const race = await openRace(browser, '?landscape=bowl&paused=1', SMALL_VIEWPORT);
    page = race.page;
    const text = longFunction(1000);
    expect(text.length).toBeGreaterThan(950);
    await page.getByTestId('landscape').selectOption('custom');
    await surfaceSettled(page, 'x^2 + y^2');
    const mainThread = await watchMainThread(browser, page);

    const field = page.getByTestId('function-input');
    // Keep typing (each pause longer than the field's live delay applies what is there so far)…
    await field.fill('');
    for (let i = 0; i < 6; i++) {
      await field.pressSequentially(text.slice(i * 20, (i + 1) * 20));
      await page.waitForTimeout(300);
    }
    // … then paste the whole function over it.
    await field.fill(text);
    await surfaceSettled(page, text);

    // The race runs on the new function, and its minima were found (or estimated) in the worker.
    await page.getByTestId('play').click();
    const before = await counterStep(page);
    await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(before + 5);
    expect(await page.locator('[data-testid="runner-row"]').count()).toBe(3);
    const tasks = await mainThread();
    expect(busy(tasks), `long tasks (wall and CPU ms): ${JSON.stringify(tasks)}`).toEqual([]);
    expectCleanConsole(race.problems);
  }, 180_000);

  it('opening a link that carries one: the page stays responsive while the worker draws it', async () => {
    const text = longFunction(793);
    const race = await openRace(browser, `?landscape=bowl&paused=1`, SMALL_VIEWPORT);
    page = race.page;
    // The app keeps ?s= current; build the link the way a lecturer would get it.
    await page.getByTestId('landscape').selectOption('custom');
    await page.getByTestId('function-input').fill(text);
    await surfaceSettled(page, text);
    await expect.poll(() => page!.url(), WAIT).toContain('?s=');
    const link = page.url();
    await page.close();

    const opened = await openRace(browser, new URL(link).search, SMALL_VIEWPORT);
    page = opened.page;
    const mainThread = await watchMainThread(browser, page);
    await surfaceSettled(page, text);
    expect(await page.getByTestId('surface-status').getAttribute('data-minima')).toMatch(
      /^(exact|estimate)$/,
    );
    const tasks = await mainThread();
    expect(busy(tasks), `long tasks (wall and CPU ms): ${JSON.stringify(tasks)}`).toEqual([]);
    expectCleanConsole(opened.problems);
  }, 180_000);
});
