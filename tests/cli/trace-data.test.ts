/**
 * `trace --data`: races on the penguin datasets from the command line — the rows in the output,
 * minibatches, learning-rate schedules, and a one-line refusal for every bad value.
 */
import { describe, expect, it } from 'vitest';
import { trace, traceJson } from './run-trace';
import { loadDataset, scheduledRate, type ScheduleSpec } from '../../src/core';

interface DataTrace {
  landscape: {
    id: string;
    minima: { x: number; y: number }[];
    data: { id: string; n: number; standardized: boolean; x: number[]; y: number[] };
  };
  start: [number, number];
  steps: number;
  runners: {
    label: string;
    kind: string;
    hyper: Record<string, number | boolean>;
    schedule: { kind: string } & Record<string, number>;
    batch: number;
    batches?: number[][];
    points: [number, number][];
    loss: number[];
    lr: number[];
    status: string;
  }[];
}

const json = (...argv: string[]) => traceJson<DataTrace>(...argv);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('trace --data', () => {
  it('prints the rows the model trains on, standardized unless --raw', () => {
    const std = json('--data', 'penguins-mass', '--steps', '2');
    expect(std.landscape.id).toBe('penguins-mass');
    const d = loadDataset('penguins-mass', true);
    expect(std.landscape.data).toEqual({
      id: 'penguins-mass',
      n: 342,
      standardized: true,
      x: Array.from(d.x),
      y: Array.from(d.y),
    });
    const raw = json('--data', 'penguins-mass', '--raw', '--steps', '2');
    expect(raw.landscape.data.standardized).toBe(false);
    expect(raw.landscape.data.x[0]).toBe(181); // flipper length (mm) of the first penguin
    expect(raw.landscape.data.y[0]).toBe(3750); // its body mass (g)
    const species = json('--data', 'penguins-species', '--steps', '1');
    expect(species.landscape.data.n).toBe(219);
    expect(species.landscape.data.y.filter((y) => y === 1)).toHaveLength(68);
  });

  it('runs the lecture’s three runners with the dataset’s own rates, on the full data by default', () => {
    const out = json('--data', 'penguins-species', '--steps', '30');
    expect(out.runners.map((r) => r.kind)).toEqual(['momentum', 'rmsprop', 'adam']);
    expect(out.runners.map((r) => r.hyper.lr)).toEqual([1, 0.05, 0.2]);
    for (const r of out.runners) {
      expect(r.batch).toBe(219);
      expect(r.batches).toBeUndefined(); // only with --emit-batches
      expect(r.points).toHaveLength(31);
      expect(r.loss).toHaveLength(31);
      expect(r.loss[30]).toBeLessThan(r.loss[0]!);
      // No schedule: every step uses the base rate.
      expect(r.schedule).toEqual({ kind: 'constant' });
      expect(r.lr).toEqual(new Array<number>(30).fill(r.hyper.lr as number));
    }
  });

  it('--batch sets every runner’s batch size; batch= gives one runner its own', () => {
    const out = json(
      '--data',
      'penguins-species',
      '--batch',
      '32',
      '--steps',
      '3',
      '--runner',
      'sgd lr=1',
      '--runner',
      'adam lr=0.1 batch=8',
    );
    expect(out.runners.map((r) => r.batch)).toEqual([32, 8]);
  });

  it('--emit-batches prints each step’s rows: full batches, then the smaller last one of an epoch', () => {
    const steps = 16;
    const out = json(
      '--data',
      'penguins-species',
      '--batch',
      '32',
      '--emit-batches',
      '--seed',
      '3',
      '--steps',
      String(steps),
      '--runner',
      'sgd lr=1',
      '--runner',
      'adam lr=0.1 batch=50',
      '--runner',
      'rmsprop lr=0.05 batch=219',
    );
    const [b32, b50, full] = out.runners.map((r) => r.batches!);
    expect(b32).toHaveLength(steps);
    // 219 = 6 × 32 + 27: seven batches an epoch, the last of 27 rows.
    expect(b32!.map((b) => b.length)).toEqual([
      ...[32, 32, 32, 32, 32, 32, 27],
      ...[32, 32, 32, 32, 32, 32, 27],
      ...[32, 32],
    ]);
    // 219 = 4 × 50 + 19.
    expect(b50!.slice(0, 10).map((b) => b.length)).toEqual([
      50, 50, 50, 50, 19, 50, 50, 50, 50, 19,
    ]);
    expect(full!.every((b) => b.length === 219)).toBe(true);
    // Every row once per epoch, and the same shuffled order whatever the batch size.
    const epoch0 = b32!.slice(0, 7).flat();
    expect([...epoch0].sort((a, b) => a - b)).toEqual(range(219));
    expect(b50!.slice(0, 5).flat()).toEqual(epoch0);
    expect(full![0]).toEqual(epoch0);
    // The next epoch is shuffled anew.
    expect(b32!.slice(7, 14).flat()).not.toEqual(epoch0);
    // The same seed replays the same batches.
    const again = json(
      '--data',
      'penguins-species',
      '--batch',
      '32',
      '--emit-batches',
      '--seed',
      '3',
      '--steps',
      String(steps),
      '--runner',
      'sgd lr=1',
    );
    expect(again.runners[0]!.batches).toEqual(b32);
    expect(again.runners[0]!.points).toEqual(out.runners[0]!.points);
  });

  it('takes a schedule and its settings per runner, and prints the rate of every step', () => {
    const out = json(
      '--data',
      'penguins-species',
      '--raw',
      '--steps',
      '50',
      '--runner',
      'adam lr=0.1 schedule=cosine t_max=40',
      '--runner',
      'sgd lr=0.001 schedule=step step_size=10 gamma=0.5',
      '--runner',
      'rmsprop lr=0.05 schedule=exponential gamma=0.9',
      '--runner',
      'momentum lr=0.001 schedule=warmup start_factor=0.2 total_iters=5',
    );
    const specs: ScheduleSpec[] = [
      { kind: 'cosine', t_max: 40, eta_min: 0 },
      { kind: 'step', step_size: 10, gamma: 0.5 },
      { kind: 'exponential', gamma: 0.9 },
      { kind: 'warmup', start_factor: 0.2, total_iters: 5 },
    ];
    out.runners.forEach((r, i) => {
      expect(r.schedule).toEqual(specs[i]);
      expect(r.lr).toHaveLength(50);
      r.lr.forEach((rate, k) => {
        const expected = scheduledRate(specs[i]!, r.hyper.lr as number, k + 1);
        expect(Math.abs(rate - expected)).toBeLessThanOrEqual(1e-12 * (r.hyper.lr as number));
      });
    });
    expect(out.runners[0]!.lr[40]).toBeCloseTo(0, 15); // the cosine's floor at step T_max + 1
    expect(out.runners[1]!.lr.slice(9, 11)).toEqual([0.001, 0.0005]);
    expect(out.runners[3]!.lr[0]).toBeCloseTo(0.0002, 18);
  });

  it.each([
    [
      ['--data', 'penguins-height'],
      '--data',
      'unknown dataset "penguins-height": the datasets are penguins-mass, penguins-species',
    ],
    [
      ['--data', 'penguins-species', '--batch', '0'],
      '--batch',
      'must be a whole number from 1 to 219, got "0"',
    ],
    [
      ['--data', 'penguins-species', '--batch', '220'],
      '--batch',
      'must be a whole number from 1 to 219, got "220"',
    ],
    [['--data', 'penguins-mass', '--batch', '343'], '--batch', 'from 1 to 342'],
    [['--data', 'penguins-mass', '--batch', '2.5'], '--batch', 'must be a whole number'],
    [['--batch', '32'], '--batch', 'applies to a dataset (--data)'],
    [['--landscape', 'bowl', '--batch', '32'], '--batch', 'applies to a dataset (--data)'],
    [['--raw'], '--raw', 'applies to a dataset (--data)'],
    [
      ['--scene', 'one-vs-batch', '--data', 'penguins-species'],
      '--data',
      'runner "SGD, full batch 342" has batch 342, more than the 219 rows of penguins-species',
    ],
    [['--landscape', 'himmelblau', '--raw'], '--raw', 'applies to a dataset (--data)'],
    [['--emit-batches'], '--emit-batches', 'applies to a dataset (--data)'],
    [['--data', 'penguins-mass', '--raw=1'], '--raw', 'takes no value'],
    [
      ['--data', 'penguins-mass', '--landscape', 'bowl'],
      '--data',
      'give one of --data, --landscape and --f',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'sgd batch=0'],
      '--runner',
      'batch must be a whole number from 1 to 342, got "0"',
    ],
    [
      ['--data', 'penguins-species', '--runner', 'sgd batch=500'],
      '--runner',
      'from 1 to 219, got "500"',
    ],
    [['--runner', 'sgd batch=8'], '--runner', 'batch= applies to a dataset (--data)'],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=cosine gamma=0.5'],
      '--runner',
      'schedule cosine has no setting "gamma": it has t_max, eta_min',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=exponential step_size=10'],
      '--runner',
      'schedule exponential has no setting "step_size"',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=step gamma=0'],
      '--runner',
      'gamma must be in (0, 10], got 0',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=exponential gamma=-0.5'],
      '--runner',
      'gamma must be in (0, 10]',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=step step_size=0'],
      '--runner',
      'step_size must be in [1, 1000000], got 0',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=cosine t_max=2.5'],
      '--runner',
      't_max must be a whole number, got 2.5',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam schedule=linear'],
      '--runner',
      'unknown schedule "linear"',
    ],
    [
      ['--data', 'penguins-mass', '--runner', 'adam t_max=40'],
      '--runner',
      't_max is a schedule setting: give schedule=<name> too',
    ],
  ])('refuses %j: exit 2, one line naming %s, nothing on stdout', (argv, argument, reason) => {
    const r = trace(...argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(`trace: ${argument}: `);
    expect(r.stderr).toContain(reason);
  });
});
