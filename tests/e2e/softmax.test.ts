import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, type PageProblems } from './chromium';

/** numpy's output in the lecture for [2, 1, 7, 4, 1, 3, 5]. */
const LECTURE_SOFTMAX = [
  0.00554503, 0.0020399, 0.82295488, 0.04097251, 0.0020399, 0.01507294, 0.11137483,
];
/** Room for the view beside the left panel; small enough that the race behind it renders fast. */
const VIEWPORT = { width: 960, height: 540 };
const LECTURE_SCREEN = { width: 1280, height: 720 };
const WAIT = { timeout: 10_000, interval: 50 } as const;
const FIRST_RENDER = 30_000;

async function openSoftmax(browser: Browser, query = 'view=softmax', viewport = VIEWPORT) {
  const url = new URL(inject('baseUrl'));
  url.search = query;
  const opened = await openPage(browser, url.toString(), viewport);
  // The first render of the whole app can take seconds on a busy machine with software WebGL.
  await opened.page.getByTestId('softmax-view').waitFor({ timeout: FIRST_RENDER });
  return opened;
}

/** The probabilities the bars carry, in order. */
function barValues(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="softmax-bar"]', (bars) =>
    bars.map((bar) => Number(bar.getAttribute('data-value'))),
  );
}

function expectNoConsoleErrors(problems: PageProblems) {
  expect(problems.errors, 'console errors').toEqual([]);
}

describe('the sigmoid & softmax view', () => {
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

  it('?view=softmax shows the lecture’s softmax of [2, 1, 7, 4, 1, 3, 5], summing to 1', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const values = await barValues(page);
    expect(values).toHaveLength(LECTURE_SOFTMAX.length);
    values.forEach((v, i) => expect(Math.abs(v - LECTURE_SOFTMAX[i]!)).toBeLessThan(1e-8));
    const labels = await page.locator('[data-testid="softmax-bar"] .bar-value').allTextContents();
    expect(labels).toEqual(LECTURE_SOFTMAX.map((v) => v.toFixed(8)));
    await expect.poll(() => page!.getByTestId('softmax-sum').textContent()).toContain('1.00000000');
    expectNoConsoleErrors(opened.problems);
  });

  it('opens from the "Sigmoid & softmax" tab', async () => {
    const opened = await openPage(browser, inject('baseUrl'), VIEWPORT);
    page = opened.page;
    await page.getByTestId('view-softmax').waitFor({ timeout: FIRST_RENDER });
    expect(await page.getByTestId('softmax-view').count()).toBe(0);
    await page.getByTestId('view-softmax').click();
    await page.getByTestId('softmax-view').waitFor();
    expect(await page.getByTestId('softmax-bar').count()).toBe(LECTURE_SOFTMAX.length);
    expectNoConsoleErrors(opened.problems);
  });

  it('a bad vector shows an error at the field and keeps the old bars', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const before = await barValues(page);
    await page.getByTestId('softmax-input').fill('2, 1, seven, 4');
    const error = page.getByTestId('softmax-error');
    await expect.poll(() => error.isVisible(), WAIT).toBe(true);
    expect(await error.textContent()).toContain('seven');
    expect(await page.getByTestId('softmax-input').getAttribute('aria-invalid')).toBe('true');
    expect(await barValues(page)).toEqual(before);
    expect(await page.getByTestId('softmax-view').textContent()).not.toContain('NaN');

    await page.getByTestId('softmax-input').fill('0 0');
    await expect.poll(() => barValues(page!), WAIT).toEqual([0.5, 0.5]);
    expect(await error.count()).toBe(0);
    expectNoConsoleErrors(opened.problems);
  });

  it('[1000, 999]: the naive formula overflows, the max-subtracted one gives 0.731 / 0.269', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const naive = page.getByTestId('naive-result');
    expect(await naive.getAttribute('data-outcome')).toBe('ok');
    await page.getByTestId('softmax-load-overflow').click();
    await expect.poll(() => naive.getAttribute('data-outcome'), WAIT).toBe('overflow');
    expect(await naive.textContent()).toContain('∞/∞ = NaN');
    expect(await page.getByTestId('softmax-input').inputValue()).toBe('1000, 999');

    const stable = page.getByTestId('stable-result');
    expect(await stable.textContent()).toContain('0.73105858, 0.26894142');
    expect(JSON.parse((await stable.getAttribute('data-values'))!)).toEqual([
      0.7310585786300049, 0.2689414213699951,
    ]);
    expect(await barValues(page)).toEqual([0.7310585786300049, 0.2689414213699951]);
    // NaN appears only where the demo explains it, never as a bare number.
    const bare = await page.$$eval('[data-testid="softmax-overflow-demo"] td', (cells) =>
      cells.map((c) => c.textContent ?? '').filter((text) => text.trim() === 'NaN'),
    );
    expect(bare).toEqual([]);
    expectNoConsoleErrors(opened.problems);
  });

  it('moving the k slider changes the curve and the typeset formula', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const curve = page.getByTestId('logistic-curve');
    const before = await curve.getAttribute('d');
    const plotBefore = await page.getByTestId('logistic-plot').screenshot();
    const slider = page.getByTestId('logistic-k');
    await slider.focus();
    // Page Up moves a range input by a tenth of its range: k from 1 by 2 to 3.
    await page.keyboard.press('PageUp');
    await expect.poll(() => page!.getByTestId('logistic-k-value').inputValue(), WAIT).toBe('3');
    expect(await page.getByTestId('logistic-plot').getAttribute('data-k')).toBe('3');
    expect(await curve.getAttribute('d')).not.toBe(before);
    expect((await page.getByTestId('logistic-plot').screenshot()).equals(plotBefore)).toBe(false);
    expect(await page.getByTestId('logistic-formula').textContent()).toContain('3');

    await page.getByTestId('logistic-reset').click();
    await expect.poll(() => curve.getAttribute('d'), WAIT).toBe(before);
    expectNoConsoleErrors(opened.problems);
  });

  it('an exact value typed for x₀ moves the midpoint; an out-of-range one is refused', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const field = page.getByTestId('logistic-x0-value');
    await field.fill('-2.5');
    await expect
      .poll(() => page!.getByTestId('logistic-plot').getAttribute('data-x0'))
      .toBe('-2.5');
    await field.fill('99');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('logistic-plot').getAttribute('data-x0')).toBe('-2.5');
    expectNoConsoleErrors(opened.problems);
  });

  it('a cold temperature makes softmax one-hot, a hot one flattens it', async () => {
    const opened = await openSoftmax(browser);
    page = opened.page;
    const slider = page.getByTestId('softmax-temperature');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await barValues(page!))[2]!, WAIT).toBeGreaterThan(0.999);
    await page.keyboard.press('End');
    await expect.poll(async () => Math.max(...(await barValues(page!))), WAIT).toBeLessThan(0.2);
    const hot = await barValues(page);
    expect(Math.min(...hot)).toBeGreaterThan(0.1);
    expect(hot.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expectNoConsoleErrors(opened.problems);
  });

  it('speaks Russian with ?lang=ru, and fits 1280×720 without sideways scrolling', async () => {
    const opened = await openSoftmax(browser, 'view=softmax&lang=ru', LECTURE_SCREEN);
    page = opened.page;
    expect(await page.getByRole('heading', { level: 1, name: 'Сигмоида и softmax' }).count()).toBe(
      1,
    );
    await page.getByTestId('softmax-input').fill('1, x');
    expect(await page.getByTestId('softmax-error').textContent()).toContain('не число');
    await page.getByTestId('softmax-load-overflow').click();
    expect(await page.getByTestId('naive-result').textContent()).toContain('переполнение');
    const { scrollWidth, clientWidth } = await page
      .locator('.softmax-stage')
      .evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expectNoConsoleErrors(opened.problems);
  });
});
