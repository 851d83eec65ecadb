import { landscapeWithMinima } from './landscapes';
import { createSwarm, stepSwarm, swarmCounts, swarmStarts, type Swarm } from './swarm';
import type { KnownMinimum, LandscapeSource } from './landscapes';
import type { RunnerSpec, Shake } from './race/types';
import type { SwarmCounts, SwarmLayout } from './swarm';

/** What a swarm runs: every runner released from `size` starts laid out over the domain. */
export interface SwarmRequest {
  source: LandscapeSource;
  minima: KnownMinimum[];
  runners: { id: number; spec: RunnerSpec }[];
  size: number;
  layout: SwarmLayout;
  shake: Shake;
  /** On a dataset's landscape: the race's default batch size (null: all rows). */
  batch: number | null;
}

/** One runner's balls at a step: x, y and f per ball (interleaved), and the counts by status. */
export interface SwarmRunnerFrame {
  id: number;
  balls: Float32Array;
  counts: SwarmCounts;
}

/** The swarm at a step. */
export interface SwarmFrame {
  step: number;
  runners: SwarmRunnerFrame[];
}

/**
 * A running swarm for the page: one batched swarm per runner, all from the same starts, each ball
 * with its own noise streams. Runs in the swarm worker, or inline in tests and on Node.
 */
export interface SwarmRun {
  swarms: { id: number; swarm: Swarm }[];
  step: number;
}

/** Sets a swarm up from a request (null when the landscape cannot be made). */
export function startSwarmRun(request: SwarmRequest): SwarmRun | null {
  const landscape = landscapeWithMinima(request.source, request.minima);
  if (!landscape) return null;
  const starts = swarmStarts(landscape.domain, request.size, request.layout, request.shake.seed);
  return {
    step: 0,
    swarms: request.runners.map(({ id, spec }) => ({
      id,
      swarm: createSwarm(landscape, spec, starts, {
        shake: request.shake,
        noise: 'per-ball',
        batch: request.batch,
      }),
    })),
  };
}

/**
 * Steps the swarm towards `target`, stopping early once `budgetMs` is spent (at least one step is
 * taken while short of the target).
 */
export function advanceSwarmRun(run: SwarmRun, target: number, budgetMs: number): void {
  const began = performance.now();
  while (run.step < target) {
    for (const { swarm } of run.swarms) stepSwarm(swarm, 1);
    run.step += 1;
    if (performance.now() - began > budgetMs) break;
  }
}

/** The swarm's balls (x, y, f per ball, as 32-bit floats) and counts at the current step. */
export function swarmFrame(run: SwarmRun): SwarmFrame {
  return {
    step: run.step,
    runners: run.swarms.map(({ id, swarm }) => {
      const balls = new Float32Array(3 * swarm.size);
      for (let i = 0; i < swarm.size; i++) {
        balls[3 * i] = swarm.points[2 * i]!;
        balls[3 * i + 1] = swarm.points[2 * i + 1]!;
        balls[3 * i + 2] = swarm.losses[i]!;
      }
      return { id, balls, counts: swarmCounts(swarm) };
    }),
  };
}
