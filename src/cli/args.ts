import {
  getPresetLandscape,
  isSpecError,
  landscapeFromFunction,
  searchMinima,
  withMinima,
  makeOptimizerSpec,
  parseNumber,
  PRESET_LANDSCAPES,
  type Domain,
  type Landscape,
  type RunnerSpec,
  type Shake,
  DEFAULT_RUNNERS,
  defaultRunnersFor,
  getScene,
  SCENES,
  DATASET_IDS,
  isDatasetId,
  dataLandscape,
  makeScheduleSpec,
  SCHEDULE_KINDS,
  SCHEDULE_PARAMETERS,
  type ScheduleSpec,
  BASIN_STEPS,
  NET_IDS,
  isNetId,
} from '../core';

/** A fully checked request for a headless race. */
export interface TraceRequest {
  landscape: Landscape;
  start: [number, number];
  steps: number;
  runners: RunnerSpec[];
  shake: Shake;
  /** On a dataset: the default batch size (the full data when not given). */
  batch?: number;
  /** Print each step's minibatch rows (`--emit-batches`). */
  emitBatches: boolean;
  /** Also compute each runner's basin map with this many cells per side (`--basins`). */
  basins?: number;
}

/** A refused argument: which one and why, in one line. */
export interface ArgumentError {
  ok: false;
  argument: string;
  reason: string;
}

const MAX_BASINS = 512;
/** The scenes that train a network rather than race on a landscape. */
const NET_SCENES = SCENES.filter((s) => isNetId(s.landscape))
  .map((s) => s.id)
  .join(', ');

export const TRACE_USAGE = `usage: npm run --silent trace -- [options]
  --landscape <id>                 a preset: ${PRESET_LANDSCAPES.map((l) => l.id).join(', ')}
  --f "<expression in x and y>"    a typed-in function instead of a preset
  --data <id>                      a model trained on real data: ${DATASET_IDS.join(', ')};
                                   x is its weight w and y its bias b
  --raw                            with --data: the data's own units instead of standardized
  --batch <B>                      with --data: default batch size, 1 … n (default n, full batch)
  --emit-batches                   with --data: print each step's minibatch rows
  --domain <xmin>,<xmax>,<ymin>,<ymax>   the domain of --f (default -3,3,-3,3)
  --start <x>,<y>                  default: the landscape's default start
  --steps <n>                      default 200 (a scene's own length with --scene)
  --runner "<kind> key=value …"    repeatable; kinds sgd momentum nesterov rmsprop adam adamw adagrad;
                                   keys as in the README, plus label=… and color=…, batch=<B>,
                                   schedule=<${SCHEDULE_KINDS.join('|')}> and its keys
                                   (step_size gamma t_max eta_min start_factor total_iters)
  --noise <sigma> --seed <n>       the shake (gradient noise), default 0 and 1
  --basins <k>                     also map each runner's basins of attraction: a k × k grid of
                                   starts (2 … ${MAX_BASINS}), each run for --steps steps (default 500)
  --scene <id>                     a preset scene: ${SCENES.map((s) => s.id).join(', ')}
                                   (${NET_SCENES}: trains the network, as --net does)
  --net <id>                       train a network instead: ${NET_IDS.join(', ')} (with --steps,
                                   default 500, --runner with batch= and schedule=, --seed for
                                   the initial weights and the batches, --batch, --emit-batches)
Prints one JSON object on stdout.`;

const MAX_STEPS = 1_000_000;

const fail = (argument: string, reason: string): ArgumentError => ({ ok: false, argument, reason });

/** Splits a runner description into words, keeping "quoted text" (and key="quoted text") together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const re = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
  for (const m of text.matchAll(re)) words.push(m[0].replace(/["']/g, ''));
  return words;
}

const SCHEDULE_KEYS = new Set(
  Object.values(SCHEDULE_PARAMETERS).flatMap((d) => d.map((h) => h.key)),
);

/**
 * Reads `"<kind> key=value …"` into a runner; label and color default from the kind. `batch=`
 * needs a dataset with n rows (1 ≤ B ≤ n); `schedule=` and its keys set the learning-rate
 * schedule.
 */
export function parseRunner(
  text: string,
  index: number,
  rows: number | null = null,
): RunnerSpec | ArgumentError {
  const [kind, ...pairs] = splitWords(text);
  if (kind === undefined) return fail('--runner', 'empty runner: write e.g. "adam lr=0.01"');
  const values: Record<string, string> = {};
  const scheduleValues: Record<string, string> = {};
  let label: string | undefined;
  let color: string | undefined;
  let scheduleKind: string | undefined;
  let batchText: string | undefined;
  const given = new Set<string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail('--runner', `"${pair}" is not key=value`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (given.has(key)) return fail('--runner', `${key} is given twice`);
    given.add(key);
    if (key === 'label') label = value;
    else if (key === 'color') color = value;
    else if (key === 'schedule') scheduleKind = value;
    else if (key === 'batch') batchText = value;
    else if (SCHEDULE_KEYS.has(key)) scheduleValues[key] = value;
    else values[key] = value;
  }
  const optimizer = makeOptimizerSpec(kind, values);
  if (isSpecError(optimizer)) return fail('--runner', optimizer.message);
  let schedule: ScheduleSpec | undefined;
  if (scheduleKind !== undefined || Object.keys(scheduleValues).length > 0) {
    if (scheduleKind === undefined) {
      const key = Object.keys(scheduleValues)[0]!;
      return fail('--runner', `${key} is a schedule setting: give schedule=<name> too`);
    }
    const made = makeScheduleSpec(scheduleKind, scheduleValues);
    if ('ok' in made) return fail('--runner', made.message);
    schedule = made;
  }
  let batch: number | undefined;
  if (batchText !== undefined) {
    if (rows === null) return fail('--runner', 'batch= applies to a dataset (--data)');
    const b = parseNumber(batchText);
    if (b === null || !Number.isInteger(b) || b < 1 || b > rows)
      return fail('--runner', `batch must be a whole number from 1 to ${rows}, got "${batchText}"`);
    batch = b;
  }
  const fallback = DEFAULT_RUNNERS.find((r) => r.optimizer.kind === optimizer.kind);
  return {
    label: label ?? fallback?.label ?? kind,
    color: color ?? fallback?.color ?? PALETTE[index % PALETTE.length]!,
    optimizer,
    ...(schedule && schedule.kind !== 'constant' ? { schedule } : {}),
    ...(batch !== undefined ? { batch } : {}),
  };
}

const PALETTE = ['#2ecc40', '#ff4136', '#111111', '#0074d9', '#ff851b', '#b10dc9', '#39cccc'];

function parseNumbers(text: string, count: number): number[] | null {
  const parts = text.split(',');
  if (parts.length !== count) return null;
  const values = parts.map(parseNumber);
  return values.every((v): v is number => v !== null) ? values : null;
}

/** Parses and checks the command line of `trace`. Never throws. */
export function parseTraceArguments(
  argv: readonly string[],
): TraceRequest | ArgumentError | 'help' {
  const flags = new Map<string, string[]>();
  const known = [
    '--landscape',
    '--f',
    '--domain',
    '--start',
    '--steps',
    '--runner',
    '--noise',
    '--seed',
    '--scene',
    '--data',
    '--raw',
    '--batch',
    '--emit-batches',
    '--basins',
  ];
  const switches = ['--raw', '--emit-batches'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(name)) return fail(arg, `unknown argument (see --help)`);
    if (switches.includes(name)) {
      if (eq > 0) return fail(name, 'takes no value');
      if (flags.has(name)) return fail(name, 'is given twice');
      flags.set(name, ['']);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined) return fail(name, 'needs a value');
    if (name !== '--runner' && flags.has(name)) return fail(name, 'is given twice');
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  const one = (name: string) => flags.get(name)?.[0];

  let landscape: Landscape | undefined;
  let start: [number, number] | undefined;
  let runners: RunnerSpec[] = [];
  const shake: Shake = { sigma: 0, seed: 1 };
  let sceneSteps: number | undefined;
  let batch: number | undefined;
  let basins: number | undefined;

  const sceneId = one('--scene');
  if (sceneId !== undefined) {
    const scene = getScene(sceneId);
    if (!scene)
      return fail(
        '--scene',
        `unknown scene "${sceneId}": the scenes are ${SCENES.map((s) => s.id).join(', ')}`,
      );
    // trace's main sends these to the network's parser (cli/net.ts) before this one.
    if (isNetId(scene.landscape))
      return fail('--scene', `${sceneId} trains a network: read it with parseNetArguments`);
    const sceneRaw = scene.raw === true;
    landscape =
      sceneRaw && isDatasetId(scene.landscape)
        ? dataLandscape(scene.landscape, false)
        : getPresetLandscape(scene.landscape);
    batch = scene.batch;
    start = scene.start;
    runners = scene.runners.map((r) => ({ ...r }));
    Object.assign(shake, scene.shake);
    sceneSteps = scene.steps;
    basins = scene.basins;
  }

  const presetId = one('--landscape');
  const text = one('--f');
  const domainText = one('--domain');
  const dataId = one('--data');
  const raw = flags.has('--raw');
  if (presetId !== undefined && text !== undefined)
    return fail('--f', 'give either --landscape or --f, not both');
  if (dataId !== undefined && (presetId !== undefined || text !== undefined))
    return fail('--data', 'give one of --data, --landscape and --f');
  if (domainText !== undefined && text === undefined)
    return fail('--domain', 'only applies to a typed-in function (--f)');
  if (dataId !== undefined) {
    if (!isDatasetId(dataId)) {
      return fail(
        '--data',
        `unknown dataset "${dataId}": the datasets are ${DATASET_IDS.join(', ')}`,
      );
    }
    landscape = dataLandscape(dataId, !raw);
  } else if (raw) {
    if (!(landscape?.data && sceneId !== undefined && presetId === undefined && text === undefined))
      return fail('--raw', 'applies to a dataset (--data)');
    landscape = dataLandscape(landscape.data.id, false);
  } else if (presetId !== undefined) {
    landscape = getPresetLandscape(presetId);
    if (!landscape) {
      return fail(
        '--landscape',
        `unknown landscape "${presetId}": the landscapes are ${PRESET_LANDSCAPES.map((l) => l.id).join(', ')}`,
      );
    }
  } else if (text !== undefined) {
    let domain: Domain | undefined;
    if (domainText !== undefined) {
      const d = parseNumbers(domainText, 4);
      if (!d)
        return fail('--domain', `expected four numbers xmin,xmax,ymin,ymax, got "${domainText}"`);
      const [xMin, xMax, yMin, yMax] = d as [number, number, number, number];
      if (!(xMin < xMax && yMin < yMax))
        return fail('--domain', 'needs xmin < xmax and ymin < ymax');
      domain = { xMin, xMax, yMin, yMax };
    }
    const custom = landscapeFromFunction(text, domain);
    if ('ok' in custom) return fail('--f', custom.message);
    // The settle rule and the output need the minima: searched within their budget.
    landscape = withMinima(custom, searchMinima(custom));
  }
  landscape ??= getPresetLandscape('rosenbrock')!;
  // Another landscape than the scene's: the scene's default batch no longer applies.
  if (
    (presetId !== undefined || text !== undefined || dataId !== undefined) &&
    sceneId !== undefined
  )
    batch = undefined;
  const rows = landscape.data?.n ?? null;
  const batchText = one('--batch');
  if (batchText !== undefined) {
    if (rows === null) return fail('--batch', 'applies to a dataset (--data)');
    const b = parseNumber(batchText);
    if (b === null || !Number.isInteger(b) || b < 1 || b > rows)
      return fail('--batch', `must be a whole number from 1 to ${rows}, got "${batchText}"`);
    batch = b;
  }
  if (flags.has('--emit-batches') && rows === null)
    return fail('--emit-batches', 'applies to a dataset (--data)');

  const startText = one('--start');
  if (startText !== undefined) {
    const s = parseNumbers(startText, 2);
    if (!s) return fail('--start', `expected two numbers x,y, got "${startText}"`);
    start = [s[0]!, s[1]!];
  }
  start ??= landscape.start;
  const d = landscape.domain;
  if (start[0] < d.xMin || start[0] > d.xMax || start[1] < d.yMin || start[1] > d.yMax) {
    return fail(
      '--start',
      `(${start[0]}, ${start[1]}) is outside the domain x∈[${d.xMin}, ${d.xMax}], y∈[${d.yMin}, ${d.yMax}]`,
    );
  }
  const probe = [0, 0];
  const f0 = landscape.valueAndGradient(start[0], start[1], probe, 0);
  if (![f0, ...probe].every(Number.isFinite))
    return fail('--start', `f or its gradient is not defined at (${start[0]}, ${start[1]})`);

  const basinsText = one('--basins');
  if (basinsText !== undefined) {
    const k = parseNumber(basinsText);
    if (k === null || !Number.isInteger(k) || k < 2 || k > MAX_BASINS)
      return fail(
        '--basins',
        `must be a whole number from 2 to ${MAX_BASINS}, got "${basinsText}"`,
      );
    basins = k;
  }

  let steps = sceneSteps ?? (basins !== undefined ? BASIN_STEPS : 200);
  const stepsText = one('--steps');
  if (stepsText !== undefined) {
    const n = parseNumber(stepsText);
    if (n === null || !Number.isInteger(n) || n < 0)
      return fail('--steps', `must be a whole number ≥ 0, got "${stepsText}"`);
    if (n > MAX_STEPS)
      return fail('--steps', `at most ${MAX_STEPS.toLocaleString('en')}, got ${n}`);
    steps = n;
  }

  const noiseText = one('--noise');
  if (noiseText !== undefined) {
    const sigma = parseNumber(noiseText);
    if (sigma === null || sigma < 0)
      return fail('--noise', `must be a number ≥ 0, got "${noiseText}"`);
    shake.sigma = sigma;
  }
  const seedText = one('--seed');
  if (seedText !== undefined) {
    const seed = parseNumber(seedText);
    if (seed === null || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 32) {
      return fail('--seed', `must be a whole number, got "${seedText}"`);
    }
    shake.seed = seed;
  }

  const runnerTexts = flags.get('--runner') ?? [];
  if (runnerTexts.length > 0) {
    runners = [];
    for (const [i, t] of runnerTexts.entries()) {
      const r = parseRunner(t, i, rows);
      if ('ok' in r) return r;
      runners.push(r);
    }
  }
  if (runners.length === 0) runners = defaultRunnersFor(landscape);
  // A scene's runner may ask for more rows than the data chosen instead has: say so, not clamp.
  const tooBig = rows === null ? undefined : runners.find((r) => (r.batch ?? 0) > rows);
  if (tooBig)
    return fail(
      '--data',
      `runner "${tooBig.label}" has batch ${tooBig.batch}, more than the ${rows} rows of ${landscape.id}`,
    );
  return {
    landscape,
    start,
    steps,
    runners,
    shake,
    ...(rows !== null ? { batch: batch ?? rows } : {}),
    emitBatches: flags.has('--emit-batches'),
    ...(basins !== undefined ? { basins } : {}),
  };
}
