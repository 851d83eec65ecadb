/**
 * Accessibility, as a keyboard or screen-reader user meets the app: axe finds nothing serious in
 * any view in either language, the export dialog keeps the keyboard and gives it back, focus is
 * drawn, the 3D view has words, runners' fates are announced once, and reduced motion is honoured.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { canvasShot, decodePng } from './pixels';
import {
  drag,
  expectCleanConsole,
  letFramesPass,
  openRace,
  readRows,
  ROOMY_VIEWPORT,
  WAIT,
} from './race-page';
import type { RacePage } from './race-page';

type Counts = Record<'critical' | 'serious' | 'moderate' | 'minor', number>;

/** Runs axe on the page as it is; the violations by impact, and the serious ones spelled out. */
async function audit(page: Page): Promise<{ counts: Counts; serious: string[]; all: string[] }> {
  // Legacy mode runs axe in the page itself (the app has no frames to cross).
  const result = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const counts: Counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const serious: string[] = [];
  const all: string[] = [];
  for (const v of result.violations) {
    const impact = v.impact ?? 'minor';
    counts[impact] += v.nodes.length;
    const where = v.nodes.map((n) => n.target.join(' ')).join(' | ');
    all.push(`${impact} ${v.id}: ${where}`);
    if (impact === 'serious' || impact === 'critical')
      serious.push(`${v.id} (${v.help}): ${where}`);
  }
  // What axe could not decide (mostly text contrast over the 3D canvas): listed, not judged.
  for (const v of result.incomplete) {
    const why = new Map<string, number>();
    for (const n of v.nodes) {
      const key = String((n.any[0]?.data as { messageKey?: string } | null)?.messageKey ?? '?');
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    all.push(`needs review ${v.id}: ${JSON.stringify(Object.fromEntries(why))}`);
  }
  return { counts, serious, all };
}

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Whether the focused element sits inside the export dialog. */
const focusInDialog = (page: Page) =>
  page.evaluate(
    () => !!document.activeElement?.closest('[data-testid="export-dialog"]:not([hidden])'),
  );

/** WCAG relative luminance of an `rgb(…)` / `rgba(…)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Watches an element's text: every distinct text it is given, in order, from now on. */
function recordTexts(page: Page, testId: string): Promise<void> {
  return page.evaluate((testId) => {
    const element = document.querySelector(`[data-testid="${testId}"]`)!;
    const texts: string[] = [];
    (window as unknown as Record<string, string[]>)[`texts:${testId}`] = texts;
    new MutationObserver(() => {
      const text = element.textContent ?? '';
      if (texts.at(-1) !== text) texts.push(text);
    }).observe(element, { childList: true, characterData: true, subtree: true, attributes: true });
  }, testId);
}

const recordedTexts = (page: Page, testId: string) =>
  page.evaluate(
    (testId) => (window as unknown as Record<string, string[]>)[`texts:${testId}`] ?? [],
    testId,
  );

const stepNow = async (page: Page) =>
  Number(await page.getByTestId('step-counter').getAttribute('data-step'));

describe('Optimizer Race: accessibility', () => {
  let browser: Browser;
  let race: RacePage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    race = await openRace(browser, '?scene=bowl&paused=1&lang=en', ROOMY_VIEWPORT);
    page = race.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe finds nothing serious or critical in the race, softmax, export and presenter views, in English and Russian', async () => {
    const report: Record<string, Counts> = {};
    const problems: string[] = [];
    const check = async (name: string) => {
      const { counts, serious, all } = await audit(page);
      report[name] = counts;
      problems.push(...serious.map((s) => `${name}: ${s}`));
      if (process.env.A11Y_REPORT) console.log(`${name}\n  ${all.join('\n  ')}`);
    };
    for (const language of ['en', 'ru'] as const) {
      await page.getByTestId(`lang-${language}`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await check(`race ${language}`);

      await page.getByTestId('export').click();
      await page.getByTestId('export-dialog').waitFor({ state: 'visible' });
      await page.getByTestId('export-plan').filter({ hasText: /\d/ }).waitFor();
      await check(`export ${language}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });

      await page.getByTestId('view-softmax').click();
      await page.getByTestId('softmax-view').waitFor();
      await check(`softmax ${language}`);
      await page.getByTestId('view-race').click();

      await page.getByTestId('presenter').click();
      await expect.poll(() => page.getByTestId('presenter-step').isVisible()).toBe(true);
      await check(`presenter ${language}`);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByTestId('presenter').getAttribute('aria-pressed'))
        .toBe('false');
    }
    console.log(`axe violations (nodes) by view:\n${JSON.stringify(report, null, 1)}`);
    expect(problems).toEqual([]);
    expect(Object.keys(report)).toHaveLength(8);
  }, 240_000);

  it('the keyboard reaches Export with a visible ring; the dialog keeps Tab inside and Escape gives the focus back; presenter mode shows its bar to the keyboard', async () => {
    await page.getByTestId('lang-en').click();
    // From the language switch, back through the top bar to Export.
    for (let i = 0; i < 8 && (await activeTestId(page)) !== 'export'; i += 1)
      await page.keyboard.press('Shift+Tab');
    expect(await activeTestId(page)).toBe('export');
    const ring = await page.evaluate(() => {
      const focused = getComputedStyle(document.activeElement!);
      const bar = getComputedStyle(document.querySelector('.top-bar')!);
      return {
        style: focused.outlineStyle,
        width: parseFloat(focused.outlineWidth),
        color: focused.outlineColor,
        background: bar.backgroundColor,
      };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // WCAG 1.4.11: a focus indicator needs 3:1 against what is around it.
    expect(contrast(ring.color, ring.background)).toBeGreaterThanOrEqual(3);

    // Enter opens the dialog with the focus in it; Tab and Shift+Tab go round inside it.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInDialog(page), WAIT).toBe(true);
    // Tab goes round the dialog's controls back to the first, never leaving it; so does Shift+Tab.
    const first = await page.evaluate(() => document.activeElement?.outerHTML);
    const goRound = async (key: 'Tab' | 'Shift+Tab') => {
      let presses = 0;
      do {
        await page.keyboard.press(key);
        presses += 1;
        expect(await focusInDialog(page), `focus after ${key} × ${presses}`).toBe(true);
      } while (
        presses < 40 &&
        (await page.evaluate(() => document.activeElement?.outerHTML)) !== first
      );
      return presses;
    };
    const stops = await goRound('Tab');
    expect(stops, 'Tab stops in the dialog').toBeGreaterThan(2);
    expect(stops, 'Tab came back to the first control').toBeLessThan(40);
    expect(await goRound('Shift+Tab')).toBe(stops);
    // Escape closes and returns to Export.
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
    expect(await activeTestId(page)).toBe('export');

    // So does the × button, pressed from the keyboard.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInDialog(page), WAIT).toBe(true);
    for (let i = 0; i < stops && (await activeTestId(page)) !== 'export-close'; i += 1)
      await page.keyboard.press('Shift+Tab');
    expect(await activeTestId(page)).toBe('export-close');
    await page.keyboard.press('Enter');
    await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
    expect(await activeTestId(page)).toBe('export');

    // The app's shortcuts stay quiet while typing in a field: P does not start presenting.
    await page.getByTestId('start-x').focus();
    await page.keyboard.press('p');
    await page.keyboard.press('r');
    expect(await page.getByTestId('presenter').getAttribute('aria-pressed')).toBe('false');

    // In presenter mode the top bar fades out with the mouse, and comes back for the keyboard.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    const bar = page.locator('.top-bar');
    const opacity = () => bar.evaluate((e) => Number(getComputedStyle(e).opacity));
    await expect.poll(opacity, { ...WAIT, timeout: 10_000 }).toBe(0);
    const inBar = () => bar.evaluate((e) => e.contains(document.activeElement));
    for (let i = 0; i < 10 && !(await inBar()); i += 1) await page.keyboard.press('Tab');
    expect(await inBar()).toBe(true);
    await expect.poll(opacity, WAIT).toBe(1);
    // Escape in the export dialog closes the dialog, not presenter mode.
    await page.getByTestId('export').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInDialog(page), WAIT).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('presenter').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('presenter').getAttribute('aria-pressed'))
      .toBe('false');
    expectCleanConsole(race.problems);
  });

  it('a polite live region says when a runner converges, once, not at every step', async () => {
    const announcer = page.getByTestId('status-announcer');
    expect(await announcer.getAttribute('role')).toBe('status');
    expect(await announcer.textContent()).toBe('');
    await recordTexts(page, 'status-announcer');
    await page.getByTestId('speed').selectOption('600');
    const from = await stepNow(page);
    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await readRows(page)).some((r) => r.status === 'converged'), {
        ...WAIT,
        timeout: 40_000,
      })
      .toBe(true);
    await expect.poll(() => announcer.textContent(), WAIT).toMatch(/converged at step \d+/);
    await letFramesPass(page, 3, 500);
    const rows = await readRows(page);
    const ended = rows.filter((r) => r.status !== 'running');
    const texts = await recordedTexts(page, 'status-announcer');
    const steps = (await stepNow(page)) - from;
    // One text per runner that ended at most (several ending in one frame share one), while the
    // race went on for many steps.
    expect(steps).toBeGreaterThan(20);
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.length).toBeLessThanOrEqual(ended.length);
    const converged = rows.find((r) => r.status === 'converged')!;
    expect(texts.join(' ')).toContain(`${converged.label}: converged at step`);
    if ((await page.getByTestId('play').getAttribute('aria-pressed')) === 'true')
      await page.getByTestId('play').click();
    await page.getByTestId('speed').selectOption('60');
  });

  it('the 3D view is named in words: the landscape and the runners, in the current language, not rewritten per frame', async () => {
    const canvas = page.getByTestId('scene-canvas');
    expect(await canvas.getAttribute('role')).toBe('img');
    const name = () => page.getByRole('img', { name: /Bowl/ }).count();
    expect(await name()).toBe(1);
    const text = await page.getByTestId('canvas-description').textContent();
    expect(text).toContain('Bowl');
    expect(text).toContain('SGD-momentum (green)');
    expect(text).toContain('RMSProp (red)');
    expect(text).toContain('Adam (black)');

    // While the race runs, the words stay as they are.
    await recordTexts(page, 'canvas-description');
    await page.getByTestId('reset').click();
    await page.getByTestId('play').click();
    const from = await stepNow(page);
    await letFramesPass(page, 5, 1000);
    expect(await stepNow(page)).toBeGreaterThan(from);
    expect(await recordedTexts(page, 'canvas-description')).toEqual([]);
    await page.getByTestId('play').click();

    // In Russian, and for another landscape, they change.
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.getByRole('img', { name: /Чаша/ }).count(), WAIT).toBe(1);
    expect(await page.getByTestId('canvas-description').textContent()).toContain(
      'SGD-momentum (зелёный)',
    );
    await page.getByTestId('landscape').selectOption('rosenbrock');
    await expect.poll(() => page.getByRole('img', { name: /Rosenbrock/ }).count(), WAIT).toBe(1);
    await page.getByTestId('lang-en').click();
  });

  it('the 3D view is reached by Tab and turned from the keyboard without stepping the race', async () => {
    if ((await page.getByTestId('play').getAttribute('aria-pressed')) === 'true')
      await page.getByTestId('play').click();
    // The canvas comes right after the left panel's controls.
    await page.locator('.left-panel').locator('button, input, select, textarea').last().focus();
    const onCanvas = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'scene-canvas');
    for (let i = 0; i < 10 && !(await onCanvas()); i += 1) await page.keyboard.press('Tab');
    expect(await onCanvas()).toBe(true);
    expect(await race.canvas.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
    const describedBy = await race.canvas.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/Shift/);

    const shot = async () => decodePng(await canvasShot(page)).rgba;
    const changedShare = (a: Uint8Array, b: Uint8Array) => {
      let changed = 0;
      for (let i = 0; i < a.length; i += 4)
        if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) > 8) changed += 1;
      return changed / (a.length / 4);
    };
    const step = await stepNow(page);
    const before = await shot();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await letFramesPass(page, 2, 0);
    const turned = await shot();
    expect(changedShare(before, turned)).toBeGreaterThan(0.05);
    expect(await stepNow(page)).toBe(step);
    await page.keyboard.press('+');
    await letFramesPass(page, 2, 0);
    expect(changedShare(turned, await shot())).toBeGreaterThan(0.05);
    // A plain → still steps the race.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepNow(page), WAIT).toBe(step + 1);
  });

  it('with reduced motion the camera stops where a drag lets go, and nothing slides', async () => {
    if ((await page.getByTestId('play').getAttribute('aria-pressed')) === 'true')
      await page.getByTestId('play').click();
    // A stretch of bare canvas to drag along (no caption or notice over it, off the start handle).
    const { x0, x1, y } = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLElement>('canvas[data-testid="scene-canvas"]')!;
      const r = canvas.getBoundingClientRect();
      const [hx, hy] = (canvas.getAttribute('data-start-screen') ?? '0,0').split(',').map(Number);
      const bare = (x: number, y: number) =>
        document.elementFromPoint(x, y) === canvas &&
        Math.hypot(x - r.left - hx!, y - r.top - hy!) > 60;
      for (let fy = 0.2; fy < 0.9; fy += 0.05) {
        const y = r.top + r.height * fy;
        const x0 = r.left + r.width * 0.25;
        const x1 = r.left + r.width * 0.6;
        if ([0, 0.25, 0.5, 0.75, 1].every((f) => bare(x0 + f * (x1 - x0), y))) return { x0, x1, y };
      }
      throw new Error('no bare stretch of canvas to drag on');
    });
    /** Turns the camera with a drag; how much the picture still changes after the release. */
    const glideAfterDrag = async () => {
      await drag(page, { x: x0, y }, { x: x1, y }, 4);
      await letFramesPass(page, 2, 0);
      const released = decodePng(await canvasShot(page)).rgba;
      await letFramesPass(page, 4, 400);
      const later = decodePng(await canvasShot(page)).rgba;
      let changed = 0;
      for (let i = 0; i < released.length; i += 4)
        if (Math.abs(released[i]! - later[i]!) + Math.abs(released[i + 1]! - later[i + 1]!) > 8)
          changed += 1;
      return changed / (released.length / 4);
    };
    const icon = page.locator('.more-toggle .runner-icon').first();
    const transition = () => icon.evaluate((e) => getComputedStyle(e).transitionDuration);

    // By default the camera glides on after the release (damping), and the chevron turns smoothly.
    expect(await glideAfterDrag()).toBeGreaterThan(0.01);
    expect(await transition()).not.toBe('0s');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(await glideAfterDrag()).toBe(0);
      expect(await transition()).toBe('0s');
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
    expectCleanConsole(race.problems);
  });
});
