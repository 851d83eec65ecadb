/** The lecture's landscapes do what the lecture says they do. */
import { describe, expect, it } from 'vitest';
import {
  createRace,
  defaultSpec,
  getPresetLandscape,
  recordRace,
  type OptimizerSpec,
  type Runner,
  type Shake,
  type Trajectory,
} from '../../src/core';

/** Each runner after `steps` steps, with its whole path (`trajectory`). */
function race(
  id: string,
  optimizers: Partial<OptimizerSpec>[],
  steps: number,
  shake?: Shake,
): (Runner & { trajectory: Trajectory })[] {
  const landscape = getPresetLandscape(id)!;
  const runners = optimizers.map((o, i) => ({
    label: `runner ${i}`,
    color: '#fff',
    optimizer: { ...defaultSpec(o.kind!), ...o } as OptimizerSpec,
  }));
  const live = createRace(landscape, landscape.start, runners, shake);
  const trajectories = recordRace(live, steps);
  return live.runners.map((r, i) => ({ ...r, trajectory: trajectories[i]! }));
}

describe('the lecture’s landscapes', () => {
  it('bowl: every optimizer rolls to the one bottom', () => {
    const runners = race(
      'bowl',
      [
        { kind: 'sgd', lr: 0.1 },
        { kind: 'momentum', lr: 0.1 },
        { kind: 'rmsprop', lr: 0.02 },
        { kind: 'adam', lr: 0.05 },
      ],
      800,
    );
    for (const r of runners) expect(r.status).toBe('converged');
  });

  it('plastic bag, shaken gently: a small step settles in a fold, not at the bottom', () => {
    const [grain] = race('plastic-bag', [{ kind: 'sgd', lr: 0.05 }], 1000);
    expect(grain!.status).toBe('stuck');
    expect(grain!.settledAt).not.toBeNull();
    expect(grain!.settledAt!.global).toBe(false);
  });

  it('plastic bag: momentum carries the ball over the folds to the bottom from the same start', () => {
    const [ball] = race('plastic-bag', [{ kind: 'momentum', ema: false, lr: 0.05 }], 1000);
    expect(ball!.status).toBe('converged');
  });

  it('plastic bag, shaken hard with a large step: the grain keeps jumping over the bottom and never settles', () => {
    const [grain] = race('plastic-bag', [{ kind: 'sgd', lr: 0.9 }], 1000, { sigma: 0.3, seed: 1 });
    expect(grain!.status).toBe('running');
    const p = grain!.trajectory.points;
    expect(p.length).toBe(2 * 1001);
    let nearBottom = 0;
    let crossings = 0;
    for (let k = 200; k < p.length / 2; k++) {
      if (Math.hypot(p[2 * k]!, p[2 * k + 1]!) < 0.5) nearBottom++;
      if (Math.sign(p[2 * k]!) !== Math.sign(p[2 * k - 2]!)) crossings++;
    }
    expect(nearBottom).toBeGreaterThan(100); // it does get to the bottom …
    expect(crossings).toBeGreaterThan(100); // … and keeps jumping over it
  });

  it('ravine: plain SGD zig-zags across the walls while momentum and RMSProp glide along the floor', () => {
    const [sgd, momentum, rmsprop] = race(
      'ravine',
      [
        { kind: 'sgd', lr: 0.45 },
        { kind: 'momentum', ema: false, lr: 0.1 },
        { kind: 'rmsprop', lr: 0.05 },
      ],
      60,
    );
    const flips = (p: number[]) => {
      let n = 0;
      for (let k = 1; k < 20; k++) if (Math.sign(p[2 * k + 1]!) !== Math.sign(p[2 * k - 1]!)) n++;
      return n;
    };
    expect(flips(sgd!.trajectory.points)).toBeGreaterThanOrEqual(18);
    expect(flips(momentum!.trajectory.points)).toBeLessThanOrEqual(5);
    expect(flips(rmsprop!.trajectory.points)).toBeLessThanOrEqual(5);
    expect(momentum!.loss).toBeLessThan(sgd!.loss);
    expect(rmsprop!.loss).toBeLessThan(sgd!.loss);
  });

  it('two wells: a small step stops in the shallow well, momentum reaches the deep one', () => {
    const [small, momentum] = race(
      'two-wells',
      [
        { kind: 'sgd', lr: 0.1 },
        { kind: 'momentum', ema: false, lr: 0.5 },
      ],
      1000,
    );
    expect(small!.status).toBe('stuck');
    expect(small!.settledAt?.global).toBe(false);
    expect(momentum!.status).toBe('converged');
  });
});
