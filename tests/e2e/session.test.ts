import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { getPresetLandscape } from '../../src/core';
import { decodeState } from '../../src/store/share-link';
import { launchBrowser } from './chromium';
import { expectCleanConsole, HUD_VIEWPORT, openRace, WAIT } from './race-page';

const SESSION_KEY = 'optimizer-race.session';

/** What a person sees of the session: the landscape, the first runner's learning rate, the view. */
async function visible(page: Page) {
  return {
    landscape: await page.getByTestId('landscape').inputValue(),
    lr: await page.getByTestId('runner-card').first().getByTestId('runner-lr').inputValue(),
  };
}
const stored = (page: Page) =>
  page.evaluate((key) => window.localStorage.getItem(key), SESSION_KEY);
const linkInAddressBar = (page: Page) => new URL(page.url()).searchParams.get('s');
/** What the browser tells the page when it is left: anything waiting to be saved is written. */
const leave = (page: Page) =>
  page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));

/** Opens `?query` as a new visit in the same page (same storage); waits for the panels. */
async function visit(page: Page, query: string) {
  const url = new URL(inject('baseUrl'));
  url.search = query;
  await page.goto(url.toString());
  await page.getByTestId('runner-lr').first().waitFor();
}

describe('Optimizer Race: the last session is remembered', () => {
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

  it('comes back on the next visit; a link wins over it; reset brings the defaults back for good', async () => {
    const race = await openRace(browser, '?paused=1', HUD_VIEWPORT);
    page = race.page;
    const defaults = await visible(page);
    expect(defaults.landscape).toBe('rosenbrock');

    // Himmelblau, and a learning rate of one's own.
    await page.getByTestId('landscape').selectOption('himmelblau');
    const lr = page.getByTestId('runner-card').first().getByTestId('runner-lr');
    await lr.fill('0.0123');
    await lr.press('Enter');
    const mine = { landscape: 'himmelblau', lr: '0.0123' };
    await expect.poll(() => visible(page!), WAIT).toEqual(mine);
    await expect.poll(() => stored(page!), WAIT).not.toBeNull();
    // The address bar's link is rewritten a moment after each change: wait for the one with both.
    const linkLr = () => {
      const link = linkInAddressBar(page!);
      const setup = link === null ? null : decodeState(link, getPresetLandscape('rosenbrock')!);
      return setup?.setup.runners?.[0]?.optimizer.lr ?? null;
    };
    await expect.poll(linkLr, WAIT).toBe(0.0123);
    const link = linkInAddressBar(page)!;

    // Opened again without a link: the session is back.
    await visit(page, '?paused=1');
    expect(await visible(page)).toEqual(mine);

    // Reset (it asks once), and the defaults stay through a reload.
    const reset = page.getByTestId('reset-defaults');
    await reset.click();
    await expect.poll(() => reset.textContent(), WAIT).toBe('Reset all?');
    expect(await visible(page)).toEqual(mine);
    await reset.click();
    await expect.poll(() => visible(page!), WAIT).toEqual(defaults);
    expect(await stored(page)).toBeNull();
    expect(linkInAddressBar(page)).toBeNull();
    // Leaving the page writes any change waiting: still nothing is stored.
    await leave(page);
    expect(await stored(page)).toBeNull();
    await page.reload();
    await page.getByTestId('runner-lr').first().waitFor();
    expect(await visible(page)).toEqual(defaults);
    expect(linkInAddressBar(page)).toBeNull();

    // A session on Beale's function, then a link to the Himmelblau race: the link wins.
    await page.getByTestId('landscape').selectOption('beale');
    await expect.poll(() => stored(page!), WAIT).not.toBeNull();
    const beale = await stored(page);
    await visit(page, `?s=${link}&paused=1`);
    expect(await visible(page)).toEqual(mine);
    // Only looking at a link leaves the session as it was, even when the page is left.
    await leave(page);
    expect(await stored(page)).toBe(beale);
    expectCleanConsole(race.problems);
  }, 180_000);
});
