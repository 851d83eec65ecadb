/**
 * Training on real data, as a lecturer uses it: a dataset chosen in the landscape menu draws its
 * surface and the data panel; a runner's batch size makes its path noisy or smooth; the batch
 * surface changes with every step; a schedule lowers the live learning rate; all of it in Russian.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './chromium';
import { canvasShot, decodePng, hexRgb, type Picture, type Rgb } from './pixels';
import {
  counterStep,
  expectCleanConsole,
  HUD_VIEWPORT,
  letFramesPass,
  openRace,
  WAIT,
} from './race-page';

/** Rows of the penguins-mass data (flipper length and body mass both measured). */
const MASS_ROWS = 342;
/** The data panel's plot background (src/draw/data-panel/draw.ts). */
const PANEL_BACKGROUND = hexRgb('#121824');

const cards = (page: Page) => page.getByTestId('runner-card');

/** A legend row with what training on data adds to it. */
interface DataRow {
  label: string;
  kind: string;
  lr: number;
  batch: number;
  epoch: number;
  step: number;
  x: number;
  y: number;
  status: string;
}

/** The legend's rows as the page shows them now, with learning rate, batch and epoch. */
function dataRows(page: Page): Promise<DataRow[]> {
  return page.$$eval('[data-testid="runner-row"]', (rows) =>
    rows.map((row) => ({
      label: row.getAttribute('data-label') ?? '',
      kind: row.getAttribute('data-kind') ?? '',
      lr: Number(row.getAttribute('data-lr')),
      batch: Number(row.getAttribute('data-batch')),
      epoch: Number(row.getAttribute('data-epoch')),
      step: Number(row.getAttribute('data-step')),
      x: Number(row.getAttribute('data-x')),
      y: Number(row.getAttribute('data-y')),
      status: row.getAttribute('data-status') ?? '',
    })),
  );
}

/** Types into a field and presses Enter. */
async function enter(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}

/** Presses Step once and waits until the counter and every legend row show the next step. */
async function stepOnce(page: Page): Promise<DataRow[]> {
  const next = (await counterStep(page)) + 1;
  await page.getByTestId('step').click();
  await expect.poll(() => counterStep(page), WAIT).toBe(next);
  let rows: DataRow[] = [];
  await expect
    .poll(async () => (rows = await dataRows(page)).map((r) => r.step), WAIT)
    .toSatisfy((s: number[]) => s.length > 0 && s.every((n) => n === next));
  return rows;
}

/** Presses play until the race runs (`on`) or is paused. */
async function setPlaying(page: Page, on: boolean): Promise<void> {
  const play = page.getByTestId('play');
  const want = String(on);
  await expect
    .poll(async () => {
      if ((await play.getAttribute('aria-pressed')) !== want) await play.click();
      return play.getAttribute('aria-pressed');
    }, WAIT)
    .toBe(want);
}

/**
 * What the data panel shows, read from a copy of its canvas (the panel's own canvas is never read
 * back): pixels of the scatter's points (light greys inside the plot, well off the background),
 * their share in the top, middle and bottom thirds of the plot, pixels of the background and
 * pixels near `line` (the selected runner's model).
 */
function readDataPanel(
  page: Page,
  line: Rgb,
): Promise<{ points: number; thirds: [number, number, number]; background: number; line: number }> {
  return page.getByTestId('data-panel').evaluate(
    (panel: HTMLCanvasElement, { background, line }) => {
      const copy = document.createElement('canvas');
      copy.width = panel.width;
      copy.height = panel.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(panel, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
      // Inside the plot's frame (padding 48 left, 8 right and top, 26 bottom), off its axis lines.
      const box = { x0: 50, x1: width - 10, y0: 10, y1: height - 28 };
      const thirds: [number, number, number] = [0, 0, 0];
      let points = 0;
      let back = 0;
      let near = 0;
      for (let j = box.y0; j < box.y1; j++) {
        for (let i = box.x0; i < box.x1; i++) {
          const k = 4 * (j * width + i);
          const [r, g, b, a] = [data[k]!, data[k + 1]!, data[k + 2]!, data[k + 3]!];
          if (a < 250) continue;
          const fromBack = Math.hypot(r - background[0], g - background[1], b - background[2]);
          if (fromBack <= 3) back++;
          if (Math.hypot(r - line[0], g - line[1], b - line[2]) <= 40) near++;
          // The points are a translucent light grey: grey on the background, lighter where they overlap.
          if (fromBack > 40 && Math.max(r, g, b) - Math.min(r, g, b) <= 40) {
            points++;
            const third = Math.min(2, Math.floor((3 * (j - box.y0)) / (box.y1 - box.y0)));
            thirds[third] = thirds[third]! + 1;
          }
        }
      }
      return { points, thirds, background: back, line: near };
    },
    { background: PANEL_BACKGROUND, line },
  );
}

/** The runner colour of a card, as RGB. */
async function cardColour(card: Locator): Promise<Rgb> {
  return hexRgb(await card.getByTestId('runner-color').inputValue());
}

/** How many pixels of two same-sized pictures differ by more than `threshold` in some channel. */
function changedPixels(a: Picture, b: Picture, threshold = 16): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let changed = 0;
  for (let k = 0; k < a.rgba.length; k += 4) {
    if (
      Math.abs(a.rgba[k]! - b.rgba[k]!) > threshold ||
      Math.abs(a.rgba[k + 1]! - b.rgba[k + 1]!) > threshold ||
      Math.abs(a.rgba[k + 2]! - b.rgba[k + 2]!) > threshold
    )
      changed++;
  }
  return changed;
}

/** The scene canvas after a step: by the second animation frame, a whole frame drew the step. */
async function shotAfterStep(page: Page): Promise<Picture> {
  await stepOnce(page);
  await letFramesPass(page, 2, 0);
  return decodePng(await canvasShot(page));
}

/**
 * How crooked a path is: the mean angle (radians) between consecutive moves; 0 for a straight
 * line, about π/2 for a random walk.
 */
function meanTurn(path: readonly [number, number][]): number {
  const moves = path.slice(1).map(([x, y], k) => [x - path[k]![0], y - path[k]![1]] as const);
  const turns: number[] = [];
  for (let k = 1; k < moves.length; k++) {
    const [ax, ay] = moves[k - 1]!;
    const [bx, by] = moves[k]!;
    const norms = Math.hypot(ax, ay) * Math.hypot(bx, by);
    if (norms > 0) turns.push(Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by) / norms))));
  }
  return turns.reduce((s, t) => s + t, 0) / turns.length;
}

/** Path length over the distance between its ends: 1 for a straight path, larger when it wanders. */
function wander(path: readonly [number, number][]): number {
  let length = 0;
  for (let k = 1; k < path.length; k++)
    length += Math.hypot(path[k]![0] - path[k - 1]![0], path[k]![1] - path[k - 1]![1]);
  const [first, last] = [path[0]!, path[path.length - 1]!];
  return length / Math.hypot(last[0] - first[0], last[1] - first[1]);
}

describe('Optimizer Race on real data', () => {
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

  it('a dataset from the landscape menu draws its surface, its formula and the data panel', async () => {
    const race = await openRace(browser, '?landscape=bowl&paused=1', HUD_VIEWPORT);
    page = race.page;
    const select = page.getByTestId('landscape');
    const panel = page.getByTestId('data-panel');
    const status = page.getByTestId('surface-status');
    const formula = page.locator('.stage p.formula');
    expect(await panel.count(), 'no data panel off data').toBe(0);
    await expect
      .poll(
        () =>
          select
            .locator('optgroup[label="Real data"] option')
            .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
        WAIT,
      )
      .toEqual(['penguins-mass', 'penguins-species']);
    await expect.poll(() => status.getAttribute('data-stage'), WAIT).toBe('idle');
    const bowl = decodePng(await canvasShot(page));
    const runnerColour = await cardColour(cards(page).nth(0));

    // Regression: the scatter of body mass over flipper length with the runner's line over it.
    await select.selectOption('penguins-mass');
    await expect.poll(() => status.getAttribute('data-formula'), WAIT).toBe('mean((w·x + b − y)²)');
    await expect.poll(() => status.getAttribute('data-stage'), WAIT).toBe('idle');
    const massText = await formula.innerText();
    expect(massText).toContain('Penguins: body mass from flipper length');
    expect(massText).toContain('L(w, b) = mean((w·x + b − y)²)');
    expect(massText).toMatch(new RegExp(`standardized, n = ${MASS_ROWS}`));
    await page.locator('[data-testid="data-panel"][data-drawn-step="0"]').waitFor();
    const mass = await readDataPanel(page, runnerColour);
    expect(mass.background, 'the plot background').toBeGreaterThan(5000);
    expect(mass.points, 'pixels of the scatter').toBeGreaterThan(400);
    expect(mass.line, "pixels of the runner's regression line").toBeGreaterThan(40);
    await expect
      .poll(async () => changedPixels(bowl, decodePng(await canvasShot(page!))), WAIT)
      .toBeGreaterThan((bowl.width * bowl.height) / 20);

    // Classification: two bands of points, Adelie at 0 and Chinstrap at 1, none in between.
    await select.selectOption('penguins-species');
    await expect
      .poll(() => status.getAttribute('data-formula'), WAIT)
      .toBe('mean(BCE(σ(w·x + b), y))');
    await expect.poll(() => status.getAttribute('data-stage'), WAIT).toBe('idle');
    expect(await formula.innerText()).toContain('Penguins: species from bill length');
    await expect
      .poll(() => readDataPanel(page!, runnerColour), WAIT)
      .toSatisfy(
        ({ points, thirds }) =>
          points > 400 &&
          thirds[0] > points / 4 &&
          thirds[2] > points / 4 &&
          thirds[1] < points / 20,
        'the points in two bands, at the top and the bottom of the plot',
      );
    expect((await readDataPanel(page, runnerColour)).line, "the runner's sigmoid").toBeGreaterThan(
      40,
    );
    expectCleanConsole(race.problems);
  });

  it('a runner with batch 1 wanders; the same optimizer on the full data goes straight', async () => {
    const race = await openRace(browser, '?data=penguins-mass&paused=1', HUD_VIEWPORT);
    page = race.page;
    // Two plain SGD runners with the landscape's learning rate; the first takes one row a step.
    for (const i of [0, 1]) await cards(page).nth(i).getByTestId('runner-kind').selectOption('sgd');
    await expect
      .poll(async () => (await dataRows(page!)).map((r) => r.kind), WAIT)
      .toEqual(['sgd', 'sgd', 'adam']);
    const one = cards(page).nth(0);
    await enter(one.getByTestId('runner-batch'), '1');
    await expect
      .poll(async () => (await dataRows(page!)).map((r) => r.batch), WAIT)
      .toEqual([1, MASS_ROWS, MASS_ROWS]);
    expect(await one.getByTestId('runner-batch-slider').inputValue()).toBe('0');
    expect(await cards(page).nth(1).getByTestId('runner-batch-slider').inputValue()).toBe('100');
    const start = await dataRows(page);
    expect(start.map((r) => r.step)).toEqual([0, 0, 0]);
    expect(start[0]!.lr).toBe(start[1]!.lr);

    const N = 10;
    const paths: [number, number][][] = [
      [[start[0]!.x, start[0]!.y]],
      [[start[1]!.x, start[1]!.y]],
    ];
    for (let k = 1; k <= N; k++) {
      const rows = await stepOnce(page);
      for (const i of [0, 1]) paths[i]!.push([rows[i]!.x, rows[i]!.y]);
    }
    const [batchOne, full] = paths as [[number, number][], [number, number][]];
    const turns = { batchOne: meanTurn(batchOne), full: meanTurn(full) };
    const wanders = { batchOne: wander(batchOne), full: wander(full) };
    // Standardized regression: the full-data bowl is round, so gradient descent runs straight.
    expect(turns.full, 'mean turn of the full-batch path (rad)').toBeLessThan(0.02);
    expect(wanders.full, 'length / displacement of the full-batch path').toBeLessThan(1.01);
    expect(turns.batchOne, 'mean turn of the batch-1 path (rad)').toBeGreaterThan(0.3);
    expect(wanders.batchOne, 'length / displacement of the batch-1 path').toBeGreaterThan(1.2);

    // Epochs: one row a step is still in its first epoch; the full batch saw every row N times.
    const rows = await dataRows(page);
    expect(rows.slice(0, 2).map((r) => r.epoch)).toEqual([1, N]);
    const counter = page.getByTestId('epoch-counter');
    await expect.poll(() => counter.getAttribute('data-examples'), WAIT).toBe(String(N));
    expect(await counter.getAttribute('data-epoch')).toBe('1');
    await cards(page)
      .nth(1)
      .click({ position: { x: 4, y: 4 } });
    await expect
      .poll(() => counter.getAttribute('data-examples'), WAIT)
      .toBe(String(N * MASS_ROWS));
    expect(await counter.getAttribute('data-epoch')).toBe(String(N));

    // The slider's right end is the full data again, as the race goes on: no restart, the other
    // runners stay where they are, and the first one's next steps go straight.
    const before = await dataRows(page);
    await one.getByTestId('runner-batch-slider').fill('100');
    await expect
      .poll(async () => (await dataRows(page!)).map((r) => [r.batch, r.step]), WAIT)
      .toEqual([
        [MASS_ROWS, N],
        [MASS_ROWS, N],
        [MASS_ROWS, N],
      ]);
    expect(await one.getByTestId('runner-batch').inputValue()).toBe(String(MASS_ROWS));
    const after = await dataRows(page);
    expect(after.map((r) => [r.x, r.y])).toEqual(before.map((r) => [r.x, r.y]));
    const straight: [number, number][] = [[after[0]!.x, after[0]!.y]];
    for (let k = 0; k < 3; k++) {
      const rows = await stepOnce(page);
      straight.push([rows[0]!.x, rows[0]!.y]);
    }
    expect(meanTurn(straight), 'mean turn once it takes the full data (rad)').toBeLessThan(0.02);
    expectCleanConsole(race.problems);
  });

  it('the batch surface changes with every step; the full-data surface does not', async () => {
    const race = await openRace(browser, '?data=penguins-species&batch=8&paused=1', HUD_VIEWPORT);
    page = race.page;
    const toggle = page.getByTestId('batch-surface');
    const boxes = page.getByTestId('runner-visible');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(false);
    await expect
      .poll(() => page!.locator('[data-testid="runner-row"].hidden-runner').count(), WAIT)
      .toBe(3);
    expect((await dataRows(page)).map((r) => r.batch)).toEqual([8, 8, 8]);
    await expect
      .poll(() => page!.getByTestId('surface-status').getAttribute('data-stage'), WAIT)
      .toBe('idle');

    // Off: the full data's loss, the same after every batch (the runners are hidden).
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const fullA = await shotAfterStep(page);
    const fullB = await shotAfterStep(page);
    expect(changedPixels(fullA, fullB), 'pixels changed by a step, full-data surface').toBe(0);

    // On: the loss of the selected runner's batch of 8, a different bag at every step.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), WAIT).toBe('true');
    const batchA = await shotAfterStep(page);
    const batchB = await shotAfterStep(page);
    // Measured here: about 13 % of the stage changes either way.
    const area = batchA.width * batchA.height;
    expect(changedPixels(fullB, batchA), 'pixels changed by the switch').toBeGreaterThan(area / 50);
    expect(
      changedPixels(batchA, batchB),
      'pixels changed by a step, batch surface',
    ).toBeGreaterThan(area / 50);
    expectCleanConsole(race.problems);
  });

  it('a schedule lowers the live learning rate as it says', async () => {
    const race = await openRace(browser, '?data=penguins-mass&paused=1', HUD_VIEWPORT);
    page = race.page;
    const [stepCard, expCard] = [cards(page).nth(0), cards(page).nth(1)];
    const base = (await dataRows(page)).map((r) => r.lr);

    // StepLR halving every step on the first runner, ExponentialLR with γ = 0.99 on the second.
    await stepCard.getByTestId('runner-schedule').selectOption('step');
    await enter(stepCard.getByTestId('runner-hyper-step_size'), '1');
    expect(await stepCard.getByTestId('runner-hyper-gamma').inputValue()).toBe('0.5');
    await expCard.getByTestId('runner-schedule').selectOption('exponential');
    expect(await expCard.getByTestId('runner-hyper-gamma').inputValue()).toBe('0.99');
    const halving = (t: number) => base[0]! * 0.5 ** t;
    const decaying = (t: number) => base[1]! * 0.99 ** t;
    // As the app's live values read: 4 significant digits.
    const shown = (lr: number) => `now ${Number(lr.toPrecision(4))}`;
    await expect
      .poll(() => stepCard.getByTestId('runner-lr-now').textContent(), WAIT)
      .toBe(shown(base[0]!));

    for (let t = 1; t <= 4; t++) {
      const rows = await stepOnce(page);
      expect(rows[0]!.lr, `StepLR rate after ${t} steps`).toBeCloseTo(halving(t), 12);
      expect(rows[1]!.lr / decaying(t), `ExponentialLR rate after ${t} steps`).toBeCloseTo(1, 12);
      expect(rows[2]!.lr, 'the constant rate').toBe(base[2]);
      await expect
        .poll(() => stepCard.getByTestId('runner-lr-now').textContent(), WAIT)
        .toBe(shown(halving(t)));
      await expect
        .poll(() => expCard.getByTestId('runner-lr-now').textContent(), WAIT)
        .toBe(shown(decaying(t)));
    }

    // Played and paused wherever: the rate still follows the step shown.
    await setPlaying(page, true);
    await expect.poll(() => counterStep(page!), WAIT).toBeGreaterThanOrEqual(20);
    await setPlaying(page, false);
    const rows = await dataRows(page);
    const t = rows[1]!.step;
    expect(rows[0]!.step).toBe(t);
    expect(rows[0]!.lr / halving(t), `StepLR rate at step ${t}`).toBeCloseTo(1, 9);
    expect(rows[1]!.lr / decaying(t), `ExponentialLR rate at step ${t}`).toBeCloseTo(1, 9);
    await expect
      .poll(() => expCard.getByTestId('runner-lr-now').textContent(), WAIT)
      .toBe(shown(decaying(t)));
    expectCleanConsole(race.problems);
  });

  it('in Russian, the data panel and the batch controls speak Russian', async () => {
    const race = await openRace(browser, '?data=penguins-mass&lang=ru&paused=1', HUD_VIEWPORT);
    page = race.page;
    const panel = page.getByRole('region', { name: 'Данные', exact: true });
    await expect.poll(() => panel.locator('h2').textContent(), WAIT).toBe('Данные');
    expect(await page.getByTestId('data-panel').getAttribute('aria-label')).toMatch(
      /^Данные и текущая модель бегуна «.+»; батч этого шага выделен цветом$/,
    );
    expect(await page.getByTestId('batch-surface').textContent()).toBe('Поверхность батча');
    const card = cards(page).nth(0);
    expect(await card.getByTestId('runner-batch-slider').getAttribute('aria-label')).toBe(
      'Размер батча (логарифмическая шкала)',
    );
    expect(await card.locator('.batch-row .lr-name').textContent()).toBe('Батч');
    expect(await card.locator('.batch-of').textContent()).toBe(`из ${MASS_ROWS}`);
    expect(await page.locator('.stage p.formula').innerText()).toContain(
      'Пингвины: масса по длине ласта',
    );
    await stepOnce(page);
    await expect
      .poll(() => page!.getByTestId('epoch-counter').textContent(), WAIT)
      .toMatch(new RegExp(`: эпоха 1 · ${MASS_ROWS} примера$`));
    expectCleanConsole(race.problems);
  });
});
