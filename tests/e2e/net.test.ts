/**
 * The race on a real neural network, as a student meets it: the penguin classifier chosen in the
 * landscape menu is trained in a worker, its plane of training drawn with the three runners' paths
 * and the share of their motion it holds; play advances all three; a changed learning rate trains
 * again in the background (progress shown, the old picture kept, no long task); a moved start
 * keeps the plane until it is fitted again.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { busy, watchMainThread } from './main-thread';
import { canvasShot, decodePng, type Picture } from './pixels';
import { expectCleanConsole, HUD_VIEWPORT, letFramesPass, openRace, WAIT } from './race-page';

const SLOW = 120_000;

/** The legend's rows with what a network adds: the training accuracy. */
async function netRows(page: Page) {
  return page.$$eval('[data-testid="runner-row"]', (rows) =>
    rows.map((row) => ({
      label: row.getAttribute('data-label') ?? '',
      step: Number(row.getAttribute('data-step')),
      x: Number(row.getAttribute('data-x')),
      y: Number(row.getAttribute('data-y')),
      lr: Number(row.getAttribute('data-lr')),
      accuracy: row.hasAttribute('data-accuracy')
        ? Number(row.getAttribute('data-accuracy'))
        : null,
    })),
  );
}

/** The two shares of `plane-explained`, or null while it is not shown. */
async function explained(page: Page): Promise<[number, number] | null> {
  const el = page.getByTestId('plane-explained');
  if ((await el.count()) === 0) return null;
  const [a, b] = ((await el.getAttribute('data-explained')) ?? '').split(',').map(Number);
  return [a!, b!];
}

/** Pixels that differ clearly between two same-sized pictures. */
function changedPixels(a: Picture, b: Picture): number {
  let changed = 0;
  for (let k = 0; k < a.rgba.length; k += 4) {
    const d = Math.max(
      Math.abs(a.rgba[k]! - b.rgba[k]!),
      Math.abs(a.rgba[k + 1]! - b.rgba[k + 1]!),
      Math.abs(a.rgba[k + 2]! - b.rgba[k + 2]!),
    );
    if (d > 40) changed++;
  }
  return changed;
}

/** The canvas once two more frames have drawn what the page holds now. */
async function shot(page: Page): Promise<Picture> {
  await letFramesPass(page, 2, 0);
  return decodePng(await canvasShot(page));
}

/** Records, from now on, whether `net-progress` showed and the largest progress it said. */
async function watchProgress(page: Page): Promise<() => Promise<{ seen: boolean; max: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { netProgress: { seen: boolean; max: number } };
    w.netProgress = { seen: false, max: 0 };
    const look = () => {
      const el = document.querySelector('[data-testid="net-progress"]');
      if (!el) return;
      w.netProgress.seen = true;
      w.netProgress.max = Math.max(w.netProgress.max, Number(el.getAttribute('data-progress')));
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-progress'],
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { netProgress: { seen: boolean; max: number } }).netProgress,
    );
}

describe('Optimizer Race on a neural network', () => {
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

  it(
    'choosing the penguin classifier draws its plane and three paths, says how much motion the plane holds, and play advances all three',
    async () => {
      const race = await openRace(browser, '?landscape=bowl&paused=1', HUD_VIEWPORT);
      page = race.page;
      const bowl = await shot(page);
      await page.getByTestId('landscape').selectOption('penguins-mlp');
      await expect.poll(() => explained(page!), WAIT).not.toBeNull();
      const [d1, d2] = (await explained(page))!;
      expect(d1).toBeGreaterThan(0.5);
      expect(d2).toBeGreaterThanOrEqual(0);
      expect(d1 + d2).toBeGreaterThan(0.9);
      expect(d1 + d2).toBeLessThanOrEqual(1);
      await expect
        .poll(() => page!.getByTestId('plane-explained').textContent())
        .toMatch(/holds \d+(\.\d)? % of the motion/);
      expect(await page.getByTestId('landscape').inputValue()).toBe('penguins-mlp');

      const start = await netRows(page);
      expect(start.map((r) => r.label)).toEqual(['SGD-momentum', 'RMSProp', 'Adam']);
      expect(start.map((r) => r.step)).toEqual([0, 0, 0]);
      // One network, the same initial weights: one accuracy for all three at step 0.
      expect(new Set(start.map((r) => r.accuracy)).size).toBe(1);
      const network = await shot(page);
      expect(changedPixels(bowl, network), 'the plane replaced the bowl').toBeGreaterThan(
        0.1 * network.width * network.height,
      );

      await page.getByTestId('play').click();
      await expect
        .poll(async () => (await netRows(page!)).map((r) => r.step), WAIT)
        .toSatisfy((s: number[]) => s.every((n) => n >= 60));
      await page.getByTestId('play').click();
      const later = await netRows(page);
      later.forEach((r, i) => {
        expect(r.accuracy!, `${r.label} learnt`).toBeGreaterThan(start[i]!.accuracy! + 0.2);
        expect(Math.hypot(r.x, r.y), `${r.label} moved on the plane`).toBeGreaterThan(0.3);
      });

      // Each runner's path is on the canvas: hiding that runner alone takes its ball and trail away.
      const all = await shot(page);
      const eyes = page.getByTestId('runner-visible');
      for (let i = 0; i < 3; i++) {
        await eyes.nth(i).click();
        const without = await shot(page);
        expect(changedPixels(all, without), `runner ${i + 1}'s ball and path`).toBeGreaterThan(60);
        await eyes.nth(i).click();
      }
      // What the network adds (the plane's share, the scrub bar, its panels) reads to assistive
      // technology too: axe finds nothing serious or critical.
      const axe = await new AxeBuilder({ page }).setLegacyMode().analyze();
      const serious = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
      expectCleanConsole(race.problems);
    },
    SLOW,
  );

  it(
    'a changed learning rate trains again in a worker with progress shown, the old race kept until then, no long task; a moved start keeps the plane until it is fitted again',
    async () => {
      const race = await openRace(browser, '?net=penguins-mlp&paused=1', HUD_VIEWPORT);
      page = race.page;
      await expect.poll(() => explained(page!), WAIT).not.toBeNull();
      const before = (await explained(page))!;
      const progress = await watchProgress(page);
      const mainThread = await watchMainThread(browser, page);

      const adamLr = page.getByTestId('runner-card').nth(2).getByTestId('runner-lr');
      await adamLr.fill('0.05');
      await adamLr.press('Enter');
      await expect.poll(async () => (await netRows(page!))[2]!.lr, WAIT).toBe(0.05);
      await expect.poll(() => explained(page!), WAIT).not.toEqual(before);
      await expect.poll(() => page!.getByTestId('net-progress').count(), WAIT).toBe(0);
      const seen = await progress();
      expect(seen.seen, 'net-progress showed while it trained').toBe(true);
      const tasks = await mainThread();
      expect(busy(tasks), `long tasks (wall and CPU ms): ${JSON.stringify(tasks)}`).toEqual([]);

      // The start moved: the plane is kept (the share is now of the new motion) until asked again.
      const x0 = page.getByTestId('start-x');
      await x0.fill('0.5');
      await x0.press('Enter');
      await expect.poll(() => page!.getByTestId('net-refit').count(), WAIT).toBe(1);
      await expect.poll(async () => (await netRows(page!))[0]!.x, WAIT).toBeCloseTo(0.5, 6);
      await page.getByTestId('net-refit').click();
      await expect.poll(() => page!.getByTestId('net-refit').count(), WAIT).toBe(0);
      await expect.poll(async () => Number(await x0.inputValue()), WAIT).toBe(0);
      expectCleanConsole(race.problems);
    },
    SLOW,
  );
});
