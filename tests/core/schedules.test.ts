/**
 * Learning-rate schedules: the closed form the formula panel shows agrees with the recurrence the
 * race steps (PyTorch's chainable get_lr), and bad settings are refused with the key and a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceSchedule,
  createSchedule,
  makeScheduleSpec,
  SCHEDULE_KINDS,
  scheduleKeys,
  scheduledRate,
  type ScheduleSpec,
} from '../../src/core/optimizers/schedules';

/** The rates of steps 1 … steps by the recurrence. */
function recurrence(spec: ScheduleSpec, base: number, steps: number): number[] {
  const state = createSchedule(spec, base);
  const rates: number[] = [];
  for (let t = 1; t <= steps; t++) {
    rates.push(state.lr);
    advanceSchedule(state);
  }
  expect(state.epoch).toBe(steps);
  return rates;
}

function made(kind: string, values: Record<string, number | string> = {}): ScheduleSpec {
  const spec = makeScheduleSpec(kind, values);
  if ('ok' in spec) throw new Error(spec.message);
  return spec;
}

const bases = fc.double({ min: 1e-6, max: 10, noNaN: true });
const counts = (max: number) => fc.integer({ min: 1, max });

/** Every schedule with settings in range (rates kept clear of overflow over 1,000 steps). */
const specs: fc.Arbitrary<ScheduleSpec> = fc.oneof(
  fc.constant<ScheduleSpec>({ kind: 'constant' }),
  fc.record({
    kind: fc.constant('step' as const),
    step_size: counts(200),
    gamma: fc.double({ min: 0.05, max: 2, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('exponential' as const),
    gamma: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('cosine' as const),
    t_max: counts(300),
    eta_min: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-3, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('warmup' as const),
    start_factor: fc.double({ min: 1e-3, max: 1, noNaN: true }),
    total_iters: counts(300),
  }),
);

describe('closed form and recurrence', () => {
  it('agree at every step over 1,000 steps, for every schedule and setting', () => {
    fc.assert(
      fc.property(specs, bases, (spec, base) => {
        const rates = recurrence(spec, base, 1000);
        let worst = 0;
        rates.forEach((r, k) => {
          const closed = scheduledRate(spec, base, k + 1);
          // The cosine's rounding is relative to its range; the products' to the rate itself
          // (down to where a long decay runs into the smallest doubles).
          const scale =
            spec.kind === 'cosine'
              ? Math.max(base, spec.eta_min)
              : Math.max(Math.abs(closed), 1e-250);
          worst = Math.max(worst, Math.abs(r - closed) / scale);
        });
        expect(worst).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('the first step uses the base rate (warmup: start_factor of it)', () => {
    fc.assert(
      fc.property(specs, bases, (spec, base) => {
        const first = spec.kind === 'warmup' ? base * spec.start_factor : base;
        expect(createSchedule(spec, base).lr).toBe(first);
        expect(scheduledRate(spec, base, 1)).toBeCloseTo(first, 14);
      }),
    );
  });

  it('step decays by γ every step_size steps: 0.1 → 0.05 at step 31 → 0.025 at step 61', () => {
    const rates = recurrence(made('step', { step_size: 30, gamma: 0.5 }), 0.1, 61);
    expect(rates.slice(0, 30).every((r) => r === 0.1)).toBe(true);
    expect(rates[30]).toBe(0.05);
    expect(rates[59]).toBe(0.05);
    expect(rates[60]).toBe(0.025);
  });

  it('cosine reaches η_min at T_max + 1 and climbs back up after it, as PyTorch’s does', () => {
    fc.assert(
      fc.property(counts(200), bases, (tMax, base) => {
        const etaMin = base / 100;
        const spec = made('cosine', { t_max: tMax, eta_min: etaMin });
        const rates = recurrence(spec, base, 4 * tMax + 2);
        const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-10 * base);
        near(rates[tMax]!, etaMin); // step T_max + 1: after T_max scheduler steps
        near(rates[2 * tMax]!, base); // a full period later, the base rate again
        near(rates[3 * tMax]!, etaMin);
        expect(Math.min(...rates)).toBeGreaterThanOrEqual(etaMin - 1e-12 * base);
        expect(Math.max(...rates)).toBeLessThanOrEqual(base * (1 + 1e-12));
      }),
    );
  });

  it('warmup climbs linearly to the base rate at step total_iters + 1 and stays there', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        counts(200),
        bases,
        (s, n, base) => {
          const rates = recurrence(
            made('warmup', { start_factor: s, total_iters: n }),
            base,
            n + 20,
          );
          for (let k = 1; k < n; k++) expect(rates[k]! - rates[k - 1]!).toBeGreaterThanOrEqual(0);
          for (const r of rates.slice(n)) expect(Math.abs(r - base)).toBeLessThan(1e-12 * base);
        },
      ),
    );
  });

  it('the constant schedule never changes the rate', () => {
    expect(recurrence(made('constant'), 0.3, 500).every((r) => r === 0.3)).toBe(true);
  });
});

describe('makeScheduleSpec', () => {
  it('fills in the defaults of each schedule and takes values as numbers or typed text', () => {
    for (const kind of SCHEDULE_KINDS) {
      const spec = made(kind);
      expect(Object.keys(spec).sort()).toEqual(['kind', ...scheduleKeys(kind)].sort());
    }
    expect(made('step', { step_size: '25', gamma: ' 0.1 ' })).toEqual({
      kind: 'step',
      step_size: 25,
      gamma: 0.1,
    });
    expect(made('cosine', { t_max: 40 })).toEqual({ kind: 'cosine', t_max: 40, eta_min: 0 });
  });

  const refused: [string, Record<string, number | string>, string, RegExp][] = [
    ['linear', {}, 'schedule', /unknown schedule "linear"/],
    ['', {}, 'schedule', /unknown schedule/],
    ['step', { gamma: 0 }, 'gamma', /gamma/],
    ['step', { gamma: -0.5 }, 'gamma', /gamma/],
    ['exponential', { gamma: '0' }, 'gamma', /gamma/],
    ['exponential', { gamma: 11 }, 'gamma', /gamma/],
    ['step', { step_size: 0 }, 'step_size', /step_size/],
    ['step', { step_size: 2.5 }, 'step_size', /whole number/],
    ['cosine', { t_max: 40.5 }, 't_max', /whole number/],
    ['cosine', { t_max: '1e1.5' }, 't_max', /must be a number/],
    ['cosine', { t_max: 0 }, 't_max', /t_max/],
    ['cosine', { eta_min: -1 }, 'eta_min', /eta_min/],
    ['warmup', { start_factor: 0 }, 'start_factor', /start_factor/],
    ['warmup', { start_factor: 1.5 }, 'start_factor', /start_factor/],
    ['warmup', { total_iters: 0 }, 'total_iters', /total_iters/],
    ['exponential', { gamma: 'abc' }, 'gamma', /must be a number, got "abc"/],
    ['exponential', { gamma: Number.NaN }, 'gamma', /finite/],
    [
      'cosine',
      { gamma: 0.5 },
      'gamma',
      /schedule cosine has no setting "gamma": it has t_max, eta_min/,
    ],
    ['constant', { gamma: 0.5 }, 'gamma', /it has none/],
    ['warmup', { warmup: 5 }, 'warmup', /no setting "warmup"/],
  ];
  for (const [kind, values, key, message] of refused) {
    it(`refuses ${kind || '""'} ${JSON.stringify(values)} at ${key}`, () => {
      const r = makeScheduleSpec(kind, values);
      expect(r).toMatchObject({ ok: false, key });
      expect('ok' in r && r.message).toMatch(message);
      expect('ok' in r && r.message).not.toContain('\n');
    });
  }
});
