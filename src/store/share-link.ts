import { BASINS_K, SWARM_SIZE } from './swarm-slice';
import LZString from 'lz-string';
import * as v from 'valibot';
import {
  PALETTE_NAMES,
  type PaletteName,
  dataLandscape,
  getPresetLandscape,
  getScene,
  makeScheduleSpec,
  SCHEDULE_KINDS,
  inDomain,
  isNetId,
  isSpecError,
  landscapeRows,
  loadPenguinClasses,
  type NetId,
  landscapeFromFunction,
  makeOptimizerSpec,
  OPTIMIZER_KINDS,
  type Domain,
  type Landscape,
  type RunnerSpec,
  type Shake,
} from '../core';
import { LANGUAGES, type Language, type Notice } from '../i18n';
import type { LinkPart } from '../i18n/notices';
import { ONE_X, SPEEDS } from './playback-slice';
import { MAX_RUNNERS } from './race-slice';
import type { FunctionInput, Layout, RaceState } from './types';
import { MAX_PANES } from './view-slice';

/**
 * The shared link: the whole race as `?s=<version>.<payload>`, where the payload is the JSON of
 * {@link WireState} compressed by lz-string into URL-safe characters (A–Z a–z 0–9 + - $).
 *
 * A link is untrusted input. Decoding reads each part on its own through a valibot schema and
 * the core's own checks (`makeOptimizerSpec`, `landscapeFromFunction`): whatever cannot be read
 * is left out of the setup (so it takes its default) and reported as a notice; nothing throws and
 * nothing in a link is ever run.
 */

/** The link format written by this page. Bump it (and read the old one) when WireState changes. */
export const LINK_VERSION = 1;
/** Longest `s` value read: a full race with 12 runners and a 1000-character function is ~3k. */
export const MAX_LINK_CHARS = 8000;
/** Longest decompressed JSON read (guards against a small link that inflates hugely). */
export const MAX_JSON_CHARS = 20_000;
export { MAX_RUNNERS };
export const MAX_LABEL_CHARS = 40;
export const MAX_FUNCTION_CHARS = 1000;
/** Domains are read within ±this, as wide as anything a lecture would draw. */
export const MAX_DOMAIN_ABS = 1e6;

/** The view settings a link carries besides the race. */
export interface ViewSettings {
  speed: number;
  verticalScale: number;
  wireframe: boolean;
  showTopView: boolean;
  batchSurface: boolean;
  /** Balls per runner of the swarm (absent: no swarm). */
  swarm: number;
  /** Cells per side of the basin maps (absent: none). */
  basins: number;
  /** Presenter mode (`?present=1`; links do not carry it). */
  present: boolean;
  /** The runner colours' palette (`?palette=colorblind`). */
  palette: PaletteName;
}

/** A runner as a link restores it: the core's spec plus whether it is shown. */
export type SharedRunner = RunnerSpec & { visible: boolean };

/** What a link could be read as: only the parts it held in a valid form. */
export interface SharedSetup {
  landscape?: Landscape;
  /** A network to open (its plane is fitted anew: links carry no plane, so no dragged start). */
  net?: NetId;
  functionInput?: FunctionInput;
  start?: [number, number];
  runners?: SharedRunner[];
  shake?: Shake;
  /** On a dataset's landscape: the race's default batch size (null: full batch). */
  batch?: number | null;
  layout?: Layout;
  /** Runner ids (position + 1, as the store numbers new runners) per pane. */
  panes?: number[][];
  scene?: string | null;
  language?: Language;
  view?: Partial<ViewSettings>;
  /** The selected runner's id (position + 1). */
  selectedRunner?: number;
}

/** The part of the store a link carries. */
export type ShareableState = Pick<
  RaceState,
  | 'landscape'
  | 'functionInput'
  | 'start'
  | 'runners'
  | 'shake'
  | 'batch'
  | 'layout'
  | 'panes'
  | 'scene'
  | 'language'
  | 'speed'
  | 'verticalScale'
  | 'wireframe'
  | 'showTopView'
  | 'batchSurface'
  | 'selectedRunner'
  | 'swarmOn'
  | 'swarmSize'
  | 'basinsOn'
  | 'basinsK'
  | 'palette'
>;

// ---- The schemas: what each part of a version-1 payload must look like. ----

const Finite = v.pipe(v.number(), v.finite());
/** An array of at most `max` items, its length checked before any item is looked at. */
const capped = <S extends v.GenericSchema>(max: number, item: S) =>
  v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(item));
const Bounded = v.pipe(Finite, v.minValue(-MAX_DOMAIN_ABS), v.maxValue(MAX_DOMAIN_ABS));
const DomainSchema = v.pipe(
  v.strictTuple([Bounded, Bounded, Bounded, Bounded]),
  v.check(([xMin, xMax, yMin, yMax]) => xMin < xMax && yMin < yMax, 'empty domain'),
);
const FunctionSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_FUNCTION_CHARS)),
  domain: DomainSchema,
});
/** A preset id, "custom" (the function field's), or a function of its own. */
const LandscapeSchema = v.union([
  v.pipe(v.string(), v.maxLength(40)),
  v.object({ function: FunctionSchema.entries.text, domain: DomainSchema }),
]);
const StartSchema = v.strictTuple([Finite, Finite]);
const ShakeSchema = v.object({
  sigma: v.pipe(Finite, v.minValue(0), v.maxValue(1e6)),
  seed: v.pipe(v.number(), v.integer()),
});
/** Hyperparameters by name; valibot skips `__proto__`, `constructor` and `prototype` keys. */
const HyperSchema = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(40)), v.union([v.number(), v.boolean()])),
  v.maxEntries(16),
);
/** A batch size as a link may hold it (checked against the dataset's rows after reading). */
const BatchSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const ScheduleSchema = v.object({
  kind: v.picklist(SCHEDULE_KINDS),
  hp: v.optional(
    v.pipe(v.record(v.pipe(v.string(), v.maxLength(40)), v.number()), v.maxEntries(8)),
    {},
  ),
});
/** Data settings: the data in raw units, and the race's default batch size. */
const DataSchema = v.object({
  raw: v.optional(v.boolean(), false),
  batch: v.optional(BatchSchema),
});
const RunnerSchema = v.object({
  kind: v.picklist(OPTIMIZER_KINDS),
  hp: v.optional(HyperSchema, {}),
  schedule: v.optional(ScheduleSchema),
  batch: v.optional(BatchSchema),
  label: v.pipe(v.string(), v.maxLength(MAX_LABEL_CHARS)),
  // Exactly #rrggbb: the colour reaches CSS and WebGL, so nothing else may get through.
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/)),
  visible: v.optional(v.boolean(), true),
});
const Position = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_RUNNERS - 1));
const PanesSchema = v.pipe(capped(MAX_PANES, capped(MAX_RUNNERS, Position)), v.minLength(1));
const ViewSchema = v.object({
  /** Steps per second of wall time. */
  sps: v.optional(v.pipe(Finite, v.minValue(SPEEDS[0]), v.maxValue(SPEEDS.at(-1)!))),
  /** Links made before speeds were steps per second: steps per frame at 60 Hz. */
  speed: v.optional(v.pipe(Finite, v.minValue(0.25), v.maxValue(20))),
  height: v.optional(v.pipe(Finite, v.minValue(0.2), v.maxValue(3))),
  wireframe: v.optional(v.boolean()),
  topView: v.optional(v.boolean()),
  batchSurface: v.optional(v.boolean()),
  swarm: v.optional(
    v.pipe(Finite, v.integer(), v.minValue(SWARM_SIZE.min), v.maxValue(SWARM_SIZE.max)),
  ),
  basins: v.optional(
    v.pipe(Finite, v.integer(), v.minValue(BASINS_K.min), v.maxValue(BASINS_K.max)),
  ),
  palette: v.optional(v.picklist(PALETTE_NAMES)),
});

/** Version 1 on the wire; every part optional, each read on its own. */
const WireSchema = v.object({
  landscape: v.optional(v.unknown()),
  function: v.optional(v.unknown()),
  start: v.optional(v.unknown()),
  runners: v.optional(v.unknown()),
  shake: v.optional(v.unknown()),
  data: v.optional(v.unknown()),
  layout: v.optional(v.unknown()),
  panes: v.optional(v.unknown()),
  scene: v.optional(v.unknown()),
  language: v.optional(v.unknown()),
  view: v.optional(v.unknown()),
  selected: v.optional(v.unknown()),
});
type WireState = v.InferOutput<typeof WireSchema>;

const LinkSchema = v.pipe(
  v.string(),
  v.regex(/^(0|[1-9]\d{0,5})\.[A-Za-z0-9+\-$ ]+$/),
  v.transform((text) => ({
    version: Number(text.slice(0, text.indexOf('.'))),
    payload: text.slice(text.indexOf('.') + 1),
  })),
);
const PayloadSchema = v.pipe(v.string(), v.maxLength(MAX_JSON_CHARS), v.parseJson());
// valibot's object schema takes arrays too; a payload must be a plain JSON object.
const WireObjectSchema = v.pipe(
  v.unknown(),
  v.check((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
  WireSchema,
);

// ---- Encoding ----

const domainArray = (d: Domain) => [d.xMin, d.xMax, d.yMin, d.yMax];
const sameDomain = (a: Domain, b: Domain) =>
  domainArray(a).every((x, i) => x === domainArray(b)[i]);

/** The state as `<version>.<payload>` (the value of `?s=`). Never throws. */
export function encodeState(state: ShareableState): string {
  const input = state.functionInput;
  const custom = state.landscape.id === 'custom';
  const runners = state.runners.slice(0, MAX_RUNNERS);
  const position = new Map(runners.map((r, i) => [r.id, i]));
  const wire: WireState = {
    landscape: !custom
      ? state.landscape.id
      : input &&
          input.text === state.landscape.formula &&
          sameDomain(input.domain, state.landscape.domain)
        ? 'custom'
        : {
            function: state.landscape.formula.slice(0, MAX_FUNCTION_CHARS),
            domain: domainArray(state.landscape.domain),
          },
    function: input
      ? { text: input.text.slice(0, MAX_FUNCTION_CHARS), domain: domainArray(input.domain) }
      : undefined,
    // A network's start is a point of a plane the link does not carry: it opens at the origin.
    start: state.landscape.net ? undefined : state.start,
    runners: runners.map(
      ({ optimizer: { kind, ...hp }, label, color, visible, schedule, batch }) => ({
        kind,
        hp,
        ...(schedule && schedule.kind !== 'constant'
          ? { schedule: { kind: schedule.kind, hp: scheduleValues(schedule) } }
          : {}),
        ...(batch !== undefined && batch <= (landscapeRows(state.landscape) ?? 0) ? { batch } : {}),
        label: label.slice(0, MAX_LABEL_CHARS),
        color,
        visible,
      }),
    ),
    shake: state.shake,
    data:
      landscapeRows(state.landscape) !== undefined
        ? {
            raw: state.landscape.data ? !state.landscape.data.standardized : false,
            ...(state.batch !== null ? { batch: state.batch } : {}),
          }
        : undefined,
    layout: state.layout,
    panes: state.panes.map((p) => p.flatMap((id) => position.get(id) ?? [])),
    scene: state.scene ?? undefined,
    language: state.language,
    view: {
      sps: state.speed,
      height: state.verticalScale,
      wireframe: state.wireframe,
      topView: state.showTopView,
      ...(state.batchSurface ? { batchSurface: true } : {}),
      ...(state.swarmOn ? { swarm: state.swarmSize } : {}),
      ...(state.basinsOn ? { basins: state.basinsK } : {}),
      ...(state.palette !== 'lecture' ? { palette: state.palette } : {}),
    },
    selected: position.get(state.selectedRunner),
  };
  return `${LINK_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(wire))}`;
}

/** A schedule's settings without its kind. */
function scheduleValues(schedule: NonNullable<RunnerSpec['schedule']>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(schedule).filter((e): e is [string, number] => e[0] !== 'kind'),
  );
}

// ---- Decoding ----

/** The landscape a link falls back to when its own cannot be shown. */
export const DEFAULT_LANDSCAPE_ID = 'rosenbrock';

/** Short text from a link, safe to quote in a notice. */
const quote = (text: string) => text.slice(0, 40);

/** Reads the value of `?s=`. Never throws: unreadable parts are missing from `setup`, with notices. */
export function decodeState(
  text: string,
  fallback: Landscape = getPresetLandscape(DEFAULT_LANDSCAPE_ID)!,
): { setup: SharedSetup; notices: Notice[] } {
  const notices: Notice[] = [];
  const unreadable = () => ({
    setup: {},
    notices: [{ key: 'linkUnreadable', args: { chars: String(text).length } } as Notice],
  });
  if (typeof text !== 'string') return unreadable();
  if (text.length > MAX_LINK_CHARS)
    return {
      setup: {},
      notices: [{ key: 'linkTooLong', args: { chars: text.length, max: MAX_LINK_CHARS } }],
    };
  const link = v.safeParse(LinkSchema, text);
  if (!link.success) return unreadable();
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(link.output.payload);
  } catch {
    json = null;
  }
  const payload = v.safeParse(PayloadSchema, json);
  if (!payload.success) return unreadable();
  if (link.output.version !== LINK_VERSION)
    notices.push({
      key: 'linkVersion',
      args: { version: link.output.version, current: LINK_VERSION },
    });
  const read = readPayload(payload.output, fallback);
  if (read === null) return unreadable();
  return { setup: read.setup, notices: [...notices, ...read.notices] };
}

/**
 * Reads a payload already parsed from JSON (any value at all): null when it is not an object,
 * else what could be read of it with a notice for each part that could not.
 */
export function readPayload(
  value: unknown,
  fallback: Landscape = getPresetLandscape(DEFAULT_LANDSCAPE_ID)!,
): { setup: SharedSetup; notices: Notice[] } | null {
  const wire = v.safeParse(WireObjectSchema, value);
  if (!wire.success) return null;
  const notices: Notice[] = [];
  return { setup: readWire(wire.output, fallback, notices), notices };
}

/** Reads one part with its schema; a part that is present but invalid gets a notice. */
function part<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  name: LinkPart,
  notices: Notice[],
): v.InferOutput<S> | undefined {
  if (value === undefined) return undefined;
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  notices.push({ key: 'linkPart', args: { part: name } });
  return undefined;
}

const toDomain = ([xMin, xMax, yMin, yMax]: readonly number[]): Domain => ({
  xMin: xMin!,
  xMax: xMax!,
  yMin: yMin!,
  yMax: yMax!,
});

/** Turns a structurally valid payload into a setup, part by part. */
function readWire(wire: WireState, fallback: Landscape, notices: Notice[]): SharedSetup {
  const setup: SharedSetup = {};

  const fn = part(FunctionSchema, wire.function, 'function', notices);
  let parsedInput: ReturnType<typeof landscapeFromFunction> | null = null;
  if (fn) {
    const domain = toDomain(fn.domain);
    parsedInput = landscapeFromFunction(fn.text, domain);
    setup.functionInput = {
      text: fn.text,
      domain,
      error: 'ok' in parsedInput ? parsedInput : null,
    };
  }

  const landscape = part(LandscapeSchema, wire.landscape, 'landscape', notices);
  if (landscape === 'custom' || typeof landscape === 'object') {
    const parsed =
      typeof landscape === 'object'
        ? landscapeFromFunction(landscape.function, toDomain(landscape.domain))
        : parsedInput;
    if (parsed === null) notices.push({ key: 'linkPart', args: { part: 'landscape' } });
    else if ('ok' in parsed)
      notices.push({
        key: 'badFunction',
        args: {
          error: { column: parsed.column, problem: parsed.problem },
          fallback: fallback.name,
        },
      });
    else setup.landscape = parsed;
  } else if (typeof landscape === 'string') {
    const preset = getPresetLandscape(landscape);
    if (isNetId(landscape)) setup.net = landscape;
    else if (preset) setup.landscape = preset;
    else
      notices.push({
        key: 'unknownLandscape',
        args: { id: quote(landscape), fallback: fallback.name },
      });
  }
  const data = part(DataSchema, wire.data, 'data', notices);
  if (data?.raw && setup.landscape?.data) {
    setup.landscape = dataLandscape(setup.landscape.data.id, false);
  }
  const shown = setup.landscape ?? fallback;
  const rows = setup.net ? loadPenguinClasses().n : shown.data?.n;
  if (data?.batch !== undefined) {
    if (rows !== undefined && data.batch <= rows) setup.batch = data.batch;
    else notices.push({ key: 'linkPart', args: { part: 'data' } });
  }

  const start = part(StartSchema, wire.start, 'start', notices);
  if (start && !setup.net) {
    if (inDomain(shown.domain, start[0], start[1])) setup.start = [start[0], start[1]];
    else
      notices.push({
        key: 'startOutside',
        args: { x: start[0], y: start[1], landscape: shown.name },
      });
  }

  // Runners are read one by one: a bad one is left out and the rest kept.
  const list = part(v.array(v.unknown()), wire.runners, 'runners', notices);
  const idOf = new Map<number, number>();
  if (list) {
    if (list.length > MAX_RUNNERS)
      notices.push({ key: 'tooManyRunners', args: { count: list.length, max: MAX_RUNNERS } });
    const runners: SharedRunner[] = [];
    list.slice(0, MAX_RUNNERS).forEach((raw, i) => {
      const runner = readRunner(raw, rows ?? null);
      if ('field' in runner)
        notices.push({ key: 'badRunner', args: { position: i + 1, field: quote(runner.field) } });
      else {
        // A batch size that does not fit the data is left out (with a notice); the runner stays.
        if (runner.badBatch)
          notices.push({ key: 'badRunner', args: { position: i + 1, field: 'batch' } });
        delete runner.badBatch;
        idOf.set(i, runners.push(runner));
      }
    });
    // A link whose every runner was bad gets the default runners rather than none.
    if (runners.length > 0 || list.length === 0) setup.runners = runners;
  }

  const shake = part(ShakeSchema, wire.shake, 'shake', notices);
  if (shake) setup.shake = { sigma: shake.sigma, seed: shake.seed };

  const layout = part(v.picklist(['overlay', 'split']), wire.layout, 'layout', notices);
  if (layout) setup.layout = layout;

  const panes = part(PanesSchema, wire.panes, 'panes', notices);
  if (panes && setup.runners) {
    const ids = panes.map((p) => [...new Set(p.flatMap((i) => idOf.get(i) ?? []))]);
    if (ids.some((p) => p.length > 0)) setup.panes = ids;
  }

  const scene = part(v.pipe(v.string(), v.maxLength(40)), wire.scene, 'scene', notices);
  if (scene !== undefined) {
    if (getScene(scene)) setup.scene = scene;
    else notices.push({ key: 'unknownScene', args: { id: quote(scene) } });
  }

  const language = part(v.picklist(LANGUAGES), wire.language, 'language', notices);
  if (language) setup.language = language;

  const view = part(ViewSchema, wire.view, 'view', notices);
  if (view) {
    setup.view = {};
    if (view.sps !== undefined) setup.view.speed = view.sps;
    else if (view.speed !== undefined) setup.view.speed = view.speed * ONE_X;
    if (view.height !== undefined) setup.view.verticalScale = view.height;
    if (view.wireframe !== undefined) setup.view.wireframe = view.wireframe;
    if (view.topView !== undefined) setup.view.showTopView = view.topView;
    if (view.batchSurface !== undefined) setup.view.batchSurface = view.batchSurface;
    if (view.swarm !== undefined) setup.view.swarm = view.swarm;
    if (view.basins !== undefined) setup.view.basins = view.basins;
    if (view.palette !== undefined) setup.view.palette = view.palette;
  }

  const selected = part(Position, wire.selected, 'selected', notices);
  if (selected !== undefined && setup.runners) {
    const id = idOf.get(selected);
    if (id !== undefined) setup.selectedRunner = id;
  }
  return setup;
}

/**
 * One runner through its schema, `makeOptimizerSpec` and `makeScheduleSpec`, or the field that
 * was wrong. A batch size needs a dataset of at least that many rows: one that does not fit is
 * left out (`badBatch`) and the runner kept.
 */
function readRunner(
  raw: unknown,
  rows: number | null,
): (SharedRunner & { badBatch?: boolean }) | { field: string } {
  const result = v.safeParse(RunnerSchema, raw, { abortEarly: true });
  if (!result.success) {
    const key = result.issues[0].path?.[0]?.key;
    return { field: typeof key === 'string' ? key : 'runner' };
  }
  const { kind, hp, label, color, visible, schedule: wired, batch } = result.output;
  const optimizer = makeOptimizerSpec(kind, hp);
  if (isSpecError(optimizer)) return { field: optimizer.key };
  const schedule = wired ? makeScheduleSpec(wired.kind, wired.hp) : undefined;
  if (schedule && 'ok' in schedule) return { field: schedule.key };
  const fits = batch !== undefined && rows !== null && batch <= rows;
  return {
    label,
    color,
    optimizer,
    visible,
    ...(schedule ? { schedule } : {}),
    ...(fits ? { batch } : {}),
    ...(batch !== undefined && !fits ? { badBatch: true } : {}),
  };
}
