// Renders public/favicon.svg into the PNG icons of the web app manifest (public/icon-192.png,
// public/icon-512.png and public/icon-maskable-512.png), with the Chromium the browser tests use.
// Run it again after changing the favicon: `node scripts/make-icons.mjs`. The PNGs are committed,
// so a build needs no browser.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(resolve(root, 'public/favicon.svg'), 'utf8');
// The favicon's own tile colour, so the maskable icon's edges continue it.
const background = '#111111';

/** `padding` is the share of each side left as plain background (the maskable safe zone). */
const icons = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  { file: 'icon-maskable-512.png', size: 512, padding: 0.1 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const { file, size, padding } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * padding));
    const fill = padding > 0 ? background : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;background:${fill};display:grid;place-items:center;width:${size}px;height:${size}px">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}">` +
        `</body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: resolve(root, 'public', file), omitBackground: padding === 0 });
    await page.close();
    console.log(`public/${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
