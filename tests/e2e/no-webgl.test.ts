import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type PageProblems } from './chromium';
import { countColours } from './pixels';
import { counterStep, readRows, ROOMY_VIEWPORT, WAIT } from './race-page';

/**
 * A browser without WebGL: every WebGL context request answers null, as in a browser with
 * WebGL turned off or blocklisted. `connectedOnly` lets a detached canvas (the app's check)
 * still have one, so that the 3D view itself fails as it starts.
 */
function withoutWebGl(connectedOnly: boolean): string {
  return `(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      const webgl = type === 'webgl2' || type === 'webgl' || type === 'experimental-webgl';
      if (webgl && (!${connectedOnly} || this.isConnected)) return null;
      return getContext.call(this, type, ...rest);
    };
  })();`;
}

async function openWithoutWebGl(
  browser: Browser,
  query: string,
  connectedOnly = false,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: ROOMY_VIEWPORT });
  page.setDefaultTimeout(10_000);
  const problems: PageProblems = { errors: [], warnings: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
    else if (message.type() === 'warning') problems.warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  await page.addInitScript({ content: withoutWebGl(connectedOnly) });
  const url = new URL(inject('baseUrl'));
  url.search = query;
  await page.goto(url.toString());
  return { page, problems };
}

/** Distinct colours a canvas shows on screen: 1 for a blank one. */
async function coloursOf(page: Page, testId: string): Promise<number> {
  return countColours(page, await page.getByTestId(testId).screenshot());
}

describe('a browser without WebGL', () => {
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says so in place of the 3D view, and the race runs in the top view, loss chart, legend and formulas', async () => {
    const opened = await openWithoutWebGl(browser, '?landscape=rosenbrock');
    page = opened.page;
    const message = page.getByTestId('no-webgl');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain('WebGL2');
    expect(await page.locator('canvas[data-testid="scene-canvas"]').count()).toBe(0);

    // The race is stepped without the 3D view's frame loop.
    await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(30);
    const first = (await readRows(page)).map((r) => r.step);
    expect(first).toHaveLength(3);
    await expect
      .poll(async () => (await readRows(page!)).map((r) => r.step), WAIT)
      .toSatisfy((now: number[]) => now.every((step, i) => step > first[i]!));

    // The top view and the loss chart draw it.
    await expect.poll(() => coloursOf(page!, 'top-view'), WAIT).toBeGreaterThan(32);
    await expect
      .poll(
        async () => Number(await page!.getByTestId('loss-chart').getAttribute('data-drawn-step')),
        WAIT,
      )
      .toBeGreaterThan(30);
    expect(await coloursOf(page, 'loss-chart')).toBeGreaterThan(8);

    // The formulas arrive (KaTeX loads on its own) and the softmax view opens.
    await page.getByTestId('formula').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('formula').locator('.katex').count()).toBeGreaterThan(0);
    await page.getByTestId('view-softmax').click();
    await page.getByTestId('softmax-view').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('softmax-bar').count()).toBe(7);

    // Export renders the 3D view: it is off, and says why.
    expect(await page.getByTestId('export').isDisabled()).toBe(true);
    expect(opened.problems.errors).toEqual([]);
  }, 120_000);

  it('says so in Russian in the Russian interface', async () => {
    const opened = await openWithoutWebGl(browser, '?lang=ru');
    page = opened.page;
    const message = page.getByTestId('no-webgl');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain('3D-вид не запускается');
    await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(0);
    expect(opened.problems.errors).toEqual([]);
  });

  it('falls back the same way when the 3D view fails as it starts', async () => {
    const opened = await openWithoutWebGl(browser, '?landscape=rosenbrock', true);
    page = opened.page;
    await page.getByTestId('no-webgl').waitFor({ timeout: 30_000 });
    await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(30);
    await expect.poll(() => coloursOf(page!, 'top-view'), WAIT).toBeGreaterThan(32);
    // three.js and React report the failed start on the console, and nothing else; nothing is
    // left uncaught.
    expect(opened.problems.errors.length).toBeGreaterThan(0);
    for (const error of opened.problems.errors)
      expect(error).toMatch(
        /^(THREE\.WebGLRenderer: )?Error: Error creating WebGL context|^THREE\.WebGLRenderer: Error creating WebGL context\.$/,
      );
  });
});
