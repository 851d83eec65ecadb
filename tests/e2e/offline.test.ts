/**
 * The installable app works offline after one visit: the service worker precaches every file the
 * app can ask for (each chunk, the lazily loaded ones too, the workers, CSS, KaTeX's fonts, the
 * icons), and with the network gone a reload still races, shows the formulas in KaTeX's fonts and
 * exports a clip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumPath } from './chromium';
import type { PageProblems } from './chromium';
import { expectSurfaceRaceAndFormulas } from './race-page';

const VIEWPORT = { width: 640, height: 400 } as const;
// react-three-fiber 9 still creates a THREE.Clock, which three r187 deprecates.
const KNOWN_WARNINGS = /^THREE\.Clock: This module has been deprecated/;

/** A built file's name: the stem, an 8-character hash, the extension. */
const HASHED = /(?:\.\/|\/?assets\/)([\w.-]+-[\w-]{8}\.(?:js|css|woff2|woff|ttf))(?=[`"')])/g;

/**
 * Every file of the app, found the way the browser would find it but straight from the server
 * (no service worker in between): index.html, what it links (scripts, styles, favicon, manifest),
 * the manifest's icons, and, followed through every script and style sheet, the chunks imported
 * later, the workers and the fonts. Paths from the site's root.
 */
async function filesOfTheApp(base: string): Promise<Set<string>> {
  const found = new Set<string>(['/index.html']);
  const get = async (path: string) => {
    const response = await fetch(new URL(path.slice(1), base));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.text();
  };
  const html = await get('/index.html');
  for (const [, path] of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) found.add(path!);
  const manifestPath = [...found].find((p) => p.endsWith('.webmanifest'));
  if (manifestPath) {
    const manifest = JSON.parse(await get(manifestPath)) as { icons: { src: string }[] };
    for (const icon of manifest.icons) found.add(`/${icon.src.replace(/^\//, '')}`);
  }
  const queue = [...found].filter((p) => /\.(js|css)$/.test(p));
  while (queue.length > 0) {
    const text = await get(queue.pop()!);
    const names = [...text.matchAll(HASHED)].map((m) => m[1]!);
    // A style sheet's url(…)s too, whatever their names (tiny fonts come inline, as data: URLs).
    for (const [, url] of text.matchAll(/url\(["']?([^)"']+)/g)) {
      // (url(#id) names an element of the page, no file.)
      if (!/^(data:|#)/.test(url!)) names.push(url!.replace(/^.*\//, ''));
    }
    for (const name of names) {
      const path = `/assets/${name}`;
      if (found.has(path)) continue;
      found.add(path);
      if (/\.(js|css)$/.test(path)) queue.push(path);
    }
  }
  // sw.js itself lives in the browser's service worker store, not in its cache.
  found.delete('/sw.js');
  return found;
}

/** Every URL the page's caches hold, as paths from the root (Workbox's revision query dropped). */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

/** Number of packets and the size of the clip's video track, read back with mediabunny. */
async function readClip(bytes: Uint8Array) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('the clip has no video track');
    const timestamps: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets()) {
      timestamps.push(packet.timestamp);
    }
    return {
      container: (await input.getFormat()).name,
      width: await track.getDisplayWidth(),
      height: await track.getDisplayHeight(),
      packets: timestamps.length,
    };
  } finally {
    input.dispose();
  }
}

describe('Optimizer Race as an installed, offline app', () => {
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    // A new profile on disk: no service worker and no cache from before, and — unlike the
    // incognito contexts of browser.newContext() — one in which Chromium would install an app.
    profile = mkdtempSync(join(tmpdir(), 'optimizer-race-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: VIEWPORT,
      // As launchBrowser (chromium.ts).
      args: [
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('after one visit, everything is cached; offline, a reload races, shows formulas and exports a clip', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    const problems: PageProblems = { errors: [], warnings: [] };
    page.on('console', (message) => {
      const text = `${message.text()} (${message.location().url})`;
      if (message.type() === 'error') problems.errors.push(text);
      else if (message.type() === 'warning') problems.warnings.push(text);
    });
    page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
    const firstFrame = () =>
      page
        .locator('canvas[data-testid="scene-canvas"][data-start-screen]')
        .waitFor({ state: 'attached', timeout: 40_000 });

    await page.goto(`${inject('baseUrl')}?scene=race`);
    await firstFrame();

    // The service worker installs (precaching everything), activates and takes the page.
    const worker = await page.evaluate(async () => {
      // Ready once it is active (installed: the precache is complete) …
      const registration = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no service worker active within 60 s')), 60_000),
        ),
      ]);
      const active = registration.active!;
      // … activated (outdated caches cleaned), and controlling this page.
      if (active.state !== 'activated') {
        await new Promise<void>((resolve) =>
          active.addEventListener('statechange', () => {
            if (active.state === 'activated') resolve();
          }),
        );
      }
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return {
        active: registration.active?.state,
        controller: navigator.serviceWorker.controller?.scriptURL,
      };
    });
    expect(worker).toEqual({ active: 'activated', controller: `${inject('baseUrl')}sw.js` });

    // Each file of the app is in the cache — the ones this visit never asked for too.
    const files = await filesOfTheApp(inject('baseUrl'));
    const names = [...files].join(' ');
    // (The walk found what it must: the four workers — surface, swarm, basins, network — the
    // export's chunk, KaTeX's fonts — 20 faces in 3 formats, but for any small enough to come
    // inline in the CSS.)
    expect(names.match(/\.worker-[\w-]+\.js/g)).toHaveLength(4);
    expect(names).toMatch(/\/assets\/ExportDialog-[\w-]+\.js/);
    expect(names.match(/KaTeX_[\w-]+\.(woff2|woff|ttf)/g)?.length).toBeGreaterThan(50);
    expect(names).toMatch(/\/icon-512\.png/);
    const cached = new Set(await cachedPaths(page));
    expect(
      [...files].filter((path) => !cached.has(path)),
      'files not cached',
    ).toEqual([]);

    // Chromium would offer to install it (the manifest, its icons, the service worker).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    expect(manifestErrors).toEqual([]);

    // No network at all now.
    await context.setOffline(true);
    await page.reload();
    await firstFrame();
    // Really offline, for the page and for its service worker alike: a file that is in no cache
    // cannot be fetched by either.
    const probe = (url: string) =>
      fetch(url, { cache: 'no-store' }).then(
        (response) => `HTTP ${response.status}`,
        () => 'failed',
      );
    expect(await page.evaluate(probe, `/favicon.svg?probe=${Date.now()}`)).toBe('failed');
    const [serviceWorker] = context.serviceWorkers();
    expect(serviceWorker?.url()).toBe(`${inject('baseUrl')}sw.js`);
    expect(await serviceWorker!.evaluate(probe, `/favicon.svg?probe=${Date.now()}`)).toBe('failed');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The surface draws (its worker came from the cache), the race runs, and the formulas are
    // typeset (KaTeX's chunk and fonts from the cache).
    await expectSurfaceRaceAndFormulas(page);

    // A clip exports (the dialog and its encoder are a chunk loaded only now): the smallest
    // one, 128 × 72 at 30 fps for half a second.
    await page.getByTestId('export').click();
    await page.getByTestId('export-format').selectOption('mp4');
    await page.getByTestId('export-resolution').selectOption('custom');
    await page.getByTestId('export-width').fill('128');
    await page.getByTestId('export-height').fill('72');
    await page.getByTestId('export-fps').selectOption('30');
    await page.getByTestId('export-seconds').fill('0.5');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('export-start').click();
    const file = await download;
    const clip = await readClip(new Uint8Array(await readFile(await file.path())));
    expect(file.suggestedFilename()).toMatch(/\.mp4$/);
    expect(clip).toEqual({ container: 'MP4', width: 128, height: 72, packets: 15 });

    // Nothing failed to load but the probe above.
    expect(problems.errors.filter((e) => !e.includes('?probe='))).toEqual([]);
    expect(problems.warnings.filter((w) => !KNOWN_WARNINGS.test(w))).toEqual([]);
  }, 240_000);
});
