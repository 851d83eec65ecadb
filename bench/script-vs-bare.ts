/**
 * Per-frame main-thread script of the app while three runners play (`/?landscape=rosenbrock`, 1×
 * = 60 steps a second), next to a bare three.js page drawing the same 257 × 257 surface mesh with
 * the same material every frame (bench/frame-baseline/, served at `frame-baseline/` next to the
 * app, its canvas the size of the app's), both measured by bench/frame-script.ts in the same run.
 * ROUNDS rounds, app then bare, each page frozen while the other is traced (they would share the
 * software GPU); the lower figure of each page is kept (the machine may be shared).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { RACE_BENCH_PROBE } from './browser-page-probes';
import {
  describeByRate,
  describeFigures,
  describeSources,
  traceScript,
  type ScriptFigures,
} from './frame-script';

const ROUNDS = 2;
/** Each traced window covers at least this many frames and seconds. */
const MIN_FRAMES = 20;
const MIN_SECONDS = 10;
const MAX_SECONDS = 300;
const SETTLE_MS = 3_000;
const KNOWN_WARNINGS = /THREE\.Clock: This module has been deprecated/;

export class ScriptError extends Error {}

export interface ScriptVsBare {
  app: ScriptFigures;
  bare: ScriptFigures;
  /** app / bare, projected per-frame script in CPU time (as measured, and each part by rate). */
  ratio: number;
  ratioByRate: number;
  /** The size of the app's 3D canvas, which the bare page's canvas copies. */
  canvas: { width: number; height: number };
}

interface Opened {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
}

async function open(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  waitMs: number,
  probe?: string,
): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  if (probe) await context.addInitScript({ content: probe });
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (m.type() === 'warning' && !KNOWN_WARNINGS.test(m.text()))
      console.log(`  page warning: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // The bare page samples its surface on the main thread before 'load': wait for the response only.
  const response = await page.goto(url, { waitUntil: 'commit', timeout: waitMs });
  if (!response?.ok()) throw new ScriptError(`GET ${url} answered ${response?.status()}`);
  return { context, page, cdp: await context.newCDPSession(page), errors };
}

function check(o: Opened, what: string): void {
  if (o.errors.length > 0) {
    throw new ScriptError(`the ${what} page reported errors:\n  ${o.errors.join('\n  ')}`);
  }
}

const freeze = (o: Opened, frozen: boolean) =>
  o.cdp.send('Page.setWebLifecycleState', { state: frozen ? 'frozen' : 'active' });

async function traceFrames(
  browser: Browser,
  o: Opened,
  frameCount: string,
): Promise<ScriptFigures> {
  const count = () => o.page.evaluate(frameCount) as Promise<number>;
  const from = await count();
  return traceScript(
    browser,
    o.page,
    async (seconds) => seconds >= MIN_SECONDS && (await count()) - from >= MIN_FRAMES,
    MAX_SECONDS,
  );
}

function print(name: string, f: ScriptFigures): void {
  console.log(`  ${name}: ${describeFigures(f)}`);
  console.log(`  ${' '.repeat(name.length)}  ${describeByRate(f)}`);
  for (const line of describeSources(f, 8, '      ')) console.log(line);
}

/** The app at `appPath` against the bare page, both at `viewport`. */
export async function scriptVsBare(
  browser: Browser,
  baseUrl: string,
  appPath: string,
  viewport: { width: number; height: number },
  waitMs: number,
): Promise<ScriptVsBare> {
  const app = await open(
    browser,
    new URL(appPath, baseUrl).href,
    viewport,
    waitMs,
    RACE_BENCH_PROBE,
  );
  let bare: Opened | undefined;
  try {
    await app.page.waitForFunction('window.__raceBench.firstFrame !== undefined', undefined, {
      polling: 100,
      timeout: waitMs,
    });
    await app.page.waitForTimeout(SETTLE_MS);
    const box = await app.page.locator('[data-testid=scene-canvas]').boundingBox();
    if (!box) throw new ScriptError('the app shows no 3D canvas');
    const canvas = { width: Math.round(box.width), height: Math.round(box.height) };
    await freeze(app, true);
    bare = await open(
      browser,
      new URL(`frame-baseline/index.html?w=${canvas.width}&h=${canvas.height}`, baseUrl).href,
      viewport,
      waitMs,
    );
    await bare.page.waitForFunction('window.bareFrames > 3', undefined, { timeout: waitMs });
    const renderer = (await bare.page.evaluate(`(() => {
      const gl = document.querySelector('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
    })()`)) as string;
    console.log(
      `  canvas ${canvas.width}×${canvas.height} in a ${viewport.width}×${viewport.height} window; bare page on ${renderer}`,
    );

    const apps: ScriptFigures[] = [];
    const bares: ScriptFigures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await freeze(bare, true);
      await freeze(app, false);
      await app.page.waitForTimeout(SETTLE_MS);
      if ((await app.page.getAttribute('[data-testid=play]', 'aria-pressed')) !== 'true') {
        throw new ScriptError('the race is not playing');
      }
      const a = await traceFrames(browser, app, 'window.__raceBench.frameJs.length');
      if ((await app.page.getAttribute('[data-testid=play]', 'aria-pressed')) !== 'true') {
        throw new ScriptError('the race stopped while it was traced');
      }
      check(app, 'app');
      print(`round ${round} app `, a);
      apps.push(a);

      await freeze(app, true);
      await freeze(bare, false);
      await bare.page.waitForTimeout(SETTLE_MS);
      const b = await traceFrames(browser, bare, 'window.bareFrames');
      check(bare, 'bare three.js');
      print(`round ${round} bare`, b);
      bares.push(b);
    }
    const lowest = (xs: ScriptFigures[]) =>
      xs.reduce((p, q) => (q.projected.cpu < p.projected.cpu ? q : p));
    const bestApp = lowest(apps);
    const bestBare = lowest(bares);
    return {
      app: bestApp,
      bare: bestBare,
      ratio: bestApp.projected.cpu / bestBare.projected.cpu,
      ratioByRate: bestApp.projectedByRate.cpu / bestBare.projectedByRate.cpu,
      canvas,
    };
  } finally {
    await app.context.close();
    await bare?.context.close();
  }
}
