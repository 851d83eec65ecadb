/**
 * `npm run bench:browser`: speed figures for the app in headless Chromium (not pass/fail).
 * Serves a copy of the built app (`dist/`, or the directory BENCH_DIST names) with vite's
 * `preview()` on a free port and opens `/?landscape=rosenbrock` at 1280 × 720 (WebGL on
 * SwiftShader, see tests/e2e/chromium.ts). It measures
 * 1. frameJsMs: main-thread JavaScript per animation frame while three runners play (the app's
 *    FrameProbe: first to last useFrame callback = store tick + the scene's per-frame updates; no
 *    GPU or raster), median and p95 over ≥ 200 playing frames after a warm-up, at 1× (60 steps a
 *    second) and 20× (`?speed=1200`, a fresh page);
 * 2. canvasCommitsPerSec: React commits of react-three-fiber's reconciler (the canvas subtree)
 *    per second while playing, counted with a stand-in React DevTools hook, next to React DOM's
 *    commits (the HUD), and which components rendered in those commits, at 1× and 20×;
 * 3. firstFrameMs: navigation start to the first draw of the surface mesh, median of 3 fresh
 *    page loads;
 * 4. firstLoadGzipKB: the JavaScript index.html loads before the first frame (its entry script,
 *    the modules it preloads and whatever those import statically; not the lazily loaded chunks),
 *    gzipped, in kB of 1000 bytes as vite prints them;
 * 5. frameScriptMs: the whole main-thread script of a frame while three runners play at 1×, from
 *    a Chromium trace, projected to 60 fps (per-frame callbacks + per-second work ÷ 60, CPU time;
 *    see bench/frame-script.ts), next to bareFrameScriptMs of a bare three.js page drawing the
 *    same surface mesh, measured in the same run (bench/script-vs-bare.ts), and their ratio
 *    frameScriptRatio; also with the race's steps (60 a second at 1×) and the loss chart's and top
 *    view's loops (10 redraws a second) counted at those rates rather than per frame
 *    (frameScriptByRateMs, frameScriptRatioByRate);
 * 6. the endless race (bench/endless-race.ts): `bag-strong-shake` at the fastest speed past
 *    1,000,000 steps; endlessHeapGrowthMB (JS heap after a forced collection, against the first
 *    10,000 steps) and endlessFrameRatio (per-frame script at the end ÷ at the start).
 * 7. the swarm at fast-forward (`/?landscape=plastic-bag&swarm=10000&speed=100000`: three runners
 *    × 10,000 balls, stepped in the swarm worker): swarmFrameScriptMs, the main thread's script of
 *    a frame from a Chromium trace projected to 60 fps as frameScriptMs is (bench/frame-script.ts),
 *    and the app's frameJs there; swarmStepsPerSec, the swarm steps the page got per second (the
 *    HUD's step counter, which follows the swarm's frames, over a few untraced seconds); and a check
 *    that the swarm is on (three runners' counts, each adding up to 10,000 balls); then the same
 *    page without the swarm, its race at the swarm's pace, so swarmExtraFrameScriptMs is what the
 *    swarm adds to a frame (both measured in the same run).
 * BENCH_ONLY=load,commits,frames,script,endless,swarm runs some parts only (load is 3, commits 2,
 * frames 1); firstLoadGzipKB is always there. The last line printed is one JSON object. Exits 1
 * with a message when a figure cannot be taken.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { ONE_X } from '../src/store/playback-slice';
import { launchBrowser } from '../tests/e2e/chromium';
import { DEVTOOLS_HOOK_SPY, RACE_BENCH_PROBE } from './browser-page-probes';
import { EndlessError, endlessRace } from './endless-race';
import { describeByRate, describeFigures, describeSources, traceScript } from './frame-script';
import { ScriptError, scriptVsBare } from './script-vs-bare';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** BENCH_DIST measures another build of the app (e.g. one made with vite build --outDir). */
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
const VIEWPORT = { width: 1280, height: 720 } as const;
const PATH = '/?landscape=rosenbrock';
/** 1× is 60 steps a second; the speed menu has no 20×, but `?speed=` takes any rate. */
const FAST_SPEED = 20 * ONE_X;
const FAST_PATH = `${PATH}&speed=${FAST_SPEED}`;
/** Playing frames each frameJs figure is taken over. */
const FRAMES = 200;
/** Frames (and at least this many seconds) left out after load or a speed change. */
const WARMUP_FRAMES = 30;
const WARMUP_SECONDS = 3;
/** How long commits are counted while playing. */
const COMMIT_WINDOW_MS = 8_000;
const FIRST_FRAME_LOADS = 3;
/** SwiftShader draws a 1280 × 720 frame in roughly 0.2–0.3 s; leave room for a slow machine. */
const WAIT_MS = 240_000;
/** The endless race alone may take 45 minutes on a busy machine. */
const OVERALL_TIMEOUT_MS = 90 * 60_000;
/** react-three-fiber 9 still creates a THREE.Clock, which recent three deprecates. */
const KNOWN_WARNINGS = /THREE\.Clock: This module has been deprecated/;

class BenchError extends Error {}

// ---------------------------------------------------------------------------------------------
// Statistics

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) {
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  }
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// Serving a snapshot of dist/ (someone may rebuild dist/ while this runs)

/** The asset paths index.html refers to. */
function referencedAssets(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?([^"#?]+)"/g)]
    .map((m) => m[1]!)
    .filter((p) => !/^[a-z]+:/i.test(p));
}

/** Copies the build to a temporary directory, retrying while a concurrent build leaves it incomplete. */
async function snapshotDist(): Promise<string> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new BenchError(
      `No built app in ${DIST}: run "npm run bench:browser" (it builds dist/ first), or build there.`,
    );
  }
  for (let attempt = 1; attempt <= 10; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'optimizer-race-bench-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      const missing = referencedAssets(dir).filter((p) => !existsSync(join(dir, p)));
      if (missing.length === 0) return dir;
      console.log(`dist/ is incomplete (missing ${missing.join(', ')}); retrying…`);
    } catch (error) {
      console.log(`copying dist/ failed (${(error as Error).message}); retrying…`);
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new BenchError('dist/ stayed incomplete (a concurrent build?); rerun the benchmark.');
}

/** Builds the bare three.js page (bench/frame-baseline/) into `frame-baseline/` of the copy. */
async function buildFrameBaseline(dir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve(ROOT, 'bench/frame-baseline'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(dir, 'frame-baseline'), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

// ---------------------------------------------------------------------------------------------
// First load

interface FirstLoad {
  /** Each file (path in dist/) with its gzipped size in kB. */
  files: { path: string; gzipKB: number }[];
  gzipKB: number;
}

/**
 * The JavaScript the page needs before its first frame: the module scripts of index.html, its
 * modulepreload links, and every module those import statically (followed through the chunks, so
 * nothing is missed if a preload link is), each gzipped with node:zlib's default level. Dynamic
 * imports (the lazily loaded panels, the export dialog) are not followed.
 */
function firstLoadJavaScript(dir: string): FirstLoad {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const tags = [
    ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ];
  const queue = tags.map((m) => posix.normalize(m[1]!.replace(/^\//, '')));
  if (queue.length === 0) throw new BenchError('index.html loads no module script');
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(dir, path), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.join(dirname(path), m[1]!));
    }
  }
  const files = [...seen].map((path) => ({
    path,
    gzipKB: gzipSync(readFileSync(join(dir, path))).length / 1000,
  }));
  return { files, gzipKB: files.reduce((sum, f) => sum + f.gzipKB, 0) };
}

// ---------------------------------------------------------------------------------------------
// Pages

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  warnings: string[];
}

/** A fresh context (no cache) and page with the probes installed before the app loads. */
async function openApp(
  browser: Browser,
  baseUrl: string,
  withHook: boolean,
  path = PATH,
): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: RACE_BENCH_PROBE });
  if (withHook) await context.addInitScript({ content: DEVTOOLS_HOOK_SPY });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (m.type() === 'warning' && !KNOWN_WARNINGS.test(m.text())) warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  const response = await page.goto(new URL(path, baseUrl).href);
  if (!response?.ok()) {
    throw new BenchError(`GET ${path} answered ${response?.status()} (a concurrent rebuild?)`);
  }
  return { context, page, errors, warnings };
}

function checkPage(opened: Opened, what: string): void {
  if (opened.errors.length > 0) {
    throw new BenchError(
      `the page reported errors during ${what}:\n  ${opened.errors.join('\n  ')}`,
    );
  }
}

async function waitForFirstFrame(page: Page): Promise<number> {
  await page.waitForFunction('window.__raceBench.firstFrame !== undefined', undefined, {
    polling: 50,
    timeout: WAIT_MS,
  });
  return (await page.evaluate('window.__raceBench.firstFrame')) as number;
}

const frameCount = (page: Page) =>
  page.evaluate('window.__raceBench.frameJs.length') as Promise<number>;

/** Waits for `frames` more animation frames and at least `seconds`. */
async function warmUp(page: Page, frames: number, seconds: number): Promise<void> {
  const from = await frameCount(page);
  const until = Date.now() + seconds * 1000;
  await page.waitForFunction(`window.__raceBench.frameJs.length >= ${from + frames}`, undefined, {
    polling: 200,
    timeout: WAIT_MS,
  });
  const left = until - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

async function isPlaying(page: Page): Promise<boolean> {
  return (await page.getAttribute('[data-testid=play]', 'aria-pressed')) === 'true';
}

interface FrameFigures {
  frames: number;
  median: number;
  p95: number;
  mean: number;
  max: number;
  /** Animation frames per second over the measured stretch (bounded by SwiftShader's raster). */
  fps: number;
  /** Race steps per second over the measured stretch (from the HUD's step counter). */
  stepsPerSec: number;
  /** Restarts because every runner finished during the stretch. */
  restarts: number;
  /** The same frames by race step (from the HUD's step counter), to see costs that grow with it. */
  byStep: { steps: string; frames: number; median: number; p95: number; fps: number }[];
}

const STEP_BUCKET = 1000;

function byStep(js: number[], at: number[], steps: number[]): FrameFigures['byStep'] {
  const buckets = new Map<number, number[]>();
  steps.forEach((step, i) => {
    const b = Number.isFinite(step) ? Math.floor(step / STEP_BUCKET) : -1;
    buckets.set(b, [...(buckets.get(b) ?? []), i]);
  });
  return [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(([b, idx]) => {
      const xs = idx.map((i) => js[i]!);
      const first = idx[0]!;
      const last = idx[idx.length - 1]!;
      return {
        steps: b < 0 ? '?' : `${b * STEP_BUCKET}–${(b + 1) * STEP_BUCKET - 1}`,
        frames: xs.length,
        median: median(xs),
        p95: quantile(xs, 0.95),
        fps: last > first ? ((last - first) * 1000) / (at[last]! - at[first]!) : Number.NaN,
      };
    });
}

/** frameJs over the next `FRAMES` frames during which the race was playing. */
async function measureFrames(page: Page): Promise<FrameFigures> {
  const from = await frameCount(page);
  let restarts = 0;
  const deadline = Date.now() + 2 * WAIT_MS;
  for (;;) {
    const playingFrames = (await page.evaluate(
      `window.__raceBenchMeta.playing.slice(${from}).filter(Boolean).length`,
    )) as number;
    if (playingFrames >= FRAMES) break;
    if (Date.now() > deadline) {
      throw new BenchError(`only ${playingFrames} playing frames after ${(2 * WAIT_MS) / 1000} s`);
    }
    if (!(await isPlaying(page))) {
      // Every runner finished (the store pauses then): play restarts the race.
      restarts++;
      if (restarts > 5) throw new BenchError('the race keeps stopping; cannot measure playing');
      await page.click('[data-testid=play]');
    }
    await page.waitForTimeout(1_000);
  }
  const data = (await page.evaluate(`({
    js: window.__raceBench.frameJs.slice(${from}),
    playing: window.__raceBenchMeta.playing.slice(${from}),
    at: window.__raceBenchMeta.at.slice(${from}),
    step: window.__raceBenchMeta.step.slice(${from}),
  })`)) as { js: number[]; playing: boolean[]; at: number[]; step: number[] };
  const kept = data.js
    .map((_, i) => i)
    .filter((i) => data.playing[i])
    .slice(0, FRAMES);
  const js = kept.map((i) => data.js[i]!);
  const n = data.at.length;
  const fps = n > 1 ? ((n - 1) * 1000) / (data.at[n - 1]! - data.at[0]!) : Number.NaN;
  const first = kept[0]!;
  const last = kept[kept.length - 1]!;
  const stepsPerSec =
    restarts === 0 && last > first
      ? ((data.step[last]! - data.step[first]!) * 1000) / (data.at[last]! - data.at[first]!)
      : Number.NaN;
  return {
    frames: js.length,
    median: median(js),
    p95: quantile(js, 0.95),
    mean: mean(js),
    max: Math.max(...js),
    fps,
    stepsPerSec,
    restarts,
    byStep: byStep(
      js,
      kept.map((i) => data.at[i]!),
      kept.map((i) => data.step[i]!),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Commits

interface RenderedEntry {
  name: string;
  path: string;
  top: number;
  host: string;
  strings: string[];
  mount: boolean;
}
interface SpySnapshot {
  t: number;
  names: Record<string, string>;
  commits: Record<string, number>;
  logLength: number;
  walkError?: string;
}

const spySnapshot = (page: Page) =>
  page.evaluate(`({
    t: performance.now(),
    names: { ...window.__commitSpy.names },
    commits: { ...window.__commitSpy.commits },
    logLength: window.__commitSpy.log.length,
    walkError: window.__commitSpy.walkError,
  })`) as Promise<SpySnapshot>;

/** The renderer ids of react-three-fiber and React DOM, as injected into the hook. */
function rendererIds(s: SpySnapshot): { canvas: string; dom: string } {
  const ids = Object.entries(s.names);
  const canvas = ids.filter(([, name]) => name === '@react-three/fiber').map(([id]) => id);
  const dom = ids.filter(([, name]) => name === 'react-dom').map(([id]) => id);
  if (canvas.length !== 1 || dom.length !== 1) {
    throw new BenchError(
      `expected one react-dom and one @react-three/fiber renderer in the DevTools hook, got ${JSON.stringify(s.names)}`,
    );
  }
  return { canvas: canvas[0]!, dom: dom[0]! };
}

/**
 * The JSX children of <Canvas> in src/scene/RaceCanvas.tsx, in order, to name the scene's
 * top-level components (their function names are minified in the build). Undefined if the source
 * is not as simple as expected.
 */
function canvasChildren(): string[] | undefined {
  let source: string;
  try {
    source = readFileSync(resolve(ROOT, 'src/scene/RaceCanvas.tsx'), 'utf8');
  } catch {
    return undefined;
  }
  const open = source.indexOf('<Canvas');
  if (open < 0) return undefined;
  let i = open + '<Canvas'.length;
  // Skip the <Canvas …> attributes: braces and strings may hold '>'.
  const skipTag = (): boolean => {
    let braces = 0;
    for (; i < source.length; i++) {
      const c = source[i]!;
      if (c === '{') braces++;
      else if (c === '}') braces--;
      else if ((c === '"' || c === "'" || c === '`') && braces >= 0) {
        const end = source.indexOf(c, i + 1);
        if (end < 0) return false;
        i = end;
      } else if (braces === 0 && c === '>') {
        const selfClosing = source[i - 1] === '/';
        i++;
        return !selfClosing;
      }
    }
    return false;
  };
  if (!skipTag()) return undefined;
  const names: string[] = [];
  let depth = 0;
  while (i < source.length) {
    if (source.startsWith('</', i)) {
      if (depth === 0) return source.startsWith('</Canvas>', i) ? names : undefined;
      depth--;
      i = source.indexOf('>', i) + 1;
      if (i === 0) return undefined;
    } else if (source[i] === '<' && /[A-Za-z]/.test(source[i + 1] ?? '')) {
      const name = /^<([A-Za-z][\w.]*)/.exec(source.slice(i))![1]!;
      if (depth === 0) names.push(name);
      i += name.length + 1;
      if (skipTag()) depth++;
    } else if (source[i] === '{') {
      return undefined; // expressions among the children: positions are not fixed
    } else {
      i++;
    }
  }
  return undefined;
}

function describeEntry(e: RenderedEntry, sceneChildren: string[] | undefined): string {
  const minified = e.path ? `${e.path} > ${e.name}` : e.name;
  const where = e.host ? ` → <${e.host}>` : '';
  const strings = e.strings.length > 0 ? ` strings: ${e.strings.join(', ')}` : '';
  if (e.top < 0) return `${minified} (outside the <Canvas> children)${where}${strings}`;
  const top = sceneChildren?.[e.top] ?? `<Canvas> child #${e.top}`;
  const inside = e.path ? ` (inside, as ${minified})` : ` (as ${e.name})`;
  return `${e.path ? `${top} subtree` : top}${inside}${where}${strings}`;
}

interface CommitFigures {
  seconds: number;
  canvas: number;
  dom: number;
  canvasPerSec: number;
  domPerSec: number;
  /** What rendered in the canvas commits of the window: description → times. */
  canvasRendered: Map<string, number>;
  domRendered: Map<string, number>;
  /** Commits in which no component rendered (a state update that bailed out, a root update). */
  canvasEmpty: number;
  domEmpty: number;
}

async function countCommits(page: Page, ms: number): Promise<CommitFigures> {
  const before = await spySnapshot(page);
  await page.waitForTimeout(ms);
  const after = await spySnapshot(page);
  if (after.walkError) console.log(`  (fiber walk failed: ${after.walkError})`);
  const ids = rendererIds(after);
  const seconds = (after.t - before.t) / 1000;
  const canvas = after.commits[ids.canvas]! - (before.commits[ids.canvas] ?? 0);
  const dom = after.commits[ids.dom]! - (before.commits[ids.dom] ?? 0);
  const log = (await page.evaluate(
    `window.__commitSpy.log.slice(${before.logLength}, ${after.logLength})`,
  )) as { id: number; rendered: RenderedEntry[] }[];
  const sceneChildren = canvasChildren();
  const tally = (id: string) => {
    const out = new Map<string, number>();
    for (const commit of log) {
      if (String(commit.id) !== id) continue;
      for (const e of commit.rendered) {
        const key = describeEntry(e, sceneChildren);
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
    return out;
  };
  return {
    seconds,
    canvas,
    dom,
    canvasPerSec: canvas / seconds,
    domPerSec: dom / seconds,
    canvasRendered: tally(ids.canvas),
    domRendered: tally(ids.dom),
    canvasEmpty: log.filter((c) => String(c.id) === ids.canvas && c.rendered.length === 0).length,
    domEmpty: log.filter((c) => String(c.id) === ids.dom && c.rendered.length === 0).length,
  };
}

function printRendered(
  renderer: string,
  rendered: Map<string, number>,
  empty: number,
  limit = 12,
): void {
  if (rendered.size > 0) {
    console.log(`  components rendered in the ${renderer} commits (times):`);
    const rows = [...rendered].sort((a, b) => b[1] - a[1]);
    for (const [what, times] of rows.slice(0, limit)) console.log(`    ${times}× ${what}`);
    if (rows.length > limit) console.log(`    … and ${rows.length - limit} more`);
  }
  if (empty > 0) console.log(`    ${empty} ${renderer} commit(s) rendered no component`);
}

// ---------------------------------------------------------------------------------------------

/**
 * Checks that the speed select shows `speed` (steps per second) when the menu has it. A rate the
 * menu lacks (20× = 1,200 steps/s, from `?speed=`) is not shown by the select, so the measured
 * steps per second are printed instead.
 */
async function checkSpeed(page: Page, speed: number): Promise<void> {
  const options = await page.$$eval('[data-testid=speed] option', (os) =>
    os.map((o) => Number((o as HTMLOptionElement).value)),
  );
  const shown = Number(await page.inputValue('[data-testid=speed]'));
  if (options.includes(speed) && shown !== speed) {
    throw new BenchError(`the speed select shows ${shown}, not ${speed}`);
  }
}

const stepNow = async (page: Page) =>
  Number(await page.getAttribute('[data-testid=step-counter]', 'data-step'));

async function webglRenderer(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  })()`)) as string;
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

type Figures = Record<string, unknown>;

/** 3. firstFrameMs: fresh contexts, without the DevTools hook (its fiber walks would add to load). */
async function firstFrameFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log(`\nfirst frame: ${FIRST_FRAME_LOADS} fresh page loads of ${PATH}`);
  const firstFrames: number[] = [];
  for (let k = 0; k < FIRST_FRAME_LOADS; k++) {
    const opened = await openApp(browser, baseUrl, false);
    try {
      const t = await waitForFirstFrame(opened.page);
      checkPage(opened, 'load');
      firstFrames.push(t);
      console.log(`  load ${k + 1}: first surface frame at ${ms(t)} after navigation start`);
    } finally {
      await opened.context.close();
    }
  }
  const firstFrameMs = median(firstFrames);
  console.log(
    `  firstFrameMs        ${ms(firstFrameMs)} (loads: ${firstFrames.map((t) => t.toFixed(1)).join(', ')})`,
  );
  return {
    firstFrameMs: round(firstFrameMs, 1),
    firstFrameLoadsMs: firstFrames.map((t) => round(t, 1)),
  };
}

/** Commits counted over COMMIT_WINDOW_MS on a page with the stand-in DevTools hook at `path`. */
async function commitsAt(
  browser: Browser,
  baseUrl: string,
  path: string,
  speed: number,
): Promise<{ commits: CommitFigures; load: { canvas: number; dom: number } }> {
  const hooked = await openApp(browser, baseUrl, true, path);
  try {
    const { page } = hooked;
    await waitForFirstFrame(page);
    await warmUp(page, WARMUP_FRAMES, WARMUP_SECONDS);
    const loaded = await spySnapshot(page);
    const ids = rendererIds(loaded);
    const load = { canvas: loaded.commits[ids.canvas]!, dom: loaded.commits[ids.dom]! };
    console.log(
      `  ${path}: during load and warm-up ${load.canvas} @react-three/fiber commits (renderer ${ids.canvas}), ${load.dom} react-dom commits (renderer ${ids.dom})`,
    );
    if (load.canvas <= 0 || load.dom <= 0) {
      throw new BenchError(
        'the stand-in DevTools hook saw no commits of one renderer during load: the commit counts would be meaningless',
      );
    }
    await checkSpeed(page, speed);
    if (!(await isPlaying(page))) throw new BenchError('the race is not playing after load');
    const stepsBefore = await stepNow(page);
    const commits = await countCommits(page, COMMIT_WINDOW_MS);
    const stepsPerSec = ((await stepNow(page)) - stepsBefore) / commits.seconds;
    console.log(
      `  ${speed} steps/s (${stepsPerSec.toFixed(0)} counted), ${commits.seconds.toFixed(1)} s playing: ${commits.canvas} canvas commits (${commits.canvasPerSec.toFixed(2)}/s), ${commits.dom} react-dom commits (${commits.domPerSec.toFixed(2)}/s)`,
    );
    printRendered('canvas', commits.canvasRendered, commits.canvasEmpty);
    printRendered('react-dom', commits.domRendered, commits.domEmpty, 8);
    if (!(await isPlaying(page))) {
      console.log('  note: the race stopped (finished) during the commit window');
    }
    checkPage(hooked, 'the commit counts');
    return { commits, load };
  } finally {
    await hooked.context.close();
  }
}

/** 2. Commits, at 1× and at 20× (?speed=1200: not in the speed menu, which the store accepts). */
async function commitFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log('\ncommits (stand-in React DevTools hook)');
  const one = await commitsAt(browser, baseUrl, PATH, ONE_X);
  const fast = await commitsAt(browser, baseUrl, FAST_PATH, FAST_SPEED);
  console.log(
    `  canvasCommitsPerSec ${one.commits.canvasPerSec.toFixed(2)} at 1×, ${fast.commits.canvasPerSec.toFixed(2)} at 20× (react-dom: ${one.commits.domPerSec.toFixed(2)} and ${fast.commits.domPerSec.toFixed(2)})`,
  );
  return {
    canvasCommitsPerSec: round(one.commits.canvasPerSec, 2),
    domCommitsPerSec: round(one.commits.domPerSec, 2),
    canvasCommitsPerSecSpeed20: round(fast.commits.canvasPerSec, 2),
    domCommitsPerSecSpeed20: round(fast.commits.domPerSec, 2),
    loadCommits: one.load,
  };
}

const frameLine = (f: FrameFigures) =>
  `median ${ms(f.median)}, p95 ${ms(f.p95)}, mean ${ms(f.mean)}, max ${ms(f.max)} over ${f.frames} frames; ${f.fps.toFixed(2)} frames/s, ${f.stepsPerSec.toFixed(0)} steps/s${f.restarts ? `, ${f.restarts} restart(s) after the race finished` : ''}`;

function frameTable(f: FrameFigures): void {
  if (f.byStep.length < 2) return;
  for (const b of f.byStep) {
    console.log(
      `    steps ${b.steps.padEnd(11)} ${String(b.frames).padStart(3)} frames: median ${ms(b.median)}, p95 ${ms(b.p95)}, ${b.fps.toFixed(2)} frames/s`,
    );
  }
}

/** frameJs at `path` from load (a fresh page, so each speed covers the same stretch of race). */
async function frameJsAt(
  browser: Browser,
  baseUrl: string,
  path: string,
  speed: number,
): Promise<{ figures: FrameFigures; renderer: string; timerTickMs: number }> {
  const plain = await openApp(browser, baseUrl, false, path);
  try {
    const { page } = plain;
    await waitForFirstFrame(page);
    await checkSpeed(page, speed);
    const timer = (await page.evaluate(`(() => {
      let tick = Infinity;
      for (let i = 0, last = performance.now(); i < 200000 && tick === Infinity; i++) {
        const now = performance.now();
        if (now > last) tick = now - last;
      }
      for (let k = 0; k < 20; k++) {
        const start = performance.now();
        let now = start;
        while (now === start) now = performance.now();
        tick = Math.min(tick, now - start);
      }
      return { tick, isolated: self.crossOriginIsolated };
    })()`)) as { tick: number; isolated: boolean };
    await warmUp(page, WARMUP_FRAMES, WARMUP_SECONDS);
    const figures = await measureFrames(page);
    checkPage(plain, 'the frame measurement');
    const warnings = [...new Set(plain.warnings)];
    if (warnings.length > 0) console.log(`  page warnings: ${warnings.join(' | ')}`);
    return {
      figures,
      renderer: await webglRenderer(page),
      timerTickMs: timer.tick,
    };
  } finally {
    await plain.context.close();
  }
}

/** 1. frameJs, on pages without the hook, at 1× and 20×. */
async function frameJsFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log(`\nframe JavaScript (app's useFrame probes), ${FRAMES} playing frames each`);
  const one = await frameJsAt(browser, baseUrl, PATH, ONE_X);
  console.log(
    `  performance.now() resolution ${(one.timerTickMs * 1000).toFixed(1)} µs; WebGL: ${one.renderer}; viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
  );
  console.log(`  1× (${ONE_X} steps/s):    ${frameLine(one.figures)}`);
  frameTable(one.figures);
  const fast = await frameJsAt(browser, baseUrl, FAST_PATH, FAST_SPEED);
  console.log(`  20× (${FAST_SPEED} steps/s): ${frameLine(fast.figures)}`);
  frameTable(fast.figures);
  console.log(
    `  frameJsMs           ${ms(one.figures.median)} (p95 ${ms(one.figures.p95)}) at 1×, ${ms(fast.figures.median)} (p95 ${ms(fast.figures.p95)}) at 20×`,
  );
  return {
    frameJsMs: round(one.figures.median),
    frameJsP95Ms: round(one.figures.p95),
    frameJsSpeed20Ms: round(fast.figures.median),
    frameJsSpeed20P95Ms: round(fast.figures.p95),
    framesPerSec: round(one.figures.fps, 2),
    framesPerSecSpeed20: round(fast.figures.fps, 2),
    timerResolutionMs: round(one.timerTickMs, 4),
  };
}

/** 5. Per-frame main-thread script projected to 60 fps, the app against a bare three.js page. */
async function frameScriptFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log(
    `\nper-frame main-thread script at 60 fps (Chromium trace), ${PATH} at 1× against bare three.js`,
  );
  const r = await scriptVsBare(browser, baseUrl, PATH, VIEWPORT, WAIT_MS);
  console.log(
    `  frameScriptMs       ${ms(r.app.projected.cpu)} app, ${ms(r.bare.projected.cpu)} bare three.js: ratio ${r.ratio.toFixed(2)} (CPU time; wall ${ms(r.app.projected.wall)} and ${ms(r.bare.projected.wall)})`,
  );
  console.log(
    `  by rate (steps 60/s, chart and top view 10/s): ${ms(r.app.projectedByRate.cpu)} app, ${ms(r.bare.projectedByRate.cpu)} bare: ratio ${r.ratioByRate.toFixed(2)}`,
  );
  return {
    frameScriptMs: round(r.app.projected.cpu),
    bareFrameScriptMs: round(r.bare.projected.cpu),
    frameScriptRatio: round(r.ratio, 2),
    frameScriptByRateMs: round(r.app.projectedByRate.cpu),
    bareFrameScriptByRateMs: round(r.bare.projectedByRate.cpu),
    frameScriptRatioByRate: round(r.ratioByRate, 2),
    frameScriptWallMs: round(r.app.projected.wall),
    bareFrameScriptWallMs: round(r.bare.projected.wall),
    frameScriptParts: {
      perFrameMs: round(r.app.perFrame.cpu),
      perSecondMs: round(r.app.perSecond.cpu),
      renderLoopMs: round(r.app.renderLoop.cpu),
      tickMs: round(r.app.tick.cpu),
      otherLoopsPerSecondMs: round(r.app.otherLoopsPerSecond.cpu),
      fps: round(r.app.fps, 2),
      bareFps: round(r.bare.fps, 2),
    },
  };
}

/** 6. The endless race: heap and per-frame script after 1,000,000 steps against the first 10,000. */
async function endlessFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log('\nendless race: bag-strong-shake at the fastest speed');
  const r = await endlessRace(browser, baseUrl, VIEWPORT, WAIT_MS);
  console.log(
    `  endlessHeapGrowthMB ${r.heapGrowthMB.toFixed(2)} MB (${r.start.heap.usedMB.toFixed(2)} → ${r.end.heap.usedMB.toFixed(2)} MB after GC, steps ${r.start.steps[1].toLocaleString('en')} → ${r.end.steps[0].toLocaleString('en')})`,
  );
  console.log(
    `  endlessFrameRatio   ${r.frameRatio.toFixed(2)} (${ms(r.start.script.projected.cpu)} → ${ms(r.end.script.projected.cpu)} per frame at 60 fps, CPU); ${r.frameRatioWithoutSteps.toFixed(2)} without the stepping (its 10 ms budget)`,
  );
  const perFrame = (w: { steps: [number, number]; script: { frames: number } }) =>
    Math.round((w.steps[1] - w.steps[0]) / w.script.frames);
  return {
    endlessSteps: r.steps,
    endlessHeapGrowthMB: round(r.heapGrowthMB, 2),
    endlessFrameRatio: round(r.frameRatio, 2),
    endlessFrameRatioWithoutSteps: round(r.frameRatioWithoutSteps, 2),
    endlessHeapMB: {
      load: round(r.heapAtLoad.usedMB, 2),
      start: round(r.start.heap.usedMB, 2),
      end: round(r.end.heap.usedMB, 2),
    },
    endlessBackingStoreMB: {
      start: r.start.heap.backingMB === undefined ? null : round(r.start.heap.backingMB, 2),
      end: r.end.heap.backingMB === undefined ? null : round(r.end.heap.backingMB, 2),
    },
    endlessFrameScriptMs: {
      start: round(r.start.script.projected.cpu),
      end: round(r.end.script.projected.cpu),
    },
    endlessStepsPerFrame: { start: perFrame(r.start), end: perFrame(r.end) },
    endlessMinutes: round(r.bulkSeconds / 60, 1),
    endlessBulkViewport: `${r.bulkViewport.width}x${r.bulkViewport.height}`,
  };
}

const SWARM_BALLS = 10_000;
const SWARM_SPEED = 100_000;
const SWARM_PATH = `/?landscape=plastic-bag&swarm=${SWARM_BALLS}&speed=${SWARM_SPEED}`;
/** Seconds the swarm's steps per second are counted over, untraced. */
const SWARM_STEP_SECONDS = 4;
/** The traced window: at least this many seconds and animation frames. */
const SWARM_TRACE_SECONDS = 5;
const SWARM_TRACE_FRAMES = 5;
const SWARM_TRACE_MAX_SECONDS = 60;

interface SwarmCount {
  label: string;
  converged: number;
  stuck: number;
  diverged: number;
  running: number;
}

const swarmCounts = (page: Page) =>
  page.$$eval('[data-testid=swarm-count]', (els) =>
    els.map((e) => ({
      label: e.getAttribute('data-label') ?? '?',
      converged: Number(e.getAttribute('data-converged')),
      stuck: Number(e.getAttribute('data-stuck')),
      diverged: Number(e.getAttribute('data-diverged')),
      running: Number(e.getAttribute('data-running')),
    })),
  ) as Promise<SwarmCount[]>;

const countsLine = (counts: SwarmCount[]) =>
  counts
    .map(
      (c) =>
        `${c.label} ${c.converged}/${c.stuck}/${c.diverged}/${c.running} (= ${c.converged + c.stuck + c.diverged + c.running})`,
    )
    .join(', ');

/** The HUD's step counter and the page's clock. */
const stepAt = (page: Page) =>
  page.evaluate(`({
    step: Number(document.querySelector('[data-testid=step-counter]').getAttribute('data-step')),
    t: performance.now(),
    frames: window.__raceBench.frameJs.length,
  })`) as Promise<{ step: number; t: number; frames: number }>;

/** 7. The swarm at fast-forward: main-thread script per frame, swarm steps per second. */
async function swarmFigures(browser: Browser, baseUrl: string): Promise<Figures> {
  console.log(
    `\nswarm at fast-forward: ${SWARM_PATH} (3 runners × ${SWARM_BALLS.toLocaleString('en')} balls)`,
  );
  const opened = await openApp(browser, baseUrl, false, SWARM_PATH);
  try {
    const { page } = opened;
    await waitForFirstFrame(page);
    await page.waitForFunction(
      "document.querySelectorAll('[data-testid=swarm-count]').length > 0",
      undefined,
      { polling: 100, timeout: WAIT_MS },
    );
    await checkSpeed(page, SWARM_SPEED);
    await warmUp(page, 2, 2);
    const before = await swarmCounts(page);
    console.log(`  counts (converged/stuck/diverged/running) at load: ${countsLine(before)}`);
    const wrong = before.filter(
      (c) => c.converged + c.stuck + c.diverged + c.running !== SWARM_BALLS,
    );
    if (before.length !== 3 || wrong.length > 0) {
      throw new BenchError(
        `the swarm is not on as asked: ${before.length} runners' counts (expected 3, each adding up to ${SWARM_BALLS})`,
      );
    }
    if (!(await isPlaying(page))) throw new BenchError('the swarm is not playing after load');

    // Steps per second, untraced (tracing slows the worker too).
    const s0 = await stepAt(page);
    await page.waitForTimeout(SWARM_STEP_SECONDS * 1000);
    const s1 = await stepAt(page);
    const stepsPerSec = ((s1.step - s0.step) * 1000) / (s1.t - s0.t);
    const playingAfterCount = await isPlaying(page);
    console.log(
      `  swarmStepsPerSec    ${stepsPerSec.toFixed(0)} swarm steps/s (step ${s0.step} → ${s1.step} in ${((s1.t - s0.t) / 1000).toFixed(1)} s, untraced, ${s1.frames - s0.frames} frames drawn; the page asks for ${SWARM_SPEED.toLocaleString('en')}/s)${playingAfterCount ? '' : '; the swarm finished meanwhile'}`,
    );

    // Main-thread script per frame, from a trace.
    const t0 = await stepAt(page);
    const script = await traceScript(
      browser,
      page,
      async (seconds) =>
        seconds >= SWARM_TRACE_SECONDS &&
        (await frameCount(page)) - t0.frames >= SWARM_TRACE_FRAMES,
      SWARM_TRACE_MAX_SECONDS,
    );
    const t1 = await stepAt(page);
    const frameJs = (await page.evaluate(
      `window.__raceBench.frameJs.slice(${s0.frames}, ${t1.frames})`,
    )) as number[];
    const after = await swarmCounts(page);
    const playing = await isPlaying(page);
    checkPage(opened, 'the swarm measurement');
    console.log(`  traced: ${describeFigures(script)}`);
    console.log(`          ${describeByRate(script)}`);
    for (const line of describeSources(script, 8, '      ')) console.log(line);
    console.log(
      `  each traced frame's script (CPU): ${script.frameCpu.map((x) => x.toFixed(1)).join(', ')} ms (median ${ms(median(script.frameCpu))}); ` +
        `frameJs (app's useFrame probes, wall) over the ${frameJs.length} frames since the step count began: ` +
        (frameJs.length > 0
          ? `median ${ms(median(frameJs))}, max ${ms(Math.max(...frameJs))}`
          : 'none drawn'),
    );
    if (script.frames < 10) {
      console.log(
        `  note: only ${script.frames} frames traced (${script.fps.toFixed(2)} frames/s): the per-frame figure rests on few frames`,
      );
    }
    console.log(
      `  counts at the end (step ${t1.step}): ${countsLine(after)}${playing ? '' : '; the swarm finished (the race is paused)'}`,
    );
    console.log(
      `  swarmFrameScriptMs: ${ms(script.projected.cpu)} (target ≤ 4) main-thread script per frame at 60 fps (CPU; wall ${ms(script.projected.wall)}): ${ms(script.perFrame.cpu)} per frame + ${ms(script.perSecond.cpu)} per second ÷ 60; ${script.fps.toFixed(2)} frames/s; steps ${t0.step} → ${t1.step} while traced`,
    );
    // The same page without the swarm, its race at the pace the swarm set: what the swarm adds.
    const pace = Math.max(15, Math.round(stepsPerSec));
    const base = await baselineScript(browser, baseUrl, pace);
    const extra = script.projected.cpu - base.projected.cpu;
    console.log(
      `  without the swarm (/?landscape=plastic-bag&speed=${pace}, the race at the swarm's pace): ${describeFigures(base)}`,
    );
    console.log(
      `  swarmExtraFrameScriptMs: ${ms(extra)} (target ≤ 4) what the swarm adds to the main thread's script per frame at 60 fps (same run: ${ms(script.projected.cpu)} with, ${ms(base.projected.cpu)} without)`,
    );
    return {
      swarmFrameScriptMs: round(script.projected.cpu),
      swarmFrameScriptWallMs: round(script.projected.wall),
      swarmFrameScriptParts: {
        perFrameMs: round(script.perFrame.cpu),
        perSecondMs: round(script.perSecond.cpu),
        fps: round(script.fps, 2),
        frames: script.frames,
      },
      swarmFrameScriptMedianMs: round(median(script.frameCpu)),
      swarmFrameJsMs: frameJs.length > 0 ? round(median(frameJs)) : null,
      swarmStepsPerSec: Math.round(stepsPerSec),
      swarmPlaying: playingAfterCount && playing,
      swarmCounts: after,
      swarmBaselineFrameScriptMs: round(base.projected.cpu),
      swarmExtraFrameScriptMs: round(extra),
    };
  } finally {
    await opened.context.close();
  }
}

/** The main thread's script per frame of the plastic bag without a swarm, at `pace` steps/s. */
async function baselineScript(browser: Browser, baseUrl: string, pace: number) {
  const opened = await openApp(browser, baseUrl, false, `/?landscape=plastic-bag&speed=${pace}`);
  try {
    const { page } = opened;
    await waitForFirstFrame(page);
    await warmUp(page, 2, 2);
    const f0 = await frameCount(page);
    const script = await traceScript(
      browser,
      page,
      async (seconds) =>
        seconds >= SWARM_TRACE_SECONDS && (await frameCount(page)) - f0 >= SWARM_TRACE_FRAMES,
      SWARM_TRACE_MAX_SECONDS,
    );
    checkPage(opened, 'the baseline without the swarm');
    return script;
  } finally {
    await opened.context.close();
  }
}

const PARTS = {
  load: firstFrameFigures,
  commits: commitFigures,
  frames: frameJsFigures,
  script: frameScriptFigures,
  endless: endlessFigures,
  swarm: swarmFigures,
} as const;
type Part = keyof typeof PARTS;

/** The parts BENCH_ONLY names (comma-separated), else all. */
function chosenParts(): Part[] {
  const only = process.env.BENCH_ONLY;
  if (!only) return Object.keys(PARTS) as Part[];
  const names = only.split(',').map((p) => p.trim());
  const unknown = names.filter((p) => !(p in PARTS));
  if (unknown.length > 0) {
    throw new BenchError(
      `BENCH_ONLY: unknown part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}`,
    );
  }
  return names as Part[];
}

async function run(browser: Browser, baseUrl: string, parts: Part[]): Promise<Figures> {
  let figures: Figures = {};
  for (const part of parts) figures = { ...figures, ...(await PARTS[part](browser, baseUrl)) };
  return figures;
}

async function main(): Promise<number> {
  let snapshot: string;
  let parts: Part[];
  try {
    parts = chosenParts();
    snapshot = await snapshotDist();
  } catch (error) {
    console.error(`\nbench:browser failed: ${(error as Error).message}`);
    return 1;
  }
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
    if (parts.includes('script')) await buildFrameBaseline(snapshot);
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: snapshot },
      preview: {
        host: '127.0.0.1',
        port: 0,
        strictPort: true,
        open: false,
        // Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs; every
        // resource of the app is same-origin, so nothing else changes.
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
      },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') {
      throw new BenchError(`vite preview is not listening on a TCP port (address: ${address})`);
    }
    const baseUrl = `http://127.0.0.1:${address.port}/`;
    browser = await launchBrowser();
    console.log(`Optimizer Race browser benchmark: ${baseUrl} in Chromium ${browser.version()}`);
    const firstLoad = firstLoadJavaScript(snapshot);
    console.log(`\nfirst load: ${firstLoad.files.length} JavaScript files before the first frame`);
    for (const f of firstLoad.files) console.log(`  ${f.path}: ${f.gzipKB.toFixed(2)} kB gzipped`);
    if (parts.length < Object.keys(PARTS).length) console.log(`\nBENCH_ONLY: ${parts.join(', ')}`);
    const result = await run(browser, baseUrl, parts);
    console.log(`\nfirstLoadGzipKB       ${firstLoad.gzipKB.toFixed(2)} kB gzipped JavaScript`);
    console.log(JSON.stringify({ ...result, firstLoadGzipKB: round(firstLoad.gzipKB, 2) }));
    return 0;
  } catch (error) {
    const known =
      error instanceof BenchError || error instanceof ScriptError || error instanceof EndlessError;
    const message = known ? (error as Error).message : String((error as Error).stack);
    console.error(`\nbench:browser failed: ${message}`);
    console.error(`(If ${DIST} was rebuilt meanwhile, run it again.)`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(snapshot, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error(`\nbench:browser failed: no result after ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

process.exitCode = await main();
