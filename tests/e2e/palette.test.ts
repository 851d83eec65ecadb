/**
 * The colour-blind palette as a student sees it: the balls on the surface change to the safe
 * colours, each runner keeps its own marker shape (in the legend and as the ball itself), and
 * switching back brings the lecture's colours.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/core';
import { launchBrowser } from './chromium';
import { decodePng, type Picture } from './pixels';
import { expectCleanConsole, HUD_VIEWPORT, openRace, WAIT } from './race-page';

/** Pixels of the picture within `tolerance` (per channel) of the colour `hex`. */
function near(picture: Picture, hex: string, tolerance = 28): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let count = 0;
  for (let i = 0; i < picture.rgba.length; i += 4)
    if (
      Math.abs(picture.rgba[i]! - r) <= tolerance &&
      Math.abs(picture.rgba[i + 1]! - g) <= tolerance &&
      Math.abs(picture.rgba[i + 2]! - b) <= tolerance
    )
      count++;
  return count;
}

const swatches = (page: Page) =>
  page.locator('[data-testid="runner-row"] .runner-swatch').evaluateAll((all) =>
    all.map((svg) => ({
      marker: svg.getAttribute('data-marker'),
      fill: svg.querySelector('path')?.getAttribute('fill'),
    })),
  );

describe('Optimizer Race: the colour-blind palette', () => {
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

  it('recolours the balls, keeps a marker per runner, and switches back', async () => {
    const race = await openRace(browser, '?palette=colorblind&paused=1', HUD_VIEWPORT);
    page = race.page;
    const select = page.getByTestId('palette');
    expect(await select.inputValue()).toBe('colorblind');
    const cb = PALETTES.colorblind;
    const lecture = PALETTES.lecture;
    // The legend keys: the safe colours, and three different shapes.
    expect(await swatches(page)).toEqual([
      { marker: 'circle', fill: cb[0] },
      { marker: 'square', fill: cb[1] },
      { marker: 'triangle', fill: cb[2] },
    ]);

    // On the surface: the vermillion of RMSProp's ball, none of the lecture's red.
    const shot = async () => decodePng(await race.canvas.screenshot());
    await expect.poll(async () => near(await shot(), cb[1]!), WAIT).toBeGreaterThan(20);
    const safe = await shot();
    expect(near(safe, lecture[1]!)).toBe(0);

    await select.selectOption('lecture');
    await expect.poll(async () => (await swatches(page!))[1]?.fill, WAIT).toBe(lecture[1]);
    // The paused race is drawn again in the lecture's colours.
    await expect.poll(async () => near(await shot(), lecture[1]!), WAIT).toBeGreaterThan(20);
    expect(near(await shot(), cb[1]!)).toBeLessThan(near(safe, cb[1]!) / 4);
    expect((await swatches(page)).map((s) => s.marker)).toEqual(['circle', 'square', 'triangle']);
    // The address bar follows (a link now, without the colour-blind palette), so a reload keeps it.
    await expect.poll(() => page!.evaluate(() => location.search), WAIT).toMatch(/^\?s=/);
    expect(await page.evaluate(() => location.search)).not.toContain('palette');

    // Every runner removed, then one added: the 3D view lives on, with the new runner's ball.
    for (let n = 3; n > 0; n--) await page.getByTestId('runner-remove').first().click();
    await expect.poll(() => page!.getByTestId('runner-row').count(), WAIT).toBe(0);
    await page.getByTestId('add-runner').click();
    await expect.poll(() => page!.getByTestId('runner-row').count(), WAIT).toBe(1);
    expect(await page.getByTestId('no-webgl').count()).toBe(0);
    await expect
      .poll(() => page!.locator('[data-testid="runner-row"][data-screen]').count(), WAIT)
      .toBe(1);
    expectCleanConsole(race.problems);
  });
});
