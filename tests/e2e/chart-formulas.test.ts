import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import type { PageProblems } from './chromium';
import { counterStep, openRace, ROOMY_VIEWPORT, WAIT } from './race-page';

/** The lecture's runners: SGD-momentum green, RMSProp red, Adam black. */
const COLOURS = {
  'SGD-momentum': [0x2e, 0xcc, 0x40],
  RMSProp: [0xff, 0x41, 0x36],
  Adam: [0x11, 0x11, 0x11],
} as const;

// react-three-fiber 9 still creates a THREE.Clock, which three r187 deprecates.
const KNOWN_WARNINGS = /^THREE\.Clock: This module has been deprecated/;

/**
 * Reads the chart canvas inside the page (through a copy, so the chart's own canvas is never read
 * back): how many opaque pixels lie within `tolerance` (RGB distance) of each colour, and how
 * many pixels differ from the picture kept under `compareWith` (kept anew under `keepAs`).
 */
function readChart(
  page: Page,
  options: { colours?: readonly (readonly number[])[]; keepAs?: string; compareWith?: string },
): Promise<{ near: number[]; changed: number }> {
  return page
    .locator('[data-testid="loss-chart"]')
    .evaluate((chart: HTMLCanvasElement, { colours = [], keepAs, compareWith }) => {
      const copy = document.createElement('canvas');
      copy.width = chart.width;
      copy.height = chart.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(chart, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const kept = window as unknown as Record<string, Uint8ClampedArray | undefined>;
      const near = colours.map(([r, g, b]) => {
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! < 250) continue;
          if (Math.hypot(data[i]! - r!, data[i + 1]! - g!, data[i + 2]! - b!) <= 12) n++;
        }
        return n;
      });
      let changed = 0;
      const other = compareWith ? kept[compareWith] : undefined;
      if (other) {
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] !== other[i] || data[i + 1] !== other[i + 1] || data[i + 2] !== other[i + 2])
            changed++;
        }
      }
      if (keepAs) kept[keepAs] = data;
      return { near, changed };
    }, options);
}

/** Presses → (one step) until the counter reads `step`, one press per counted step. */
async function stepTo(page: Page, step: number): Promise<void> {
  for (let n = await counterStep(page); n < step; n++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counterStep(page), WAIT).toBe(n + 1);
  }
  await page.locator(`[data-testid="loss-chart"][data-drawn-step="${step}"]`).waitFor();
}

const valuesText = (page: Page) => page.getByTestId('formula-values').innerText();

describe('the live loss chart and formulas', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, problems } = await openRace(
      browser,
      '?landscape=rosenbrock&paused=1',
      ROOMY_VIEWPORT,
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('before any step, typesets the first runner’s rule and shows no values yet', async () => {
    await expect.poll(() => counterStep(page), WAIT).toBe(0);
    const formula = page.getByTestId('formula-panel').getByTestId('formula');
    await formula.locator('.katex').first().waitFor();
    expect(await formula.getAttribute('data-kind')).toBe('momentum');
    expect(await page.getByTestId('formula-values').getAttribute('data-step')).toBe('0');
  });

  it('draws a line in each runner’s colour once the runners have stepped', async () => {
    await page.locator('[data-testid="loss-chart"][data-drawn-step="0"]').waitFor();
    const colours = Object.values(COLOURS);
    const before = await readChart(page, { colours });
    await stepTo(page, 8);
    const after = await readChart(page, { colours });
    Object.keys(COLOURS).forEach((label, i) => {
      // At step 0 each runner is a dot; after 8 steps its line adds many pixels of its colour.
      expect(after.near[i], label).toBeGreaterThan(before.near[i]! + 30);
    });
  });

  it('redraws on a log axis and back', async () => {
    await readChart(page, { keepAs: 'linearChart' });
    const toggle = page.getByTestId('chart-log');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), WAIT).toBe('true');
    const changed = async () => (await readChart(page, { compareWith: 'linearChart' })).changed;
    await expect.poll(changed, WAIT).toBeGreaterThan(200);
    await expect(page.locator('.loss-chart-hint').innerText()).resolves.toMatch(/f₀ = 0/);
    await toggle.click();
    await expect.poll(changed, WAIT).toBe(0);
  });

  it('typesets the selected runner’s rule and refreshes its values after a step', async () => {
    const panel = page.getByTestId('formula-panel');
    expect(await panel.locator('[data-testid="formula"] .katex').count()).toBeGreaterThan(0);
    const before = await valuesText(page);
    expect(before).toMatch(/\(−?[\d.e−]+, −?[\d.e−]+\)/);
    await page.getByTestId('step').click();
    await expect.poll(() => valuesText(page), WAIT).not.toBe(before);
    expect(await page.getByTestId('formula-values').getAttribute('data-step')).toBe('9');
  });

  it('switches to Adam’s rule, with bias correction, when Adam is picked', async () => {
    await page.getByTestId('formula-runner').selectOption({ label: 'Adam' });
    const formula = page.getByTestId('formula');
    await expect.poll(() => formula.getAttribute('data-kind'), WAIT).toBe('adam');
    const tex = await formula.locator('annotation').allTextContents();
    expect(tex.join('\n')).toContain('\\hat v_t');
    const rows = await page
      .locator('[data-testid="formula-values"] tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-value')));
    expect(rows).toEqual([
      'g',
      'firstMoment',
      'secondMoment',
      'biasCorrection1',
      'biasCorrection2',
      'step',
    ]);
    // 1 − β₁ᵗ after 9 steps with β₁ = 0.9.
    await expect(valuesText(page)).resolves.toContain(
      String(Number((1 - 0.9 ** 9).toPrecision(4))),
    );
  });

  it('leaves the console clean', () => {
    expect(problems.errors, 'console errors').toEqual([]);
    expect(problems.warnings.filter((w) => !KNOWN_WARNINGS.test(w))).toEqual([]);
  });
});
