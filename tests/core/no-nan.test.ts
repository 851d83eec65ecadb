/** Whatever the settings, no NaN or Infinity ever leaves the core. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRace,
  HYPERPARAMETERS,
  landscapeFromFunction,
  makeOptimizerSpec,
  OPTIMIZER_KINDS,
  PRESET_LANDSCAPES,
  RECENT,
  recentLoss,
  recentX,
  recentY,
  recordRace,
  runnerReport,
  isSpecError,
  type Landscape,
} from '../../src/core';

const typed = [
  'exp(x*y)',
  'log(x^2 + y^2)',
  '1/(x*y)',
  'sqrt(abs(x)) + y^4',
  'tan(x) + cosh(3*y)',
  'x^x + y',
].map((f) => landscapeFromFunction(f) as Landscape);
const landscapes = [...PRESET_LANDSCAPES, ...typed];

/** Any optimizer with any hyperparameters its ranges allow (learning rates up to 1e6). */
const optimizerArb = fc.constantFrom(...OPTIMIZER_KINDS).chain((kind) =>
  fc
    .tuple(
      ...HYPERPARAMETERS[kind].map((h) =>
        h.type === 'boolean'
          ? fc.boolean()
          : h.key === 'lr'
            ? fc.double({ min: -8, max: 6, noNaN: true }).map((e) => 10 ** e)
            : fc.double({
                min: h.min ?? 0,
                max: h.max ?? 1,
                noNaN: true,
                maxExcluded: Boolean(h.maxOpen),
              }),
      ),
    )
    .map((values) => {
      const spec = makeOptimizerSpec(
        kind,
        Object.fromEntries(HYPERPARAMETERS[kind].map((h, i) => [h.key, values[i]!])),
      );
      if (isSpecError(spec)) return makeOptimizerSpec(kind);
      return spec;
    }),
);

describe('a runner never reports NaN', () => {
  it('for any landscape, start, optimizer, hyperparameters and shake', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: landscapes.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(optimizerArb, { minLength: 1, maxLength: 3 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true })),
        fc.integer(),
        (li, u, v, optimizers, sigma, seed) => {
          const landscape = landscapes[li]!;
          const d = landscape.domain;
          const start: [number, number] = [
            d.xMin + u * (d.xMax - d.xMin),
            d.yMin + v * (d.yMax - d.yMin),
          ];
          const runners = optimizers.map((o) => ({
            label: 'r',
            color: '#fff',
            optimizer: o as never,
          }));
          const race = createRace(landscape, start, runners, { sigma, seed });
          const trajectories = recordRace(race, 60);
          race.runners.forEach((r, i) => {
            const { points, losses } = trajectories[i]!;
            expect(points.every(Number.isFinite)).toBe(true);
            expect(losses.every(Number.isFinite)).toBe(true);
            const h = r.history;
            const past = [h.xs, h.ys, h.losses].flatMap((a) => [...a.subarray(0, h.kept)]);
            expect(past.every(Number.isFinite)).toBe(true);
            for (let back = 0; back < Math.min(RECENT, h.count); back++)
              expect(
                [recentX(h, back), recentY(h, back), recentLoss(h, back)].every(Number.isFinite),
              ).toBe(true);
            expect([...r.point, ...r.gradient, r.loss].every(Number.isFinite)).toBe(true);
            const report = runnerReport(r);
            if (report) {
              const numbers = Object.values(report)
                .flat()
                .filter((x) => x !== null);
              expect(numbers.every(Number.isFinite)).toBe(true);
            }
            // A runner records a point per step until it diverges, and then stops (a start where
            // f is undefined records none).
            const recorded = r.status === 'diverged' ? r.statusStep! : 61;
            expect(points.length / 2).toBe(recorded);
            expect(losses.length).toBe(recorded);
            expect(h.count).toBe(recorded);
          });
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
