import LZString from 'lz-string';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './chromium';
import type { PageProblems } from './chromium';
import { readRows, startFields } from './race-page';

/** Room for the side panels with the start fields and the function field. */
const VIEWPORT = { width: 1024, height: 576 } as const;
/** SwiftShader on a busy machine can take many seconds per frame of a typed-in surface. */
const WAIT = { timeout: 45_000, interval: 100 } as const;
const TEST_TIMEOUT = 180_000;

/** A link made by hand, as a page would write it. */
const handMade = (payload: object | string) =>
  `1.${LZString.compressToEncodedURIComponent(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;

/** The `?s=` link in the address bar now ('' while there is none). */
const sharedParam = (page: Page) => new URL(page.url()).searchParams.get('s') ?? '';

/** Waits until the address bar holds a link other than `previous`, and returns it. */
async function nextLink(page: Page, previous: string): Promise<string> {
  await expect.poll(() => sharedParam(page), WAIT).not.toBe(previous);
  expect(sharedParam(page)).toMatch(/^1\.[A-Za-z0-9+\-$ ]+$/);
  return page.url();
}

/** What a person sees of the race: the landscape, the function, the start, the runners, the language. */
async function visibleRace(page: Page) {
  return {
    landscape: await page.getByTestId('landscape').inputValue(),
    function: await page.getByTestId('function-input').inputValue(),
    start: await startFields(page),
    language: await page.evaluate(() => document.documentElement.lang),
    rows: await readRows(page),
  };
}

/** Steps a paused race `n` times and waits for every runner to get there. */
async function stepTimes(page: Page, n: number) {
  for (let i = 0; i < n; i++) await page.getByTestId('step').click();
  await expect
    .poll(
      async () => (await readRows(page)).every((r) => r.step === n || r.status !== 'running'),
      WAIT,
    )
    .toBe(true);
}

describe('Optimizer Race: shareable links', () => {
  let browser: Browser;
  const pages: Page[] = [];
  /** Opens the app at `?query` and waits for its first frame. */
  const open = async (query: string): Promise<{ page: Page; problems: PageProblems }> => {
    const url = new URL(inject('baseUrl'));
    url.search = query;
    const race = await openPage(browser, url.toString(), VIEWPORT);
    pages.push(race.page);
    race.page.setDefaultTimeout(WAIT.timeout);
    race.page.on('dialog', (d) => {
      race.problems.errors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await race.page
      .locator('canvas[data-testid="scene-canvas"][data-start-screen]')
      .waitFor({ state: 'attached' });
    return race;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'keeps the URL on the race as it changes, and the URL opens that same race',
    async () => {
      const race = await open('?landscape=bowl&paused=1');
      const { page } = race;
      expect(sharedParam(page)).toBe('');

      await page.getByTestId('function-input').fill('x^2 + 3*y^2 + 0.5*sin(4*x)');
      const afterFunction = await nextLink(page, '');
      await page.getByTestId('start-x').fill('0.75');
      await page.getByTestId('start-x').press('Enter');
      await expect.poll(() => startFields(page), WAIT).toEqual([0.75, 1.6]);
      const afterStart = await nextLink(page, new URL(afterFunction).searchParams.get('s')!);
      await page.getByTestId('lang-ru').click();
      const url = await nextLink(page, new URL(afterStart).searchParams.get('s')!);

      // One write per change (no history spam); the plain parameters it stands for are gone.
      expect([...new URL(url).searchParams.keys()]).toEqual(['s', 'paused']);
      const before = await visibleRace(page);
      expect(before).toMatchObject({
        landscape: 'custom',
        function: 'x^2 + 3*y^2 + 0.5*sin(4*x)',
        start: [0.75, 1.6],
        language: 'ru',
      });

      await stepTimes(page, 5);
      const stepped = await readRows(page);
      expect(race.problems.errors).toEqual([]);
      await page.close();

      const copy = await open(new URL(url).search);
      expect(await visibleRace(copy.page)).toEqual(before);
      await stepTimes(copy.page, 5);
      expect(await readRows(copy.page)).toEqual(stepped);
      expect(copy.problems.errors).toEqual([]);
      expect(await copy.page.getByTestId('notice').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'the copy-link button copies the full URL and says so',
    async () => {
      const { page, problems } = await open('?landscape=himmelblau&start=1,-2&paused=1');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(page.url()).origin,
      });
      const button = page.getByTestId('copy-link');
      await button.click();
      await expect.poll(() => button.textContent(), WAIT).toMatch(/Copied/);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());
      expect(copied).toMatch(/\?s=1\./);
      // "Copied" is brief.
      await expect.poll(() => button.textContent(), WAIT).not.toMatch(/Copied/);
      const reopened = await open(new URL(copied).search);
      expect(await startFields(reopened.page)).toEqual([1, -2]);
      expect(await reopened.page.getByTestId('landscape').inputValue()).toBe('himmelblau');
      expect(problems.errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'without a clipboard, the link appears selected in a text field',
    async () => {
      const { page, problems } = await open('?landscape=bowl&paused=1');
      await page.evaluate(() =>
        Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }),
      );
      await page.getByTestId('copy-link').click();
      const field = page.getByTestId('copy-link-field');
      await field.waitFor();
      expect(await field.inputValue()).toBe(page.url());
      const selection = await field.evaluate((input: HTMLInputElement) => [
        document.activeElement === input,
        input.selectionStart,
        input.selectionEnd,
        input.value.length,
      ]);
      expect(selection).toEqual([true, 0, selection[3], selection[3]]);
      expect(problems.errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  const valid = handMade({
    landscape: 'ravine',
    start: [-4, 1.5],
    language: 'ru',
    runners: [{ kind: 'adam', hp: { lr: 0.1 }, label: 'A', color: '#123456' }],
  });
  it.each([
    ['cut off', valid.slice(0, Math.floor(valid.length / 2))],
    ['garbage', '<script>alert(1)</script>'],
    ['far too long', `1.${'A'.repeat(9_000)}`],
    ['not-JSON', handMade('{"landscape": "ravine", "runn')],
  ])(
    'a %s ?s= opens a working page with a notice and no console errors',
    async (_, broken) => {
      const { page, problems } = await open(`?s=${encodeURIComponent(broken)}&paused=1`);
      await page.getByTestId('notice').first().waitFor();
      await expect.poll(async () => (await readRows(page)).length, WAIT).toBeGreaterThan(0);
      // The page still works: a step moves the runners.
      await stepTimes(page, 1);
      expect(problems.errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'a hostile link shows its label as text, runs nothing and keeps the good runners',
    async () => {
      const payload = {
        landscape: 'bowl',
        runners: [
          {
            kind: 'adam',
            hp: { lr: 0.05 },
            label: '<img src=x onerror=alert(1)>',
            color: '#ff00ff',
          },
          { kind: 'adam', label: 'bad colour', color: 'javascript:alert(1)' },
          { kind: 'sgd', hp: { lr: 1e99 }, label: 'bad rate', color: '#00ff00' },
          { kind: 'rmsprop', label: 'kept', color: '#0000ff', visible: true },
        ],
      };
      const json = JSON.stringify(payload).replace(/}$/, ',"__proto__":{"polluted":true}}');
      const s = handMade(json);
      const { page, problems } = await open(`?s=${s}&paused=1`);
      await expect
        .poll(async () => (await readRows(page)).map((r) => r.label), WAIT)
        .toEqual(['<img src=x onerror=alert(1)>', 'kept']);
      expect(await page.getByTestId('notice').count()).toBe(2);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(problems.errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
