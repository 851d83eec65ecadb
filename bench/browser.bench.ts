/**
 * `npm run bench:browser`: speed figures for the app in headless Chromium (not pass/fail).
 * Serves the built `dist/` with vite's `preview()` on a free port and opens `/?landscape=rosenbrock`
 * at 1280 × 720 (WebGL on SwiftShader, see tests/e2e/chromium.ts). It measures
 * 1. frameJsMs: main-thread JavaScript per animation frame while three runners play (the app's
 *    FrameProbe: first to last useFrame callback = store tick + the scene's per-frame updates; no
 *    GPU or raster), median and p95 over ≥ 200 playing frames after a warm-up, at speed 1 and 20;
 * 2. canvasCommitsPerSec: React commits of react-three-fiber's reconciler (the canvas subtree)
 *    per second while playing, counted with a stand-in React DevTools hook, next to React DOM's
 *    commits (the HUD), and which components rendered in those commits;
 * 3. firstFrameMs: navigation start to the first draw of the surface mesh, median of 3 fresh
 *    page loads;
 * 4. firstLoadGzipKB: the JavaScript index.html loads before the first frame (its entry script,
 *    the modules it preloads and whatever those import statically; not the lazily loaded chunks),
 *    gzipped, in kB of 1000 bytes as vite prints them.
 * The last line printed is one JSON object. Exits 1 with a message when a figure cannot be taken.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/chromium';
import { DEVTOOLS_HOOK_SPY, RACE_BENCH_PROBE } from './browser-page-probes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, 'dist');
const VIEWPORT = { width: 1280, height: 720 } as const;
const PATH = '/?landscape=rosenbrock';
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
const OVERALL_TIMEOUT_MS = 15 * 60_000;
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

/** Copies dist/ to a temporary directory, retrying while a concurrent build leaves it incomplete. */
async function snapshotDist(): Promise<string> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new BenchError(`No built app in ${DIST}: run "npm run bench:browser" (it builds first).`);
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
async function openApp(browser: Browser, baseUrl: string, withHook: boolean): Promise<Opened> {
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
  const response = await page.goto(new URL(PATH, baseUrl).href);
  if (!response?.ok()) {
    throw new BenchError(`GET ${PATH} answered ${response?.status()} (a concurrent rebuild?)`);
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
  return {
    frames: js.length,
    median: median(js),
    p95: quantile(js, 0.95),
    mean: mean(js),
    max: Math.max(...js),
    fps,
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

async function selectSpeed(page: Page, speed: number): Promise<void> {
  await page.selectOption('[data-testid=speed]', String(speed));
  const value = await page.inputValue('[data-testid=speed]');
  if (Number(value) !== speed) throw new BenchError(`speed select shows ${value}, not ${speed}`);
}

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

async function run(browser: Browser, baseUrl: string): Promise<Record<string, unknown>> {
  // 3. firstFrameMs: fresh contexts, without the DevTools hook (its fiber walks would add to load).
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

  // 2. Commits, on a page with the stand-in DevTools hook.
  console.log('\ncommits (stand-in React DevTools hook)');
  const hooked = await openApp(browser, baseUrl, true);
  let commits: CommitFigures;
  let commits20: CommitFigures;
  let loadCommits: { canvas: number; dom: number };
  try {
    const { page } = hooked;
    await waitForFirstFrame(page);
    await warmUp(page, WARMUP_FRAMES, WARMUP_SECONDS);
    const loaded = await spySnapshot(page);
    const ids = rendererIds(loaded);
    loadCommits = { canvas: loaded.commits[ids.canvas]!, dom: loaded.commits[ids.dom]! };
    console.log(
      `  during load and warm-up: ${loadCommits.canvas} @react-three/fiber commits (renderer ${ids.canvas}), ${loadCommits.dom} react-dom commits (renderer ${ids.dom})`,
    );
    if (loadCommits.canvas <= 0 || loadCommits.dom <= 0) {
      throw new BenchError(
        'the stand-in DevTools hook saw no commits of one renderer during load: the commit counts would be meaningless',
      );
    }
    if (!(await isPlaying(page))) throw new BenchError('the race is not playing after load');

    commits = await countCommits(page, COMMIT_WINDOW_MS);
    console.log(
      `  speed 1, ${commits.seconds.toFixed(1)} s playing: ${commits.canvas} canvas commits (${commits.canvasPerSec.toFixed(2)}/s), ${commits.dom} react-dom commits (${commits.domPerSec.toFixed(2)}/s)`,
    );
    printRendered('canvas', commits.canvasRendered, commits.canvasEmpty);
    printRendered('react-dom', commits.domRendered, commits.domEmpty, 8);

    await selectSpeed(page, 20);
    await warmUp(page, 5, 1);
    commits20 = await countCommits(page, COMMIT_WINDOW_MS);
    console.log(
      `  speed 20, ${commits20.seconds.toFixed(1)} s playing: ${commits20.canvas} canvas commits (${commits20.canvasPerSec.toFixed(2)}/s), ${commits20.dom} react-dom commits (${commits20.domPerSec.toFixed(2)}/s)`,
    );
    printRendered('canvas', commits20.canvasRendered, commits20.canvasEmpty);
    if (!(await isPlaying(page))) {
      console.log('  note: the race stopped (finished) during the speed-20 commit window');
    }
    checkPage(hooked, 'the commit counts');
  } finally {
    await hooked.context.close();
  }

  // 1. frameJs, on a page without the hook.
  console.log(`\nframe JavaScript (app's useFrame probes), ${FRAMES} playing frames each`);
  const plain = await openApp(browser, baseUrl, false);
  let speed1: FrameFigures;
  let speed20: FrameFigures;
  let renderer: string;
  let timerTickMs: number;
  try {
    const { page } = plain;
    await waitForFirstFrame(page);
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
    timerTickMs = timer.tick;
    console.log(
      `  performance.now() resolution ${(timer.tick * 1000).toFixed(1)} µs (cross-origin isolated: ${timer.isolated})`,
    );
    await warmUp(page, WARMUP_FRAMES, WARMUP_SECONDS);
    speed1 = await measureFrames(page);
    const line = (f: FrameFigures) =>
      `median ${ms(f.median)}, p95 ${ms(f.p95)}, mean ${ms(f.mean)}, max ${ms(f.max)} over ${f.frames} frames; ${f.fps.toFixed(2)} frames/s${f.restarts ? `, ${f.restarts} restart(s) after the race finished` : ''}`;
    const table = (f: FrameFigures) => {
      if (f.byStep.length < 2) return;
      for (const b of f.byStep) {
        console.log(
          `    steps ${b.steps.padEnd(11)} ${String(b.frames).padStart(3)} frames: median ${ms(b.median)}, p95 ${ms(b.p95)}, ${b.fps.toFixed(2)} frames/s`,
        );
      }
    };
    console.log(`  speed 1:  ${line(speed1)}`);
    table(speed1);
    // From step 0 again, so that the speed-20 frames always cover the same stretch of the race.
    await page.click('[data-testid=reset]');
    await selectSpeed(page, 20);
    await warmUp(page, WARMUP_FRAMES, WARMUP_SECONDS);
    speed20 = await measureFrames(page);
    console.log(`  speed 20: ${line(speed20)}`);
    table(speed20);
    checkPage(plain, 'the frame measurement');
    renderer = await webglRenderer(page);
    const warnings = [...new Set(plain.warnings)];
    if (warnings.length > 0) console.log(`  page warnings: ${warnings.join(' | ')}`);
  } finally {
    await plain.context.close();
  }

  const firstFrameMs = median(firstFrames);
  console.log('\nsummary');
  console.log(`  WebGL: ${renderer}; viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  console.log(`  frameJsMs           ${ms(speed1.median)} (p95 ${ms(speed1.p95)}) at speed 1`);
  console.log(`                      ${ms(speed20.median)} (p95 ${ms(speed20.p95)}) at speed 20`);
  console.log(
    `  canvasCommitsPerSec ${commits.canvasPerSec.toFixed(2)} at speed 1, ${commits20.canvasPerSec.toFixed(2)} at speed 20 (react-dom: ${commits.domPerSec.toFixed(2)} and ${commits20.domPerSec.toFixed(2)})`,
  );
  console.log(
    `  firstFrameMs        ${ms(firstFrameMs)} (loads: ${firstFrames.map((t) => t.toFixed(1)).join(', ')})`,
  );

  return {
    frameJsMs: round(speed1.median),
    canvasCommitsPerSec: round(commits.canvasPerSec, 2),
    firstFrameMs: round(firstFrameMs, 1),
    frameJsP95Ms: round(speed1.p95),
    frameJsSpeed20Ms: round(speed20.median),
    frameJsSpeed20P95Ms: round(speed20.p95),
    framesPerSec: round(speed1.fps, 2),
    framesPerSecSpeed20: round(speed20.fps, 2),
    timerResolutionMs: round(timerTickMs, 4),
    domCommitsPerSec: round(commits.domPerSec, 2),
    canvasCommitsPerSecSpeed20: round(commits20.canvasPerSec, 2),
    domCommitsPerSecSpeed20: round(commits20.domPerSec, 2),
    loadCommits,
    firstFrameLoadsMs: firstFrames.map((t) => round(t, 1)),
  };
}

async function main(): Promise<number> {
  let snapshot: string;
  try {
    snapshot = await snapshotDist();
  } catch (error) {
    console.error(`\nbench:browser failed: ${(error as Error).message}`);
    return 1;
  }
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
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
    const result = await run(browser, baseUrl);
    console.log(`  firstLoadGzipKB     ${firstLoad.gzipKB.toFixed(2)} kB gzipped JavaScript`);
    console.log(JSON.stringify({ ...result, firstLoadGzipKB: round(firstLoad.gzipKB, 2) }));
    return 0;
  } catch (error) {
    const message = error instanceof BenchError ? error.message : String((error as Error).stack);
    console.error(`\nbench:browser failed: ${message}`);
    console.error('(If dist/ was rebuilt meanwhile, run it again.)');
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
