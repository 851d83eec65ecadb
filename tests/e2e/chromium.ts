import { accessSync, constants, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const FIX = 'run "sudo apt-get install -y chromium" or set CHROMIUM_PATH=/path/to/chromium';

/** Small enough that SwiftShader renders a frame quickly. */
export const SMALL_VIEWPORT = { width: 480, height: 270 } as const;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * Throws rather than letting a test skip: no browser must fail the run.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file; ${FIX}`);
    }
    return fromEnv;
  }
  if (!isExecutableFile(DEBIAN_CHROMIUM)) {
    throw new Error(`No Chromium for the browser tests at ${DEBIAN_CHROMIUM}: ${FIX}`);
  }
  return DEBIAN_CHROMIUM;
}

/** Headless Chromium with WebGL2 on SwiftShader and no background network chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
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
}

/** What the page complained about while a test ran; a clean page leaves both empty. */
export interface PageProblems {
  errors: string[];
  warnings: string[];
}

/** Opens `url` in a fresh page, recording console errors/warnings and uncaught page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = SMALL_VIEWPORT,
): Promise<{ page: Page; problems: PageProblems }> {
  // No service worker: its precache of every file would load each test's page on a busy machine;
  // only tests/e2e/offline.test.ts (its own context) needs it.
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  // Fail within seconds when something never shows up, well inside vitest's own timeout.
  page.setDefaultTimeout(10_000);
  const problems: PageProblems = { errors: [], warnings: [] };
  page.on('console', (message) => {
    const { url: source, lineNumber } = message.location();
    const text = source ? `${message.text()} (${source}:${lineNumber})` : message.text();
    // Playwright's own note that it blocked the service worker (above) is not the app's.
    if (message.text() === 'Service Worker registration blocked by Playwright') return;
    if (message.type() === 'error') problems.errors.push(text);
    else if (message.type() === 'warning') problems.warnings.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}
