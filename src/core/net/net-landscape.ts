import type { Domain, Landscape } from '../landscapes/types';
import type { ReplayTrack, RunnerSpec } from '../race/types';
import { loadPenguinClasses, type NetData } from './data';
import { NET_SUGGESTED_LR, type NetId } from './defaults';
import { createNetPass, NET_SIZE, netPass } from './mlp';
import {
  fitTrainingPlane,
  planeDomain,
  planePoint,
  projectOntoPlane,
  type NetPlane,
} from './plane';
import { createPlaneSampler } from './plane-surface';
import { sharpnessProfile } from './sharpness';
import { advanceNetTraining, createNetTraining, type NetTraining } from './train';
import { initialWeights } from './mlp';

/** Steps every runner trains in the app (and the length of the race played back). */
export const NET_STEPS = 500;

/** The name the landscape list shows. */
export const NET_NAME = 'Penguin classifier (67 weights)';

/**
 * One runner's computed training as the race plays it back: its path projected on the plane
 * (`points`, the {@link ReplayTrack}), the full-data loss at every iterate (`loss`, what the ball's
 * height shows), the loss of the surface under each projected point (`surfaceLoss`: where it
 * differs from `loss` the picture draws the gap), the training accuracy, and every iterate's 67
 * weights (for the confusion matrix and decision regions at any step).
 */
export interface NetTrack extends ReplayTrack {
  accuracy: Float64Array;
  surfaceLoss: Float64Array;
  /** θ₀ … θ_steps, 67 numbers each. */
  params: Float64Array;
  /** Rows per step (n: full batch). */
  batch: number;
  /** The loss along a random direction around its final weights ({@link sharpnessProfile}). */
  sharpness: Float64Array;
}

/**
 * A trained network as the app shows it: the data, the plane of training, the part of the motion
 * it holds, and each runner's track — everything the race plays back and the surface is drawn
 * from. `trainedFor` names what the tracks were computed for (see {@link netTrainingKey}).
 */
export interface NetInfo {
  id: NetId;
  data: NetData;
  plane: NetPlane;
  /**
   * The shares of the runners' motion (Σₖ‖θₖ − θ₀‖² over every iterate, θ₀ the weights they
   * started from) that d₁ and d₂ hold: for a fitted plane its own explained shares; for a kept
   * plane (the start dragged) recomputed for the new trajectories.
   */
  explained: [number, number];
  /** True when the plane was fitted to these trajectories, false when kept from an earlier fit. */
  fitted: boolean;
  /** Where training started, in plane coordinates (the origin when the plane was fitted). */
  start: [number, number];
  domain: Domain;
  steps: number;
  tracks: NetTrack[];
  trainedFor: string;
}

/** What a network race is trained from: posted to a worker as plain data. */
export interface NetRequest {
  id: NetId;
  runners: RunnerSpec[];
  steps: number;
  /** Seeds the initial weights (when `init` is absent) and every minibatch sampler. */
  seed: number;
  /** Batch size of runners that set none (null: the full data). */
  batch: number | null;
  /** The initial weights (67 numbers) when neither the seed's nor a kept plane's start are meant. */
  init?: Float64Array;
  /**
   * The plane to keep (the start was dragged on it) and the start on it; absent: the initial
   * weights of the seed, and a plane fitted to the new trajectories.
   */
  keep?: { plane: NetPlane; start: [number, number]; domain: Domain };
}

/**
 * The key of what a network race was trained for: the runners' optimizers, schedules and batch
 * sizes, the default batch, the seed and the start. Anything else (labels, colours, visibility)
 * changes only how the race looks.
 */
export function netTrainingKey(
  runners: readonly RunnerSpec[],
  batch: number | null,
  seed: number,
  start: readonly [number, number],
): string {
  return JSON.stringify([
    runners.map((r) => [r.optimizer, r.schedule ?? null, r.batch ?? null]),
    batch,
    seed,
    [start[0], start[1]],
  ]);
}

/** The shares of the motion of iterates (rows of 67 in `params`) from θ₀ = their first that d₁, d₂ hold. */
function motionShares(plane: NetPlane, tracks: readonly Float64Array[]): [number, number] {
  let total = 0;
  let s1 = 0;
  let s2 = 0;
  const { d1, d2 } = plane;
  for (const p of tracks) {
    for (let at = NET_SIZE; at + NET_SIZE <= p.length; at += NET_SIZE) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < NET_SIZE; i++) {
        const m = p[at + i]! - p[i]!;
        total += m * m;
        a += d1[i]! * m;
        b += d2[i]! * m;
      }
      s1 += a * a;
      s2 += b * b;
    }
  }
  if (!(total > 0) || !Number.isFinite(total)) return [0, 0];
  const e1 = Math.min(1, s1 / total);
  return [e1, Math.min(1 - e1, s2 / total)];
}

/** A box that holds `domain` and every point (interleaved), or `domain` itself when it does. */
function widened(domain: Domain, points: readonly Float64Array[]): Domain {
  let { xMin, xMax, yMin, yMax } = domain;
  let grew = false;
  for (const p of points) {
    for (let k = 0; k + 1 < p.length; k += 2) {
      const a = p[k]!;
      const b = p[k + 1]!;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      if (a >= xMin && a <= xMax && b >= yMin && b <= yMax) continue;
      grew = true;
      xMin = Math.min(xMin, a);
      xMax = Math.max(xMax, a);
      yMin = Math.min(yMin, b);
      yMax = Math.max(yMax, b);
    }
  }
  if (!grew) return domain;
  const pad = 0.1 * Math.max(xMax - xMin, yMax - yMin);
  return { xMin: xMin - pad, xMax: xMax + pad, yMin: yMin - pad, yMax: yMax + pad };
}

/**
 * Trains every runner of `request` for its steps from one θ₀ (the seed's initial weights, or the
 * point `keep.start` of a kept plane), then fits the plane of training (or keeps the given one),
 * projects every iterate onto it and evaluates the surface's loss under each projected point.
 * `progress(done, steps)` is called between chunks of `chunk` steps; `alive()` returning false
 * stops the work (null is returned). Pure: the same request gives the same result.
 */
export function computeNetRace(
  request: NetRequest,
  progress: (done: number, steps: number) => void = () => {},
  alive: () => boolean = () => true,
  chunk = 25,
): NetInfo | null {
  const data = loadPenguinClasses();
  const keep = request.keep;
  const init = keep
    ? planePoint(keep.plane, keep.start[0], keep.start[1], new Float64Array(NET_SIZE))
    : (request.init ?? initialWeights(request.seed));
  const training: NetTraining = createNetTraining(data, init, request.runners, request.steps, {
    seed: request.seed,
    ...(request.batch !== null ? { batch: request.batch } : {}),
  });
  while (training.done < training.steps) {
    if (!alive()) return null;
    advanceNetTraining(training, chunk);
    progress(training.done, training.steps);
  }
  const plane = keep ? keep.plane : fitTrainingPlane(training);
  const params = training.runners.map((r) => r.params);
  const points = params.map((p) => projectOntoPlane(plane, p));
  const explained = keep ? motionShares(plane, params) : plane.explained;
  const start: [number, number] = keep ? [keep.start[0], keep.start[1]] : [0, 0];
  const domain = keep ? widened(keep.domain, points) : planeDomain(points);
  const sampler = planeLossAt(plane, data);
  const tracks: NetTrack[] = training.runners.map((r, i) => {
    const p = points[i]!;
    const surfaceLoss = new Float64Array(r.loss.length);
    for (let k = 0; k < surfaceLoss.length; k++) surfaceLoss[k] = sampler(p[2 * k]!, p[2 * k + 1]!);
    return {
      points: p,
      loss: r.loss,
      lr: r.lr,
      divergedAt: r.divergedAt,
      accuracy: r.accuracy,
      surfaceLoss,
      params: r.params,
      batch: r.batch,
      sharpness: sharpnessProfile(
        r.params.subarray(training.steps * NET_SIZE, (training.steps + 1) * NET_SIZE),
        data,
      ),
    };
  });
  return {
    id: request.id,
    data,
    plane,
    explained: [explained[0], explained[1]],
    fitted: !keep,
    start,
    domain,
    steps: training.steps,
    tracks,
    trainedFor: netTrainingKey(request.runners, request.batch, request.seed, start),
  };
}

/** L(θ₀ + a·d₁ + b·d₂) at single points (a scratch θ reused). */
function planeLossAt(plane: NetPlane, data: NetData): (a: number, b: number) => number {
  const theta = new Float64Array(NET_SIZE);
  const pass = createNetPass();
  return (a, b) => netPass(planePoint(plane, a, b, theta), data, null, data.n, null, pass).loss;
}

/**
 * The network's loss surface as a {@link Landscape}: f(a, b) = L(θ₀ + a·d₁ + b·d₂), the mean
 * cross-entropy over every row at the point (a, b) of the plane, with the exact gradient along it
 * (∂f/∂a, ∂f/∂b) = (∇L·d₁, ∇L·d₂) by backpropagation. It carries `net` (the computed tracks):
 * a race on it plays them back instead of stepping an optimizer in two dimensions.
 */
export function netLandscape(info: NetInfo): Landscape {
  const { plane, data } = info;
  const theta = new Float64Array(NET_SIZE);
  const grad = new Float64Array(NET_SIZE);
  const pass = createNetPass();
  const valueAndGradient = (a: number, b: number, g: Float64Array | number[], o: number) => {
    const loss = netPass(planePoint(plane, a, b, theta), data, null, data.n, grad, pass).loss;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < NET_SIZE; i++) {
      ga += grad[i]! * plane.d1[i]!;
      gb += grad[i]! * plane.d2[i]!;
    }
    g[o] = ga;
    g[o + 1] = gb;
    return loss;
  };
  let sampler: ReturnType<typeof createPlaneSampler> | null = null;
  return {
    id: info.id,
    name: NET_NAME,
    formula: 'L(θ₀ + a·d₁ + b·d₂): mean cross-entropy of a 4-8-3 tanh network on the penguins',
    group: 'net',
    domain: info.domain,
    start: info.start,
    minima: [],
    // The runners spend most of their steps below a tenth of the loss at the start: on a log
    // scale their descent (and any gap to the plane) stays visible all the way down.
    heightScale: 'log',
    suggestedLr: { ...NET_SUGGESTED_LR },
    net: info,
    // Heights start at zero loss (a perfect fit; cross-entropy is never below it), so a ball whose
    // true loss lies below the plane's lowest point still shows how far below, on any plane.
    floor: 0,
    value: (a, b) => netPass(planePoint(plane, a, b, theta), data, null, data.n, null, pass).loss,
    valueAndGradient,
    gradientMany(p, n, g, values) {
      for (let i = 0; i < n; i++) {
        const f = valueAndGradient(p[2 * i]!, p[2 * i + 1]!, g, 2 * i);
        if (values) values[i] = f;
      }
    },
    sampleRows(segments, j0, j1, values, gradients) {
      sampler ??= createPlaneSampler(plane, data);
      sampler(info.domain, segments, j0, j1, values, gradients);
    },
  };
}

/** A track of no steps (and no batch size): a runner added while the network trains again stands at the start. */
export function emptyNetTrack(): NetTrack {
  const none = new Float64Array(0);
  return {
    points: none,
    loss: none,
    lr: none,
    divergedAt: null,
    accuracy: none,
    surfaceLoss: none,
    params: none,
    batch: 0,
    sharpness: none,
  };
}

/** The same plane and domain: the surface drawn for one is the surface of the other. */
export function samePlaneSurface(a: NetInfo, b: NetInfo): boolean {
  const d = a.domain;
  const e = b.domain;
  return (
    a.plane === b.plane &&
    d.xMin === e.xMin &&
    d.xMax === e.xMax &&
    d.yMin === e.yMin &&
    d.yMax === e.yMax
  );
}
