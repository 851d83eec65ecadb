/**
 * Main-thread script of a page per frame, from a Chromium trace (categories devtools.timeline and
 * v8.execute), as `npm run bench:browser` reports it.
 *
 * The page's main thread is the one running its frame's events. Of its script events
 * (`FireAnimationFrame`, `TimerFire`, `FunctionCall`, `EventDispatch`, `EvaluateScript`,
 * `RunMicrotasks`, and garbage collections), only the outermost count, so nothing is counted
 * twice. An animation frame is a batch of `FireAnimationFrame` events run back to back (one per
 * requestAnimationFrame callback: react-three-fiber's loop, the loss chart's, the top view's);
 * what runs inside a batch is per-frame work, everything else (timers such as the HUD's 10 Hz
 * refresh, React's scheduled commits, worker messages) is per-second work. Software rendering
 * draws 1–6 frames a second here, so a per-second cost would weigh 10–60 × more per frame than at
 * 60 fps: the figure is projected to 60 fps as per-frame work + per-second work ÷ 60.
 *
 * Two parts of the app's animation frames are not per-frame work at 60 fps, though, and at 1–6 fps
 * that projection counts them 10–60 × over:
 * - the race's steps: the store's tick (the first thing react-three-fiber's loop runs) takes
 *   speed ÷ fps steps a frame, 60 steps a second at 1×, i.e. one a frame at 60 fps but 10–60 here;
 * - the loss chart's and the top view's loops redraw at most 10 times a second: at 60 fps five of
 *   six calls return at once, here every call redraws.
 * So a second projection, `projectedByRate`, counts each part at its own rate: the loop that
 * renders (react-three-fiber's) less its tick in every frame, and the tick (as steps per second),
 * the other animation-frame loops (at 10 redraws a second: their cost per second as run, scaled up
 * to 10 calls when fewer ran) and the per-second work, ÷ 60. The bench's probe marks the render
 * loop in the trace with `console.timeStamp`: 'raceBench:ticked' when the first per-frame callback
 * after the tick starts, 'raceBench:frame' when the last one ends; the tick's CPU time is from the
 * loop's start to the first mark. A page without marks (the bare one) has only its render loop.
 *
 * Each figure comes twice: in CPU time of the main thread (trace `tdur`), which a loaded machine
 * barely changes, and in wall time (`dur`), which includes the time the thread was preempted.
 */
import type { Browser, Page } from 'playwright-core';

export const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
  pid: number;
  tid: number;
  args?: {
    data?: {
      frame?: string;
      functionName?: string;
      url?: string;
      lineNumber?: number;
      columnNumber?: number;
      type?: string;
      message?: string;
    };
  };
}

const SCRIPT = new Set([
  'FireAnimationFrame',
  'TimerFire',
  'FunctionCall',
  'EventDispatch',
  'EvaluateScript',
  'v8.evaluateModule',
  'RunMicrotasks',
  'MinorGC',
  'MajorGC',
]);
/** The `console.timeStamp` messages bench/browser-page-probes.ts leaves in the render loop. */
export const RENDER_LOOP_MARK = 'raceBench:frame';
export const TICKED_MARK = 'raceBench:ticked';
/** The loss chart and the top view redraw at most this many times a second. */
const OTHER_LOOPS_PER_SECOND = 10;
/** Callbacks of one animation frame run back to back; frames are ≥ 16 ms apart. */
const SAME_FRAME_GAP_US = 4_000;

/** Milliseconds in CPU time of the main thread and in wall time. */
export interface Ms {
  cpu: number;
  wall: number;
}

export interface ScriptFigures {
  /** Animation frames in the window (the window runs from the first frame to the last). */
  frames: number;
  seconds: number;
  fps: number;
  /** Script inside animation frames, per frame. */
  perFrame: Ms;
  /** Script inside each animation frame of the window, CPU ms (all its loops). */
  frameCpu: number[];
  /** Script outside animation frames, per second. */
  perSecond: Ms;
  /** perFrame + perSecond ÷ 60: the script of one frame at 60 frames per second. */
  projected: Ms;
  /** Of perFrame: the loop that renders (react-three-fiber's), per frame, with its tick. */
  renderLoop: Ms;
  /** Of renderLoop: the store's tick (the race's steps), per frame. */
  tick: Ms;
  /** Of perFrame: the other animation-frame loops (loss chart, top view), per second as run. */
  otherLoopsPerSecond: Ms;
  /** renderLoop − tick + (perSecond + tick per second + otherLoops at 10 a second) ÷ 60. */
  projectedByRate: Ms;
  /** Whether the render loop's mark was found (else every animation-frame callback counts as it). */
  marked: boolean;
  /** Where the time went: per source function, ms per frame (frame work) or per second. */
  sources: { kind: 'frame' | 'second'; what: string; calls: number; ms: Ms }[];
}

const ms = (e: TraceEvent): Ms => ({
  cpu: (e.tdur ?? e.dur ?? 0) / 1000,
  wall: (e.dur ?? 0) / 1000,
});

/** The main thread of the frame `frameId`: the one running most of that frame's script events. */
function mainThread(events: TraceEvent[], frameId: string): string {
  const votes = new Map<string, number>();
  for (const e of events) {
    if (e.args?.data?.frame === frameId && SCRIPT.has(e.name)) {
      const key = `${e.pid}:${e.tid}`;
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new Error(`the trace has no script events of frame ${frameId}`);
  return best[0];
}

/** A readable name for what an outermost event ran: its (first) function and where it is. */
function describe(e: TraceEvent, inner: TraceEvent | undefined): string {
  const d = (inner ?? e).args?.data;
  const fn = d?.url
    ? `${d.functionName || '(anonymous)'} ${d.url.replace(/^.*\//, '').replace(/\?.*$/, '')}:${d.lineNumber}:${d.columnNumber}`
    : (d?.functionName ?? '');
  const kind = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type ?? ''}` : e.name;
  return fn ? `${kind} → ${fn}` : kind;
}

/** The figures of one trace (the JSON Chromium writes) for the page's frame `frameId`. */
export function scriptFigures(trace: unknown, frameId: string): ScriptFigures {
  const raw = (
    Array.isArray(trace) ? trace : (trace as { traceEvents: TraceEvent[] }).traceEvents
  ) as TraceEvent[];
  const all = raw.filter((e) => e.ph === 'X');
  const thread = mainThread(all, frameId);
  // The render loop's marks (TimeStamp is an instant event, with its thread time in tts).
  const marksOf = (message: string) =>
    raw
      .filter(
        (e) =>
          e.name === 'TimeStamp' &&
          e.args?.data?.message === message &&
          `${e.pid}:${e.tid}` === thread,
      )
      .sort((a, b) => a.ts - b.ts);
  const marks = marksOf(RENDER_LOOP_MARK).map((e) => e.ts);
  const ticked = marksOf(TICKED_MARK);
  const events = all
    .filter((e) => `${e.pid}:${e.tid}` === thread && SCRIPT.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // Outermost events, each with the first FunctionCall inside it (what it ran).
  const outer: { e: TraceEvent; inner?: TraceEvent; marked?: boolean; tick?: Ms }[] = [];
  let end = -Infinity;
  for (const e of events) {
    if (e.ts < end) {
      const last = outer[outer.length - 1]!;
      if (!last.inner && e.name === 'FunctionCall') last.inner = e;
      continue;
    }
    outer.push({ e });
    end = e.ts + (e.dur ?? 0);
  }

  // Animation frames: batches of FireAnimationFrame events.
  const batches: { start: number; end: number }[] = [];
  for (const { e } of outer) {
    if (e.name !== 'FireAnimationFrame') continue;
    const last = batches[batches.length - 1];
    if (last && e.ts - last.end < SAME_FRAME_GAP_US) last.end = e.ts + (e.dur ?? 0);
    else batches.push({ start: e.ts, end: e.ts + (e.dur ?? 0) });
  }
  if (batches.length < 3) throw new Error(`only ${batches.length} animation frames traced`);
  const from = batches[0]!.start;
  const to = batches[batches.length - 1]!.start;
  const frames = batches.length - 1;
  const seconds = (to - from) / 1e6;

  // The outermost events the render loop's marks fall in, and their ticks.
  let m = 0;
  let k = 0;
  for (const o of outer) {
    const end = o.e.ts + (o.e.dur ?? 0);
    while (m < marks.length && marks[m]! < o.e.ts) m++;
    if (m < marks.length && marks[m]! <= end) o.marked = true;
    while (k < ticked.length && ticked[k]!.ts < o.e.ts) k++;
    const t = ticked[k];
    if (o.marked && t && t.ts <= end) {
      o.tick = {
        cpu: Math.max(0, (t.tts ?? 0) - (o.e.tts ?? 0)) / 1000,
        wall: (t.ts - o.e.ts) / 1000,
      };
    }
  }
  const marked = marks.length > 0;

  const perFrame: Ms = { cpu: 0, wall: 0 };
  const perSecond: Ms = { cpu: 0, wall: 0 };
  const renderLoop: Ms = { cpu: 0, wall: 0 };
  const otherLoops: Ms = { cpu: 0, wall: 0 };
  const tick: Ms = { cpu: 0, wall: 0 };
  const sources = new Map<string, ScriptFigures['sources'][number]>();
  const frameCpu = new Array<number>(frames).fill(0);
  let b = 0;
  for (const { e, inner, marked: isRenderLoop, tick: ticks } of outer) {
    if (e.ts < from || e.ts >= to) continue;
    while (b < batches.length - 1 && batches[b]!.end < e.ts) b++;
    const inFrame = e.ts >= batches[b]!.start && e.ts <= batches[b]!.end;
    const t = ms(e);
    const sum = inFrame ? perFrame : perSecond;
    sum.cpu += t.cpu;
    sum.wall += t.wall;
    if (inFrame) {
      frameCpu[b] = frameCpu[b]! + t.cpu;
      const loop = !marked || isRenderLoop ? renderLoop : otherLoops;
      loop.cpu += t.cpu;
      loop.wall += t.wall;
      if (ticks) {
        tick.cpu += ticks.cpu;
        tick.wall += ticks.wall;
      }
    }
    const kind = inFrame ? 'frame' : 'second';
    const what = describe(e, inner);
    const key = `${kind} ${what}`;
    const s = sources.get(key) ?? { kind, what, calls: 0, ms: { cpu: 0, wall: 0 } };
    s.calls++;
    s.ms.cpu += t.cpu;
    s.ms.wall += t.wall;
    sources.set(key, s);
  }
  const per = (x: Ms, n: number): Ms => ({ cpu: x.cpu / n, wall: x.wall / n });
  const f = per(perFrame, frames);
  const s = per(perSecond, seconds);
  const fps = frames / seconds;
  const r = per(renderLoop, frames);
  const o = per(otherLoops, seconds);
  const t = per(tick, frames);
  const tps = per(tick, seconds);
  // Fewer calls than 10 a second ran: each redrew, and at 60 fps 10 of them would.
  const at10 = Math.max(1, OTHER_LOOPS_PER_SECOND / fps);
  const byRate = (x: keyof Ms) => r[x] - t[x] + (s[x] + tps[x] + o[x] * at10) / 60;
  return {
    frames,
    seconds,
    fps,
    perFrame: f,
    frameCpu,
    perSecond: s,
    projected: { cpu: f.cpu + s.cpu / 60, wall: f.wall + s.wall / 60 },
    renderLoop: r,
    tick: t,
    otherLoopsPerSecond: o,
    projectedByRate: { cpu: byRate('cpu'), wall: byRate('wall') },
    marked,
    sources: [...sources.values()]
      .map((x) => ({ ...x, ms: per(x.ms, x.kind === 'frame' ? frames : seconds) }))
      .sort(
        (p, q) =>
          q.ms.cpu / (q.kind === 'frame' ? 1 : 60) - p.ms.cpu / (p.kind === 'frame' ? 1 : 60),
      ),
  };
}

/** The id Chromium's trace gives the page's main frame. */
export async function frameIdOf(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    return frameTree.frame.id;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Traces `page` until `done()` says so (polled every 500 ms) or `maxSeconds` pass, and returns
 * the figures. `done` gets the seconds traced so far.
 */
export async function traceScript(
  browser: Browser,
  page: Page,
  done: (seconds: number) => Promise<boolean>,
  maxSeconds: number,
): Promise<ScriptFigures> {
  const frameId = await frameIdOf(page);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const began = Date.now();
  let buffer: Buffer;
  try {
    for (;;) {
      const seconds = (Date.now() - began) / 1000;
      if (seconds >= maxSeconds || (await done(seconds))) break;
      await page.waitForTimeout(500);
    }
  } finally {
    buffer = await browser.stopTracing();
  }
  return scriptFigures(JSON.parse(buffer.toString('utf8')), frameId);
}

const f3 = (x: number) => x.toFixed(3);

/** One line: projected per-frame script, its parts, and the frame rate. */
export function describeFigures(f: ScriptFigures): string {
  return (
    `${f3(f.projected.cpu)} ms/frame at 60 fps (CPU; wall ${f3(f.projected.wall)}): ` +
    `${f3(f.perFrame.cpu)} ms per frame + ${f3(f.perSecond.cpu)} ms per second ÷ 60; ` +
    `${f.frames} frames in ${f.seconds.toFixed(1)} s (${f.fps.toFixed(2)} fps)`
  );
}

/** One line: the projection with each part at its own rate. */
export function describeByRate(f: ScriptFigures): string {
  return (
    `${f3(f.projectedByRate.cpu)} ms/frame at 60 fps (CPU; wall ${f3(f.projectedByRate.wall)}) by rate: ` +
    (f.marked
      ? `render loop ${f3(f.renderLoop.cpu - f.tick.cpu)} ms per frame, its tick ` +
        `${f3(f.tick.cpu)} ms per frame (${f3(f.tick.cpu * f.fps)} ms per second), other ` +
        `animation-frame loops ${f3(f.otherLoopsPerSecond.cpu)} ms per second as run`
      : 'the render loop in every frame (no marks)')
  );
}

/** The largest sources, one per line, CPU ms per frame or per second. */
export function describeSources(f: ScriptFigures, limit = 6, indent = '    '): string[] {
  return f.sources
    .slice(0, limit)
    .map(
      (s) =>
        `${indent}${f3(s.ms.cpu).padStart(8)} ms per ${s.kind === 'frame' ? 'frame ' : 'second'} ${String(s.calls).padStart(4)}× ${s.what}`,
    );
}
