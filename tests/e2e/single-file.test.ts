/**
 * The one-file build (`npm run build:single`): dist-single/optimizer-race.html opened from file://
 * as a double-click opens it, with nothing else beside it. Every request the page (or one of its
 * workers) makes is watched, and any that would leave the file is refused and reported.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import type { PageProblems } from './chromium';
import { expectSurfaceRaceAndFormulas, WAIT } from './race-page';

// E2E_SINGLE lets parallel work test its own copy of the file.
const FILE = resolve(process.env.E2E_SINGLE ?? 'dist-single/optimizer-race.html');
const FILE_URL = pathToFileURL(FILE).href;
const VIEWPORT = { width: 640, height: 400 } as const;
// react-three-fiber 9 still creates a THREE.Clock, which three r187 deprecates.
const KNOWN_WARNINGS = /^THREE\.Clock: This module has been deprecated/;

/** The file itself (any query or hash), or something made inside it. */
const insideTheFile = (url: string) =>
  url.startsWith('data:') || url.startsWith('blob:') || url.split(/[?#]/)[0] === FILE_URL;

describe('Optimizer Race in one file, opened from file://', () => {
  let browser: Browser;
  let context: BrowserContext;
  /** Every URL requested in the context, whether let through or refused. */
  const requested: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    if (!existsSync(FILE)) {
      throw new Error(`No ${FILE}: run "npm run build:single" (npm run test:browser builds it).`);
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (insideTheFile(url)) return route.continue();
      refused.push(url);
      return route.abort('blockedbyclient');
    });
    // Requests that routing does not see (data:, blob:, workers' own) still show up here.
    context.on('request', (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query = ''): Promise<{ page: Page; problems: PageProblems }> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: PageProblems = { errors: [], warnings: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.errors.push(message.text());
      else if (message.type() === 'warning') problems.warnings.push(message.text());
    });
    page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
    await page.goto(FILE_URL + query);
    try {
      await page
        .locator('canvas[data-testid="scene-canvas"][data-start-screen]')
        .waitFor({ state: 'attached', timeout: 40_000 });
    } catch (error) {
      throw new Error(
        `No frame of the race from ${FILE_URL + query} within 40 s; console errors: ${JSON.stringify(problems.errors)}; refused: ${JSON.stringify(refused)}`,
        { cause: error },
      );
    }
    return { page, problems };
  }

  it('is one file of a few MB', () => {
    const bytes = statSync(FILE).size;
    console.log(`${FILE}: ${bytes} bytes (${(bytes / 1e6).toFixed(2)} MB)`);
    expect(bytes).toBeGreaterThan(500_000);
  });

  it('opens by itself: the surface draws and the race runs, with no request leaving the file', async () => {
    const { page, problems } = await open();
    expect(await page.title()).toBe('Optimizer Race');
    // The surface (from the inlined surface worker), the race, and KaTeX in its inlined fonts.
    await expectSurfaceRaceAndFormulas(page);

    expect(problems.errors).toEqual([]);
    expect(problems.warnings.filter((w) => !KNOWN_WARNINGS.test(w))).toEqual([]);
    expect(refused, 'requests that tried to leave the file').toEqual([]);
    // The watch saw the page load itself, and nothing but the file and what it made.
    expect(requested).toContain(FILE_URL);
    expect(requested.filter((url) => !insideTheFile(url))).toEqual([]);
    // No service worker in the single file (none could work from file:// anyway).
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    await page.close();
  });

  it('runs its workers from inside the file: a swarm counts its balls, a basin map fills', async () => {
    const { page, problems } = await open('?swarm=50&basins=8');
    await page.getByTestId('step').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('swarm-count')
            .evaluateAll((els) =>
              els.map((e) =>
                ['converged', 'stuck', 'diverged', 'running'].reduce(
                  (sum, key) => sum + Number(e.getAttribute(`data-${key}`)),
                  0,
                ),
              ),
            ),
        WAIT,
      )
      .toEqual([50, 50, 50]);
    await expect
      .poll(() => page.getByTestId('basins-progress').getAttribute('data-progress'), {
        ...WAIT,
        timeout: 60_000,
      })
      .toBe('1');
    // The surface, swarm and basin workers each started from a blob: (or data:) URL.
    const workers = page.workers().map((w) => w.url());
    expect(workers.length, `workers: ${workers.join(', ')}`).toBeGreaterThanOrEqual(3);
    for (const url of workers) expect(url).toMatch(/^(blob|data):/);

    expect(problems.errors).toEqual([]);
    expect(refused, 'requests that tried to leave the file').toEqual([]);
    expect(requested.filter((url) => !insideTheFile(url))).toEqual([]);
    await page.close();
  });
});
