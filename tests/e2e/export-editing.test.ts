import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { openRace, readRows, startFields, WAIT } from './race-page';

/** What the page says about its runners, from the three places that name them. */
async function runnersShown(page: Page) {
  return {
    cards: await page
      .getByTestId('runner-card')
      .evaluateAll((cards) =>
        cards.map(
          (c) =>
            (c.querySelector('[data-testid="runner-label"]') as HTMLInputElement | null)?.value ??
            '',
        ),
      ),
    rows: (await readRows(page)).map((r) => r.label),
    balls: await page
      .locator('.ball-label')
      .evaluateAll((labels) => labels.map((l) => l.textContent ?? '')),
  };
}

describe('Optimizer Race: editing while a clip renders', () => {
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

  it('the panels are inert during the export; afterwards legend, balls and runner list agree', async () => {
    const race = await openRace(browser, '?scene=race', { width: 1024, height: 576 });
    page = race.page;
    const before = await runnersShown(page);
    expect(before.cards).toEqual(['SGD-momentum', 'RMSProp', 'Adam']);
    expect(before.rows).toEqual(before.cards);
    const start = await startFields(page);

    await page.getByTestId('export').click();
    await page.getByTestId('export-resolution').selectOption('640x360');
    await page.getByTestId('export-fps').selectOption('30');
    await page.getByTestId('export-seconds').fill('1');
    const download = page.waitForEvent('download', { timeout: 240_000 });
    await page.getByTestId('export-start').click();
    await expect
      .poll(() => page!.getByTestId('export-status').getAttribute('data-state'), WAIT)
      .toBe('running');

    // The panels say they are locked and take no input…
    expect(await page.locator('.left-panel').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
    expect(await page.locator('.right-panel').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
    // … so a click on "add runner" and one on the top view (which would move the start) do nothing.
    await page.getByTestId('add-runner').click({ force: true });
    const map = await page.getByTestId('top-view').boundingBox();
    if (map) await page.mouse.click(map.x + map.width * 0.7, map.y + map.height * 0.3);
    await page.keyboard.press('r');

    await download;
    await expect
      .poll(() => page!.getByTestId('export-status').getAttribute('data-state'), WAIT)
      .toBe('done');
    expect(await page.locator('.left-panel').evaluate((e) => (e as HTMLElement).inert)).toBe(false);

    await expect.poll(() => runnersShown(page!), WAIT).toEqual(before);
    expect(await startFields(page)).toEqual(start);
    expect(await page.locator('[data-testid="runner-row"]').count()).toBe(3);
    // The live app goes on: the editing controls work again.
    await page.getByTestId('add-runner').click();
    await expect.poll(async () => (await runnersShown(page!)).rows.length, WAIT).toBe(4);
    const after = await runnersShown(page);
    expect(after.cards).toEqual(after.rows);
    expect([...after.balls].sort()).toEqual([...after.rows].sort());
  }, 300_000);
});
