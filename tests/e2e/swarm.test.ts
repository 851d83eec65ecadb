/**
 * Many starts at once, as a lecturer uses them: the swarm pours each runner's balls over the bag
 * with live counts; the basin maps colour the surface, and their shares are exactly what
 * `trace --basins` computes; the main thread never computes for more than 50 ms meanwhile.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceJson } from '../cli/run-trace';
import { launchBrowser } from './chromium';
import { busy, watchMainThread } from './main-thread';
import { canvasShot, decodePng, type Picture } from './pixels';
import { counterStep, expectCleanConsole, openRace, WAIT } from './race-page';

/** Three panes of about 240 × 480 px side by side, between the side panels. */
const VIEWPORT = { width: 1280, height: 600 } as const;

/** The stage's background (RaceCanvas). */
const BACKGROUND = [11, 14, 20] as const;

interface Count {
  label: string;
  converged: number;
  stuck: number;
  diverged: number;
  running: number;
}

function swarmCounts(page: Page): Promise<Count[]> {
  return page.getByTestId('swarm-count').evaluateAll((els) =>
    els.map((e) => ({
      label: e.getAttribute('data-label') ?? '',
      converged: Number(e.getAttribute('data-converged')),
      stuck: Number(e.getAttribute('data-stuck')),
      diverged: Number(e.getAttribute('data-diverged')),
      running: Number(e.getAttribute('data-running')),
    })),
  );
}

/** What the swarm changed in one pane: pixels that differ, where they lie, what colour they are. */
function paneChanges(
  on: Picture,
  off: Picture,
  pane: number,
  panes: number,
  looksLikeRunner: (r: number, g: number, b: number) => boolean,
) {
  const x0 = Math.round((pane * on.width) / panes) + 4;
  const x1 = Math.round(((pane + 1) * on.width) / panes) - 4;
  // The surface's box in this pane: where the picture without the swarm is not background.
  let [sx0, sx1, sy0, sy1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let y = 0; y < off.height; y++) {
    for (let x = x0; x < x1; x++) {
      const k = 4 * (y * off.width + x);
      const [r, g, b] = [off.rgba[k]!, off.rgba[k + 1]!, off.rgba[k + 2]!];
      if (Math.hypot(r - BACKGROUND[0], g - BACKGROUND[1], b - BACKGROUND[2]) < 30) continue;
      [sx0, sx1, sy0, sy1] = [
        Math.min(sx0, x),
        Math.max(sx1, x),
        Math.min(sy0, y),
        Math.max(sy1, y),
      ];
    }
  }
  const cells = new Set<number>();
  let changed = 0;
  let runner = 0;
  for (let y = 0; y < on.height; y++) {
    for (let x = x0; x < x1; x++) {
      const k = 4 * (y * on.width + x);
      const [r, g, b] = [on.rgba[k]!, on.rgba[k + 1]!, on.rgba[k + 2]!];
      const d = Math.hypot(r - off.rgba[k]!, g - off.rgba[k + 1]!, b - off.rgba[k + 2]!);
      if (d < 60) continue;
      changed++;
      if (looksLikeRunner(r, g, b)) runner++;
      // Which of 4 × 4 cells of the surface's box the change falls in.
      const cx = Math.floor((4 * (x - sx0)) / (sx1 - sx0 + 1));
      const cy = Math.floor((4 * (y - sy0)) / (sy1 - sy0 + 1));
      if (cx >= 0 && cx < 4 && cy >= 0 && cy < 4) cells.add(4 * cx + cy);
    }
  }
  return { changed, runner, cells: cells.size };
}

describe('Optimizer Race: many starts at once', () => {
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await browser.stopTracing().catch(() => undefined);
    await page?.close();
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws each runner's swarm in its colour all over the bag, with counts that add up", async () => {
    const opened = await openRace(
      browser,
      '?landscape=plastic-bag&layout=split&swarm=300&paused=1',
      VIEWPORT,
    );
    page = opened.page;
    const swarm = page.getByTestId('swarm');
    await expect.poll(() => swarm.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => page!.getByTestId('swarm-size').inputValue(), WAIT).toBe('300');
    // Three steps: the clouds have left their starts but still cover the bag.
    for (let i = 1; i <= 3; i++) {
      await page.getByTestId('step').click();
      await expect.poll(() => counterStep(page!), WAIT).toBe(i);
    }
    let counts: Count[] = [];
    await expect.poll(async () => (counts = await swarmCounts(page!)).length, WAIT).toBe(3);
    expect(counts.map((c) => c.label)).toEqual(['SGD-momentum', 'RMSProp', 'Adam']);
    for (const c of counts) expect(c.converged + c.stuck + c.diverged + c.running).toBe(300);
    // Drawn frames after the last step: the picture with the swarm, then without it.
    await page.waitForTimeout(1500);
    const on = decodePng(await canvasShot(page));
    await swarm.click();
    await expect.poll(() => swarm.getAttribute('aria-pressed'), WAIT).toBe('false');
    await expect.poll(() => page!.getByTestId('swarm-count').count(), WAIT).toBe(0);
    await page.waitForTimeout(1500);
    const off = decodePng(await canvasShot(page));

    const looks = [
      // SGD-momentum, #2ecc40 lit: green well above red and blue (or the light rim).
      (r: number, g: number, b: number) => g > r + 40 && g > b + 40,
      // RMSProp, #ff4136 lit: red well above green and blue.
      (r: number, g: number, b: number) => r > g + 60 && r > b + 60,
      // Adam, #111111 lit: a dark neutral grey (the surface's colours are never neutral).
      (r: number, g: number, b: number) =>
        Math.max(r, g, b) <= 80 && Math.max(r, g, b) - Math.min(r, g, b) <= 12,
    ];
    for (let pane = 0; pane < 3; pane++) {
      const c = paneChanges(on, off, pane, 3, looks[pane]!);
      // 300 balls of a few pixels each, over most of the pane, a good part in the runner's colour.
      expect(c.changed, `pane ${pane}: pixels the swarm changed`).toBeGreaterThan(600);
      // The surface is a rhombus in its box: its four corners are background.
      expect(
        c.cells,
        `pane ${pane}: cells of the surface's 4 × 4 box reached`,
      ).toBeGreaterThanOrEqual(10);
      expect(c.runner / c.changed, `pane ${pane}: share in the runner's colour`).toBeGreaterThan(
        0.25,
      );
    }
    expectCleanConsole(opened.problems);
  });

  it('maps the basins on the surface, with the shares trace --basins prints, never blocking', async () => {
    const opened = await openRace(browser, '?landscape=plastic-bag', VIEWPORT);
    page = opened.page;
    await page.waitForTimeout(1000);
    const before = decodePng(await canvasShot(page));
    const report = await watchMainThread(browser, page);
    await page.getByTestId('basins').click();
    // The map's size shows once the maps are on; a new size starts them anew.
    await page.getByTestId('basins-k').selectOption('32');
    const progress = page.getByTestId('basins-progress');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const p = (await progress.getAttribute('data-progress')) ?? '';
          seen.add(p);
          return p;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe('1');
    // Rows arrive progressively: the bar passed through values between 0 and 1.
    expect([...seen].some((p) => Number(p) > 0 && Number(p) < 1)).toBe(true);
    const tasks = await report();
    expect(busy(tasks), `long tasks computing > 50 ms: ${JSON.stringify(tasks)}`).toEqual([]);

    const shares = await page.getByTestId('basins-share').evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('data-label'),
        global: Number(e.getAttribute('data-global')),
      })),
    );
    const traced = traceJson<{
      runners: { label: string; basins: { k: number; shares: { global: number } } }[];
    }>('--landscape', 'plastic-bag', '--basins', '32');
    expect(shares).toEqual(
      traced.runners.map((r) => ({ label: r.label, global: r.basins.shares.global })),
    );
    expect(traced.runners.every((r) => r.basins.k === 32)).toBe(true);

    // The surface now wears the map: a large part of the canvas changed colour.
    await page.waitForTimeout(1500);
    const after = decodePng(await canvasShot(page));
    let changed = 0;
    for (let k = 0; k < after.rgba.length; k += 4) {
      const d = Math.hypot(
        after.rgba[k]! - before.rgba[k]!,
        after.rgba[k + 1]! - before.rgba[k + 1]!,
        after.rgba[k + 2]! - before.rgba[k + 2]!,
      );
      if (d > 60) changed++;
    }
    expect(changed / (after.width * after.height)).toBeGreaterThan(0.15);
    expectCleanConsole(opened.problems);
  });
});
