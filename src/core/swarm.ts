import type { Landscape } from './landscapes';
import {
  createBuffers,
  optimizerStep,
  type OptimizerBuffers,
  type OptimizerSpec,
} from './optimizers';
import { createRandom, nextNormal, type RandomState } from './random';
import type { Shake } from './race';

/**
 * Many runners with one optimizer, stepped together over typed arrays (structure of arrays,
 * points interleaved [x₀, y₀, x₁, y₁, …]): the batched path for swarms and basin maps.
 */
export interface Swarm {
  landscape: Landscape;
  optimizer: OptimizerSpec;
  /** Number of runners. */
  size: number;
  /** Current points, 2·size numbers. */
  points: Float64Array;
  /** Scratch: the gradients of the current step. */
  gradients: Float64Array;
  /** The points before the current step (where diverged runners are frozen). */
  previous: Float64Array;
  buffers: OptimizerBuffers;
  /** 1 while a runner's values are finite and it is near the landscape; 0 once it diverged. */
  alive: Uint8Array;
  /** The step at which each runner diverged, −1 if it has not. */
  divergedStep: Int32Array;
  /** Steps taken. */
  step: number;
  /** Independent noise per runner and component (unlike a race, whose runners share one stream). */
  shake: Shake;
  random: RandomState;
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
}

/** A swarm of runners with one optimizer, starting at `starts` (interleaved x, y). */
export function createSwarm(
  landscape: Landscape,
  optimizer: OptimizerSpec,
  starts: Float64Array,
  shake: Shake = { sigma: 0, seed: 1 },
): Swarm {
  const size = starts.length >> 1;
  const { xMin, xMax, yMin, yMax } = landscape.domain;
  const w = xMax - xMin;
  const h = yMax - yMin;
  const alive = new Uint8Array(size).fill(1);
  const divergedStep = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(starts[2 * i]!) || !Number.isFinite(starts[2 * i + 1]!)) {
      alive[i] = 0;
      divergedStep[i] = 0;
    }
  }
  return {
    landscape,
    optimizer,
    size,
    points: starts.slice(),
    gradients: new Float64Array(2 * size),
    previous: starts.slice(),
    buffers: createBuffers(2 * size),
    alive,
    divergedStep,
    step: 0,
    shake: { ...shake },
    random: createRandom(shake.seed),
    bounds: { xMin: xMin - w, xMax: xMax + w, yMin: yMin - h, yMax: yMax + h },
  };
}

/**
 * Advances every runner of the swarm `steps` times: g = ∇f(w) (+ N(0, σ²) per component), then the
 * optimizer's in-place kernel over all 2·size parameters at once. A runner whose point becomes
 * non-finite or leaves the bounds freezes at its previous point with zeroed moments (so no NaN or
 * Infinity is ever visible) and records the step.
 */
export function stepSwarm(swarm: Swarm, steps = 1): void {
  const {
    landscape,
    optimizer,
    size,
    points,
    gradients,
    previous,
    buffers,
    alive,
    divergedStep,
    bounds,
  } = swarm;
  const n2 = 2 * size;
  const sigma = swarm.shake.sigma;
  let dead = 0;
  for (let i = 0; i < size; i++) dead += 1 - alive[i]!;
  for (let k = 0; k < steps; k++) {
    swarm.step += 1;
    landscape.gradientMany(points, size, gradients);
    if (sigma > 0)
      for (let i = 0; i < n2; i++) gradients[i] = gradients[i]! + sigma * nextNormal(swarm.random);
    if (dead > 0) {
      for (let i = 0; i < size; i++) {
        if (!alive[i]) {
          gradients[2 * i] = 0;
          gradients[2 * i + 1] = 0;
        }
      }
    }
    previous.set(points);
    optimizerStep(optimizer, points, gradients, buffers, n2);
    for (let i = 0; i < size; i++) {
      const x = points[2 * i]!;
      const y = points[2 * i + 1]!;
      if (alive[i] && x >= bounds.xMin && x <= bounds.xMax && y >= bounds.yMin && y <= bounds.yMax)
        continue;
      points[2 * i] = previous[2 * i]!;
      points[2 * i + 1] = previous[2 * i + 1]!;
      if (alive[i]) {
        alive[i] = 0;
        dead += 1;
        divergedStep[i] = swarm.step;
        for (const b of [buffers.m, buffers.s, buffers.a]) {
          b[2 * i] = 0;
          b[2 * i + 1] = 0;
        }
      }
    }
  }
}
