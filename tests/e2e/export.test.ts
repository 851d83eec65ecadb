import { readFile } from 'node:fs/promises';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import {
  counterStep,
  drag,
  HUD_VIEWPORT,
  letFramesPass,
  openRace,
  readRows,
  startHandleOnScreen,
  WAIT,
} from './race-page';

/** SwiftShader renders slowly and the machine may be shared: room for a short clip. */
const EXPORT_TIMEOUT = 240_000;

interface ClipChoice {
  format: 'mp4' | 'webm';
  resolution?: string;
  fps?: '30' | '60';
  seconds?: string;
}

/** Opens the dialog (clicking Export again keeps it open) and sets format, size, rate and length. */
async function fillExportDialog(page: Page, choice: ClipChoice): Promise<void> {
  await page.getByTestId('export').click();
  await page.getByTestId('export-format').selectOption(choice.format);
  await page.getByTestId('export-resolution').selectOption(choice.resolution ?? '640x360');
  await page.getByTestId('export-fps').selectOption(choice.fps ?? '30');
  await page.getByTestId('export-seconds').fill(choice.seconds ?? '2');
}

/** Exports a clip through the dialog as a person would and returns the downloaded file. */
async function exportThroughDialog(
  page: Page,
  choice: ClipChoice,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  await fillExportDialog(page, choice);
  const download = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT });
  await page.getByTestId('export-start').click();
  const file = await download;
  const bytes = new Uint8Array(await readFile(await file.path()));
  return { fileName: file.suggestedFilename(), bytes };
}

/** What a clip file holds, as mediabunny reads it back. */
interface ClipFile {
  container: string;
  codec: string | null;
  width: number;
  height: number;
  duration: number;
  /** Every encoded video packet, in decode order. */
  packets: { timestamp: number; data: Uint8Array }[];
}

/** Demuxes a clip from its bytes (mediabunny reads files in Node too). */
async function readClip(bytes: Uint8Array): Promise<ClipFile> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('the clip has no video track');
    const packets: ClipFile['packets'] = [];
    for await (const p of new EncodedPacketSink(track).packets()) {
      packets.push({ timestamp: p.timestamp, data: p.data.slice() });
    }
    return {
      container: (await input.getFormat()).name,
      codec: await track.getCodec(),
      width: await track.getDisplayWidth(),
      height: await track.getDisplayHeight(),
      duration: await input.computeDuration(),
      packets,
    };
  } finally {
    input.dispose();
  }
}

/** The dialog's progress bar, 0 to 1 (0 before it shows). */
async function exportProgress(page: Page): Promise<number> {
  const bar = page.getByTestId('export-progress');
  if ((await bar.count()) === 0) return 0;
  return Number((await bar.getAttribute('data-progress')) ?? 0);
}

const canvasSize = (page: Page) =>
  page
    .locator('canvas[data-testid="scene-canvas"]')
    .evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`);

describe('Optimizer Race: clip export', () => {
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
    'exports a 2-second 640×360 30 fps MP4: H.264, 60 frames, 2 s, and the race plays on afterwards',
    async () => {
      const race = await openRace(browser, '?scene=race', HUD_VIEWPORT);
      page = race.page;
      const before = await counterStep(page);

      const { fileName, bytes } = await exportThroughDialog(page, { format: 'mp4' });

      expect(fileName).toBe('race-race-640x360-30fps.mp4');
      const clip = await readClip(bytes);
      expect(clip.container).toBe('MP4');
      expect(clip.codec).toBe('avc');
      expect([clip.width, clip.height]).toEqual([640, 360]);
      expect(clip.packets).toHaveLength(60);
      expect(clip.duration).toBeCloseTo(2, 3);
      expect(clip.packets.map((p) => p.timestamp).sort((a, b) => a - b)[59]).toBeCloseTo(
        59 / 30,
        3,
      );
      expect(await page.getByTestId('export-codec').textContent()).toMatch(/H\.264/);
      expect(await page.getByTestId('export-progress').getAttribute('data-progress')).toBe('1');

      // The live race was playing and carries on from where it was, not from the clip's race
      // (on a slow machine it may even reach its finish, where a race pauses by itself).
      await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(before + 5);
      const playing = (await page.getByTestId('play').getAttribute('aria-pressed')) === 'true';
      const statuses = await page.$$eval('[data-testid="runner-row"]', (rows) =>
        rows.map((r) => r.getAttribute('data-status')),
      );
      expect(
        playing || statuses.every((s) => s !== 'running'),
        `playing, or finished: ${statuses.join(', ')}`,
      ).toBe(true);
    },
    EXPORT_TIMEOUT + 60_000,
  );

  it(
    'exports a WebM with VP9, and Escape closes the dialog',
    async () => {
      const race = await openRace(browser, '?scene=bowl', HUD_VIEWPORT);
      page = race.page;

      const { fileName, bytes } = await exportThroughDialog(page, { format: 'webm' });

      expect(fileName).toBe('race-bowl-640x360-30fps.webm');
      const clip = await readClip(bytes);
      expect(clip.container).toBe('WebM');
      expect(clip.codec).toBe('vp9');
      expect([clip.width, clip.height]).toEqual([640, 360]);
      expect(clip.packets).toHaveLength(60);
      expect(clip.duration).toBeCloseTo(2, 2);

      await page.keyboard.press('Escape');
      await expect.poll(() => page!.getByTestId('export-dialog').isVisible()).toBe(false);
      // The dialog opens again, ready for another export.
      await page.getByTestId('export').click();
      await expect.poll(() => page!.getByTestId('export-start').isEnabled(), WAIT).toBe(true);
    },
    EXPORT_TIMEOUT + 60_000,
  );

  it(
    'gives the very same video twice from the same settings and seed (a shaken race)',
    async () => {
      const race = await openRace(browser, '?scene=bag-gentle-shake', HUD_VIEWPORT);
      page = race.page;
      const choice = { format: 'mp4', seconds: '1' } as const;

      const first = await readClip((await exportThroughDialog(page, choice)).bytes);
      // The live race runs on in between: the clip does not depend on when it was made.
      await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(30);
      const second = await readClip((await exportThroughDialog(page, choice)).bytes);

      expect(first.packets).toHaveLength(30);
      expect(second.packets).toHaveLength(30);
      second.packets.forEach((p, i) => {
        expect(p.timestamp).toBe(first.packets[i]!.timestamp);
        expect(Buffer.from(p.data).equals(Buffer.from(first.packets[i]!.data)), `packet ${i}`).toBe(
          true,
        );
      });
    },
    2 * EXPORT_TIMEOUT,
  );

  it(
    'cancelled half-way, leaves the race, the camera and the pause exactly as they were',
    async () => {
      const race = await openRace(
        browser,
        '?landscape=rosenbrock&start=-1.5,2.5&paused=1',
        HUD_VIEWPORT,
      );
      page = race.page;
      // Take a few steps and turn the camera, so there is something to put back.
      for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
      await expect.poll(() => counterStep(page!), WAIT).toBe(3);
      const box = (await race.canvas.boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await drag(page, centre, { x: centre.x + 60, y: centre.y + 10 });
      await startHandleOnScreen(page);
      await letFramesPass(page, 20, 1000);
      const view = await startHandleOnScreen(page);
      const rows = await readRows(page);
      const size = await canvasSize(page);

      await fillExportDialog(page, { format: 'webm', seconds: '3' });
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.getByTestId('export-start').click();
      await expect
        .poll(() => exportProgress(page!), { timeout: EXPORT_TIMEOUT, interval: 100 })
        .toBeGreaterThanOrEqual(0.5);
      await page.getByTestId('export-cancel').click();

      await expect
        .poll(() => page!.getByTestId('export-status').getAttribute('data-state'), WAIT)
        .toBe('cancelled');
      expect(downloads).toBe(0);
      await page.getByTestId('export-close').click();
      expect(await canvasSize(page)).toBe(size);
      // The camera is back where it was (the orbit controls' damping may still have been gliding
      // by a fraction of a pixel when the export began).
      const after = await startHandleOnScreen(page);
      expect(Math.abs(after.x - view.x)).toBeLessThanOrEqual(0.25);
      expect(Math.abs(after.y - view.y)).toBeLessThanOrEqual(0.25);
      expect(await readRows(page)).toEqual(rows);
      expect(await counterStep(page)).toBe(3);
      expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');

      // And it still plays.
      await page.getByTestId('play').click();
      await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThan(10);
    },
    EXPORT_TIMEOUT + 60_000,
  );
});
