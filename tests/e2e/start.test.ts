import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import {
  counterStep,
  drag,
  expectCleanConsole,
  expectPointHits,
  expectRunnersAt,
  letFramesPass,
  openRace,
  readRows,
  ROOMY_VIEWPORT,
  startFields,
  startHandleNow,
  startHandleOnScreen,
  steps,
  WAIT,
} from './race-page';
import type { RacePage } from './race-page';

/** The bowl seen from its default camera: the start pin stands in the open, away from the middle. */
const BOWL_START: [number, number] = [-1, 1];
const BOWL = `?landscape=bowl&start=${BOWL_START.join(',')}`;

/** The start fields show 5 significant digits. */
const FIELD_TOLERANCE = 1e-3;

/**
 * A page point `(dx, dy)` px from the middle of the scene canvas, checked to be on the canvas and
 * not under a panel. The camera looks at the middle of the domain, so the middle of the canvas
 * shows the surface.
 */
async function canvasPoint(race: RacePage, dx: number, dy: number) {
  const box = (await race.canvas.boundingBox())!;
  const point = { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy };
  await expectPointHits(race.canvas, point.x, point.y);
  return point;
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('Optimizer Race: moving the start', () => {
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

  it('drags the 3D start handle to a new start and restarts every runner there (paused)', async () => {
    const race = await openRace(browser, `${BOWL}&paused=1`, ROOMY_VIEWPORT);
    page = race.page;
    await expectRunnersAt(page, BOWL_START);
    const foot = await startHandleOnScreen(page);
    await expectPointHits(race.canvas, foot.x, foot.y);
    const target = await canvasPoint(race, 0, 0);
    expect(distance(foot, target)).toBeGreaterThan(60);

    await drag(page, foot, target, 6);

    // The start fields follow, and the pin now stands under where the pointer was released.
    await expect.poll(() => startFields(race.page), WAIT).not.toEqual(BOWL_START);
    await expect
      .poll(async () => distance(await startHandleNow(race.page), target), WAIT)
      .toBeLessThan(3);
    const moved = await startFields(page);
    // Every runner restarted from the new start: step 0, exactly on it.
    await expectRunnersAt(page, moved, FIELD_TOLERANCE);
    const rows = await readRows(page);
    for (const r of rows) expect([r.x, r.y]).toEqual([rows[0]!.x, rows[0]!.y]);
    expect(await counterStep(page)).toBe(0);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    expectCleanConsole(race.problems);
  });

  it('dragging the 3D start handle while playing restarts the race from the new start', async () => {
    // At 1× (60 steps a second of wall time) the bowl race is over in about two seconds, before a
    // slow machine gets to the drag: a quarter of that speed keeps it going.
    const race = await openRace(browser, `${BOWL}&speed=15`, ROOMY_VIEWPORT);
    page = race.page;
    await expect.poll(() => counterStep(race.page), WAIT).toBeGreaterThanOrEqual(8);
    // Note the lowest step the counter shows from now on.
    await page.evaluate(() => {
      const counter = document.querySelector('[data-testid="step-counter"]')!;
      const w = window as unknown as { lowestStep: number };
      w.lowestStep = Number(counter.getAttribute('data-step'));
      new MutationObserver(() => {
        w.lowestStep = Math.min(w.lowestStep, Number(counter.getAttribute('data-step')));
      }).observe(counter, { attributes: true, attributeFilter: ['data-step'] });
    });
    const before = await counterStep(page);
    const foot = await startHandleOnScreen(page);
    const target = await canvasPoint(race, 0, 0);

    await drag(page, foot, target, 6);

    await expect.poll(() => startFields(race.page), WAIT).not.toEqual(BOWL_START);
    const lowest = await page.evaluate(
      () => (window as unknown as { lowestStep: number }).lowestStep,
    );
    expect(lowest, `the step counter dropped back from ${before}`).toBeLessThanOrEqual(2);
    // Still playing: the counter and every runner climb again from the new start.
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await steps(race.page)).every((s) => s >= lowest + 3), WAIT)
      .toBe(true);
    await expect
      .poll(async () => distance(await startHandleNow(race.page), target), WAIT)
      .toBeLessThan(3);
    expectCleanConsole(race.problems);
  });

  it('pressing and dragging elsewhere on the canvas orbits the camera but keeps the start', async () => {
    const race = await openRace(browser, `${BOWL}&paused=1`, ROOMY_VIEWPORT);
    page = race.page;
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect.poll(() => steps(race.page), WAIT).toEqual([2, 2, 2]);
    const rowsBefore = await readRows(page);
    const foot = await startHandleOnScreen(page);
    const from = await canvasPoint(race, 0, 0);
    const to = await canvasPoint(race, 100, -40);
    // Well away from the pin (it grabs within 22 px of its foot, and up its stem).
    expect(Math.abs(from.x - foot.x) > 50 || from.y - foot.y > 50).toBe(true);

    await drag(page, from, to, 6);

    // The camera turned (the pin is elsewhere on screen) ...
    await expect
      .poll(async () => distance(await startHandleNow(race.page), foot), WAIT)
      .toBeGreaterThan(10);
    // ... and the start and the race are as they were.
    await letFramesPass(page, 3, 300);
    expect(await startFields(page)).toEqual(BOWL_START);
    expect(await readRows(page)).toEqual(rowsBefore);
    expectCleanConsole(race.problems);
  });

  it('double-clicking the surface moves the start there', async () => {
    const race = await openRace(browser, `${BOWL}&paused=1`, ROOMY_VIEWPORT);
    page = race.page;
    await startHandleOnScreen(page);
    const target = await canvasPoint(race, 0, 0);

    await page.mouse.dblclick(target.x, target.y);

    await expect.poll(() => startFields(race.page), WAIT).not.toEqual(BOWL_START);
    await expect
      .poll(async () => distance(await startHandleNow(race.page), target), WAIT)
      .toBeLessThan(3);
    await expectRunnersAt(page, await startFields(page), FIELD_TOLERANCE);
    expectCleanConsole(race.problems);
  });

  it('pressing and dragging on the top view moves the start to the point under the pointer', async () => {
    // The ravine's domain is 10 x 4: the top view is wide, so x and y scale differently.
    const race = await openRace(
      browser,
      '?landscape=ravine&start=-4.5,1.6&paused=1',
      ROOMY_VIEWPORT,
    );
    page = race.page;
    const topView = page.getByTestId('top-view');
    const [xMin, xMax, yMin, yMax] = (await topView.getAttribute('data-domain'))!
      .split(',')
      .map(Number) as [number, number, number, number];
    expect([xMin, xMax, yMin, yMax]).toEqual([-5, 5, -2, 2]);
    const box = (await topView.boundingBox())!;
    const at = (u: number, v: number) => ({ x: box.x + u * box.width, y: box.y + v * box.height });
    /** The domain point under a page point: x to the right, y up. */
    const domainAt = (p: { x: number; y: number }): [number, number] => [
      xMin + ((p.x - box.x) / box.width) * (xMax - xMin),
      yMax - ((p.y - box.y) / box.height) * (yMax - yMin),
    ];
    const expectStartNear = async ([x, y]: [number, number]) => {
      const tx = 0.015 * (xMax - xMin);
      const ty = 0.015 * (yMax - yMin);
      await expect
        .poll(() => startFields(race.page), WAIT)
        .toEqual([
          expect.toSatisfy((v: number) => Math.abs(v - x) <= tx, `x0 within ${tx} of ${x}`),
          expect.toSatisfy((v: number) => Math.abs(v - y) <= ty, `y0 within ${ty} of ${y}`),
        ]);
    };

    const press = at(0.2, 0.75);
    const release = at(0.85, 0.2);
    await expectPointHits(topView, press.x, press.y);
    await expectPointHits(topView, release.x, release.y);

    // Pressing moves the start at once ...
    await page.mouse.move(press.x, press.y);
    await page.mouse.down();
    await expectStartNear(domainAt(press));
    // ... and dragging slides it.
    await page.mouse.move(release.x, release.y, { steps: 6 });
    await page.mouse.up();
    await expectStartNear(domainAt(release));
    await expectRunnersAt(page, await startFields(page), FIELD_TOLERANCE);
    expect(await counterStep(page)).toBe(0);
    expectCleanConsole(race.problems);
  });

  it('typing a start into the fields moves it; a non-number shows an error and keeps it', async () => {
    const race = await openRace(browser, `${BOWL}&paused=1`, ROOMY_VIEWPORT);
    page = race.page;
    const startX = page.getByTestId('start-x');
    const startY = page.getByTestId('start-y');
    // The start fields' own error (other panels have alerts of their own).
    const alert = page.getByRole('alert').filter({ hasText: 'x₀' });

    await startX.fill('0.5');
    await startX.press('Enter');
    await expectRunnersAt(page, [0.5, 1]);
    await startY.fill('-0.25');
    await startY.blur();
    await expectRunnersAt(page, [0.5, -0.25]);
    expect(await startFields(page)).toEqual([0.5, -0.25]);
    expect(await alert.count()).toBe(0);
    const pin = await startHandleOnScreen(page);

    await startX.fill('abc');
    await startX.press('Enter');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/number/);
    expect(await startX.getAttribute('aria-invalid')).toBe('true');
    await letFramesPass(page, 3, 300);
    await expectRunnersAt(page, [0.5, -0.25]);
    expect(distance(await startHandleNow(page), pin)).toBeLessThan(0.5);

    // Out of the domain is refused too.
    await startX.fill('7');
    await startX.press('Enter');
    await expect.poll(() => alert.textContent(), WAIT).toMatch(/\[-2, 2\]/);
    await expectRunnersAt(page, [0.5, -0.25]);
    expectCleanConsole(race.problems);
  });
});
