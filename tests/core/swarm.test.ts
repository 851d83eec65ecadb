/**
 * Swarms and basin maps: many balls stepped together over typed arrays. A basin map's cell must
 * say exactly what a single race from its centre says; a swarm's per-ball noise must be an
 * ensemble that a seed replays; shared noise must make every ball a single race.
 */
import { describe, expect, it } from 'vitest';
import {
  BALL_CONVERGED,
  BALL_DIVERGED,
  BALL_RUNNING,
  BALL_STUCK,
  BASIN_DIVERGED,
  BASIN_ELSEWHERE,
  BASIN_MOVING,
  basinCentres,
  basinMap,
  basinShares,
  createRace,
  createSwarm,
  dataLandscape,
  defaultSpec,
  getPresetLandscape,
  landscapeFromFunction,
  runRace,
  searchMinima,
  stepRace,
  stepSwarm,
  swarmCounts,
  swarmStarts,
  withMinima,
  type Landscape,
  type OptimizerSpec,
  type Race,
  type RunnerSpec,
  type ScheduleSpec,
  type Shake,
} from '../../src/core';

const preset = (id: string) => getPresetLandscape(id)!;

const runner = (
  kind: OptimizerSpec['kind'],
  lr: number,
  extra: { schedule?: ScheduleSpec; batch?: number } = {},
): RunnerSpec => ({
  label: kind,
  color: '#fff',
  optimizer: { ...defaultSpec(kind), lr } as OptimizerSpec,
  ...extra,
});

const NO_SHAKE: Shake = { sigma: 0, seed: 1 };

/** A race's one runner as a basin map records it. */
function raceOutcome(race: Race): number {
  const r = race.runners[0]!;
  if (r.status === 'diverged') return BASIN_DIVERGED;
  if (r.status === 'running') return BASIN_MOVING;
  if (!r.settledAt) return BASIN_ELSEWHERE;
  const at = r.settledAt;
  const index = race.landscape.minima.findIndex((m) => m.x === at.x && m.y === at.y);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

/** The points of a swarm's balls, as [x, y] pairs. */
const pairs = (points: Float64Array) =>
  Array.from({ length: points.length / 2 }, (_, i) => [points[2 * i]!, points[2 * i + 1]!]);

/** Root-mean-square distance of a swarm's balls to their centroid. */
function spread(points: Float64Array): number {
  const n = points.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += points[2 * i]! / n;
    cy += points[2 * i + 1]! / n;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (points[2 * i]! - cx) ** 2 + (points[2 * i + 1]! - cy) ** 2;
  return Math.sqrt(sum / n);
}

describe('basinCentres', () => {
  const domain = { xMin: -2, xMax: 4, yMin: 1, yMax: 3 };

  it('lists the cell centres row by row from (xMin, yMin)', () => {
    const k = 3;
    const c = basinCentres(domain, k);
    expect(c).toHaveLength(2 * k * k);
    // Cells are 2 wide and 2/3 high.
    expect(pairs(c)).toEqual([
      [-1, 1 + 1 / 3],
      [1, 1 + 1 / 3],
      [3, 1 + 1 / 3],
      [-1, 2],
      [1, 2],
      [3, 2],
      [-1, 3 - 1 / 3],
      [1, 3 - 1 / 3],
      [3, 3 - 1 / 3],
    ]);
    // Index j·k + i sits at (xMin + (i + ½)w/k, yMin + (j + ½)h/k), for a larger grid too.
    const k2 = 7;
    const big = basinCentres(domain, k2);
    for (let j = 0; j < k2; j++)
      for (let i = 0; i < k2; i++) {
        expect(big[2 * (j * k2 + i)]).toBeCloseTo(-2 + ((i + 0.5) * 6) / k2, 12);
        expect(big[2 * (j * k2 + i) + 1]).toBeCloseTo(1 + ((j + 0.5) * 2) / k2, 12);
      }
  });

  it('gives a band of rows the same numbers as the whole grid', () => {
    const k = 9;
    const whole = basinCentres(domain, k);
    for (const [j0, j1] of [
      [0, 1],
      [2, 5],
      [8, 9],
      [0, 9],
    ] as const) {
      const band = basinCentres(domain, k, j0, j1);
      expect(band).toEqual(whole.slice(2 * k * j0, 2 * k * j1));
    }
  });
});

describe('a basin map cell is the race from its centre', () => {
  const bag = preset('plastic-bag');
  const typed = landscapeFromFunction('(x^2 - 1)^2 + 0.5*y^2 + 0.2*x', {
    xMin: -2,
    xMax: 2,
    yMin: -2,
    yMax: 2,
  }) as Landscape;
  const typedWithMinima = withMinima(typed, searchMinima(typed));
  const saddle = landscapeFromFunction('x^2 - y^2 + 0.25*y^4', {
    xMin: -2,
    xMax: 2,
    yMin: -2,
    yMax: 2,
  }) as Landscape;
  const saddleWithMinima = withMinima(saddle, searchMinima(saddle));
  const species = dataLandscape('penguins-species', true);

  const cases: {
    name: string;
    landscape: Landscape;
    runner: RunnerSpec;
    k: number;
    steps: number;
    shake: Shake;
    batch?: number;
    /** A race from some centre settles and then moves off again (the early stop's trap). */
    unsettles?: boolean;
    /** Outcomes the map must hold (beside at least two different ones). */
    shows?: number[];
  }[] = [
    {
      name: 'plastic bag, SGD',
      landscape: bag,
      runner: runner('sgd', 0.05),
      k: 12,
      steps: 300,
      shake: NO_SHAKE,
    },
    {
      name: 'plastic bag, SGD, shaken',
      landscape: bag,
      runner: runner('sgd', 0.05),
      k: 10,
      steps: 300,
      shake: { sigma: 0.1, seed: 7 },
    },
    {
      name: 'rosenbrock, adam',
      landscape: preset('rosenbrock'),
      runner: runner('adam', 0.05),
      k: 10,
      steps: 400,
      shake: NO_SHAKE,
    },
    {
      name: 'rosenbrock, SGD (some diverge)',
      landscape: preset('rosenbrock'),
      runner: runner('sgd', 0.004),
      k: 10,
      steps: 300,
      shake: NO_SHAKE,
      shows: [BASIN_DIVERGED, BASIN_MOVING],
    },
    {
      name: 'himmelblau, adamw, shaken',
      landscape: preset('himmelblau'),
      runner: runner('adamw', 0.1),
      k: 10,
      steps: 300,
      shake: { sigma: 1, seed: 3 },
    },
    {
      name: 'himmelblau, momentum with StepLR',
      landscape: preset('himmelblau'),
      runner: runner('momentum', 0.01, { schedule: { kind: 'step', step_size: 50, gamma: 0.5 } }),
      k: 10,
      steps: 300,
      shake: NO_SHAKE,
    },
    {
      name: 'ravine, RMSProp lr 0.03',
      landscape: preset('ravine'),
      runner: runner('rmsprop', 0.03),
      k: 10,
      steps: 400,
      shake: NO_SHAKE,
      unsettles: true,
      shows: [BASIN_MOVING, 0],
    },
    {
      name: 'rastrigin, RMSProp lr 0.01',
      landscape: preset('rastrigin'),
      runner: runner('rmsprop', 0.01),
      k: 10,
      steps: 400,
      shake: NO_SHAKE,
      unsettles: true,
    },
    {
      name: 'penguins-species, adam, runner batch 8',
      landscape: species,
      runner: runner('adam', 0.05, { batch: 8 }),
      k: 8,
      steps: 600,
      shake: NO_SHAKE,
    },
    {
      name: 'penguins-species, adam, race batch 32',
      landscape: species,
      runner: runner('adam', 0.1),
      k: 8,
      steps: 400,
      shake: NO_SHAKE,
      batch: 32,
    },
    {
      name: 'a typed function, momentum',
      landscape: typedWithMinima,
      runner: runner('momentum', 0.05),
      k: 10,
      steps: 300,
      shake: NO_SHAKE,
      shows: [0, 1],
    },
    {
      // The middle row starts on y = 0, where ∂f/∂y = 0: SGD walks to the saddle at (0, 0).
      name: 'a typed function with a saddle, SGD',
      landscape: saddleWithMinima,
      runner: runner('sgd', 0.1),
      k: 9,
      steps: 300,
      shake: NO_SHAKE,
      shows: [BASIN_ELSEWHERE, 0, 1],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const map = basinMap(c.landscape, {
        runner: c.runner,
        k: c.k,
        steps: c.steps,
        shake: c.shake,
        ...(c.batch !== undefined ? { batch: c.batch } : {}),
      });
      expect(map.grid).toHaveLength(c.k * c.k);
      const centres = basinCentres(c.landscape.domain, c.k);
      let unsettled = 0;
      const expected: number[] = [];
      for (let cell = 0; cell < c.k * c.k; cell++) {
        const race = createRace(
          c.landscape,
          [centres[2 * cell]!, centres[2 * cell + 1]!],
          [c.runner],
          c.shake,
          c.batch !== undefined ? { batch: c.batch } : {},
        );
        let settled = false;
        let left = false;
        for (let s = 0; s < c.steps; s++) {
          stepRace(race);
          const status = race.runners[0]!.status;
          if (status === 'converged' || status === 'stuck') settled = true;
          else if (settled && status === 'running') left = true;
        }
        if (left) unsettled++;
        expected.push(raceOutcome(race));
      }
      expect(Array.from(map.grid)).toEqual(expected);
      // Not a grid of one colour: a cell computed wrongly would show.
      expect(new Set(expected).size).toBeGreaterThan(1);
      for (const o of c.shows ?? []) expect(expected).toContain(o);
      if (c.unsettles) expect(unsettled).toBeGreaterThan(0);
    });
  }
});

describe('basinShares', () => {
  const minima = [
    { x: 0, y: 0, value: 0, global: true },
    { x: 1, y: 1, value: 0.5, global: false },
    { x: -1, y: 1, value: 0.5, global: false },
    { x: 2, y: 2, value: 0, global: true },
  ];

  it('counts a small grid by outcome and adds up to 1', () => {
    // 10 cells: 3 at a global minimum (two of them at the second global one), 3 at local minima,
    // 1 settled elsewhere (a local share too), 2 moving, 1 diverged.
    const grid = Int32Array.from([0, 1, 3, -1, 2, 3, -2, 1, -3, -1]);
    const shares = basinShares(grid, minima);
    expect(shares).toEqual({ global: 0.3, local: 0.4, moving: 0.2, diverged: 0.1 });
    const sum = shares.global + shares.local + shares.moving + shares.diverged;
    expect(sum).toBeCloseTo(1, 12);
  });

  it('counts only the cells computed so far of a partial grid', () => {
    const grid = Int32Array.from([0, 0, 1, -2, 0, 0, 0, 0]);
    expect(basinShares(grid, minima, 4)).toEqual({
      global: 0.5,
      local: 0.25,
      moving: 0,
      diverged: 0.25,
    });
  });
});

describe('a swarm with per-ball noise', () => {
  const himmelblau = preset('himmelblau');
  const shaken = { shake: { sigma: 0.5, seed: 7 }, noise: 'per-ball' } as const;
  const spec = runner('sgd', 0.01);
  /** n balls all at the same start. */
  const sameStart = (n: number, x: number, y: number) =>
    Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? x : y));

  it('spreads a cloud of balls from one start, and the seed replays it bit for bit', () => {
    const a = createSwarm(himmelblau, spec, sameStart(20, -1, -1), shaken);
    stepSwarm(a, 60);
    const points = pairs(a.points).map((p) => p.join(','));
    expect(spread(a.points)).toBeGreaterThan(1e-3);
    expect(new Set(points).size).toBe(20);
    const again = createSwarm(himmelblau, spec, sameStart(20, -1, -1), shaken);
    stepSwarm(again, 60);
    expect(Array.from(again.points)).toEqual(Array.from(a.points));
    const other = createSwarm(himmelblau, spec, sameStart(20, -1, -1), {
      ...shaken,
      shake: { sigma: 0.5, seed: 8 },
    });
    stepSwarm(other, 60);
    for (let i = 0; i < 20; i++) expect(pairs(other.points)[i]).not.toEqual(pairs(a.points)[i]);
  });

  it('gives ball i the same path whatever the swarm’s size', () => {
    const small = createSwarm(himmelblau, spec, sameStart(10, -1, -1), shaken);
    const large = createSwarm(himmelblau, spec, sameStart(50, -1, -1), shaken);
    stepSwarm(small, 60);
    stepSwarm(large, 60);
    expect(Array.from(large.points.slice(0, 20))).toEqual(Array.from(small.points));
  });

  it('draws each ball’s own minibatches on a dataset: a spreading cloud a seed replays', () => {
    const mass = dataLandscape('penguins-mass', true);
    const batched = runner('sgd', 0.1, { batch: 4 });
    const [x, y] = mass.start;
    const make = (n: number, seed: number) => {
      const s = createSwarm(mass, batched, sameStart(n, x, y), {
        shake: { sigma: 0, seed },
        noise: 'per-ball',
      });
      stepSwarm(s, 40);
      return s;
    };
    const a = make(10, 3);
    expect(new Set(pairs(a.points).map((p) => p.join(','))).size).toBe(10);
    expect(spread(a.points)).toBeGreaterThan(1e-2);
    expect(Array.from(make(10, 3).points)).toEqual(Array.from(a.points));
    const other = make(10, 4);
    for (let i = 0; i < 10; i++) expect(pairs(other.points)[i]).not.toEqual(pairs(a.points)[i]);
    expect(Array.from(make(50, 3).points.slice(0, 20))).toEqual(Array.from(a.points));
    // Full batches are no noise at all: every ball takes the one exact path.
    const full = createSwarm(mass, runner('sgd', 0.1), sameStart(5, x, y), { noise: 'per-ball' });
    stepSwarm(full, 40);
    // Up to rounding: each ball sums the same rows in its own shuffled order.
    expect(spread(full.points)).toBeLessThan(1e-12);
  });
});

describe('a swarm with shared noise', () => {
  it('moves every ball exactly as the single shaken race from its start', () => {
    const landscape = preset('himmelblau');
    const spec = runner('momentum', 0.01);
    const shake = { sigma: 2, seed: 11 };
    const starts = swarmStarts(landscape.domain, 16, 'cloud', 3);
    const swarm = createSwarm(landscape, spec, starts, { shake, noise: 'shared' });
    stepSwarm(swarm, 150);
    for (let i = 0; i < 16; i++) {
      const race = runRace(
        createRace(landscape, [starts[2 * i]!, starts[2 * i + 1]!], [spec], shake),
        150,
      );
      expect(pairs(swarm.points)[i]).toEqual([...race.runners[0]!.point]);
    }
  });

  it('draws the race’s minibatches on a dataset', () => {
    const mass = dataLandscape('penguins-mass', true);
    const spec = runner('adam', 0.05, { batch: 4 });
    const shake = { sigma: 0.3, seed: 2 };
    const starts = swarmStarts(mass.domain, 9, 'grid', 1);
    const swarm = createSwarm(mass, spec, starts, { shake, noise: 'shared' });
    stepSwarm(swarm, 80);
    for (let i = 0; i < 9; i++) {
      const race = runRace(
        createRace(mass, [starts[2 * i]!, starts[2 * i + 1]!], [spec], shake),
        80,
      );
      expect(pairs(swarm.points)[i]).toEqual([...race.runners[0]!.point]);
    }
  });
});

describe('swarmCounts', () => {
  it('counts the balls by status as their races would, adding up to the swarm’s size', () => {
    const rosenbrock = preset('rosenbrock');
    const spec = runner('sgd', 0.004);
    const n = 36;
    const starts = swarmStarts(rosenbrock.domain, n, 'grid', 5);
    const swarm = createSwarm(rosenbrock, spec, starts);
    stepSwarm(swarm, 300);
    const counts = swarmCounts(swarm);
    expect(counts.running + counts.converged + counts.stuck + counts.diverged).toBe(n);
    const byRace = { running: 0, converged: 0, stuck: 0, diverged: 0 };
    for (let i = 0; i < n; i++) {
      const race = runRace(
        createRace(rosenbrock, [starts[2 * i]!, starts[2 * i + 1]!], [spec]),
        300,
      );
      byRace[race.runners[0]!.status as keyof typeof byRace]++;
    }
    expect(counts).toEqual(byRace);
    expect(counts.diverged).toBeGreaterThan(0);
    expect(counts.running).toBeGreaterThan(0);
    const status = [BALL_RUNNING, BALL_CONVERGED, BALL_STUCK, BALL_DIVERGED];
    for (const st of swarm.status) expect(status).toContain(st);
  });
});

describe('swarmStarts', () => {
  const domain = { xMin: -3, xMax: 5, yMin: 10, yMax: 12 };
  const inside = (s: Float64Array) =>
    pairs(s).every(
      ([x, y]) => x! >= domain.xMin && x! <= domain.xMax && y! >= domain.yMin && y! <= domain.yMax,
    );

  for (const layout of ['grid', 'cloud'] as const) {
    it(`${layout}: n starts inside the domain, the same for the same seed`, () => {
      for (const n of [1, 7, 49, 50]) {
        const s = swarmStarts(domain, n, layout, 4);
        expect(s).toHaveLength(2 * n);
        expect(inside(s)).toBe(true);
        expect(new Set(pairs(s).map((p) => p.join(','))).size).toBe(n);
        expect(swarmStarts(domain, n, layout, 4)).toEqual(s);
        expect(swarmStarts(domain, n, layout, 5)).not.toEqual(s);
      }
    });
  }

  it('grid: a perfect square of starts puts one in every cell of the grid', () => {
    for (const n of [1, 4, 49, 400]) {
      const side = Math.sqrt(n);
      const s = swarmStarts(domain, n, 'grid', 9);
      const cells = new Set(
        pairs(s).map(([x, y]) => {
          const i = Math.floor(((x! - domain.xMin) / (domain.xMax - domain.xMin)) * side);
          const j = Math.floor(((y! - domain.yMin) / (domain.yMax - domain.yMin)) * side);
          return j * side + i;
        }),
      );
      expect(cells.size).toBe(n);
      for (const c of cells) expect(c).toBeLessThan(n);
    }
  });

  it('cloud: not a grid — some cells of the grid stay empty, others hold several', () => {
    const n = 400;
    const s = swarmStarts(domain, n, 'cloud', 9);
    const cells = new Set(
      pairs(s).map(([x, y]) => {
        const i = Math.floor(((x! - domain.xMin) / (domain.xMax - domain.xMin)) * 20);
        const j = Math.floor(((y! - domain.yMin) / (domain.yMax - domain.yMin)) * 20);
        return j * 20 + i;
      }),
    );
    expect(cells.size).toBeLessThan(n);
  });
});

describe('a ball at an exact fixed point', () => {
  const bowl = preset('bowl');
  const starts = Float64Array.from([-1.6, 1.2, 0.3, -1.9, 1.5, 1.5]);

  it('stops stepping, with the race’s status, point and status step', () => {
    // SGD at lr 0.45 on x² + y² multiplies each coordinate by 0.1 a step: exactly 0 in ~330 steps.
    const spec = runner('sgd', 0.45);
    const swarm = createSwarm(bowl, spec, starts);
    stepSwarm(swarm, 400);
    for (let i = 0; i < 3; i++) {
      expect(swarm.active[i]).toBe(0);
      const race = runRace(createRace(bowl, [starts[2 * i]!, starts[2 * i + 1]!], [spec]), 400);
      const r = race.runners[0]!;
      expect(r.status).toBe('converged');
      expect(swarm.status[i]).toBe(BALL_CONVERGED);
      expect(swarm.statusStep[i]).toBe(r.statusStep);
      expect(pairs(swarm.points)[i]).toEqual([...r.point]);
      // The race goes on standing there; so does the stopped ball.
      runRace(race, 200);
      stepSwarm(swarm, 0);
      expect([...r.point]).toEqual(pairs(swarm.points)[i]);
      expect(r.status).toBe('converged');
    }
    stepSwarm(swarm, 200);
    expect(Array.from(swarm.status)).toEqual([BALL_CONVERGED, BALL_CONVERGED, BALL_CONVERGED]);
  });

  it('keeps stepping while it still moves, however little', () => {
    // At lr 0.05 each step multiplies by 0.9: after 400 steps still ~1e-18 from the bottom.
    const slow = createSwarm(bowl, runner('sgd', 0.05), starts);
    stepSwarm(slow, 400);
    expect(Array.from(slow.active)).toEqual([1, 1, 1]);
    expect(Array.from(slow.status)).toEqual([BALL_CONVERGED, BALL_CONVERGED, BALL_CONVERGED]);
    // Adam's step depends on the step number: never a fixed point, so it never stops.
    const adam = createSwarm(bowl, runner('adam', 0.05), starts);
    stepSwarm(adam, 400);
    expect(Array.from(adam.active)).toEqual([1, 1, 1]);
  });
});
