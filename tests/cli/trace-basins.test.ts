/**
 * `trace --basins k`: every runner's basin map — the outcome of a run from each of k × k cell
 * centres — printed with the race, and a one-line refusal for a bad k.
 */
import { describe, expect, it } from 'vitest';
import { trace, traceJson } from './run-trace';
import { basinCentres, getPresetLandscape } from '../../src/core';

interface Minimum {
  x: number;
  y: number;
  value: number;
  global: boolean;
}

interface BasinTrace {
  landscape: { id: string; minima: Minimum[] };
  steps: number;
  runners: {
    label: string;
    kind: string;
    points: [number, number][];
    status: string;
    settledAt?: Minimum;
    basins?: {
      k: number;
      minima: Minimum[];
      grid: number[];
      shares: { global: number; local: number; moving: number; diverged: number };
    };
  }[];
}

const json = (...argv: string[]) => traceJson<BasinTrace>(...argv);

/** A traced runner's outcome as a basin map records it. */
function outcome(t: BasinTrace, r: BasinTrace['runners'][number]): number {
  if (r.status === 'diverged') return -2;
  if (r.status === 'running') return -1;
  const at = r.settledAt;
  if (!at) return -3;
  return t.landscape.minima.findIndex((m) => m.x === at.x && m.y === at.y);
}

describe('trace --basins', () => {
  const bag = getPresetLandscape('plastic-bag')!;
  const k = 8;
  const steps = '200';
  const runners = ['sgd lr=0.05', 'momentum lr=0.4'];
  let traced: BasinTrace | undefined;
  /** The two runners' maps, traced once for the tests that read them. */
  const mapped = () =>
    (traced ??= json(
      '--basins',
      String(k),
      '--landscape',
      'plastic-bag',
      '--steps',
      steps,
      ...runners.flatMap((r) => ['--runner', r]),
    ));

  it('prints every runner’s map: k² outcomes over the landscape’s minima, and their shares', () => {
    const out = mapped();
    expect(out.runners).toHaveLength(2);
    for (const r of out.runners) {
      const b = r.basins!;
      expect(b.k).toBe(k);
      expect(b.minima).toEqual(bag.minima.map((m) => ({ ...m })));
      expect(b.minima).toEqual(out.landscape.minima);
      expect(b.grid).toHaveLength(k * k);
      for (const o of b.grid) {
        expect(Number.isInteger(o)).toBe(true);
        expect(o).toBeGreaterThanOrEqual(-3);
        expect(o).toBeLessThan(b.minima.length);
      }
      // The shares are the grid's own counts.
      const share = (test: (o: number) => boolean) => b.grid.filter(test).length / (k * k);
      expect(b.shares).toEqual({
        global: share((o) => o >= 0 && b.minima[o]!.global),
        local: share((o) => o === -3 || (o >= 0 && !b.minima[o]!.global)),
        moving: share((o) => o === -1),
        diverged: share((o) => o === -2),
      });
    }
    // Two optimizers, two different maps.
    expect(out.runners[0]!.basins!.grid).not.toEqual(out.runners[1]!.basins!.grid);
  });

  it('gives each cell the outcome of `trace --start <its centre>`', () => {
    const out = mapped();
    const centres = basinCentres(bag.domain, k);
    for (const [index, runner] of runners.entries()) {
      const grid = out.runners[index]!.basins!.grid;
      // The first cell of each outcome the map holds, and the last cell.
      const cells = [...new Set(grid)].map((o) => grid.indexOf(o));
      cells.push(k * k - 1);
      expect(cells.length).toBeGreaterThan(2);
      for (const cell of cells) {
        const single = json(
          '--landscape',
          'plastic-bag',
          '--steps',
          steps,
          '--runner',
          runner,
          '--start',
          `${centres[2 * cell]},${centres[2 * cell + 1]}`,
        );
        expect(outcome(single, single.runners[0]!)).toBe(grid[cell]);
      }
    }
  });

  it('runs 500 steps by default with --basins, --steps when given', () => {
    const byDefault = json('--basins', '4', '--landscape', 'bowl');
    expect(byDefault.steps).toBe(500);
    for (const r of byDefault.runners) expect(r.points).toHaveLength(501);
    expect(json('--landscape', 'bowl').steps).toBe(200);
    expect(json('--basins', '4', '--landscape', 'bowl', '--steps', '30').steps).toBe(30);
  });

  it('prints no basins without --basins', () => {
    for (const r of json('--landscape', 'bowl', '--steps', '5').runners)
      expect(r.basins).toBeUndefined();
  });

  it.each(['1', '0.5', '10000', 'abc', '-4', ''])('refuses --basins %j in one line', (value) => {
    const r = trace('--basins', value, '--landscape', 'bowl');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^trace: --basins: must be a whole number from 2 to \d+, got ".*"\n$/);
  });
});
