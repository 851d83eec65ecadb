/**
 * `npm run bench:export`: clip-export throughput in headless Chromium (figures, not pass/fail).
 *
 * Serves a copy of the built `dist/` with vite's `preview()` on a free port, plus a tiny baseline
 * page (bench/export-baseline/, built here) that draws the same 256² surface mesh with plain
 * three.js into the same encoder. Then, at 1280 × 720 and 1920 × 1080 (30 fps, 60 frames, H.264),
 * it times
 * 1. the app's clip export, driven through the dialog (click Start → the download), with the race,
 *    trails, balls, split-free overlay layout and every overlay burned in;
 * 2. the baseline, in the same browser and the same run, with the app's page frozen meanwhile.
 * Each is taken ROUNDS times, interleaved, keeping the fastest (the machine may be shared).
 * The figure to watch is the ratio of time per frame (target: ≤ 1.3 × the baseline).
 * The last line printed is one JSON object.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, 'dist');
const VIEWPORT = { width: 1280, height: 720 } as const;
const QUERY = '?landscape=rosenbrock';
const FPS = 30;
const SECONDS = 2;
const FRAMES = FPS * SECONDS;
const ROUNDS = 2;
const SIZES = [
  { key: '720', resolution: '1280x720', width: 1280, height: 720 },
  { key: '1080', resolution: '1920x1080', width: 1920, height: 1080 },
] as const;
const WAIT_MS = 15 * 60_000;
const KNOWN_WARNINGS = /THREE\.Clock: This module has been deprecated/;

class BenchError extends Error {}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** A copy of dist/ with the baseline page built into it (someone may rebuild dist/ meanwhile). */
async function prepareSite(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'optimizer-race-export-bench-'));
  try {
    cpSync(DIST, dir, { recursive: true });
  } catch (error) {
    throw new BenchError(
      `No built app in ${DIST} (${(error as Error).message}): run "npm run bench:export".`,
    );
  }
  await build({
    configFile: false,
    root: resolve(ROOT, 'bench/export-baseline'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(dir, 'export-baseline'), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  return dir;
}

function watch(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (m.type() === 'warning' && !KNOWN_WARNINGS.test(m.text()))
      console.log(`warning: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
  });
}

/** Frames per second of one clip export through the dialog (Start → download). */
async function appExport(page: Page, resolution: string): Promise<number> {
  await page.getByTestId('export').click();
  await page.getByTestId('export-format').selectOption('mp4');
  await page.getByTestId('export-resolution').selectOption(resolution);
  await page.getByTestId('export-fps').selectOption(String(FPS));
  await page.getByTestId('export-seconds').fill(String(SECONDS));
  const codecLine = page.locator('[data-testid="export-codec"]:not([data-codec="checking"])');
  const codec = await codecLine.getAttribute('data-codec');
  if (codec !== 'avc') throw new BenchError(`the app would not use H.264 but ${codec}`);
  const download = page.waitForEvent('download', { timeout: WAIT_MS });
  const began = Date.now();
  await page.getByTestId('export-start').click();
  await download;
  return FRAMES / ((Date.now() - began) / 1000);
}

/**
 * Frames per second of the baseline at this size. The app's page is frozen meanwhile: its live
 * view would otherwise keep drawing every animation frame on the same (software) GPU.
 */
async function baselineExport(
  page: Page,
  app: CDPSession,
  width: number,
  height: number,
): Promise<number> {
  await app.send('Page.setWebLifecycleState', { state: 'frozen' });
  const run = await page
    .evaluate(([w, h, fps, frames]) => window.runBaseline(w, h, fps, frames, 'avc'), [
      width,
      height,
      FPS,
      FRAMES,
    ] as const)
    .finally(() => app.send('Page.setWebLifecycleState', { state: 'active' }));
  if (run.bytes === 0) throw new BenchError('the baseline encoded nothing');
  return run.frames / (run.ms / 1000);
}

// window.runBaseline and window.baselineReady are declared by export-baseline/baseline.ts.

async function main(): Promise<void> {
  const site = await prepareSite();
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: site },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  let browser: Browser | undefined;
  try {
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string')
      throw new BenchError('preview has no port');
    const base = `http://127.0.0.1:${address.port}/`;
    browser = await launchBrowser();
    const errors: string[] = [];
    const app = await browser.newPage({ viewport: VIEWPORT });
    app.setDefaultTimeout(WAIT_MS);
    watch(app, errors);
    await app.goto(`${base}${QUERY}`);
    await app.locator('canvas[data-start-screen]').waitFor({ state: 'attached' });
    const appSession = await app.context().newCDPSession(app);
    const baseline = await browser.newPage({ viewport: VIEWPORT });
    baseline.setDefaultTimeout(WAIT_MS);
    watch(baseline, errors);
    await baseline.goto(`${base}export-baseline/index.html`);
    await baseline.waitForFunction(() => window.baselineReady === true);

    const best: Record<string, { app: number; baseline: number }> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const size of SIZES) {
        const appFps = await appExport(app, size.resolution);
        const baseFps = await baselineExport(baseline, appSession, size.width, size.height);
        console.log(
          `round ${round} ${size.resolution}: app ${appFps.toFixed(2)} fps, baseline ${baseFps.toFixed(2)} fps`,
        );
        if (errors.length > 0) throw new BenchError(`page errors:\n  ${errors.join('\n  ')}`);
        const b = (best[size.key] ??= { app: 0, baseline: 0 });
        b.app = Math.max(b.app, appFps);
        b.baseline = Math.max(b.baseline, baseFps);
      }
    }
    const ratios = SIZES.map((s) => best[s.key]!.baseline / best[s.key]!.app);
    for (const [i, s] of SIZES.entries()) {
      const b = best[s.key]!;
      console.log(
        `${s.resolution}: app ${b.app.toFixed(2)} fps (${(1000 / b.app).toFixed(0)} ms/frame), ` +
          `baseline ${b.baseline.toFixed(2)} fps (${(1000 / b.baseline).toFixed(0)} ms/frame), ` +
          `ratio ${ratios[i]!.toFixed(2)}`,
      );
    }
    // Time per frame over both sizes, app / baseline.
    const appMs = SIZES.reduce((sum, s) => sum + 1 / best[s.key]!.app, 0);
    const baseMs = SIZES.reduce((sum, s) => sum + 1 / best[s.key]!.baseline, 0);
    console.log(
      JSON.stringify({
        fps720: round(best['720']!.app),
        fps1080: round(best['1080']!.app),
        ratioToBaseline: round(appMs / baseMs),
      }),
    );
  } finally {
    await browser?.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? error.message : error);
  process.exit(1);
});
