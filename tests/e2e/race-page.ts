import type { Browser, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openPage } from './chromium';
import type { PageProblems } from './chromium';
import { canvasShot, countColours } from './pixels';

/**
 * Helpers for the Optimizer Race browser tests: open the built app at a query string, read what
 * the HUD shows (runner rows, start fields, the start handle's screen position) and wait on it.
 */

/**
 * Room for the side panels (start fields, whole top view) and a 3D stage of about 450 x 500 px
 * between them: for tests that press on the scene or the top view.
 */
export const ROOMY_VIEWPORT = { width: 1024, height: 576 } as const;
/** For tests that only read and press the HUD: the 3D stage is narrow and frames are quick. */
export const HUD_VIEWPORT = { width: 640, height: 360 } as const;

/**
 * Bound for conditions that need a few SwiftShader frames: generous, as the machine may be busy
 * (a passing test never waits for it).
 */
export const WAIT = { timeout: 20_000, interval: 50 } as const;

export interface RacePage {
  page: Page;
  problems: PageProblems;
  /** The WebGL canvas of the 3D scene. */
  canvas: Locator;
}

/**
 * Opens the app at `?query` and waits for the first rendered frame (the start handle publishes
 * its screen position from the frame loop).
 */
export async function openRace(
  browser: Browser,
  query: string,
  viewport: { width: number; height: number },
): Promise<RacePage> {
  const url = new URL(inject('baseUrl'));
  url.search = query;
  const { page, problems } = await openPage(browser, url.toString(), viewport);
  const canvas = page.locator('canvas[data-testid="scene-canvas"]');
  try {
    // A loaded machine can take many seconds for the first SwiftShader frame.
    await page
      .locator('canvas[data-testid="scene-canvas"][data-start-screen]')
      .waitFor({ state: 'attached', timeout: 40_000 });
  } catch (error) {
    // Say why, if the page said anything (a missing asset, an exception).
    throw new Error(
      `No frame of the race at ${url} within 40 s; console errors: ${JSON.stringify(problems.errors)}`,
      { cause: error },
    );
  }
  return { page, problems, canvas };
}

/** No console errors, no console warnings, no uncaught exceptions. */
export function expectCleanConsole(problems: PageProblems): void {
  expect(problems.errors, 'console errors').toEqual([]);
  expect(problems.warnings, 'console warnings').toEqual([]);
}

export interface RunnerRow {
  label: string;
  step: number;
  x: number;
  y: number;
  loss: number;
  status: string;
}

/** The legend's rows as the page shows them now. */
export function readRows(page: Page): Promise<RunnerRow[]> {
  return page.$$eval('[data-testid="runner-row"]', (rows) =>
    rows.map((row) => ({
      label: row.getAttribute('data-label') ?? '',
      step: Number(row.getAttribute('data-step')),
      x: Number(row.getAttribute('data-x')),
      y: Number(row.getAttribute('data-y')),
      loss: Number(row.getAttribute('data-loss')),
      status: row.getAttribute('data-status') ?? '',
    })),
  );
}

export const steps = async (page: Page) => (await readRows(page)).map((r) => r.step);
export const positions = async (page: Page) =>
  (await readRows(page)).map((r) => [r.x, r.y] as [number, number]);

/** The step counter's data-step. */
export async function counterStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-counter').getAttribute('data-step'));
}

/** What the start fields show, as numbers. */
export async function startFields(page: Page): Promise<[number, number]> {
  return [
    Number(await page.getByTestId('start-x').inputValue()),
    Number(await page.getByTestId('start-y').inputValue()),
  ];
}

/** Waits until every runner sits at step 0 on `start` (to `tolerance` per axis). */
export async function expectRunnersAt(
  page: Page,
  start: readonly [number, number],
  tolerance = 0,
): Promise<void> {
  await expect
    .poll(() => readRows(page), WAIT)
    .toSatisfy(
      (rows: RunnerRow[]) =>
        rows.length > 0 &&
        rows.every(
          (r) => r.step === 0 && near(r.x, start[0], tolerance) && near(r.y, start[1], tolerance),
        ),
      `every runner at step 0 on (${start.join(', ')}) ± ${tolerance}`,
    );
}

function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/** The start handle's foot in page CSS pixels, once it has stopped moving for 3 frames. */
export async function startHandleOnScreen(page: Page): Promise<{ x: number; y: number }> {
  const inCanvas = await page.evaluate(
    () =>
      new Promise<[number, number]>((resolve) => {
        const canvas = document.querySelector('canvas[data-testid="scene-canvas"]')!;
        let last = '';
        let same = 0;
        const check = () => {
          const now = canvas.getAttribute('data-start-screen') ?? '';
          same = now !== '' && now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve(now.split(',').map(Number) as [number, number]);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
  const box = await canvasBox(page);
  return { x: box.x + inCanvas[0], y: box.y + inCanvas[1] };
}

/** The start handle's foot in page CSS pixels as published right now. */
export async function startHandleNow(page: Page): Promise<{ x: number; y: number }> {
  const text = await page
    .locator('canvas[data-testid="scene-canvas"]')
    .getAttribute('data-start-screen');
  const [sx, sy] = (text ?? 'NaN,NaN').split(',').map(Number) as [number, number];
  const box = await canvasBox(page);
  return { x: box.x + sx, y: box.y + sy };
}

async function canvasBox(page: Page) {
  const box = await page.locator('canvas[data-testid="scene-canvas"]').boundingBox();
  if (!box) throw new Error('the scene canvas has no layout box');
  return box;
}

/**
 * Asserts that a person pressing at page point (x, y) would reach `target` (or something inside
 * it), not an overlay on top of it.
 */
export async function expectPointHits(target: Locator, x: number, y: number): Promise<void> {
  const hit = await target.evaluate(
    (element, { x, y }) => {
      const top = document.elementFromPoint(x, y);
      if (top && (top === element || element.contains(top))) return 'ok';
      return top ? `${top.tagName.toLowerCase()}.${top.className}` : 'nothing';
    },
    { x, y },
  );
  expect(hit, `what lies at (${x.toFixed(0)}, ${y.toFixed(0)}) instead of the target`).toBe('ok');
}

/**
 * Lets at least `frames` animation frames and `ms` milliseconds pass in the page: the observation
 * window for "nothing changes while paused".
 */
export function letFramesPass(page: Page, frames: number, ms: number): Promise<void> {
  return page.evaluate(
    ({ frames, ms }) =>
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        let n = 0;
        const tick = () => {
          n += 1;
          if (n >= frames && performance.now() - t0 >= ms) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { frames, ms },
  );
}

/** Presses the left button at `from`, moves to `to` in `stepCount` moves, releases. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  stepCount = 10,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: stepCount });
  await page.mouse.up();
}

/**
 * What a user sees of a working app, whatever served it (the network, the service worker's cache,
 * one file): the surface drawn (a lit, shaded mesh has many colours), the race running, and the
 * formulas typeset by KaTeX in its own fonts — every KaTeX face loaded, none failed
 * (`document.fonts.check` alone is true too when a face is missing).
 */
export async function expectSurfaceRaceAndFormulas(page: Page): Promise<void> {
  await expect
    .poll(async () => countColours(page, await canvasShot(page)), WAIT)
    .toBeGreaterThan(200);
  const start = await counterStep(page);
  await expect.poll(() => counterStep(page), WAIT).toBeGreaterThan(start + 10);
  await expect.poll(() => page.locator('.katex').count(), WAIT).toBeGreaterThan(0);
  await expect
    .poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main')), WAIT)
    .toBe(true);
  const katexFonts = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.family.includes('KaTeX')).map((f) => f.status),
  );
  expect(katexFonts.filter((s) => s === 'loaded').length, 'KaTeX fonts loaded').toBeGreaterThan(0);
  expect(
    katexFonts.filter((s) => s === 'error'),
    'KaTeX fonts that failed',
  ).toEqual([]);
}
