import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import {
  counterStep,
  expectCleanConsole,
  HUD_VIEWPORT,
  letFramesPass,
  openRace,
  steps,
  WAIT,
  type RacePage,
} from './race-page';

/** What the notices say (src/i18n/notices.ts), in English. */
const LOST = /dropped the 3D view/;
const RESTORED = /3D view is back/;

/** Screenshots of a SwiftShader canvas take seconds on a busy machine (up to 13 s measured). */
const SLOW_TEST = 240_000;
const SCREENSHOT = { timeout: 45_000 } as const;
const PICTURE_WAIT = { timeout: 90_000, interval: 100 } as const;

/** Loses the scene's WebGL context as a driver reset would; keeps the extension to restore it. */
function loseContext(page: Page): Promise<void> {
  return page
    .locator('canvas[data-testid="scene-canvas"]')
    .evaluate((canvas: HTMLCanvasElement) => {
      // The canvas already holds three.js's WebGL2 context, so this hands back that same context.
      const gl = canvas.getContext('webgl2');
      const extension = gl?.getExtension('WEBGL_lose_context');
      if (!extension) throw new Error('no WEBGL_lose_context on the scene canvas');
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = extension;
      extension.loseContext();
    });
}

/** The browser gives the context back (the same extension object is the only way once lost). */
function restoreContext(page: Page): Promise<void> {
  return page.evaluate(() =>
    (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext(),
  );
}

const noticeTexts = (page: Page) => page.getByTestId('notice').allTextContents();
const playPressed = (page: Page) => page.getByTestId('play').getAttribute('aria-pressed');

/** The page's own overlays on the stage (names, legend, notices, labels), hidden for screenshots. */
const ONLY_WEBGL = '.stage > :not(.scene), .ball-label { visibility: hidden !important; }';

interface Picture {
  png: Buffer;
  /** Distinct RGB colours: one or two for an empty canvas, thousands for the lit surface. */
  colours: number;
  /** Pixels of the RMSProp runner's red (its ball and trail); the viridis surface has none. */
  red: number;
  /** Share of pixels differing from the reference picture by more than 48 in a channel. */
  changed: number;
}

/**
 * A screenshot of what WebGL draws on the stage (the DOM overlays hidden: the legend's numbers and
 * the balls' labels move while the race runs), read by the page itself.
 */
async function scenePicture(race: RacePage, reference?: Buffer): Promise<Picture> {
  const png = await race.canvas.screenshot({ style: ONLY_WEBGL, ...SCREENSHOT });
  const figures = await race.page.evaluate(
    async ([shot, before]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const p = await pixels(shot!);
      const q = before ? await pixels(before) : undefined;
      const colours = new Set<number>();
      let red = 0;
      let changed = 0;
      for (let i = 0; i < p.length; i += 4) {
        const [r, g, b] = [p[i]!, p[i + 1]!, p[i + 2]!];
        colours.add((r << 16) | (g << 8) | b);
        if (r > 150 && g < 100 && b < 100) red++;
        if (
          q &&
          Math.max(Math.abs(r - q[i]!), Math.abs(g - q[i + 1]!), Math.abs(b - q[i + 2]!)) > 48
        )
          changed++;
      }
      const all = p.length / 4;
      return { colours: colours.size, red, changed: q?.length === p.length ? changed / all : 1 };
    },
    [png.toString('base64'), reference?.toString('base64')] as const,
  );
  return { png, ...figures };
}

/** Waits until the scene is drawn (a lit surface, many colours) and returns that picture. */
async function drawnScene(race: RacePage, reference?: Buffer): Promise<Picture> {
  let picture: Picture | undefined;
  await expect
    .poll(async () => (picture = await scenePicture(race, reference)).colours, PICTURE_WAIT)
    .toBeGreaterThan(32);
  return picture!;
}

describe('a lost GPU context', () => {
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
    'says so and pauses the race; once restored, the race plays on from the step where it stopped, seen as before',
    async () => {
      // Rosenbrock from its default start: a long race, nobody finishes within this test.
      const race = await openRace(browser, '?landscape=rosenbrock', HUD_VIEWPORT);
      page = race.page;
      await expect.poll(() => counterStep(race.page), WAIT).toBeGreaterThan(10);
      const before = await drawnScene(race);
      const camera = await race.canvas.getAttribute('data-start-screen');

      await loseContext(page);
      await expect.poll(() => noticeTexts(race.page), WAIT).toEqual([expect.stringMatching(LOST)]);
      expect(await playPressed(page)).toBe('false');
      // The step counter stops while the 3D view is gone.
      const stopped = await counterStep(page);
      await letFramesPass(page, 5, 1_000);
      expect(await counterStep(page)).toBe(stopped);
      expect(await steps(page)).toEqual([stopped, stopped, stopped]);

      await restoreContext(page);
      await expect
        .poll(() => noticeTexts(race.page), WAIT)
        .toEqual([expect.stringMatching(RESTORED)]);
      // It was playing, so it plays on from where it stopped, not from the start.
      expect(await playPressed(page)).toBe('true');
      await expect.poll(() => counterStep(race.page), WAIT).toBeGreaterThan(stopped);
      for (const step of await steps(page)) expect(step).toBeGreaterThan(stopped);

      // The surface is drawn again, seen by the same camera: the picture is the one from before
      // but for the few steps the balls have moved on since.
      const after = await drawnScene(race, before.png);
      expect(after.changed).toBeLessThan(0.02);
      expect(await race.canvas.getAttribute('data-start-screen')).toBe(camera);
      expectCleanConsole(race.problems);
    },
    SLOW_TEST,
  );

  it(
    'leaves a paused race paused and draws exactly the picture it had: surface, trails and balls',
    async () => {
      // Himmelblau: the balls and trails lie in plain view on a low, open surface.
      const race = await openRace(browser, '?landscape=himmelblau&paused=1', HUD_VIEWPORT);
      page = race.page;
      const step = 12;
      for (let n = 0; n < step; n++) await page.getByTestId('step').click();
      await expect.poll(() => counterStep(race.page), WAIT).toBe(step);
      const before = await drawnScene(race);
      expect(before.red, 'the red ball and trail before').toBeGreaterThan(20);

      await loseContext(page);
      await expect.poll(() => noticeTexts(race.page), WAIT).toEqual([expect.stringMatching(LOST)]);
      // The picture is gone while the context is lost, so the one after it is drawn anew.
      expect((await scenePicture(race)).colours).toBeLessThan(4);

      await restoreContext(page);
      await expect
        .poll(() => noticeTexts(race.page), WAIT)
        .toEqual([expect.stringMatching(RESTORED)]);
      const after = await drawnScene(race, before.png);
      expect(after.changed).toBeLessThan(0.002);
      expect(after.red, 'the red ball and trail after').toBe(before.red);
      await letFramesPass(page, 3, 500);
      expect(await playPressed(page)).toBe('false');
      expect(await steps(page)).toEqual([step, step, step]);
      expectCleanConsole(race.problems);
    },
    SLOW_TEST,
  );
});
