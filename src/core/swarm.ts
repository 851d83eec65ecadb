import type { Landscape } from './landscapes';
import { batchLoss } from './data/models';
import { createSampler, nextBatch, type BatchSampler } from './data/sampler';
import {
  advanceSchedule,
  CONSTANT_SCHEDULE,
  createBuffers,
  createSchedule,
  optimizerStep,
  type OptimizerBuffers,
  type OptimizerSpec,
  type ScheduleState,
} from './optimizers';
import { createRandom, nextNormal, nextUniform, type RandomState } from './random';
import { runnerBatch } from './race/race';
import { defaultSettleRule, nearestMinimum, SHAKEN_WINDOW } from './race/settle';
import type { RunnerSpec, SettleRule, Shake } from './race/types';

/** A ball's status in a swarm, as a small integer (the race's {@link RunnerStatus} names). */
export const BALL_RUNNING = 0;
export const BALL_CONVERGED = 1;
export const BALL_STUCK = 2;
export const BALL_DIVERGED = 3;

/**
 * Where a swarm's gradient noise comes from. `per-ball`: every ball draws its own shake and its own
 * minibatches from independent streams seeded by (seed, ball index), so the cloud spreads as a
 * real ensemble would. `shared`: every ball sees the one stream a single race with the same seed
 * sees (two normals per step, one sampler), so each ball is exactly a single `trace` from its start.
 */
export type SwarmNoise = 'per-ball' | 'shared';

/** How a swarm runs: the shake, where its noise comes from, the race's default batch size. */
export interface SwarmOptions {
  shake?: Shake;
  noise?: SwarmNoise;
  /** On a dataset's landscape: the batch size of a runner that sets none (default: all rows). */
  batch?: number | null;
}

/** Ring of recent points kept per ball: enough for the settle rules' windows (20 + 1, or 50). */
const RING = 64;

/**
 * Many balls with one runner's optimizer, schedule and batch size, stepped together over typed
 * arrays (points interleaved [x₀, y₀, x₁, y₁, …]): the one batched path for swarms and basin maps.
 * Each ball follows exactly the rules of a single runner in a race — the same update, the same
 * divergence rule, the same settle rule and status — so a ball with `shared` noise is, bit for bit,
 * the race from its start.
 */
export interface Swarm {
  landscape: Landscape;
  spec: RunnerSpec;
  /** Number of balls. */
  size: number;
  /** Current points, 2·size numbers. */
  points: Float64Array;
  /** f at each ball's current point. */
  losses: Float64Array;
  /** ∇f at each current point, without noise. */
  gradients: Float64Array;
  /** The gradient each ball's last step used (noise included); 0 for balls that did not step. */
  used: Float64Array;
  /** The points before the current step (where diverged balls freeze). */
  previous: Float64Array;
  buffers: OptimizerBuffers;
  /** {@link BALL_RUNNING}, {@link BALL_CONVERGED}, {@link BALL_STUCK} or {@link BALL_DIVERGED}. */
  status: Uint8Array;
  /** The step at which each ball reached its status (−1 while running). */
  statusStep: Int32Array;
  /** For a settled ball, the index in `landscape.minima` of the minimum it settled at (else −1). */
  settledMinimum: Int32Array;
  /** 1 while the ball still steps: not diverged, and not frozen at a fixed point of its update. */
  active: Uint8Array;
  /** Points each ball has visited (steps taken + 1; a diverged ball's ends at its last finite one). */
  count: Int32Array;
  /** The last {@link RING} points of each ball, indexed by point number mod RING. */
  recent: Float64Array;
  /** Steps taken. */
  step: number;
  shake: Shake;
  noise: SwarmNoise;
  /** The shared stream (`shared` noise). */
  random: RandomState;
  /** One stream per ball (`per-ball` noise with a shake), else empty. */
  randoms: RandomState[];
  /** On a dataset's landscape: the shared sampler, or one per ball (`per-ball`); else empty. */
  samplers: BatchSampler[];
  schedule: ScheduleState;
  stepSpec: OptimizerSpec;
  settle: SettleRule;
  /** True when the gradients are noisy (a shake, or minibatches smaller than the data). */
  noisy: boolean;
  /** The centroid each ball's settle check last measured ∇f at, and |∇f|² there (a cache). */
  checkedAt: Float64Array;
  checkedNorm: Float64Array;
  /**
   * True when a step's result depends only on the state (point and moments), not on the step
   * number or any stream: SGD, momentum (without bias correction), Nesterov or RMSProp at a
   * constant rate with exact gradients of a function. A ball whose whole state a step left bit-for-bit unchanged then sits
   * at a fixed point of the update forever.
   */
  timeInvariant: boolean;
  /** Steps in a row each ball's whole state stayed bit-for-bit the same (time-invariant only). */
  still: Int32Array;
  /** The moments before the current step (time-invariant only). */
  before: OptimizerBuffers | null;
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
}

/**
 * The seed of ball i's own streams: seed and index mixed (murmur-style finaliser), so neighbouring
 * balls and neighbouring seeds draw unrelated streams, and the same seed replays them.
 */
export function ballSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A swarm of balls with one runner's settings, starting at `starts` (interleaved x, y). A start
 * where f or ∇f is not finite leaves its ball diverged at step 0, as in a race.
 */
export function createSwarm(
  landscape: Landscape,
  spec: RunnerSpec,
  starts: Float64Array,
  options: SwarmOptions = {},
): Swarm {
  const size = starts.length >> 1;
  const shake = { ...(options.shake ?? { sigma: 0, seed: 1 }) };
  const noise = options.noise ?? 'per-ball';
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const w = xMax - xMin;
  const h = yMax - yMin;
  const data = landscape.data;
  const batch = runnerBatch(
    spec,
    landscape,
    data ? Math.min(data.n, Math.max(1, Math.round(options.batch ?? data.n))) : null,
  );
  const samplers: BatchSampler[] = [];
  if (data && batch !== null) {
    if (noise === 'shared') samplers.push(createSampler(data.n, batch, shake.seed));
    else
      for (let i = 0; i < size; i++)
        samplers.push(createSampler(data.n, batch, ballSeed(shake.seed, i)));
  }
  const randoms: RandomState[] = [];
  if (noise === 'per-ball' && shake.sigma > 0)
    for (let i = 0; i < size; i++) randoms.push(createRandom(ballSeed(shake.seed, i)));
  const swarm: Swarm = {
    landscape,
    spec,
    size,
    points: starts.slice(),
    losses: new Float64Array(size),
    gradients: new Float64Array(2 * size),
    used: new Float64Array(2 * size),
    previous: starts.slice(),
    buffers: createBuffers(2 * size),
    status: new Uint8Array(size),
    statusStep: new Int32Array(size).fill(-1),
    settledMinimum: new Int32Array(size).fill(-1),
    active: new Uint8Array(size),
    count: new Int32Array(size),
    recent: new Float64Array(2 * RING * size),
    step: 0,
    shake,
    noise,
    random: createRandom(shake.seed),
    randoms,
    samplers,
    schedule: createSchedule(spec.schedule ?? CONSTANT_SCHEDULE, spec.optimizer.lr),
    stepSpec: { ...spec.optimizer },
    settle: defaultSettleRule(landscape),
    noisy: shake.sigma > 0 || (data !== undefined && batch !== null && batch < data.n),
    checkedAt: new Float64Array(2 * size).fill(NaN),
    checkedNorm: new Float64Array(size),
    timeInvariant: false,
    still: new Int32Array(size),
    before: null,
    bounds: { xMin: xMin - w, xMax: xMax + w, yMin: yMin - h, yMax: yMax + h },
  };
  const kind = spec.optimizer.kind;
  const optimizer = spec.optimizer as { bias_correction?: boolean };
  swarm.timeInvariant =
    (kind === 'sgd' || kind === 'momentum' || kind === 'nesterov' || kind === 'rmsprop') &&
    // A bias correction divides by 1 − βᵗ, which changes with the step.
    !optimizer.bias_correction &&
    (spec.schedule ?? CONSTANT_SCHEDULE).kind === 'constant' &&
    shake.sigma === 0 &&
    !data;
  if (swarm.timeInvariant) swarm.before = createBuffers(2 * size);
  for (let i = 0; i < size; i++) {
    const x = starts[2 * i]!;
    const y = starts[2 * i + 1]!;
    const loss = landscape.valueAndGradient(x, y, swarm.gradients, 2 * i);
    const ok =
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      Number.isFinite(loss) &&
      Number.isFinite(swarm.gradients[2 * i]!) &&
      Number.isFinite(swarm.gradients[2 * i + 1]!);
    if (ok) {
      swarm.losses[i] = loss;
      swarm.active[i] = 1;
      remember(swarm, i, x, y);
    } else {
      swarm.status[i] = BALL_DIVERGED;
      swarm.statusStep[i] = 0;
      swarm.gradients[2 * i] = 0;
      swarm.gradients[2 * i + 1] = 0;
    }
  }
  return swarm;
}

function remember(swarm: Swarm, i: number, x: number, y: number): void {
  const slot = 2 * (i * RING + (swarm.count[i]! & (RING - 1)));
  swarm.recent[slot] = x;
  swarm.recent[slot + 1] = y;
  swarm.count[i] = swarm.count[i]! + 1;
}

const batchGradient = new Float64Array(2);
const scratch = [0, 0];

/**
 * Advances every active ball `steps` times, each exactly as a race advances one runner: the
 * gradient g = ∇f(w) (or the mean gradient of the ball's minibatch) + the shake, the scheduled
 * learning rate, the optimizer's in-place kernel run once over all 2·size parameters, then per
 * ball: a point outside the domain widened by its size on every side, or a non-finite f, ∇f or
 * optimizer state, freezes the ball at its previous point as `diverged`; otherwise its status is
 * updated by the race's settle rule (see `settledPoint`). A settled ball keeps stepping, as a
 * settled runner does (RMSProp's steps, for one, grow again near a minimum); only a ball at an
 * exact fixed point of a time-invariant update stops (see {@link Swarm.timeInvariant}).
 */
export function stepSwarm(swarm: Swarm, steps = 1): void {
  for (let k = 0; k < steps; k++) stepOnce(swarm);
}

function stepOnce(swarm: Swarm): void {
  const { landscape, size, points, gradients, used, previous, buffers, active, bounds } = swarm;
  const { m, s, a } = buffers;
  const sigma = swarm.shake.sigma;
  const perBall = swarm.noise === 'per-ball';
  // The shared stream draws two normals per step whether or not any ball steps, as a race does.
  const sharedX = sigma > 0 && !perBall ? sigma * nextNormal(swarm.random) : 0;
  const sharedY = sigma > 0 && !perBall ? sigma * nextNormal(swarm.random) : 0;
  swarm.step += 1;
  const data = landscape.data;
  const shared = !perBall && swarm.samplers.length > 0 ? nextBatch(swarm.samplers[0]!) : null;
  for (let i = 0; i < size; i++) {
    const ix = 2 * i;
    if (!active[i]) {
      used[ix] = 0;
      used[ix + 1] = 0;
      continue;
    }
    let gx: number;
    let gy: number;
    if (data && swarm.samplers.length > 0) {
      const rows = shared ?? nextBatch(swarm.samplers[i]!);
      batchLoss(
        data.model,
        data.x,
        data.y,
        rows,
        rows.length,
        points[ix]!,
        points[ix + 1]!,
        batchGradient,
      );
      gx = batchGradient[0]!;
      gy = batchGradient[1]!;
    } else {
      gx = gradients[ix]!;
      gy = gradients[ix + 1]!;
    }
    if (sigma > 0) {
      if (perBall) {
        const r = swarm.randoms[i]!;
        gx += sigma * nextNormal(r);
        gy += sigma * nextNormal(r);
      } else {
        gx += sharedX;
        gy += sharedY;
      }
    }
    used[ix] = gx;
    used[ix + 1] = gy;
  }
  previous.set(points);
  const before = swarm.before;
  if (before) {
    before.m.set(m);
    before.s.set(s);
    before.a.set(a);
  }
  swarm.stepSpec.lr = swarm.schedule.lr;
  optimizerStep(swarm.stepSpec, points, used, buffers, 2 * size);
  for (let i = 0; i < size; i++) {
    const ix = 2 * i;
    if (!active[i]) {
      points[ix] = previous[ix]!;
      points[ix + 1] = previous[ix + 1]!;
      continue;
    }
    const x = points[ix]!;
    const y = points[ix + 1]!;
    const inside = x >= bounds.xMin && x <= bounds.xMax && y >= bounds.yMin && y <= bounds.yMax;
    let ok = false;
    if (inside) {
      const loss = landscape.valueAndGradient(x, y, gradients, ix);
      ok =
        Number.isFinite(loss) &&
        Number.isFinite(gradients[ix]!) &&
        Number.isFinite(gradients[ix + 1]!) &&
        Number.isFinite(m[ix]!) &&
        Number.isFinite(m[ix + 1]!) &&
        Number.isFinite(s[ix]!) &&
        Number.isFinite(s[ix + 1]!) &&
        Number.isFinite(a[ix]!) &&
        Number.isFinite(a[ix + 1]!);
      if (ok) swarm.losses[i] = loss;
    }
    if (!ok) {
      points[ix] = previous[ix]!;
      points[ix + 1] = previous[ix + 1]!;
      landscape.valueAndGradient(points[ix]!, points[ix + 1]!, gradients, ix);
      for (const b of [m, s, a]) {
        b[ix] = 0;
        b[ix + 1] = 0;
      }
      active[i] = 0;
      swarm.status[i] = BALL_DIVERGED;
      swarm.statusStep[i] = swarm.step;
      swarm.settledMinimum[i] = -1;
      continue;
    }
    remember(swarm, i, x, y);
    updateBall(swarm, i);
    if (before) {
      const same =
        x === previous[ix] &&
        y === previous[ix + 1] &&
        m[ix] === before.m[ix] &&
        m[ix + 1] === before.m[ix + 1] &&
        s[ix] === before.s[ix] &&
        s[ix + 1] === before.s[ix + 1] &&
        a[ix] === before.a[ix] &&
        a[ix + 1] === before.a[ix + 1];
      swarm.still[i] = same ? swarm.still[i]! + 1 : 0;
      // At a fixed point of the update, and its window of recent points all that point: every
      // later step repeats this one, so its status is final and stepping it changes nothing.
      if (swarm.still[i]! > SHAKEN_WINDOW) active[i] = 0;
    }
  }
  advanceSchedule(swarm.schedule);
}

/** The race's status update for one ball (see `updateSettled` in race.ts). */
function updateBall(swarm: Swarm, i: number): void {
  const c = settledBall(swarm, i);
  const status = swarm.status;
  if (c === null) {
    if (status[i] !== BALL_RUNNING) {
      status[i] = BALL_RUNNING;
      swarm.statusStep[i] = -1;
      swarm.settledMinimum[i] = -1;
    }
    return;
  }
  if (status[i] !== BALL_RUNNING) return;
  const minima = swarm.landscape.minima;
  const m = nearestMinimum(swarm.landscape, c[0], c[1], swarm.settle.minimumDistance);
  status[i] = m?.global ? BALL_CONVERGED : BALL_STUCK;
  swarm.statusStep[i] = swarm.step;
  swarm.settledMinimum[i] = m ? minima.indexOf(m) : -1;
}

const settledAt: [number, number] = [0, 0];

/**
 * `settledPoint` of settle.ts for ball i, read from its ring of recent points, with the same
 * arithmetic in the same order (so its answer is the race's to the last bit). Cheap rejections
 * first: a ball whose last step is longer than the window allows cannot have settled.
 */
function settledBall(swarm: Swarm, i: number): [number, number] | null {
  const count = swarm.count[i]!;
  const rule = swarm.settle;
  const ring = swarm.recent;
  const base = 2 * i * RING;
  const MASK = RING - 1;
  const last = base + 2 * ((count - 1) & MASK);
  const before = base + 2 * ((count - 2) & MASK);
  const lx = ring[last]! - ring[before]!;
  const ly = ring[last + 1]! - ring[before + 1]!;
  const lastStep2 = lx * lx + ly * ly;
  if (swarm.noisy) {
    if (count < SHAKEN_WINDOW) return null;
    // Both of the last two points lie within minimumDistance of one minimum: at most 2× apart.
    const far = 2.000001 * rule.minimumDistance;
    if (lastStep2 > far * far) return null;
    const m = nearestMinimum(swarm.landscape, ring[last]!, ring[last + 1]!, rule.minimumDistance);
    if (!m) return null;
    const d2 = rule.minimumDistance * rule.minimumDistance;
    for (let k = count - SHAKEN_WINDOW; k < count; k++) {
      const at = base + 2 * (k & MASK);
      const dx = ring[at]! - m.x;
      const dy = ring[at + 1]! - m.y;
      if (dx * dx + dy * dy > d2) return null;
    }
    settledAt[0] = m.x;
    settledAt[1] = m.y;
    return settledAt;
  }
  const w = rule.window;
  if (count < w + 1) return null;
  // Both of the last two points lie within `radius` of the window's centroid: at most 2× apart.
  const far = 2.000001 * rule.radius;
  if (lastStep2 > far * far) return null;
  const first = count - w;
  let cx = 0;
  let cy = 0;
  for (let k = first; k < count; k++) {
    const at = base + 2 * (k & MASK);
    cx += ring[at]!;
    cy += ring[at + 1]!;
  }
  cx /= w;
  cy /= w;
  const r2 = rule.radius * rule.radius;
  for (let k = first; k < count; k++) {
    const at = base + 2 * (k & MASK);
    const dx = ring[at]! - cx;
    const dy = ring[at + 1]! - cy;
    if (dx * dx + dy * dy > r2) return null;
  }
  // Lengths compared squared, as settle.ts does.
  const still = rule.radius / 2000;
  if (lastStep2 > still * still) {
    const f = base + 2 * (first & MASK);
    const fb = base + 2 * ((first - 1) & MASK);
    const fx = ring[f]! - ring[fb]!;
    const fy = ring[f + 1]! - ring[fb + 1]!;
    if (lastStep2 > 0.25 * (fx * fx + fy * fy)) return null;
  }
  // |∇f|² at the centroid: measured again only when the centroid moved.
  let g2: number;
  if (cx === swarm.checkedAt[2 * i] && cy === swarm.checkedAt[2 * i + 1])
    g2 = swarm.checkedNorm[i]!;
  else {
    swarm.landscape.valueAndGradient(cx, cy, scratch, 0);
    g2 = scratch[0]! * scratch[0]! + scratch[1]! * scratch[1]!;
    swarm.checkedAt[2 * i] = cx;
    swarm.checkedAt[2 * i + 1] = cy;
    swarm.checkedNorm[i] = g2;
  }
  if (g2 > rule.gradientNorm * rule.gradientNorm) return null;
  settledAt[0] = cx;
  settledAt[1] = cy;
  return settledAt;
}

/** How many balls are running, converged, stuck and diverged. */
export interface SwarmCounts {
  running: number;
  converged: number;
  stuck: number;
  diverged: number;
}

/** Counts the swarm's balls by status (they add up to its size). */
export function swarmCounts(swarm: Swarm): SwarmCounts {
  const counts = { running: 0, converged: 0, stuck: 0, diverged: 0 };
  for (let i = 0; i < swarm.size; i++) {
    const st = swarm.status[i];
    if (st === BALL_CONVERGED) counts.converged++;
    else if (st === BALL_STUCK) counts.stuck++;
    else if (st === BALL_DIVERGED) counts.diverged++;
    else counts.running++;
  }
  return counts;
}

/** How a swarm's starts are laid out: a jittered grid, or a uniform random cloud. */
export type SwarmLayout = 'grid' | 'cloud';

/**
 * n starts over the domain, interleaved x, y, drawn from a stream seeded by `seed`. `grid`: the
 * domain cut into s × s cells, s = ⌈√n⌉, start i in cell ⌊i·s²/n⌋ (row by row from (xMin, yMin);
 * when n < s² the cells left out are spread over the whole domain), placed uniformly inside it —
 * even cover without the grid's lines. `cloud`: n points uniform over the domain.
 */
export function swarmStarts(
  domain: Landscape['domain'],
  n: number,
  layout: SwarmLayout,
  seed: number,
): Float64Array {
  const random = createRandom(ballSeed(seed, 0x5eed));
  const out = new Float64Array(2 * n);
  const w = domain.xMax - domain.xMin;
  const h = domain.yMax - domain.yMin;
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  for (let i = 0; i < n; i++) {
    const u = nextUniform(random);
    const v = nextUniform(random);
    if (layout === 'grid') {
      const cell = Math.floor((i * side * side) / n);
      out[2 * i] = domain.xMin + (((cell % side) + u) * w) / side;
      out[2 * i + 1] = domain.yMin + ((Math.floor(cell / side) + v) * h) / side;
    } else {
      out[2 * i] = domain.xMin + u * w;
      out[2 * i + 1] = domain.yMin + v * h;
    }
  }
  return out;
}
