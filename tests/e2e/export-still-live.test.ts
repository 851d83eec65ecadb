import { readFile } from 'node:fs/promises';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './chromium';
import { counterStep, HUD_VIEWPORT, letFramesPass, openRace, WAIT } from './race-page';

/** The downloaded file's name and bytes, once `start` has made the page download it. */
async function downloadOf(page: Page, start: () => Promise<void>) {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await start();
  const file = await download;
  return {
    fileName: file.suggestedFilename(),
    bytes: new Uint8Array(await readFile(await file.path())),
  };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('Optimizer Race: PNG snapshot, live recording, no WebCodecs', () => {
  let browser: Browser;
  let page: Page | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await page?.close();
    await context?.close();
    page = undefined;
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves a PNG still at the chosen resolution, named after the scene and step', async () => {
    const race = await openRace(browser, '?scene=momentum-lr&paused=1', HUD_VIEWPORT);
    page = race.page;
    await page.getByTestId('step').click();
    await expect.poll(() => counterStep(page!), WAIT).toBe(1);
    await page.getByTestId('export').click();
    await page.getByTestId('export-resolution').selectOption('1280x720');

    const still = await downloadOf(page, () => page!.getByTestId('export-snapshot').click());

    expect(still.fileName).toBe('race-momentum-lr-1280x720-step1.png');
    expect(pngSize(still.bytes)).toEqual([1280, 720]);
    // The live race is untouched: still paused at step 1.
    await letFramesPass(page, 5, 300);
    expect(await counterStep(page)).toBe(1);
  }, 120_000);

  it('records the canvas live as WebM, clearly in real time, and stops on request', async () => {
    const race = await openRace(browser, '?landscape=rosenbrock', HUD_VIEWPORT);
    page = race.page;
    await page.getByTestId('export').click();
    await page.getByTestId('export-live').click();
    // The dialog gets out of the way; the top bar shows the running recording.
    await expect.poll(() => page!.getByTestId('export-dialog').isVisible(), WAIT).toBe(false);
    await letFramesPass(page, 10, 1500);

    const video = await downloadOf(page, () => page!.getByTestId('export-live-stop').click());

    expect(video.fileName).toBe('race-rosenbrock-live.webm');
    const input = new Input({ source: new BufferSource(video.bytes), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect((await input.getFormat()).name).toBe('WebM');
    expect(['vp8', 'vp9']).toContain(await track.getCodec());
    const canvas = await race.canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect([await track.getDisplayWidth(), await track.getDisplayHeight()]).toEqual(canvas);
    expect(await new EncodedPacketSink(track).getFirstPacket()).not.toBeNull();
    input.dispose();
  }, 120_000);

  it('says so where WebCodecs is missing, and offers the live recording instead', async () => {
    context = await browser.newContext({ viewport: HUD_VIEWPORT });
    await context.addInitScript(() => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    page = await context.newPage();
    const url = new URL(inject('baseUrl'));
    url.search = '?landscape=rosenbrock';
    await page.goto(url.toString());
    await page.getByTestId('export').click();

    await expect.poll(() => page!.getByTestId('export-no-webcodecs').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('export-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-live').isEnabled()).toBe(true);
  }, 60_000);
});
