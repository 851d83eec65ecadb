/**
 * `npm run bench`: speed figures for the core (not pass/fail).
 * 1. The batched path: Adam on rastrigin, 16,384 runners × 500 steps → runner-steps per second,
 *    next to a plain hand-written typed-array loop doing the same arithmetic, in the same run.
 * 2. A typed-in function: f and ∇f of sin(x)*cos(y) + 0.1*(x^2+y^2) on a 256 × 256 grid.
 * 3. The parser: the slowest and the median parse of 3,000 random strings of up to 1,000
 *    characters (arbitrary text, and soups of grammar tokens) plus deep and long worst cases.
 * 4. Real data (penguins-species, logistic regression on bill length, standardized): the full-data
 *    loss surface on the 257 × 257 grid as the surface worker samples it (median of 9; also the
 *    whole surface job: coarse grid, fine grid in bands, height map and drawing), and one race
 *    step of SGD-momentum, RMSProp and Adam on minibatches of 32 (mean over 20,000 steps).
 * 5. `trace --f <text> --steps 200` (src/cli/trace.ts's main, in this process) on long typed
 *    functions of up to 1,000 characters (bench/long-functions.ts): wall and CPU time of each, the
 *    worst of them, and each one's minima search (evaluations spent of its budget, completed or
 *    stopped early with estimates).
 * 6. Basin maps as the app computes them (bench/basins-pool.ts): plastic-bag, its three default
 *    runners, no shake, 128 × 128 cells, 500 steps, in bands of rows over one worker thread per
 *    core → basinsMs (wall time, worker start included); the same bands on one worker, the ratio,
 *    the cost of a ball-step, and a check that the pooled maps equal `basinMap` run in this process.
 * 7. The penguin classifier (issue 12): SGD-momentum, RMSProp and Adam training all 67 weights
 *    for 500 full-batch steps from the same initial weights (netTrainMs, median of 5; target
 *    ≤ 100), the plane of their trajectories (netPlaneFitMs), and the full-data loss on that plane
 *    on a 129 × 129 grid, every row of the data per vertex, on one thread (netPlaneMs: values
 *    only; netPlaneWithGradientsMs: with ∂L/∂a, ∂L/∂b; target ≤ 1500); and what a changed runner
 *    costs before its new picture shows: the network worker's whole job (netJobMs) plus the
 *    surface worker's first 33² grid (netFirstPictureMs), and its 129² grid (netMiddleSurfaceMs).
 * The last line is one JSON object.
 */
import fc from 'fast-check';
import { availableParallelism, loadavg } from 'node:os';
import {
  BASIN_STEPS,
  basinMap,
  createRace,
  createSwarm,
  defaultRunnersFor,
  defaultSpec,
  getPresetLandscape,
  landscapeFromSource,
  landscapeSource,
  NO_SHAKE,
  parseFunction,
  runSurfaceJob,
  sampleSurface,
  stepRace,
  stepSwarm,
  createPlaneSampler,
  defaultNetRunners,
  fitTrainingPlane,
  initialWeights,
  loadPenguinClasses,
  planeDomain,
  projectOntoPlane,
  trainNetwork,
  computeNetRace,
  netLandscape,
} from '../src/core';
import { basinTasks, bundleBasinsWorker, differingCells, poolSize, runPool } from './basins-pool';
import { LONG_FUNCTIONS, timeLongFunction } from './long-functions';

const RUNNERS = 16_384;
const STEPS = 500;
const REPEATS = 5;

function starts(): Float64Array {
  const p = new Float64Array(2 * RUNNERS);
  for (let i = 0; i < RUNNERS; i++) {
    p[2 * i] = -5 + (10 * ((i * 37) % 128)) / 128;
    p[2 * i + 1] = -5 + (10 * Math.floor(i / 128)) / 128;
  }
  return p;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The same Adam-on-rastrigin arithmetic as one plain loop, the baseline the issue quotes. */
function handWrittenAdam(p: Float64Array, steps: number): void {
  const n = p.length;
  const m = new Float64Array(n);
  const s = new Float64Array(n);
  const lr = 0.01;
  const b1 = 0.9;
  const b2 = 0.999;
  const tau = 2 * Math.PI;
  for (let t = 1; t <= steps; t++) {
    const bc1 = 1 - Math.pow(b1, t);
    const bc2 = Math.sqrt(1 - Math.pow(b2, t));
    for (let i = 0; i < n; i++) {
      const x = p[i]!;
      const g = 2 * x + 20 * Math.PI * Math.sin(tau * x);
      const mi = m[i]! + (1 - b1) * (g - m[i]!);
      const si = s[i]! * b2 + g * g * (1 - b2);
      m[i] = mi;
      s[i] = si;
      p[i] = x - (lr / bc1) * (mi / (Math.sqrt(si) / bc2 + 1e-8));
    }
  }
}

const rastrigin = getPresetLandscape('rastrigin')!;
const adam = defaultSpec('adam');
const ours: number[] = [];
const baseline: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  const swarm = createSwarm(rastrigin, { label: 'Adam', color: '#000', optimizer: adam }, starts());
  let t0 = performance.now();
  stepSwarm(swarm, STEPS);
  ours.push(performance.now() - t0);
  const p = starts();
  t0 = performance.now();
  handWrittenAdam(p, STEPS);
  baseline.push(performance.now() - t0);
}
const runnerSteps = RUNNERS * STEPS;
const runnerStepsPerSec = runnerSteps / (median(ours) / 1000);
const baselinePerSec = runnerSteps / (median(baseline) / 1000);
console.log(
  `batched Adam on rastrigin, ${RUNNERS} runners × ${STEPS} steps: ${(runnerStepsPerSec / 1e6).toFixed(1)} M runner-steps/s` +
    ` (median of ${REPEATS}); hand-written loop in the same run: ${(baselinePerSec / 1e6).toFixed(1)} M/s;` +
    ` ratio ${(runnerStepsPerSec / baselinePerSec).toFixed(2)}`,
);

const fn = parseFunction('sin(x)*cos(y) + 0.1*(x^2+y^2)');
if (!fn.ok) throw new Error(fn.message);
const N = 256;
const xs = new Float64Array(N * N);
const ys = new Float64Array(N * N);
for (let j = 0; j < N; j++) {
  for (let i = 0; i < N; i++) {
    xs[j * N + i] = -3 + (6 * i) / (N - 1);
    ys[j * N + i] = -3 + (6 * j) / (N - 1);
  }
}
const values = new Float64Array(N * N);
const gx = new Float64Array(N * N);
const gy = new Float64Array(N * N);
const grid: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  fn.evaluateMany(xs, ys, N * N, values, gx, gy);
  grid.push(performance.now() - t0);
}
const gridMs = median(grid);
console.log(
  `typed function f and ∇f on a ${N}×${N} grid: ${gridMs.toFixed(2)} ms (median of 20, first ${grid[0]!.toFixed(2)} ms)`,
);
const tokens = [
  'x',
  'y',
  '2',
  '1e-3',
  'pi',
  'e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  'sin(',
  'exp(',
  ' ',
  'z',
  ',',
];
const texts = [
  ...fc.sample(fc.string({ unit: 'binary', maxLength: 1000 }), { numRuns: 1500, seed: 1 }),
  ...fc.sample(
    fc.array(fc.constantFrom(...tokens), { maxLength: 400 }).map((t) => t.join('').slice(0, 1000)),
    { numRuns: 1500, seed: 2 },
  ),
  '('.repeat(1000),
  '-'.repeat(1000),
  'x^'.repeat(499) + 'x',
  'x+'.repeat(499) + 'x',
  'sin('.repeat(100) + 'x' + ')'.repeat(100) + '*y'.repeat(249),
];
for (const t of texts.slice(0, 300)) parseFunction(t); // warm-up
const parseTimes = texts.map((t) => {
  const t0 = performance.now();
  parseFunction(t);
  return performance.now() - t0;
});
const parseMaxMs = Math.max(...parseTimes);
const parseP99Ms = [...parseTimes].sort((a, b) => a - b)[Math.floor(parseTimes.length * 0.99)]!;
console.log(
  `parser: ${texts.length} strings of up to 1,000 characters: median ${median(parseTimes).toFixed(3)} ms, 99th percentile ${parseP99Ms.toFixed(3)} ms, slowest ${parseMaxMs.toFixed(2)} ms (a single slow call is usually a GC pause)`,
);

// The surface worker's code path: the landscape from its source, then 257² samples of f and ∇f.
const species = landscapeFromSource({ kind: 'preset', id: 'penguins-species' })!;
const surfaceRuns: number[] = [];
const surfaceCpu: number[] = [];
for (let r = 0; r < 9; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sampleSurface(species, 256);
  surfaceRuns.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  surfaceCpu.push((c.user + c.system) / 1000);
}
const dataSurfaceMs = median(surfaceRuns);
const dataSurfaceCpuMs = median(surfaceCpu);
const jobRuns: number[] = [];
const quiet = { onSurface() {}, onMinima() {}, onProgress() {}, onDone() {}, onError() {} };
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  runSurfaceJob(
    {
      source: { kind: 'preset', id: 'penguins-species' },
      coarseSegments: 64,
      segments: 256,
      minima: false,
    },
    quiet,
  );
  jobRuns.push(performance.now() - t0);
}
const dataSurfaceJobMs = median(jobRuns);
console.log(
  `penguins-species full-data loss surface, 257×257 grid: ${dataSurfaceMs.toFixed(1)} ms (median of 9, first ${surfaceRuns[0]!.toFixed(1)} ms; CPU ${dataSurfaceCpuMs.toFixed(1)} ms); whole surface job with the coarse grid and drawing ${dataSurfaceJobMs.toFixed(1)} ms (median of 5)`,
);

const DATA_STEPS = 20_000;
const dataRace = createRace(species, species.start, defaultRunnersFor(species), NO_SHAKE, {
  batch: 32,
});
for (let k = 0; k < 2_000; k++) stepRace(dataRace); // warm-up
const stepStart = performance.now();
for (let k = 0; k < DATA_STEPS; k++) stepRace(dataRace);
const dataStepMs = (performance.now() - stepStart) / DATA_STEPS;
console.log(
  `penguins-species race step, ${dataRace.runners.map((r) => r.spec.optimizer.kind).join(' + ')} on batches of 32: ${(dataStepMs * 1000).toFixed(2)} µs a step (mean of ${DATA_STEPS.toLocaleString('en')}; statuses ${dataRace.runners.map((r) => r.status).join(', ')})`,
);

console.log('trace --f <long function> --steps 200:');
const longRuns = LONG_FUNCTIONS.map(({ name, text }) => {
  const run = timeLongFunction(name, text);
  console.log(
    `  ${name} (${run.length} chars): ${run.traceMs.toFixed(0)} ms (CPU ${run.traceCpuMs.toFixed(0)} ms); minima search ${run.evaluations} of ${run.budget} evaluations, ${run.complete ? 'complete' : 'stopped early (estimates)'}, ${run.minima} minima`,
  );
  return run;
});
const worst = longRuns.reduce((a, b) => (b.traceMs > a.traceMs ? b : a));
const traceLongFunctionCpuMs = Math.max(...longRuns.map((r) => r.traceCpuMs));
console.log(
  `  worst: ${worst.traceMs.toFixed(0)} ms (${worst.name}); worst CPU time ${traceLongFunctionCpuMs.toFixed(0)} ms`,
);
// Basin maps: three runners' 128 × 128 maps on the plastic bag, in the app's bands and pool.
const BASINS_K = 128;
const bag = getPresetLandscape('plastic-bag')!;
const bagRunners = defaultRunnersFor(bag);
const basinSettings = { k: BASINS_K, steps: BASIN_STEPS, shake: NO_SHAKE };
const tasks = basinTasks(
  landscapeSource(bag),
  bag.minima.map((m) => ({ ...m })),
  bagRunners,
  basinSettings,
);
const cells = BASINS_K * BASINS_K;
const ballSteps = bagRunners.length * cells * BASIN_STEPS;
console.log(
  `basin maps: plastic-bag, ${bagRunners.map((r) => `${r.label} (lr ${r.optimizer.lr})`).join(', ')}; ` +
    `${BASINS_K}×${BASINS_K} cells × ${BASIN_STEPS} steps, no shake; ${tasks.length} bands of ` +
    `${tasks[0]!.j1 - tasks[0]!.j0} rows (load average before: ${loadavg()[0]!.toFixed(2)})`,
);
const bundle = await bundleBasinsWorker();
let pooled: Awaited<ReturnType<typeof runPool>>;
let single: Awaited<ReturnType<typeof runPool>>;
try {
  pooled = await runPool(bundle.file, tasks, poolSize());
  single = await runPool(bundle.file, tasks, 1);
} finally {
  bundle.dispose();
}
const referenceStart = performance.now();
const reference = bagRunners.map((runner) => basinMap(bag, { ...basinSettings, runner }));
const referenceMs = performance.now() - referenceStart;
const pooledDiff = reference.map((m, r) => differingCells(m.grid, pooled.grids[r]!));
const singleDiff = reference.map((m, r) => differingCells(m.grid, single.grids[r]!));
const basinsGridEqual = [...pooledDiff, ...singleDiff].every((d) => d === 0);
const basinsMs = pooled.wallMs;
const basinsSingleMs = single.wallMs;
const basinsSpeedup = basinsSingleMs / basinsMs;
const nsPerBallStep = (basinsSingleMs * 1e6) / ballSteps;
const busy = pooled.busyMs.reduce((a, b) => a + b, 0);
const startedAfter = (run: typeof pooled) => run.startMs.map((t) => t.toFixed(0)).join(', ');
console.log(
  `  basinsMs: ${basinsMs.toFixed(0)} ms wall (target ≤ 1500) on ${pooled.workers} worker threads ` +
    `(os.availableParallelism() = ${availableParallelism()}), from creating the workers to the last ` +
    `band; workers running after ${startedAfter(pooled)} ms (esbuild bundle made in ${bundle.bundleMs.toFixed(0)} ms ` +
    `before); busy in basinRows ${pooled.busyMs.map((t) => t.toFixed(0)).join(' + ')} ms = ` +
    `${((100 * busy) / (pooled.workers * basinsMs)).toFixed(0)}% of ${pooled.workers} × wall; ` +
    `thread CPU ${pooled.cpuMs.map((t) => t.toFixed(0)).join(' + ')} ms (wall above CPU: other load on the machine)`,
);
console.log(
  `  single thread (the same ${tasks.length} bands on 1 worker): ${basinsSingleMs.toFixed(0)} ms ` +
    `(thread CPU ${single.cpuMs[0]!.toFixed(0)} ms); ` +
    `ratio ${basinsSpeedup.toFixed(2)} (single ÷ pooled); ${nsPerBallStep.toFixed(0)} ns per ball-step on ` +
    `one thread (${ballSteps.toLocaleString('en')} ball-steps: ${bagRunners.length} × ${cells.toLocaleString('en')} cells × ${BASIN_STEPS}), ` +
    `${((basinsMs * 1e6) / ballSteps).toFixed(0)} ns wall pooled`,
);
console.log(
  `  check: basinMap in this process (${referenceMs.toFixed(0)} ms): pooled grids ` +
    `${pooledDiff.every((d) => d === 0) ? 'equal' : `DIFFER (${pooledDiff.join(', ')} cells)`}, ` +
    `single-worker grids ${singleDiff.every((d) => d === 0) ? 'equal' : `DIFFER (${singleDiff.join(', ')} cells)`} ` +
    `(${bagRunners.length} × ${cells.toLocaleString('en')} cells); share at the global minimum: ` +
    reference
      .map((m, r) => `${bagRunners[r]!.label} ${(100 * m.shares.global).toFixed(1)}%`)
      .join(', '),
);
if (!basinsGridEqual) {
  console.error(
    'basin maps: the pooled maps differ from basinMap, so basinsMs is not of correct work',
  );
  process.exitCode = 1;
}

// 7. The penguin classifier: training, the plane, its surface.
const netData = loadPenguinClasses();
const netInit = initialWeights(1);
const netRunners = defaultNetRunners();
trainNetwork(netData, netInit, netRunners, 50); // warm up
const netTimes: number[] = [];
const netCpu: number[] = [];
let training = trainNetwork(netData, netInit, netRunners, 1);
for (let r = 0; r < 5; r++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  training = trainNetwork(netData, netInit, netRunners, 500);
  netTimes.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  netCpu.push((cpu.user + cpu.system) / 1000);
}
const netTrainMs = median(netTimes);
const fit0 = performance.now();
const plane = fitTrainingPlane(training);
const netPlaneFitMs = performance.now() - fit0;
const planeGrid = 128;
const planeValues = new Float64Array((planeGrid + 1) ** 2);
const planeGradients = new Float64Array(2 * (planeGrid + 1) ** 2);
const sampler = createPlaneSampler(plane, netData);
const planeBox = planeDomain(training.runners.map((r) => projectOntoPlane(plane, r.params)));
const p0 = performance.now();
sampler(planeBox, planeGrid, 0, planeGrid + 1, planeValues, null);
const netPlaneMs = performance.now() - p0;
const g0 = performance.now();
sampler(planeBox, planeGrid, 0, planeGrid + 1, planeValues, planeGradients);
const netPlaneWithGradientsMs = performance.now() - g0;
console.log(
  `penguin classifier: 3 runners × 500 full-batch steps ${netTrainMs.toFixed(1)} ms ` +
    `(median of 5; CPU ${median(netCpu).toFixed(1)} ms; target ≤ 100); plane fit ` +
    `${netPlaneFitMs.toFixed(1)} ms, explains ${plane.explained.map((s) => (100 * s).toFixed(1) + '%').join(' + ')}; ` +
    `loss on the plane, 129² × 342 rows: ${netPlaneMs.toFixed(0)} ms values only, ` +
    `${netPlaneWithGradientsMs.toFixed(0)} ms with gradients (target ≤ 1500)`,
);
// What a user waits for after changing a runner: the network worker's whole job (train, fit the
// plane, project every iterate, the surface's loss under each point), then the surface worker's
// first grid (32²), which is when the new picture replaces the old, and its 128² grid.
const jobTimes: number[] = [];
let info = computeNetRace({
  id: 'penguins-mlp',
  runners: netRunners,
  steps: 500,
  seed: 1,
  batch: null,
})!;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  info = computeNetRace({
    id: 'penguins-mlp',
    runners: netRunners,
    steps: 500,
    seed: 1,
    batch: null,
  })!;
  jobTimes.push(performance.now() - t0);
}
const netJobMs = median(jobTimes);
const netSurface = netLandscape(info);
const c0 = performance.now();
sampleSurface(netSurface, 32);
const netCoarseMs = performance.now() - c0;
const m0 = performance.now();
sampleSurface(netSurface, 128);
const netMiddleMs = performance.now() - m0;
console.log(
  `penguin classifier, a changed runner: the worker's job ${netJobMs.toFixed(0)} ms (median of 3), ` +
    `then the first surface (33²) ${netCoarseMs.toFixed(0)} ms: a new picture after ` +
    `${(netJobMs + netCoarseMs).toFixed(0)} ms of worker time; 129² after ${netMiddleMs.toFixed(0)} ms more`,
);
if (!planeValues.every(Number.isFinite)) {
  console.error('penguin classifier: the plane surface has non-finite values');
  process.exitCode = 1;
}

console.log(
  JSON.stringify({
    runnerStepsPerSec: Math.round(runnerStepsPerSec),
    gridMs: Number(gridMs.toFixed(3)),
    dataSurfaceMs: Number(dataSurfaceMs.toFixed(2)),
    dataSurfaceCpuMs: Number(dataSurfaceCpuMs.toFixed(2)),
    dataSurfaceJobMs: Number(dataSurfaceJobMs.toFixed(2)),
    dataStepMs: Number(dataStepMs.toFixed(5)),
    parseP99Ms: Number(parseP99Ms.toFixed(3)),
    parseMaxMs: Number(parseMaxMs.toFixed(3)),
    traceLongFunctionMs: Math.round(worst.traceMs),
    traceLongFunctionCpuMs: Math.round(traceLongFunctionCpuMs),
    traceLongFunctions: longRuns.map((r) => ({
      name: r.name,
      chars: r.length,
      ms: Math.round(r.traceMs),
      cpuMs: Math.round(r.traceCpuMs),
      evaluations: r.evaluations,
      budget: r.budget,
      complete: r.complete,
    })),
    basinsMs: Math.round(basinsMs),
    basinsSingleThreadMs: Math.round(basinsSingleMs),
    basinsSpeedup: Number(basinsSpeedup.toFixed(2)),
    basinsNsPerBallStep: Number(nsPerBallStep.toFixed(1)),
    basinsWorkers: pooled.workers,
    basinsWorkerCpuMs: pooled.cpuMs.map((t) => Math.round(t)),
    basinsSingleThreadCpuMs: Math.round(single.cpuMs[0]!),
    basinsGridEqual,
    netTrainMs: Number(netTrainMs.toFixed(1)),
    netTrainCpuMs: Number(median(netCpu).toFixed(1)),
    netPlaneFitMs: Number(netPlaneFitMs.toFixed(1)),
    netPlaneExplained: plane.explained,
    netPlaneMs: Math.round(netPlaneMs),
    netPlaneWithGradientsMs: Math.round(netPlaneWithGradientsMs),
    netJobMs: Math.round(netJobMs),
    netFirstPictureMs: Math.round(netJobMs + netCoarseMs),
    netMiddleSurfaceMs: Math.round(netMiddleMs),
  }),
);
