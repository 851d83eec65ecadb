import { describe, expect, it } from 'vitest';
import {
  createRace,
  BALL_DIVERGED,
  createSwarm,
  defaultSpec,
  getPresetLandscape,
  landscapeFromFunction,
  recentX,
  recentY,
  recordRace,
  runRace,
  runnerReport,
  stepSwarm,
  type OptimizerSpec,
  type RunnerSpec,
} from '../../src/core';

const runner = (optimizer: OptimizerSpec, label: string = optimizer.kind): RunnerSpec => ({
  label,
  color: '#fff',
  optimizer,
});
const withLr = <K extends OptimizerSpec['kind']>(
  kind: K,
  lr: number,
  extra: Partial<OptimizerSpec> = {},
) => ({ ...defaultSpec(kind), lr, ...extra }) as OptimizerSpec;
const bowl = getPresetLandscape('bowl')!;

describe('a race', () => {
  it('starts every runner at the start point and steps them in lockstep', () => {
    const race = createRace(
      bowl,
      [-1.5, 1],
      [
        runner(withLr('sgd', 0.1)),
        runner(withLr('adam', 0.1)),
        runner(withLr('adam', 0.01), 'slow adam'),
      ],
    );
    const trajectories = recordRace(race, 30);
    expect(race.step).toBe(30);
    race.runners.forEach((r, i) => {
      const { points, losses } = trajectories[i]!;
      expect(points.slice(0, 2)).toEqual([-1.5, 1]);
      expect(points.length).toBe(2 * 31);
      expect(losses.length).toBe(31);
      expect(r.history.count).toBe(31);
      expect(r.buffers.t).toBe(30);
    });
    // Duplicates with different learning rates are independent runners.
    expect(trajectories[1]!.points).not.toEqual(trajectories[2]!.points);
  });

  it('SGD on the bowl takes exactly w ← w − lr·∇f', () => {
    const [sgd] = recordRace(createRace(bowl, [1, -2], [runner(withLr('sgd', 0.1))]), 1);
    expect(sgd!.points).toEqual([1, -2, 1 - 0.1 * 2, -2 + 0.1 * 4]);
  });

  it('says when every runner has reached the bottom of the bowl: converged, with the step', () => {
    const race = runRace(
      createRace(
        bowl,
        [-1.6, 1.2],
        [runner(withLr('momentum', 0.1)), runner(withLr('adam', 0.05))],
      ),
      600,
    );
    for (const r of race.runners) {
      expect(r.status).toBe('converged');
      expect(r.statusStep).toBeGreaterThan(20);
      expect(r.settledAt).toMatchObject({ x: 0, y: 0, global: true });
    }
  });

  it('reports stuck for a small step that settles in a fold of the plastic bag', () => {
    const bag = getPresetLandscape('plastic-bag')!;
    const race = runRace(createRace(bag, bag.start, [runner(withLr('sgd', 0.05))]), 800);
    const r = race.runners[0]!;
    expect(r.status).toBe('stuck');
    expect(r.settledAt?.global).toBe(false);
    expect(r.loss).toBeGreaterThan(0.3);
  });

  it('a tiny step crawling along Rosenbrock’s curved valley is still running, not stuck', () => {
    const rosenbrock = getPresetLandscape('rosenbrock')!;
    for (const lr of [1e-5, 1e-4, 1e-3]) {
      const race = runRace(
        createRace(rosenbrock, rosenbrock.start, [runner(withLr('momentum', lr))]),
        400,
      );
      expect(race.runners[0]!.status).toBe('running');
    }
  });

  it('replays the same shaken race from the same seed, and a different one from another seed', () => {
    const bag = getPresetLandscape('plastic-bag')!;
    const specs = [runner(withLr('momentum', 0.05)), runner(withLr('rmsprop', 0.02))];
    const a = recordRace(createRace(bag, bag.start, specs, { sigma: 0.5, seed: 7 }), 100);
    const b = recordRace(createRace(bag, bag.start, specs, { sigma: 0.5, seed: 7 }), 100);
    const c = recordRace(createRace(bag, bag.start, specs, { sigma: 0.5, seed: 8 }), 100);
    expect(a.map((t) => t.points)).toEqual(b.map((t) => t.points));
    expect(a[0]!.points).not.toEqual(c[0]!.points);
  });

  it('adds the shake as Gaussian noise of standard deviation σ to each gradient component', () => {
    // On a flat plane ∇f = 0, so each SGD step is exactly −lr·noise.
    const plane = landscapeFromFunction('0*x + 0*y + 1', {
      xMin: -1e6,
      xMax: 1e6,
      yMin: -1e6,
      yMax: 1e6,
    });
    if ('ok' in plane) throw new Error(plane.message);
    const [sgd] = recordRace(
      createRace(plane, [0, 0], [runner(withLr('sgd', 1))], { sigma: 2, seed: 3 }),
      4000,
    );
    const noise: number[] = [];
    const p = sgd!.points;
    expect(p.length).toBe(2 * 4001);
    for (let k = 2; k < p.length; k++) noise.push(-(p[k]! - p[k - 2]!));
    const mean = noise.reduce((s, v) => s + v, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((s, v) => s + (v - mean) ** 2, 0) / noise.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('a huge learning rate makes a runner diverge; it freezes at its last finite point and no NaN leaves the core', () => {
    const rosenbrock = getPresetLandscape('rosenbrock')!;
    const race = createRace(
      rosenbrock,
      [-1.5, 2.5],
      [runner(withLr('sgd', 10)), runner(withLr('adam', 0.01))],
    );
    const [wildPath, calmPath] = recordRace(race, 50);
    const [wild, calm] = race.runners;
    expect(wild!.status).toBe('diverged');
    expect(wild!.statusStep).toBeGreaterThan(0);
    expect(wildPath!.points.length / 2).toBeLessThan(51);
    expect(wildPath!.points.length / 2).toBe(wild!.statusStep!);
    expect(wildPath!.losses.length).toBe(wild!.statusStep!);
    expect(wildPath!.points.every(Number.isFinite)).toBe(true);
    expect(wildPath!.losses.every(Number.isFinite)).toBe(true);
    expect([...wild!.point]).toEqual(wildPath!.points.slice(-2));
    // The live race's history stops there too: its last point is the frozen ball.
    expect(wild!.history.count).toBe(wild!.statusStep!);
    expect([recentX(wild!.history, 0), recentY(wild!.history, 0)]).toEqual([...wild!.point]);
    expect(calm!.status).not.toBe('diverged');
    expect(calmPath!.points.length / 2).toBe(51);
    expect(calm!.history.count).toBe(51);
    const report = runnerReport(wild!);
    if (report)
      expect(
        Object.values(report)
          .flat()
          .every((v) => v === null || Number.isFinite(v)),
      ).toBe(true);
  });

  it('a runner that rolls off the saddle and leaves the landscape far behind is diverged (left the landscape)', () => {
    const saddle = getPresetLandscape('saddle')!;
    const race = runRace(createRace(saddle, saddle.start, [runner(withLr('momentum', 0.05))]), 400);
    expect(race.runners[0]!.status).toBe('diverged');
    expect(race.runners[0]!.divergedBecause).toBe('left-landscape');
  });

  it('recording a race already under way adds one point per step, and none for a runner that diverged before', () => {
    const saddle = getPresetLandscape('saddle')!;
    const race = runRace(
      createRace(saddle, saddle.start, [
        runner(withLr('momentum', 0.05)),
        runner(withLr('sgd', 0.001)),
      ]),
      100,
    );
    const [gone, rolling] = race.runners;
    expect(gone!.status).toBe('diverged');
    expect(rolling!.status).toBe('running');
    const frozenAt = [...gone!.point];
    const [goneTrajectory, rollingTrajectory] = recordRace(race, 5);
    expect(goneTrajectory).toEqual({ lr: [], points: frozenAt, losses: [gone!.loss] });
    expect(rollingTrajectory!.points.length / 2).toBe(6);
    expect(rollingTrajectory!.points.slice(-2)).toEqual([...rolling!.point]);
  });

  it('a start where f is undefined leaves the runner diverged at step 0 without NaN', () => {
    const logs = landscapeFromFunction('log(x) + y^2', { xMin: -2, xMax: 2, yMin: -2, yMax: 2 });
    if ('ok' in logs) throw new Error(logs.message);
    const race = createRace(logs, [-1, 1], [runner(withLr('adam', 0.1))]);
    const [trajectory] = recordRace(race, 10);
    const r = race.runners[0]!;
    expect(r).toMatchObject({ status: 'diverged', statusStep: 0 });
    expect([...r.point]).toEqual([-1, 1]); // the ball stays at the start …
    expect(r.history.count).toBe(0); // … but no point without a loss is recorded
    expect(trajectory).toEqual({ points: [], losses: [], lr: [] });
  });

  it('reports what the formula panel shows: g, moments, 1−β₁ᵗ, 1−β₂ᵗ and the step taken', () => {
    const race = runRace(createRace(bowl, [1, 1], [runner(withLr('adam', 0.1))]), 1);
    const r = runnerReport(race.runners[0]!)!;
    expect(r.t).toBe(1);
    expect(r.g).toEqual([2, 2]);
    expect(r.firstMoment![0]).toBeCloseTo(0.2, 14); // (1 − β₁)·g
    expect(r.secondMoment![0]).toBeCloseTo(0.004, 14); // (1 − β₂)·g²
    expect(r.biasCorrection1).toBeCloseTo(0.1, 14);
    expect(r.biasCorrection2).toBeCloseTo(0.001, 14);
    expect(r.step[0]).toBeCloseTo(-0.1, 7); // the first corrected Adam step is lr·sign(g)
  });

  it('Adam without bias correction takes a first step about 3× larger than with it (√0.001 vs 0.1)', () => {
    const corrected = runRace(createRace(bowl, [1, 1], [runner(withLr('adam', 0.01))]), 1);
    const lecture = runRace(
      createRace(bowl, [1, 1], [runner(withLr('adam', 0.01, { bias_correction: false }))]),
      1,
    );
    const ratio =
      runnerReport(lecture.runners[0]!)!.step[0] / runnerReport(corrected.runners[0]!)!.step[0];
    expect(ratio).toBeCloseTo(0.1 / Math.sqrt(0.001), 6);
  });

  it('SGD-momentum as a moving average takes a tiny first step without correction (v₁ = g/10)', () => {
    const ema = runRace(createRace(bowl, [1, 1], [runner(withLr('momentum', 0.1))]), 1);
    const corrected = runRace(
      createRace(bowl, [1, 1], [runner(withLr('momentum', 0.1, { bias_correction: true }))]),
      1,
    );
    expect(runnerReport(ema.runners[0]!)!.step[0]).toBeCloseTo(-0.1 * 0.2, 14);
    expect(runnerReport(corrected.runners[0]!)!.step[0]).toBeCloseTo(-0.1 * 2, 12);
  });
});

describe('the batched path', () => {
  it('steps 10,000 runners exactly as 10,000 single races would', () => {
    const rastrigin = getPresetLandscape('rastrigin')!;
    const n = 10_000;
    const starts = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      starts[2 * i] = -5 + (10 * (i % 100)) / 100;
      starts[2 * i + 1] = -5 + (10 * Math.floor(i / 100)) / 100;
    }
    for (const kind of [
      'adam',
      'momentum',
      'rmsprop',
      'nesterov',
      'adagrad',
      'adamw',
      'sgd',
    ] as const) {
      const spec = withLr(kind, 0.002);
      const swarm = createSwarm(rastrigin, runner(spec), starts);
      stepSwarm(swarm, 40);
      for (const i of [0, 1234, 5050, 9999]) {
        const single = runRace(
          createRace(rastrigin, [starts[2 * i]!, starts[2 * i + 1]!], [runner(spec)]),
          40,
        );
        expect([swarm.points[2 * i], swarm.points[2 * i + 1]]).toEqual([
          ...single.runners[0]!.point,
        ]);
      }
    }
  });

  it('freezes diverging runners at their last finite point and keeps the others going', () => {
    const rosenbrock = getPresetLandscape('rosenbrock')!;
    const starts = Float64Array.from([-2, -1, 0.9, 0.8]);
    const swarm = createSwarm(rosenbrock, runner(withLr('sgd', 0.004)), starts);
    stepSwarm(swarm, 100);
    expect(swarm.status[0]).toBe(BALL_DIVERGED);
    expect(swarm.statusStep[0]).toBeGreaterThan(0);
    expect(swarm.status[1]).not.toBe(BALL_DIVERGED);
    expect(swarm.points.every(Number.isFinite)).toBe(true);
    for (const b of [swarm.buffers.m, swarm.buffers.s, swarm.buffers.a])
      expect(b.every(Number.isFinite)).toBe(true);
  });
});
