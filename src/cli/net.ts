/**
 * `trace --net <id>` and `trace --scene <id>` for a scene on a network: trains the network instead
 * of racing on a landscape, and prints its runners' losses, accuracies, paths on the plane of
 * training and final weights as JSON.
 */
import {
  createNetTraining,
  advanceNetTraining,
  defaultNetRunners,
  fitTrainingPlane,
  getScene,
  initialWeights,
  isNetId,
  loadPenguinClasses,
  NET_IDS,
  NET_LAYERS,
  NET_SIZE,
  parseNumber,
  projectOntoPlane,
  type NetId,
  type Scene,
  type NetTraining,
  type RunnerSpec,
} from '../core';
import { parseRunner } from './args';

/** A checked request to train a network headless. */
export interface NetTraceRequest {
  net: NetId;
  steps: number;
  runners: RunnerSpec[];
  /** Seeds the initial weights and every runner's minibatch sampler. */
  seed: number;
  /** Batch size of runners that set none (absent: the full data). */
  batch?: number;
  emitBatches: boolean;
}

/** A refused argument: which one and why, in one line. */
interface Refusal {
  ok: false;
  argument: string;
  reason: string;
}

/** At most this many training steps (every step is kept: 67 weights each, per runner). */
export const MAX_NET_STEPS = 100_000;
const OPTIONS = ['--steps', '--runner', '--seed', '--batch', '--emit-batches'];
const ALLOWED = ['--net', '--scene', ...OPTIONS];
const fail = (argument: string, reason: string): Refusal => ({ ok: false, argument, reason });

/**
 * The scene `argv` asks for with `--scene <id>` (or `--scene=<id>`) when that scene trains a
 * network, else undefined: such a command line goes to {@link parseNetArguments}.
 */
export function netSceneIn(argv: readonly string[]): Scene | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const id = arg === '--scene' ? argv[i + 1] : arg.startsWith('--scene=') ? arg.slice(8) : null;
    if (id === null) continue;
    const scene = id === undefined ? undefined : getScene(id);
    return scene && isNetId(scene.landscape) ? scene : undefined;
  }
  return undefined;
}

/**
 * Reads `--net <id>`, or `--scene <id>` of a scene on a network, with `--steps` (default 500, or
 * the scene's), `--runner` (repeatable, with `batch=` and `schedule=` keys; default the scene's
 * runners, else the lecture's three at the network's rates), `--seed` (default the scene's
 * `shake.seed`, else 1), `--batch` (default the scene's, else the full data) and
 * `--emit-batches`. Any other argument is refused. Never throws.
 */
export function parseNetArguments(argv: readonly string[]): NetTraceRequest | Refusal {
  const values = new Map<string, string[]>();
  const asked = netSceneIn(argv);
  const what = asked ? `the scene ${asked.id}, which trains a network` : '--net';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!ALLOWED.includes(name))
      return fail(arg, `does not apply to ${what} (it takes ${OPTIONS.join(', ')})`);
    if (name === '--emit-batches') {
      if (eq > 0) return fail(name, 'takes no value');
      values.set(name, ['']);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return fail(name, 'needs a value');
    if (name !== '--runner' && values.has(name)) return fail(name, 'is given twice');
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const one = (name: string) => values.get(name)?.[0];
  if (values.has('--net') && values.has('--scene'))
    return fail('--scene', 'give either --scene or --net, not both');
  let scene: Scene | undefined;
  if (values.has('--scene')) {
    const id = one('--scene')!;
    scene = getScene(id);
    if (!scene || !isNetId(scene.landscape))
      return fail('--scene', `"${id}" is not a scene on a network`);
  }
  const net = scene?.landscape ?? one('--net');
  if (!isNetId(net))
    return fail(
      '--net',
      net === undefined
        ? 'needs a value'
        : `unknown network "${net}": the networks are ${NET_IDS.join(', ')}`,
    );
  const rows = loadPenguinClasses().n;

  const whole = (name: string, text: string | undefined, lo: number, hi: number) => {
    if (text === undefined) return undefined;
    const n = parseNumber(text);
    if (n === null || !Number.isInteger(n) || n < lo || n > hi)
      return fail(name, `must be a whole number from ${lo} to ${hi}, got "${text}"`);
    return n;
  };
  const steps = whole('--steps', one('--steps'), 0, MAX_NET_STEPS) ?? scene?.steps ?? 500;
  if (typeof steps !== 'number') return steps;
  const seed = whole('--seed', one('--seed'), -(2 ** 32), 2 ** 32) ?? scene?.shake.seed ?? 1;
  if (typeof seed !== 'number') return seed;
  const batch = whole('--batch', one('--batch'), 1, rows) ?? scene?.batch;
  if (batch !== undefined && typeof batch !== 'number') return batch;

  const texts = values.get('--runner') ?? [];
  const runners: RunnerSpec[] = [];
  for (const [i, text] of texts.entries()) {
    const r = parseRunner(text, i, rows);
    if ('ok' in r) return r;
    runners.push(r);
  }
  return {
    net,
    steps,
    runners:
      runners.length > 0 ? runners : (scene?.runners.map((r) => ({ ...r })) ?? defaultNetRunners()),
    seed,
    ...(batch !== undefined ? { batch } : {}),
    emitBatches: values.has('--emit-batches'),
  };
}

/** Trains as asked, in chunks (the same code path a worker takes). */
export function runNetTrace(request: NetTraceRequest): NetTraining {
  const data = loadPenguinClasses();
  const training = createNetTraining(
    data,
    initialWeights(request.seed),
    request.runners,
    request.steps,
    {
      seed: request.seed,
      ...(request.batch !== undefined ? { batch: request.batch } : {}),
      batches: request.emitBatches,
    },
  );
  while (training.done < training.steps) advanceNetTraining(training, 1000);
  return training;
}

/**
 * The JSON `trace --net` prints: the network (layers, activation, initial weights, the plane of
 * training with its two directions and the shares of the motion they explain), the data, and per
 * runner its full-data loss and training accuracy at every step (steps + 1 values), its path
 * projected on the plane, its final weights and the rate of each step.
 */
export function netTraceJson(training: NetTraining) {
  const plane = fitTrainingPlane(training);
  const { data, steps } = training;
  const rows: number[][] = [];
  for (let i = 0; i < data.n; i++) rows.push(Array.from(data.x.subarray(4 * i, 4 * i + 4)));
  return {
    net: {
      layers: [...NET_LAYERS],
      activation: 'tanh',
      init: Array.from(training.init),
      plane: { d1: Array.from(plane.d1), d2: Array.from(plane.d2), explained: plane.explained },
    },
    data: { n: data.n, x: rows, y: Array.from(data.y) },
    steps,
    seed: training.seed,
    runners: training.runners.map((r) => {
      const { kind, ...hyper } = r.spec.optimizer;
      const flat = projectOntoPlane(plane, r.params);
      const points: [number, number][] = [];
      for (let k = 0; k < flat.length; k += 2) points.push([flat[k]!, flat[k + 1]!]);
      return {
        label: r.spec.label,
        kind,
        color: r.spec.color,
        hyper,
        schedule: r.spec.schedule ?? { kind: 'constant' },
        batch: r.batch,
        loss: Array.from(r.loss),
        accuracy: Array.from(r.accuracy),
        points,
        final: Array.from(r.params.subarray(steps * NET_SIZE, (steps + 1) * NET_SIZE)),
        lr: Array.from(r.lr),
        ...(r.batches ? { batches: r.batches } : {}),
        divergedAt: r.divergedAt,
      };
    }),
  };
}
