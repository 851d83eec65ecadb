/**
 * The endless race of `npm run bench:browser`: the `bag-strong-shake` scene (it never finishes by
 * design) at the fastest speed, left running past 1,000,000 steps, as a lecturer might. Opened
 * paused (`/?scene=bag-strong-shake&speed=100000&paused=1`, then the play button), so that the
 * first window starts at step 0:
 * 1. start: per-frame script (bench/frame-script.ts) from play until the step counter passes
 *    10,000 (and at least MIN_FRAMES frames), then the JS heap after a forced collection;
 * 2. the race runs on until the step counter passes 1,000,000. At the stepping budget the rate is
 *    set by the frame rate; if 1,000,000 steps would take more than SHRINK_AFTER_MINUTES at
 *    1280 × 720, the window is made small (SMALL_VIEWPORT, a faster software-rendered frame)
 *    until then, and restored before the end is measured;
 * 3. end: the heap again, then per-frame script over as many frames as the start window.
 * Heap snapshots summarised by constructor are taken after both heap readings and their largest
 * differences printed, to show which part grows.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { FRAME_COUNTER_PROBE } from './browser-page-probes';
import { describeFigures, describeSources, traceScript, type ScriptFigures } from './frame-script';
import {
  heapAfterGc,
  heapGrowth,
  heapSummary,
  type HeapSummary,
  type HeapUsage,
} from './heap-summary';

const PATH = '/?scene=bag-strong-shake&speed=100000&paused=1';
const FASTEST = 100_000;
const START_STEPS = 10_000;
/** BENCH_ENDLESS_STEPS shortens the run while working on the benchmark itself. */
const END_STEPS = Number(process.env.BENCH_ENDLESS_STEPS) || 1_000_000;
/** Frames each window covers at least. */
const MIN_FRAMES = 10;
const SHRINK_AFTER_MINUTES = 6;
const SMALL_VIEWPORT = { width: 480, height: 270 } as const;
/** How long the rate is watched at full size before deciding to shrink the window. */
const RATE_WATCH_SECONDS = 30;
const BULK_LIMIT_MINUTES = 45;
const KNOWN_WARNINGS = /THREE\.Clock: This module has been deprecated/;

export class EndlessError extends Error {}

interface TracedWindow {
  steps: [number, number];
  script: ScriptFigures;
}

export interface EndlessFigures {
  /** The step count the race was run to (1,000,000 unless BENCH_ENDLESS_STEPS says otherwise). */
  steps: number;
  heapAtLoad: HeapUsage;
  start: TracedWindow & { heap: HeapUsage };
  end: TracedWindow & { heap: HeapUsage };
  /** end.heap.usedMB − start.heap.usedMB */
  heapGrowthMB: number;
  /** end / start of the projected per-frame script (CPU), and of it without the tick's steps. */
  frameRatio: number;
  frameRatioWithoutSteps: number;
  /** Seconds from the start window's end to END_STEPS, and the window size meanwhile. */
  bulkSeconds: number;
  bulkViewport: { width: number; height: number };
  growth: { what: string; count: number; bytes: number }[];
}

const stepOf = async (page: Page) =>
  Number(await page.getAttribute('[data-testid=step-counter]', 'data-step'));
const framesOf = (page: Page) =>
  page.evaluate('window.__raceBench.frameJs.length') as Promise<number>;
const isPlaying = async (page: Page) =>
  (await page.getAttribute('[data-testid=play]', 'aria-pressed')) === 'true';

/** Traces from now until `enough` (frames since the start, step now) holds; notes the steps. */
async function traceWindow(
  browser: Browser,
  page: Page,
  enough: (frames: number, step: number) => boolean,
  begin?: () => Promise<void>,
): Promise<TracedWindow> {
  const frames0 = await framesOf(page);
  const from = await stepOf(page);
  let to = from;
  let started = false;
  const script = await traceScript(
    browser,
    page,
    async () => {
      if (!started) {
        started = true;
        await begin?.();
        return false;
      }
      to = await stepOf(page);
      return enough((await framesOf(page)) - frames0, to);
    },
    600,
  );
  return { steps: [from, to], script };
}

function printWindow(name: string, w: TracedWindow & { heap: HeapUsage }): void {
  const perFrame = (w.steps[1] - w.steps[0]) / w.script.frames;
  console.log(
    `  ${name}: steps ${w.steps[0].toLocaleString('en')}–${w.steps[1].toLocaleString('en')} (${perFrame.toFixed(0)} a frame)`,
  );
  console.log(`    ${describeFigures(w.script)}`);
  const t = w.script.tick.cpu;
  console.log(
    `    of it the tick (steps, within its 10 ms budget) ${t.toFixed(3)} ms, the rest ${(w.script.projected.cpu - t).toFixed(3)} ms`,
  );
  for (const line of describeSources(w.script, 6, '      ')) console.log(line);
  console.log(
    `    heap after GC ${w.heap.usedMB.toFixed(2)} MB` +
      (w.heap.backingMB !== undefined
        ? `, ArrayBuffer backing stores ${w.heap.backingMB.toFixed(2)} MB`
        : ''),
  );
}

/** Runs the race to END_STEPS; returns when the step counter has passed it. */
async function runOn(
  page: Page,
  viewport: { width: number; height: number },
): Promise<{ seconds: number; viewport: { width: number; height: number } }> {
  const began = Date.now();
  let shown = viewport;
  let last = { t: began, step: await stepOf(page) };
  let watched: { t: number; step: number } | undefined = { ...last };
  let reported = began;
  for (;;) {
    await page.waitForTimeout(5_000);
    const now = { t: Date.now(), step: await stepOf(page) };
    if (now.step >= END_STEPS) return { seconds: (now.t - began) / 1000, viewport: shown };
    if (!(await isPlaying(page))) {
      throw new EndlessError(`the race stopped at step ${now.step} (it should never finish)`);
    }
    if (now.t - began > BULK_LIMIT_MINUTES * 60_000) {
      throw new EndlessError(
        `only ${now.step} steps after ${BULK_LIMIT_MINUTES} minutes; the machine is too slow or too busy`,
      );
    }
    if (watched && now.t - watched.t >= RATE_WATCH_SECONDS * 1000) {
      const rate = (now.step - watched.step) / ((now.t - watched.t) / 1000);
      const minutes = (now.t - began) / 60_000 + (END_STEPS - now.step) / rate / 60;
      if (minutes > SHRINK_AFTER_MINUTES) {
        console.log(
          `  ${rate.toFixed(0)} steps/s at ${viewport.width}×${viewport.height}: ${END_STEPS.toLocaleString('en')} steps would take ${minutes.toFixed(1)} minutes; ` +
            `the window is ${SMALL_VIEWPORT.width}×${SMALL_VIEWPORT.height} until then (faster frames, more steps a second)`,
        );
        await page.setViewportSize(SMALL_VIEWPORT);
        shown = SMALL_VIEWPORT;
      }
      watched = undefined;
    }
    if (now.t - reported >= 60_000) {
      reported = now.t;
      const rate = (now.step - last.step) / ((now.t - last.t) / 1000);
      console.log(
        `  ${((now.t - began) / 60_000).toFixed(1)} min: step ${now.step.toLocaleString('en')} (${rate.toFixed(0)} steps/s lately)`,
      );
    }
    last = now;
  }
}

/** The endless-race figures; the page is opened in a fresh context at `viewport`. */
export async function endlessRace(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
  waitMs: number,
): Promise<EndlessFigures> {
  const context = await browser.newContext({ viewport });
  const errors: string[] = [];
  try {
    await context.addInitScript({ content: FRAME_COUNTER_PROBE });
    const page = await context.newPage();
    page.setDefaultTimeout(waitMs);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      else if (m.type() === 'warning' && !KNOWN_WARNINGS.test(m.text()))
        console.log(`  page warning: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    const check = () => {
      if (errors.length > 0) throw new EndlessError(`page errors:\n  ${errors.join('\n  ')}`);
    };
    await page.goto(new URL(PATH, baseUrl).href);
    await page.waitForFunction('window.__raceBench.firstFrame !== undefined', undefined, {
      polling: 100,
      timeout: waitMs,
    });
    const speed = Number(await page.inputValue('[data-testid=speed]'));
    if (speed !== FASTEST)
      throw new EndlessError(`the speed select shows ${speed}, not ${FASTEST}`);
    if (await isPlaying(page)) throw new EndlessError('the race plays although opened paused');
    // Let the load settle (surface and minima jobs, first commits) before the race starts.
    await page.waitForTimeout(3_000);
    const cdp: CDPSession = await context.newCDPSession(page);
    const heapAtLoad = await heapAfterGc(cdp);
    console.log(
      `  opened ${PATH} at ${viewport.width}×${viewport.height}: heap after GC ${heapAtLoad.usedMB.toFixed(2)} MB`,
    );

    const startWindow = await traceWindow(
      browser,
      page,
      (frames, step) => frames >= MIN_FRAMES && step >= START_STEPS,
      // A plain DOM click: Playwright's own click waits for animation frames of its own.
      () => page.$eval('[data-testid=play]', (b) => (b as HTMLButtonElement).click()),
    );
    const start = { ...startWindow, heap: await heapAfterGc(cdp) };
    printWindow('start', start);
    const before: HeapSummary = await heapSummary(cdp);
    check();

    const bulk = await runOn(page, viewport);
    console.log(
      `  passed ${END_STEPS.toLocaleString('en')} steps ${(bulk.seconds / 60).toFixed(1)} minutes after the start window`,
    );
    if (bulk.viewport !== viewport) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(5_000);
    }
    const heap = await heapAfterGc(cdp);
    const after = await heapSummary(cdp);
    const frames = Math.max(MIN_FRAMES, startWindow.script.frames);
    const endWindow = await traceWindow(browser, page, (n) => n >= frames);
    const end = { ...endWindow, heap };
    printWindow('end', end);
    check();

    const growth = heapGrowth(before, after);
    console.log('  heap snapshot, largest growth by constructor (self size):');
    for (const g of growth) {
      console.log(
        `    ${(g.bytes / 1024 / 1024).toFixed(3).padStart(8)} MB ${String(g.count).padStart(8)} objects  ${g.what.length > 100 ? `${g.what.slice(0, 99)}…` : g.what}`,
      );
    }
    return {
      steps: END_STEPS,
      heapAtLoad,
      start,
      end,
      heapGrowthMB: end.heap.usedMB - start.heap.usedMB,
      frameRatio: end.script.projected.cpu / start.script.projected.cpu,
      frameRatioWithoutSteps:
        (end.script.projected.cpu - end.script.tick.cpu) /
        (start.script.projected.cpu - start.script.tick.cpu),
      bulkSeconds: bulk.seconds,
      bulkViewport: bulk.viewport,
      growth,
    };
  } finally {
    await context.close();
  }
}
