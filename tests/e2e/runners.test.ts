import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { expectCleanConsole, letFramesPass, openRace, readRows, steps, WAIT } from './race-page';

/** The lecture's screen: the left panel is 290 px wide. */
const LECTURE_VIEWPORT = { width: 1280, height: 720 } as const;
/** The same 290 px panel with a tiny stage, so SwiftShader frames stay quick while we edit. */
const EDIT_VIEWPORT = { width: 640, height: 360 } as const;
const BOWL = '?landscape=bowl&paused=1';

const cards = (page: Page) => page.getByTestId('runner-card');
const legendLr = (page: Page) =>
  page.$$eval('[data-testid="runner-row"] small', (cells) => cells.map((c) => c.textContent));
const kinds = (page: Page) =>
  page.$$eval('[data-testid="runner-kind"]', (selects) =>
    selects.map((s) => (s as HTMLSelectElement).value),
  );

/** Types into a field and presses Enter. */
async function enter(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}

/** Steps the paused race until every runner is at step n. */
async function stepTo(page: Page, n: number): Promise<void> {
  const rows = (await readRows(page)).length;
  for (let k = (await steps(page))[0] ?? 0; k < n; k++) await page.getByTestId('step').click();
  await expect.poll(() => steps(page), WAIT).toEqual(Array(rows).fill(n));
}

describe('Optimizer Race: the runners panel', () => {
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

  it('shows a card per runner and the add button on screen at 1280x720', async () => {
    const race = await openRace(browser, BOWL, LECTURE_VIEWPORT);
    page = race.page;
    const box = await page.getByTestId('add-runner').boundingBox();
    expect(box, 'the add button is laid out').not.toBeNull();
    expect(box!.y + box!.height, 'the add button is on screen').toBeLessThan(720);
    expect(await cards(page).count()).toBe(3);
    expect(await kinds(page)).toEqual(['momentum', 'rmsprop', 'adam']);
    expect(await cards(page).nth(0).getAttribute('aria-current')).toBe('true');
    expectCleanConsole(race.problems);
  });

  it('adds a runner, sets its learning rate, refuses bad ones, duplicates and removes it', async () => {
    const race = await openRace(browser, BOWL, EDIT_VIEWPORT);
    page = race.page;
    const add = page.getByTestId('add-runner');
    await stepTo(page, 2);

    // Add: a fourth row in the legend, selected, and the race restarts from step 0.
    await add.click();
    await expect.poll(() => readRows(race.page), WAIT).toHaveLength(4);
    expect(await steps(page)).toEqual([0, 0, 0, 0]);
    const added = cards(page).nth(3);
    expect(await added.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-testid="runner-row"].selected').count()).toBe(1);

    // An exact learning rate, typed: the legend shows it.
    const lr = added.getByTestId('runner-lr');
    await enter(lr, '0.05');
    await expect.poll(async () => (await legendLr(race.page))[3], WAIT).toBe('lr 0.05');

    // Not a number, or not above 0: refused at the field, and the race goes on as it was.
    await stepTo(page, 1);
    const before = { rows: await readRows(page), lr: await legendLr(page) };
    const error = added.getByTestId('runner-error');
    await enter(lr, 'abc');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/lr must be a number/);
    expect(await lr.getAttribute('aria-invalid')).toBe('true');
    await enter(lr, '-1');
    await expect.poll(() => error.textContent(), WAIT).toMatch(/lr must be in \(0, 1e6\]/);
    await lr.blur();
    await letFramesPass(page, 3, 300);
    expect(await readRows(page)).toEqual(before.rows);
    expect(await legendLr(page)).toEqual(before.lr);
    // Escape gives the field back its valid value.
    await lr.press('Escape');
    expect(await lr.inputValue()).toBe('0.05');
    expect(await error.count()).toBe(0);

    // Duplicate: a fifth row right after it, with the same optimizer and rate.
    const label = before.rows[3]!.label;
    await added.getByTestId('runner-duplicate').click();
    await expect.poll(() => readRows(race.page), WAIT).toHaveLength(5);
    expect((await readRows(page)).map((r) => r.label).slice(3)).toEqual([label, `${label} (2)`]);
    const [kind4, kind5] = (await kinds(page)).slice(3);
    expect(kind5).toBe(kind4);
    expect((await legendLr(page)).slice(3)).toEqual(['lr 0.05', 'lr 0.05']);
    expect(await cards(page).nth(4).getAttribute('aria-current')).toBe('true');

    // Remove: its row is gone.
    await cards(page).nth(4).getByTestId('runner-remove').click();
    await expect.poll(() => readRows(race.page), WAIT).toHaveLength(4);
    expect((await readRows(page)).map((r) => r.label)).not.toContain(`${label} (2)`);
    expect(await cards(page).count()).toBe(4);
    expectCleanConsole(race.problems);
  });

  it('switches optimizer with its defaults, shows its hyperparameters and sets lr by slider', async () => {
    const race = await openRace(browser, BOWL, EDIT_VIEWPORT);
    page = race.page;
    const adam = cards(page).nth(2);
    const label = await adam.getByTestId('runner-label').inputValue();
    const color = await adam.getByTestId('runner-color').inputValue();

    // Adam becomes SGD-momentum: same name and colour, momentum's hyperparameters.
    await adam.getByTestId('runner-kind').selectOption('momentum');
    await expect.poll(() => kinds(race.page), WAIT).toEqual(['momentum', 'rmsprop', 'momentum']);
    expect(await adam.getByTestId('runner-label').inputValue()).toBe(label);
    expect(await adam.getByTestId('runner-color').inputValue()).toBe(color);
    await adam.getByTestId('runner-more').click();
    const beta = adam.getByTestId('runner-hyper-momentum');
    const dampening = adam.getByTestId('runner-hyper-dampening');
    const ema = adam.getByTestId('runner-hyper-ema');
    const biasCorrection = adam.getByTestId('runner-hyper-bias_correction');
    expect(await beta.inputValue()).toBe('0.9');
    // The lecture's moving average ignores dampening; PyTorch's sum ignores bias correction.
    expect(await ema.isChecked()).toBe(true);
    expect(await dampening.isDisabled()).toBe(true);
    await ema.uncheck();
    await expect.poll(() => dampening.isDisabled(), WAIT).toBe(false);
    expect(await biasCorrection.isDisabled()).toBe(true);

    // β = 1 lies outside [0, 1): refused, with the range.
    await enter(beta, '1');
    expect(await adam.getByTestId('runner-error').textContent()).toMatch(/β must be in \[0, 1\)/);
    await enter(beta, '0.5');
    await expect.poll(() => adam.getByTestId('runner-error').count(), WAIT).toBe(0);
    expect(await beta.inputValue()).toBe('0.5');

    // The log slider: position 50 is lr 0.1, shown in the field and the legend at once.
    await adam.getByTestId('runner-lr-slider').fill('50');
    await expect.poll(() => adam.getByTestId('runner-lr').inputValue(), WAIT).toBe('0.1');
    await expect.poll(async () => (await legendLr(race.page))[2], WAIT).toBe('lr 0.1');

    // Clicking a card selects its runner; hiding it dims its legend row.
    await cards(page)
      .nth(0)
      .click({ position: { x: 4, y: 4 } });
    expect(await cards(page).nth(0).getAttribute('aria-current')).toBe('true');
    expect(await adam.getAttribute('aria-current')).toBeNull();
    await cards(page).nth(0).getByTestId('runner-visible').uncheck();
    await expect
      .poll(() => race.page.locator('[data-testid="runner-row"].hidden-runner').count(), WAIT)
      .toBe(1);
    expectCleanConsole(race.problems);
  });
});
