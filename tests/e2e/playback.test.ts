import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import {
  counterStep,
  expectCleanConsole,
  expectRunnersAt,
  letFramesPass,
  openRace,
  positions,
  readRows,
  HUD_VIEWPORT,
  steps,
  WAIT,
} from './race-page';

/** Rosenbrock from its default start: a long race, nobody finishes within these tests. */
const START: [number, number] = [-1.5, 2.5];
const QUERY = `?landscape=rosenbrock&start=${START.join(',')}&paused=1`;

/** The four playback actions, by button or by key. */
interface Controls {
  playPause(page: Page): Promise<void>;
  step(page: Page): Promise<void>;
  reset(page: Page): Promise<void>;
}

const buttons: Controls = {
  playPause: (page) => page.getByTestId('play').click(),
  step: (page) => page.getByTestId('step').click(),
  reset: (page) => page.getByTestId('reset').click(),
};

const keys: Controls = {
  playPause: (page) => page.keyboard.press('Space'),
  step: (page) => page.keyboard.press('ArrowRight'),
  reset: (page) => page.keyboard.press('r'),
};

const playPressed = (page: Page) => page.getByTestId('play').getAttribute('aria-pressed');

describe('Optimizer Race: play, pause, step and reset', () => {
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

  for (const [how, controls] of [
    ['with the buttons', buttons],
    ['with Space, ArrowRight and R', keys],
  ] as const) {
    it(`steps, plays, pauses and resets ${how}`, async () => {
      const race = await openRace(browser, QUERY, HUD_VIEWPORT);
      page = race.page;
      expect(await playPressed(page)).toBe('false');
      await expectRunnersAt(page, START);

      // Step: exactly one step for every runner, and each of them moves.
      await controls.step(page);
      await expect.poll(() => steps(race.page), WAIT).toEqual([1, 1, 1]);
      const afterStep = await positions(page);
      for (const [x, y] of afterStep) expect([x, y]).not.toEqual(START);
      for (const [x] of afterStep) expect(x).not.toBe(START[0]);
      expect(await counterStep(page)).toBe(1);
      expect(await playPressed(page)).toBe('false');

      // Play: the steps climb and the balls move on.
      await controls.playPause(page);
      expect(await playPressed(page)).toBe('true');
      await expect.poll(async () => (await steps(race.page)).every((s) => s >= 6), WAIT).toBe(true);
      const playing = await positions(page);
      playing.forEach(([x, y], i) => expect([x, y]).not.toEqual(afterStep[i]));

      // Pause: nothing moves for a second.
      await controls.playPause(page);
      expect(await playPressed(page)).toBe('false');
      await letFramesPass(page, 3, 200); // the HUD refreshes every 100 ms
      const paused = await readRows(page);
      const pausedCounter = await counterStep(page);
      expect(paused.map((r) => r.step)).toEqual([pausedCounter, pausedCounter, pausedCounter]);
      await letFramesPass(page, 5, 1000);
      expect(await readRows(page)).toEqual(paused);
      expect(await counterStep(page)).toBe(pausedCounter);

      // Step again from the paused race: +1 each.
      await controls.step(page);
      await expect.poll(() => steps(race.page), WAIT).toEqual(paused.map((r) => r.step + 1));

      // Reset: back to step 0 on the start, still paused.
      await controls.reset(page);
      await expectRunnersAt(page, START);
      expect(await counterStep(page)).toBe(0);
      expect(await playPressed(page)).toBe('false');
      expectCleanConsole(race.problems);
    });
  }

  it('pauses with a notice once every runner has finished', async () => {
    // From (1, 1) on Himmelblau every runner converges within about 110 steps: at 20× (1,200
    // steps a second) that is a tenth of a second.
    const race = await openRace(browser, '?landscape=himmelblau&start=1,1', HUD_VIEWPORT);
    page = race.page;
    await page.getByTestId('speed').selectOption('1200');
    await expect
      .poll(async () => (await readRows(race.page)).map((r) => r.status), WAIT)
      .toEqual([
        expect.stringMatching(/^(converged|stuck|diverged)$/),
        expect.stringMatching(/^(converged|stuck|diverged)$/),
        expect.stringMatching(/^(converged|stuck|diverged)$/),
      ]);
    await expect.poll(() => playPressed(race.page), WAIT).toBe('false');
    await expect.poll(() => race.page.getByTestId('notice').count(), WAIT).toBe(1);
    expect(await page.getByTestId('notice').textContent()).toMatch(/finished/i);
    const finished = await readRows(page);
    await letFramesPass(page, 5, 500);
    expect(await readRows(page)).toEqual(finished);
    expectCleanConsole(race.problems);
  });
});
