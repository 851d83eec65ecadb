/**
 * Races on the penguin datasets and learning-rate schedules against PyTorch's own numbers
 * (tests/golden/make_golden_data.py, float64): the rows torch trained on, every optimizer kind on
 * both datasets raw and standardized, minibatches replayed with our sampler's rows, and every
 * schedule against torch.optim.lr_scheduler.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advanceSchedule,
  createRace,
  createSampler,
  createSchedule,
  dataLandscape,
  isSpecError,
  loadDataset,
  makeOptimizerSpec,
  makeScheduleSpec,
  nextBatch,
  recordRace,
  scheduledRate,
  type DatasetId,
  type RunnerSpec,
  type ScheduleSpec,
} from '../../src/core';

type Settings = { kind: string } & Record<string, number | boolean>;

interface GoldenDataset {
  id: DatasetId;
  standardized: boolean;
  n: number;
  x: number[];
  y: number[];
}

interface GoldenSchedule {
  name: string;
  schedule: { kind: string } & Record<string, number>;
  base: number;
  steps: number;
  lr: number[];
}

interface GoldenRace {
  name: string;
  data: { id: DatasetId; standardized: boolean };
  start: [number, number];
  steps: number;
  batch: number | null;
  seed: number;
  optimizer: Settings;
  schedule: { kind: string } & Record<string, number>;
  batches: number[][] | null;
  points: [number, number][];
  loss: number[];
  lr: number[];
}

const golden = JSON.parse(
  readFileSync(new URL('../golden/data.json', import.meta.url), 'utf8'),
) as { datasets: GoldenDataset[]; schedules: GoldenSchedule[]; races: GoldenRace[] };

/** The measure: |a − b| / (1 + |b|) (as in golden.test.ts). */
const relativeError = (a: number, b: number) => Math.abs(a - b) / (1 + Math.abs(b));
const TOLERANCE = 1e-9;

function scheduleOf(s: GoldenSchedule['schedule']): ScheduleSpec {
  const { kind, ...values } = s;
  const spec = makeScheduleSpec(kind, values);
  if ('ok' in spec) throw new Error(spec.message);
  return spec;
}

/** The learning rates of `steps` steps by the recurrence a race uses. */
function recurrenceRates(spec: ScheduleSpec, base: number, steps: number): number[] {
  const state = createSchedule(spec, base);
  const rates: number[] = [];
  for (let t = 0; t < steps; t++) {
    rates.push(state.lr);
    advanceSchedule(state);
  }
  return rates;
}

describe('the rows torch trained on', () => {
  it('are both datasets, raw and standardized', () => {
    expect(golden.datasets.map((d) => `${d.id} ${d.standardized}`).sort()).toEqual([
      'penguins-mass false',
      'penguins-mass true',
      'penguins-species false',
      'penguins-species true',
    ]);
  });

  for (const d of golden.datasets) {
    it(`are the rows loadDataset gives: ${d.id}${d.standardized ? '' : ' raw'}`, () => {
      const ours = loadDataset(d.id, d.standardized);
      expect(ours.n).toBe(d.n);
      expect(Array.from(ours.x)).toEqual(d.x);
      expect(Array.from(ours.y)).toEqual(d.y);
    });
  }
});

describe('learning-rate schedules match torch.optim.lr_scheduler', () => {
  it('cover every schedule, cosine well past T_max and warmup past its last iteration', () => {
    const kinds = new Set(golden.schedules.map((s) => s.schedule.kind));
    expect([...kinds].sort()).toEqual(['constant', 'cosine', 'exponential', 'step', 'warmup']);
    expect(
      golden.schedules.some((s) => s.schedule.kind === 'cosine' && s.steps > 3 * s.schedule.t_max!),
    ).toBe(true);
    expect(
      golden.schedules.some(
        (s) => s.schedule.kind === 'warmup' && s.steps > s.schedule.total_iters!,
      ),
    ).toBe(true);
    expect(Math.min(...golden.schedules.map((s) => s.steps))).toBeGreaterThanOrEqual(300);
  });

  for (const s of golden.schedules) {
    it(`${s.name}: the rate of every step, by the race’s recurrence and in closed form`, () => {
      const spec = scheduleOf(s.schedule);
      expect(spec).toEqual(s.schedule); // every setting in effect is the one torch used
      expect(s.lr).toHaveLength(s.steps);
      const rates = recurrenceRates(spec, s.base, s.steps);
      let recurrence = 0;
      let closed = 0;
      s.lr.forEach((torchRate, k) => {
        // Relative to the rate itself: a tiny rate late in a decay must be right too.
        recurrence = Math.max(
          recurrence,
          Math.abs(rates[k]! - torchRate) / Math.abs(torchRate || 1),
        );
        closed = Math.max(
          closed,
          Math.abs(scheduledRate(spec, s.base, k + 1) - torchRate) / s.base,
        );
      });
      expect(recurrence).toBeLessThanOrEqual(TOLERANCE);
      expect(closed).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('races on the penguin datasets match torch to 1e-9', () => {
  const key = (r: GoldenRace) => `${r.data.id}${r.data.standardized ? '' : ' raw'}`;

  it('cover every optimizer kind on both datasets, raw and standardized, with full batches', () => {
    const kinds = ['adagrad', 'adam', 'adamw', 'momentum', 'nesterov', 'rmsprop', 'sgd'];
    for (const data of [
      'penguins-mass',
      'penguins-mass raw',
      'penguins-species',
      'penguins-species raw',
    ]) {
      const full = golden.races.filter((r) => key(r) === data && r.batch === null);
      expect([...new Set(full.map((r) => r.optimizer.kind))].sort(), data).toEqual(kinds);
    }
    const has = (test: (o: Settings) => boolean) => golden.races.some((r) => test(r.optimizer));
    expect(has((o) => o.kind === 'momentum' && o.ema === true)).toBe(true);
    expect(has((o) => o.kind === 'momentum' && o.ema === true && o.bias_correction === true)).toBe(
      true,
    );
    expect(has((o) => o.kind === 'momentum' && o.ema === false)).toBe(true);
    expect(has((o) => o.kind === 'rmsprop' && o.centered === true)).toBe(true);
    expect(has((o) => o.kind === 'rmsprop' && (o.momentum as number) > 0)).toBe(true);
    expect(has((o) => o.kind === 'adam' && o.bias_correction === false)).toBe(true);
  });

  it('cover minibatches (one that does not divide n, batch 1) and a trajectory under every schedule', () => {
    const mini = golden.races.filter((r) => r.batch !== null);
    expect(mini.length).toBeGreaterThanOrEqual(4);
    const n = (r: GoldenRace) => loadDataset(r.data.id, r.data.standardized).n;
    expect(mini.some((r) => n(r) % r.batch! !== 0)).toBe(true);
    expect(mini.some((r) => r.batch === 1)).toBe(true);
    // Past the first epoch, so later epochs' permutations are replayed too.
    expect(mini.filter((r) => r.steps * r.batch! > 2 * n(r)).length).toBeGreaterThanOrEqual(3);
    const scheduled = new Set(golden.races.map((r) => r.schedule.kind));
    expect([...scheduled].sort()).toEqual(['constant', 'cosine', 'exponential', 'step', 'warmup']);
    expect(golden.races.some((r) => r.batch !== null && r.schedule.kind !== 'constant')).toBe(true);
  });

  for (const r of golden.races.filter((c) => c.batches !== null)) {
    it(`our sampler still draws the rows torch replayed: ${r.name}`, () => {
      const n = loadDataset(r.data.id, r.data.standardized).n;
      const sampler = createSampler(n, r.batch!, r.seed);
      expect(r.batches).toHaveLength(r.steps);
      r.batches!.forEach((rows, k) => {
        expect(Array.from(nextBatch(sampler)), `step ${k + 1}`).toEqual(rows);
      });
    });
  }

  for (const r of golden.races) {
    it(r.name, () => {
      const landscape = dataLandscape(r.data.id, r.data.standardized);
      const { kind, ...hyper } = r.optimizer;
      const optimizer = makeOptimizerSpec(kind, hyper);
      if (isSpecError(optimizer)) throw new Error(optimizer.message);
      expect(optimizer).toEqual(r.optimizer); // every hyperparameter in effect is the one torch used
      const schedule = scheduleOf(r.schedule);
      const spec: RunnerSpec = {
        label: r.name,
        color: '#000',
        optimizer,
        ...(schedule.kind !== 'constant' ? { schedule } : {}),
        ...(r.batch !== null ? { batch: r.batch } : {}),
      };
      const race = createRace(landscape, r.start, [spec], { sigma: 0, seed: r.seed });
      const trajectory = recordRace(race, r.steps, { batches: true })[0]!;
      const runner = race.runners[0]!;
      expect(runner.status).not.toBe('diverged');
      // Full batch: every row at every step (in the sampler's order; torch sums in file order).
      expect(runner.sampler!.batch).toBe(r.batch ?? landscape.data!.n);
      if (r.batches !== null) expect(trajectory.batches).toEqual(r.batches);
      const { points, losses, lr } = trajectory;
      expect(points.length / 2).toBe(r.steps + 1);
      expect(r.points).toHaveLength(r.steps + 1); // every point torch computed is compared
      expect(lr).toHaveLength(r.steps);
      let worst = 0;
      r.points.forEach(([w, b], k) => {
        worst = Math.max(
          worst,
          relativeError(points[2 * k]!, w),
          relativeError(points[2 * k + 1]!, b),
          relativeError(losses[k]!, r.loss[k]!),
        );
      });
      r.lr.forEach((rate, k) => (worst = Math.max(worst, relativeError(lr[k]!, rate))));
      expect(worst).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
