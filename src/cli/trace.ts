/**
 * `npm run --silent trace -- …`: runs a race headless and prints it as one JSON object.
 * Bad input exits with status 2 and one line on stderr; nothing is printed on stdout then.
 */
import {
  basinMap,
  createRace,
  recordRace,
  type BasinMap,
  type Race,
  type Trajectory,
} from '../core';
import { parseTraceArguments, TRACE_USAGE } from './args';
import { netSceneIn, netTraceJson, parseNetArguments, runNetTrace } from './net';

/** The JSON `trace` prints for a finished race and its recorded trajectories. */
export function traceJson(
  race: Race,
  steps: number,
  trajectories: readonly Trajectory[],
  basins: readonly BasinMap[] | null = null,
) {
  const l = race.landscape;
  return {
    landscape: {
      id: l.id,
      name: l.name,
      formula: l.formula,
      domain: l.domain,
      start: l.start,
      minima: l.minima,
      ...(l.data
        ? {
            data: {
              id: l.data.id,
              n: l.data.n,
              standardized: l.data.standardized,
              x: Array.from(l.data.x),
              y: Array.from(l.data.y),
            },
          }
        : {}),
    },
    start: race.start,
    steps,
    noise: race.shake,
    runners: race.runners.map((r, i) => {
      const { kind, ...hyper } = r.spec.optimizer;
      const { points: flat, losses, lr, batches } = trajectories[i]!;
      const points: [number, number][] = [];
      for (let k = 0; k < flat.length; k += 2) points.push([flat[k]!, flat[k + 1]!]);
      return {
        label: r.spec.label,
        kind,
        color: r.spec.color,
        hyper,
        ...(r.spec.schedule ? { schedule: r.spec.schedule } : { schedule: { kind: 'constant' } }),
        ...(r.sampler ? { batch: r.sampler.batch } : {}),
        points,
        loss: losses,
        lr,
        ...(batches ? { batches } : {}),
        status: r.status,
        statusStep: r.statusStep,
        ...(r.status === 'diverged' ? { divergedBecause: r.divergedBecause } : {}),
        ...(r.settledAt ? { settledAt: r.settledAt } : {}),
        ...(basins ? { basins: basinJson(basins[i]!) } : {}),
      };
    }),
  };
}

/** A basin map as `trace` prints it: the grid as a plain array of integers. */
function basinJson(map: BasinMap) {
  return { k: map.k, minima: map.minima, grid: Array.from(map.grid), shares: map.shares };
}

/** Runs the command; returns the exit status. */
export function main(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  // A network to train instead of a landscape to race on (asked for, or the scene's).
  const trains =
    argv.some((a) => a === '--net' || a.startsWith('--net=')) || netSceneIn(argv) !== undefined;
  if (trains && !argv.includes('--help') && !argv.includes('-h')) {
    const net = parseNetArguments(argv);
    if ('ok' in net) {
      err(`trace: ${net.argument}: ${net.reason}\n`);
      return 2;
    }
    out(JSON.stringify(netTraceJson(runNetTrace(net))) + '\n');
    return 0;
  }
  const request = parseTraceArguments(argv);
  if (request === 'help') {
    out(TRACE_USAGE + '\n');
    return 0;
  }
  if ('ok' in request) {
    err(`trace: ${request.argument}: ${request.reason}\n`);
    return 2;
  }
  const race = createRace(
    request.landscape,
    request.start,
    request.runners,
    request.shake,
    request.batch !== undefined ? { batch: request.batch } : {},
  );
  const trajectories = recordRace(race, request.steps, { batches: request.emitBatches });
  const k = request.basins;
  const basins =
    k === undefined
      ? null
      : request.runners.map((runner) =>
          basinMap(request.landscape, {
            runner,
            k,
            steps: request.steps,
            shake: request.shake,
            batch: request.batch ?? null,
          }),
        );
  out(JSON.stringify(traceJson(race, request.steps, trajectories, basins)) + '\n');
  return 0;
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  try {
    process.exitCode = main(
      process.argv.slice(2),
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
    );
  } catch (e) {
    process.stderr.write(`trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
