import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { trace, traceJson } from './run-trace';

interface TraceOutput {
  landscape: { id: string; formula: string; domain: Record<string, number>; minima: unknown[] };
  start: [number, number];
  steps: number;
  runners: {
    label: string;
    kind: string;
    hyper: Record<string, number | boolean>;
    points: [number, number][];
    loss: number[];
    status: string;
    statusStep: number | null;
  }[];
}

const json = (...argv: string[]) => traceJson<TraceOutput>(...argv);

describe('trace', () => {
  it('runs the lecture’s three runners on a landscape and prints every point and loss', () => {
    const out = json('--landscape', 'himmelblau', '--steps', '50');
    expect(out.landscape.id).toBe('himmelblau');
    expect(out.start).toEqual([-0.3, -0.9]);
    expect(out.steps).toBe(50);
    expect(out.runners.map((r) => [r.label, r.kind])).toEqual([
      ['SGD-momentum', 'momentum'],
      ['RMSProp', 'rmsprop'],
      ['Adam', 'adam'],
    ]);
    for (const r of out.runners) {
      expect(r.points).toHaveLength(51);
      expect(r.loss).toHaveLength(51);
      expect(r.points[0]).toEqual([-0.3, -0.9]);
      expect(r.loss[0]).toBe((0.09 - 0.9 - 11) ** 2 + (-0.3 + 0.81 - 7) ** 2);
    }
    // Learning rates suited to the landscape; every other value at its default.
    expect(out.runners[2]!.hyper).toEqual({
      lr: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weight_decay: 0,
      bias_correction: true,
    });
  });

  it('takes repeated runners with their own hyperparameters and labels, duplicates allowed', () => {
    const out = json(
      '--landscape',
      'bowl',
      '--start',
      '1,-1',
      '--steps',
      '5',
      '--runner',
      'adam lr=0.1 label="Adam fast"',
      '--runner',
      'adam lr=0.001 label=slow',
      '--runner',
      'momentum ema=false dampening=0.5',
    );
    expect(out.runners.map((r) => r.label)).toEqual(['Adam fast', 'slow', 'SGD-momentum']);
    expect(out.runners[0]!.hyper.lr).toBe(0.1);
    expect(out.runners[1]!.hyper.lr).toBe(0.001);
    expect(out.runners[2]!.hyper).toMatchObject({ ema: false, dampening: 0.5, momentum: 0.9 });
    expect(out.runners[0]!.points[1]![0]).not.toBe(out.runners[1]!.points[1]![0]);
  });

  it('prints numbers at full double precision (they parse back to the same doubles)', () => {
    const out = json('--landscape', 'rosenbrock', '--steps', '3', '--runner', 'sgd lr=0.001');
    // (1−x)² + 100(y−x²)² at the default start (−1.5, 2.5), in double arithmetic.
    expect(out.runners[0]!.loss[0]).toBe(6.25 + 100 * (2.5 - 2.25) ** 2);
    const x1 = -1.5 - 0.001 * (-2 * 2.5 - 400 * -1.5 * (2.5 - 2.25));
    expect(out.runners[0]!.points[1]![0]).toBe(x1);
  });

  it('runs a typed-in function with exact gradients, on a chosen domain', () => {
    const out = json(
      '--f',
      'x^2 + 3*y^2',
      '--domain',
      '-2,2,-1,1',
      '--start',
      '1,1',
      '--steps',
      '1',
      '--runner',
      'sgd lr=0.1',
    );
    expect(out.landscape.formula).toBe('x^2 + 3*y^2');
    expect(out.runners[0]!.points[1]).toEqual([1 - 0.1 * 2, 1 - 0.1 * 6]);
  });

  it('replays the same shaken race for the same seed', () => {
    const a = json('--landscape', 'plastic-bag', '--noise', '0.3', '--seed', '5', '--steps', '40');
    const b = json('--landscape', 'plastic-bag', '--noise', '0.3', '--seed', '5', '--steps', '40');
    const c = json('--landscape', 'plastic-bag', '--noise', '0.3', '--seed', '6', '--steps', '40');
    expect(a).toEqual(b);
    expect(a.runners[0]!.points).not.toEqual(c.runners[0]!.points);
  });

  it('ends a diverged runner at its last finite point, with its status and step', () => {
    const out = json(
      '--landscape',
      'rosenbrock',
      '--steps',
      '100',
      '--runner',
      'sgd lr=5',
      '--runner',
      'adam lr=0.01',
    );
    const [wild, calm] = out.runners;
    expect(wild!.status).toBe('diverged');
    expect(wild!.points.length).toBe(wild!.statusStep);
    expect(wild!.points.flat().every(Number.isFinite)).toBe(true);
    expect(calm!.points).toHaveLength(101);
  });

  it('opens a preset scene', () => {
    const out = json('--scene', 'bowl', '--steps', '800');
    expect(out.landscape.id).toBe('bowl');
    expect(out.runners.every((r) => r.status === 'converged')).toBe(true);
  });

  it.each([
    [['--landscape', 'nowhere'], '--landscape', 'unknown landscape "nowhere"'],
    [['--f', 'sin(x'], '--f', 'column 4: "(" is never closed'],
    [['--f', 'x + z'], '--f', 'unknown name "z": the variables are x and y'],
    [['--runner', 'adamax lr=0.1'], '--runner', 'unknown optimizer "adamax"'],
    [['--runner', 'adam beta3=0.5'], '--runner', 'adam has no hyperparameter "beta3"'],
    [['--runner', 'adam lr=fast'], '--runner', 'lr must be a number, got "fast"'],
    [['--runner', 'adam lr=-1'], '--runner', 'lr must be in (0, 1000000], got -1'],
    [['--runner', 'adam beta1=1'], '--runner', 'beta1 must be in [0, 1), got 1'],
    [['--runner', 'momentum ema=maybe'], '--runner', 'ema must be true or false'],
    [['--steps', '-3'], '--steps', 'must be a whole number ≥ 0, got "-3"'],
    [['--steps', '2.5'], '--steps', 'must be a whole number'],
    [['--start', '1;2'], '--start', 'expected two numbers x,y, got "1;2"'],
    [['--start', '1,2,3'], '--start', 'expected two numbers x,y'],
    [['--start', '0x10,2'], '--start', 'expected two numbers x,y'],
    [['--landscape', 'bowl', '--start', '9,9'], '--start', '(9, 9) is outside the domain'],
    [
      ['--f', 'log(x)', '--start', '-1,1'],
      '--start',
      'f or its gradient is not defined at (-1, 1)',
    ],
    [['--noise', '-1'], '--noise', 'must be a number ≥ 0'],
    [['--seed', 'abc'], '--seed', 'must be a whole number'],
    [['--scene', 'nope'], '--scene', 'unknown scene "nope"'],
    [['--steps'], '--steps', 'needs a value'],
    [['--frobnicate', '1'], '--frobnicate', 'unknown argument'],
    [['--landscape', 'bowl', '--f', 'x'], '--f', 'give either --landscape or --f, not both'],
  ])('refuses %j: exit 2, one line naming %s, nothing on stdout', (argv, argument, reason) => {
    const r = trace(...argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(`trace: ${argument}: `);
    expect(r.stderr).toContain(reason);
  });

  it('as a real command: npm run --silent trace prints JSON, and bad input exits 2 with one line and no stack trace', () => {
    const ok = spawnSync(
      'npm',
      ['run', '--silent', 'trace', '--', '--landscape', 'bowl', '--steps', '2'],
      {
        encoding: 'utf8',
      },
    );
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as TraceOutput).runners[0]!.points).toHaveLength(3);
    const bad = spawnSync('npm', ['run', '--silent', 'trace', '--', '--steps', '-1'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      'trace: --steps: must be a whole number ≥ 0, got "-1"',
    ]);
  }, 30_000);
});
