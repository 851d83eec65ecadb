import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { countColours } from './pixels';
import {
  counterStep,
  expectCleanConsole,
  expectPointHits,
  letFramesPass,
  openRace,
  readRows,
  ROOMY_VIEWPORT,
  HUD_VIEWPORT,
  startFields,
  steps,
  WAIT,
} from './race-page';

describe('Optimizer Race: what the page shows on load', () => {
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

  it('draws a shaded surface on the scene canvas', async () => {
    const race = await openRace(browser, '', ROOMY_VIEWPORT);
    page = race.page;
    // A blank or flat canvas has a handful of colours; a lit surface with contours has thousands.
    await expect
      .poll(async () => countColours(race.page, await race.canvas.screenshot()), WAIT)
      .toBeGreaterThan(500);
    expectCleanConsole(race.problems);
  });

  it('shows every control inside the viewport at 1280x720', async () => {
    const viewport = { width: 1280, height: 720 };
    const race = await openRace(browser, '', viewport);
    page = race.page;
    const single = [
      'play',
      'step',
      'reset',
      'speed',
      'step-counter',
      'start-x',
      'start-y',
      'landscape',
      'vertical-scale',
      'wireframe',
      'toggle-top-view',
      'top-view',
    ];
    const rows = race.page.getByTestId('runner-row');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    const controls = [
      ...single.map((id) => ({ name: id, locator: race.page.getByTestId(id) })),
      ...[0, 1, 2].map((i) => ({ name: `runner-row ${i}`, locator: rows.nth(i) })),
    ];
    for (const { name, locator } of controls) {
      expect(await locator.count(), `${name} exists once`).toBe(1);
      expect(await locator.isVisible(), `${name} is visible`).toBe(true);
      const box = await locator.boundingBox();
      expect(box, `${name} has a layout box`).not.toBeNull();
      const { x, y, width, height } = box!;
      expect(
        { name, x, y, right: x + width, bottom: y + height },
        `${name} lies inside the 1280x720 viewport`,
      ).toEqual({
        name,
        x: expect.toSatisfy((v: number) => v >= 0),
        y: expect.toSatisfy((v: number) => v >= 0),
        right: expect.toSatisfy((v: number) => v <= viewport.width),
        bottom: expect.toSatisfy((v: number) => v <= viewport.height),
      });
      // Not hidden under another panel: a click on its middle reaches it.
      await expectPointHits(locator, x + width / 2, y + height / 2);
    }
    expect((await readRows(race.page)).map((r) => r.label)).toEqual([
      'SGD-momentum',
      'RMSProp',
      'Adam',
    ]);
    expectCleanConsole(race.problems);
  });

  it('opens ?landscape=himmelblau&start=1,1&paused=1 paused with every runner at (1, 1)', async () => {
    const race = await openRace(browser, '?landscape=himmelblau&start=1,1&paused=1', HUD_VIEWPORT);
    page = race.page;
    const rows = await readRows(race.page);
    expect(rows.map(({ label, step, x, y, status }) => ({ label, step, x, y, status }))).toEqual(
      ['SGD-momentum', 'RMSProp', 'Adam'].map((label) => ({
        label,
        step: 0,
        x: 1,
        y: 1,
        status: 'running',
      })),
    );
    await expect(race.page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(race.page.getByTestId('landscape').inputValue()).resolves.toBe('himmelblau');
    await expect(startFields(race.page)).resolves.toEqual([1, 1]);
    expect(await counterStep(race.page)).toBe(0);
    expect(await race.page.getByTestId('notice').count()).toBe(0);
    // Paused means paused: several frames later nobody has moved.
    await letFramesPass(race.page, 5, 500);
    expect(await steps(race.page)).toEqual([0, 0, 0]);
    expect(await counterStep(race.page)).toBe(0);
    expectCleanConsole(race.problems);
  });

  it('reports a bad link in a notice and still runs the race', async () => {
    const race = await openRace(browser, '?landscape=nowhere&start=1;2', ROOMY_VIEWPORT);
    page = race.page;
    const notices = race.page.getByTestId('notice');
    await expect.poll(() => notices.count(), WAIT).toBeGreaterThanOrEqual(1);
    const text = (await notices.allTextContents()).join('\n');
    expect(text).toContain('nowhere');
    expect(text).toContain('1;2');
    // The defaults: Rosenbrock from its own start, playing.
    await expect(race.page.getByTestId('landscape').inputValue()).resolves.toBe('rosenbrock');
    await expect(startFields(race.page)).resolves.toEqual([-1.5, 2.5]);
    await expect(race.page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => counterStep(race.page), WAIT).toBeGreaterThanOrEqual(5);
    await expect
      .poll(async () => (await readRows(race.page)).every((r) => r.step >= 5 && r.x !== -1.5), WAIT)
      .toBe(true);
    await expect
      .poll(async () => countColours(race.page, await race.canvas.screenshot()), WAIT)
      .toBeGreaterThan(500);
    expectCleanConsole(race.problems);
  });
});
