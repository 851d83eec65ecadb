import { SCENES as LECTURE_SCENES } from '../../src/core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import {
  canvasShot,
  decodePng,
  hexRgb,
  pixelsAround,
  rgbDistance,
  type Picture,
  type Rgb,
} from './pixels';
import {
  drag,
  expectCleanConsole,
  HUD_VIEWPORT,
  letFramesPass,
  openRace,
  WAIT,
  type RacePage,
} from './race-page';

/** Every lecture scene, from the core's own list (src/core/scenes.ts). */
const SCENES = LECTURE_SCENES.map((s) => s.id);
/** SwiftShader on a shared machine: a few frames can take seconds. */
const SLOW = 120_000;
const ROW = '[data-testid="runner-row"]';

/** Set VISIBLE_PNG_DIR to keep every picture the test looks at, to look at them yourself. */
const KEEP = process.env.VISIBLE_PNG_DIR;

/** Decodes a PNG (bytes or data: URL), keeping a copy as `<name>.png` when asked to. */
async function picture(name: string, png: Uint8Array | string): Promise<Picture> {
  if (KEEP) {
    const bytes =
      typeof png === 'string' ? Buffer.from(png.slice(png.indexOf(',') + 1), 'base64') : png;
    await writeFile(join(KEEP, `${name}.png`), bytes);
  }
  return decodePng(png);
}

/** A ball where its row's data-screen says, in picture pixels, with its runner's colour. */
interface Ball {
  x: number;
  y: number;
  color: Rgb;
}

/** A near-white grey, as the light halo around each ball is (viridis is never grey). */
const isHalo = ([r, g, b]: Rgb) =>
  Math.min(r, g, b) >= 185 && Math.max(r, g, b) - Math.min(r, g, b) <= 40;

/** Presses play until the race is paused. */
async function pause(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  await expect
    .poll(async () => {
      if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
      return play.getAttribute('aria-pressed');
    }, WAIT)
    .toBe('false');
}

/** Shows or hides every runner with the eye on its card. */
async function setRunnersVisible(page: Page, visible: boolean): Promise<void> {
  const boxes = page.getByTestId('runner-visible');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(visible);
}

/** Every runner row's data-screen, in legend order. */
const screens = (page: Page) =>
  page.$$eval(ROW, (rows) => rows.map((row) => row.getAttribute('data-screen')));

/**
 * What the canvas shows and where the rows say the balls are, once `ready` holds for the rows and
 * they have not moved for `stillMs` (the camera may still be settling after a drag).
 */
async function frameWhen(
  page: Page,
  ready: (screens: (string | null)[]) => boolean,
  stillMs = 300,
  timeout: number = WAIT.timeout,
) {
  // A late change (the page reflowing after a press, say) may land between the reads and the
  // screenshot: then look again.
  for (let attempt = 1; ; attempt++) {
    let last = '';
    let since = Date.now();
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await screens(page));
          if (now !== last) [last, since] = [now, Date.now()];
          return Date.now() - since >= stillMs && ready(JSON.parse(now) as (string | null)[]);
        },
        { ...WAIT, timeout },
      )
      .toBe(true);
    const png = await canvasShot(page);
    const values = await screens(page);
    const box = (await page.locator('canvas[data-testid="scene-canvas"]').boundingBox())!;
    if (JSON.stringify(values) === last || attempt === 3) {
      expect(JSON.stringify(values), 'the balls held still for the screenshot').toBe(last);
      return { png, values, box, scale: decodePng(png).width / box.width };
    }
  }
}

/** The balls at the screens of the rows (CSS pixels of the canvas) times `scale`. */
async function ballsAt(
  page: Page,
  screens: (string | null)[],
  scale: { x: number; y: number },
): Promise<Ball[]> {
  const colors = await page
    .getByTestId('runner-color')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  return screens.map((text, i) => {
    const [x, y] = (text ?? 'NaN,NaN').split(',').map(Number) as [number, number];
    return { x: x * scale.x, y: y * scale.y, color: hexRgb(colors[i] ?? '#000000') };
  });
}

/**
 * Asserts that each ball shows in `shown` at its place: the picture there changes clearly when
 * the runners are hidden (so it is not the surface), and holds the runner's colour or its halo —
 * or, for a ball seen through the surface, at least moves towards its colour or towards white.
 */
function expectBallsShown(
  what: string,
  shown: Picture,
  hidden: Picture,
  balls: Ball[],
  radius: number,
): void {
  const withRunners = pixelsAround(shown, balls, radius);
  const without = pixelsAround(hidden, balls, radius);
  balls.forEach((ball, i) => {
    const a = withRunners[i]!;
    const b = without[i]!;
    expect(a.length, `${what}: runner ${i + 1} is on the canvas`).toBeGreaterThan(0);
    const changed = Math.max(...a.map((p, k) => rgbDistance(p, b[k]!)));
    const colour = Math.min(...a.map((p) => rgbDistance(p, ball.color)));
    const towards = Math.max(
      ...a.map((p, k) =>
        Math.max(
          rgbDistance(b[k]!, ball.color) - rgbDistance(p, ball.color),
          rgbDistance(b[k]!, [242, 242, 242]) - rgbDistance(p, [242, 242, 242]),
        ),
      ),
    );
    const at = `at (${ball.x.toFixed(0)}, ${ball.y.toFixed(0)})`;
    expect(changed, `${what}: hiding runner ${i + 1} changes the picture ${at}`).toBeGreaterThan(
      60,
    );
    expect(
      colour < 60 || a.some(isHalo) || towards > 60,
      `${what}: runner ${i + 1} shows its colour or halo ${at} (nearest colour off by ${colour.toFixed(0)})`,
    ).toBe(true);
  });
}

/** A point of the canvas that no panel covers, at least `above` pixels below its top edge. */
async function bareCanvasPoint(page: Page, above: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((above) => {
    const canvas = document.querySelector('canvas[data-testid="scene-canvas"]')!;
    const r = canvas.getBoundingClientRect();
    for (let y = r.bottom - 4; y >= r.top + above; y -= 8)
      for (let x = r.right - 4; x >= r.left; x -= 8)
        if (document.elementFromPoint(x, y) === canvas) return { x, y };
    return null;
  }, above);
  if (!point) throw new Error('no bare point on the canvas to drag from');
  return point;
}

/** Takes a PNG snapshot of `width` × `height` with nothing burned in, through the export dialog. */
async function snapshot(page: Page, width: number, height: number): Promise<Uint8Array> {
  await page.getByTestId('export').click();
  await page.getByTestId('export-resolution').selectOption('custom');
  await page.getByTestId('export-width').fill(String(width));
  await page.getByTestId('export-height').fill(String(height));
  for (const key of ['title', 'legend', 'stepCounter', 'lossChart', 'ballLabels'])
    await page.getByTestId(`export-overlay-${key}`).setChecked(false);
  const download = page.waitForEvent('download', { timeout: SLOW });
  await page.getByTestId('export-snapshot').click();
  const bytes = await readFile(await (await download).path());
  await page.keyboard.press('Escape');
  return bytes;
}

describe('Optimizer Race: every runner visible', () => {
  let browser: Browser;
  let race: RacePage;

  beforeAll(async () => {
    browser = await launchBrowser();
    race = await openRace(browser, '?scene=bowl', HUD_VIEWPORT);
    race.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await race?.page.close();
    await browser?.close();
  });

  /** Opens a scene, races for a moment, pauses; the frame with the runners and one without. */
  async function pausedScene(scene: string) {
    const { page } = race;
    await page.getByTestId(`scene-${scene}`).click();
    // A scene shows once its landscape is ready (a network's after its training in a worker).
    await expect
      .poll(() => page.getByTestId(`scene-${scene}`).getAttribute('aria-pressed'), WAIT)
      .toBe('true');
    await letFramesPass(page, 3, 1000);
    await pause(page);
    const count = await page.locator(ROW).count();
    const shown = await frameWhen(page, (s) => s.length === count && s.every(Boolean));
    await setRunnersVisible(page, false);
    const hidden = await frameWhen(page, (s) => s.every((v) => v === null));
    // The next scene shows its runners again.
    return { shown, hidden };
  }

  it.each(SCENES)(
    '%s: each ball is drawn where its legend row says (data-screen), not hidden by the surface',
    async (scene) => {
      const { shown, hidden } = await pausedScene(scene);
      const scale = { x: shown.scale, y: shown.scale };
      expectBallsShown(
        scene,
        await picture(scene, shown.png),
        await picture(`${scene}-hidden`, hidden.png),
        await ballsAt(race.page, shown.values, scale),
        4 * shown.scale,
      );
      expectCleanConsole(race.problems);
    },
    SLOW,
  );

  it(
    'race: turned down to the horizon, the balls in the trough show through the near wall',
    async () => {
      const { page, canvas } = race;
      await page.getByTestId('scene-race').click();
      await letFramesPass(page, 3, 1000);
      await pause(page);
      const box = (await canvas.boundingBox())!;
      // Dragging up lowers the camera (orbit controls); it stops just above the horizon.
      const from = await bareCanvasPoint(page, box.height * 0.5);
      await drag(page, from, { x: from.x, y: from.y - box.height * 0.5 });
      const count = await page.locator(ROW).count();
      // The orbit camera glides to a stop after the drag.
      const all = (s: (string | null)[]) => s.length === count && s.every(Boolean);
      const shown = await frameWhen(page, all, 1500, 90_000);
      await setRunnersVisible(page, false);
      const hidden = await frameWhen(page, (s) => s.every((v) => v === null));
      const scale = { x: shown.scale, y: shown.scale };
      expectBallsShown(
        'race, low camera',
        await picture('race-low', shown.png),
        await picture('race-low-hidden', hidden.png),
        await ballsAt(page, shown.values, scale),
        4 * shown.scale,
      );
    },
    2 * SLOW,
  );

  it(
    'race: an exported PNG snapshot shows every ball where the live view does',
    async () => {
      const { page } = race;
      await page.getByTestId('scene-race').click();
      await letFramesPass(page, 3, 1000);
      await pause(page);
      const count = await page.locator(ROW).count();
      const live = await frameWhen(page, (s) => s.length === count && s.every(Boolean));
      const box = live.box;
      // Twice the canvas, in even pixels: the same aspect, so the same view.
      const width = 2 * Math.round(box.width);
      const height = 2 * Math.round(box.height);
      const shown = await picture('race-snapshot', await snapshot(page, width, height));
      await setRunnersVisible(page, false);
      const hidden = await picture('race-snapshot-hidden', await snapshot(page, width, height));
      expect([shown.width, shown.height]).toEqual([width, height]);
      const scale = { x: width / box.width, y: height / box.height };
      expectBallsShown('race snapshot', shown, hidden, await ballsAt(page, live.values, scale), 8);
      expectCleanConsole(race.problems);
    },
    SLOW,
  );
});
