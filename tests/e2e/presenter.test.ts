/**
 * Presenter mode, as a lecturer uses it with a clicker: the stage fills the screen in large type,
 * PageDown / PageUp and the digits choose scenes, B blanks the screen, Escape and P leave and
 * come back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENES } from '../../src/core';
import { launchBrowser } from './chromium';
import { expectCleanConsole, openRace, WAIT } from './race-page';

const FULL = { width: 1280, height: 720 } as const;

const caption = (page: Page) => page.getByTestId('scene-caption').textContent();
const pressed = (page: Page) => page.getByTestId('presenter').getAttribute('aria-pressed');

describe('Optimizer Race: presenter mode', () => {
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

  it('fills the screen in large type, and the clicker, digits, B, Escape and P drive it', async () => {
    const race = await openRace(browser, '?present=1&scene=bowl&paused=1', FULL);
    page = race.page;
    expect(await pressed(page)).toBe('true');
    // The stage covers at least 90 % of the window; the panels are gone.
    const box = (await page.getByTestId('scene-canvas').boundingBox())!;
    expect((box.width * box.height) / (FULL.width * FULL.height)).toBeGreaterThanOrEqual(0.9);
    await expect.poll(() => page!.getByTestId('landscape').isVisible(), WAIT).toBe(false);
    const size = await page
      .getByTestId('scene-caption')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    expect(await page.getByTestId('presenter-step').isVisible()).toBe(true);

    // The clicker: the next scene, and back.
    const bowl = SCENES.find((s) => s.id === 'bowl')!;
    const next = SCENES[SCENES.indexOf(bowl) + 1]!;
    expect(await caption(page)).toContain(bowl.caption.en.slice(0, 30));
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption(page!), WAIT).toContain(next.caption.en.slice(0, 30));
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption(page!), WAIT).toContain(bowl.caption.en.slice(0, 30));
    // Digits: the lecture's scenes in list order.
    await page.keyboard.press('4');
    await expect.poll(() => caption(page!), WAIT).toContain(SCENES[3]!.caption.en.slice(0, 30));
    // B blanks the stage and back.
    await page.keyboard.press('b');
    await expect.poll(() => page!.getByTestId('presenter-blank').isVisible(), WAIT).toBe(true);
    await page.keyboard.press('b');
    await expect.poll(() => page!.getByTestId('presenter-blank').count(), WAIT).toBe(0);
    // Escape leaves: the panels are back; P enters again.
    await page.keyboard.press('Escape');
    await expect.poll(() => pressed(page!), WAIT).toBe('false');
    await expect.poll(() => page!.getByTestId('landscape').isVisible(), WAIT).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(() => pressed(page!), WAIT).toBe('true');
    expectCleanConsole(race.problems);
  });
});
