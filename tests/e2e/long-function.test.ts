import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SMALL_VIEWPORT } from './chromium';
import { busy, watchMainThread } from './main-thread';
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
