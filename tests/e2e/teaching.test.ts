/** What a lecturer does with the teaching panels: scenes, a typed function, languages, split view. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { expectCleanConsole, openRace, readRows, ROOMY_VIEWPORT, WAIT } from './race-page';

const FULL = { width: 1280, height: 720 } as const;

describe('teaching with Optimizer Race', () => {
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

  it('shows the teaching controls on load at 1280x720', async () => {
    const race = await openRace(browser, '', FULL);
    page = race.page;
    const ids = [
      'scene-bowl',
      'scene-bag-strong-shake',
      'scene-bag-gentle-shake',
      'scene-race',
      'scene-momentum-lr',
      'scene-adam-bias',
      'function-input',
      'add-runner',
      'copy-link',
      'lang-en',
      'lang-ru',
      'layout-split',
      'export',
      'loss-chart',
    ];
    for (const id of ids) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(FULL.height);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(FULL.width);
    }
    expectCleanConsole(race.problems);
  });

  it('a scene button sets up its race with a caption, in Russian too', async () => {
    const race = await openRace(browser, '?paused=1', ROOMY_VIEWPORT);
    page = race.page;
    await page.getByTestId('scene-bag-gentle-shake').click();
    await expect
      .poll(() => page!.getByTestId('scene-caption').textContent(), WAIT)
      .toMatch(/shaken gently/);
    await expect
      .poll(async () => (await readRows(page!)).map((r) => r.label), WAIT)
      .toEqual(['SGD, lr 0.05', 'SGD-momentum, lr 0.5']);
    await page.getByTestId('lang-ru').click();
    await expect
      .poll(() => page!.getByTestId('scene-caption').textContent(), WAIT)
      .toMatch(/трясут слабо/);
    await expect(page.getByTestId('play').textContent()).resolves.toMatch(/Пауза|Пуск/);
    // The choice is remembered: the app opened again without a link speaks Russian.
    await page.goto(new URL(page.url()).origin + '/');
    await page.getByTestId('play').waitFor();
    await expect(page.getByTestId('play').textContent()).resolves.toMatch(/Пауза|Пуск/);
    expectCleanConsole(race.problems);
  });

  it('a mistyped function shows its column and keeps the surface; fixing it changes the surface', async () => {
    const race = await openRace(browser, '?landscape=bowl&paused=1', ROOMY_VIEWPORT);
    page = race.page;
    const before = await race.canvas.screenshot();
    const field = page.getByTestId('function-input');
    await field.fill('sin(x)*cos(y) + 0.1*(x^2+y^2');
    await expect
      .poll(() => page!.getByTestId('function-error').textContent(), WAIT)
      .toMatch(/^column \d+: /);
    await expect(page.getByTestId('landscape').inputValue()).resolves.toBe('bowl');
    await field.fill('2x + y');
    await expect
      .poll(() => page!.getByTestId('function-error').textContent(), WAIT)
      .toContain('"2x": write 2*x');
    await field.fill('sin(x)*cos(y) + 0.1*(x^2+y^2)');
    await expect.poll(() => page!.getByTestId('landscape').inputValue(), WAIT).toBe('custom');
    await expect(page.getByTestId('function-error').count()).resolves.toBe(0);
    await expect
      .poll(async () => (await race.canvas.screenshot()).equals(before), WAIT)
      .toBe(false);
    expectCleanConsole(race.problems);
  });

  it('?layout=split shows panes with their runners; switching back shows one surface', async () => {
    const race = await openRace(browser, '?layout=split&paused=1', ROOMY_VIEWPORT);
    page = race.page;
    await expect.poll(() => page!.getByTestId('pane').count(), WAIT).toBe(3);
    await expect(page.getByTestId('layout-split').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.getByTestId('pane-count').selectOption('2');
    await expect.poll(() => page!.getByTestId('pane').count(), WAIT).toBe(2);
    await page.getByTestId('layout-overlay').click();
    await expect.poll(() => page!.getByTestId('pane').count(), WAIT).toBe(0);
    expectCleanConsole(race.problems);
  });
});
