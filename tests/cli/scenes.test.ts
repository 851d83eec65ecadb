/**
 * Every lecture scene keeps the promise its caption makes, checked through `trace --scene <id>`
 * exactly as a lecturer could run it.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/trace';
import { SCENES } from '../../src/core';

interface Runner {
  label: string;
  points: [number, number][];
  loss: number[];
  status: string;
  statusStep: number | null;
  settledAt?: { global: boolean };
}

function traceScene(id: string, ...extra: string[]): Runner[] {
  let out = '';
  let err = '';
  const status = main(
    ['--scene', id, ...extra],
    (s) => (out += s),
    (s) => (err += s),
  );
  expect(err).toBe('');
  expect(status).toBe(0);
  return (JSON.parse(out) as { runners: Runner[] }).runners;
}

const stepLength = (r: Runner, k: number) =>
  Math.hypot(r.points[k]![0] - r.points[k - 1]![0], r.points[k]![1] - r.points[k - 1]![1]);

const pathLength = (r: Runner) =>
  r.points.slice(1).reduce((sum, _, k) => sum + stepLength(r, k + 1), 0);

describe('the lecture scenes keep their promises', () => {
  it('every scene has captions in both languages and runs through trace', () => {
    expect(SCENES.map((s) => s.id)).toEqual([
      'bowl',
      'bag-strong-shake',
      'bag-gentle-shake',
      'race',
      'momentum-lr',
      'adam-bias',
    ]);
    for (const s of SCENES) {
      expect(s.caption.en.length).toBeGreaterThan(40);
      expect(s.caption.ru.length).toBeGreaterThan(40);
      expect(s.caption.ru).toMatch(/[а-я]/);
    }
  });

  it('bowl: every runner reaches the bottom', () => {
    const runners = traceScene('bowl');
    expect(runners).toHaveLength(3);
    for (const r of runners) expect(r.status).toBe('converged');
  });

  it('bag shaken hard: the grain keeps jumping over the bottom and never settles', () => {
    const [grain] = traceScene('bag-strong-shake');
    expect(grain!.status).toBe('running');
    const late = grain!.points.slice(200);
    const nearBottom = late.filter(([x, y]) => Math.hypot(x, y) < 0.5).length;
    let crossings = 0;
    for (let k = 1; k < late.length; k++)
      if (Math.sign(late[k]![0]) !== Math.sign(late[k - 1]![0])) crossings++;
    expect(nearBottom).toBeGreaterThan(100);
    expect(crossings).toBeGreaterThan(100);
  });

  it('bag shaken gently: the small step is stuck in a fold, momentum gets out to the bottom', () => {
    const [small, momentum] = traceScene('bag-gentle-shake');
    expect(small!.status).toBe('stuck');
    expect(small!.settledAt?.global).toBe(false);
    expect(small!.statusStep!).toBeLessThan(200); // "within seconds" at 60 steps a second
    expect(momentum!.status).toBe('converged');
  });

  it('race: momentum swings from wall to wall, RMSProp walks straight, Adam arrives first and overshoots', () => {
    const [momentum, rmsprop, adam] = traceScene('race');
    for (const r of [momentum!, rmsprop!, adam!]) expect(r.status).toBe('converged');
    const start = momentum!.points[0]!;
    const displacement = Math.hypot(start[0], start[1]);
    expect(pathLength(momentum!) / displacement).toBeGreaterThan(1.5);
    expect(pathLength(rmsprop!) / displacement).toBeLessThan(1.1);
    const arrival = (r: Runner) => r.points.findIndex(([x, y]) => Math.hypot(x, y) < 0.1);
    expect(arrival(adam!)).toBeLessThan(arrival(momentum!));
    expect(arrival(adam!)).toBeLessThan(arrival(rmsprop!));
    expect(Math.max(...adam!.points.map(([x]) => x))).toBeGreaterThan(0.2); // past the bottom at x = 0
  });

  it('momentum-lr: the large learning rate reaches the bottom, the small one stops in a fold', () => {
    const [large, small] = traceScene('momentum-lr');
    expect(large!.status).toBe('converged');
    expect(small!.status).toBe('stuck');
  });

  it('adam-bias: momentum-EMA starts 10× too small; uncorrected Adam starts ~3.16× larger and the gap peaks near step 10', () => {
    const [ema, emaCorrected, adam, adamRaw] = traceScene('adam-bias');
    expect(stepLength(ema!, 1) / stepLength(emaCorrected!, 1)).toBeCloseTo(0.1, 10);
    expect(stepLength(adamRaw!, 1) / stepLength(adam!, 1)).toBeCloseTo(0.1 / Math.sqrt(0.001), 6);
    const ratios = Array.from(
      { length: 40 },
      (_, i) => stepLength(adamRaw!, i + 1) / stepLength(adam!, i + 1),
    );
    const peak = ratios.indexOf(Math.max(...ratios)) + 1;
    expect(peak).toBeGreaterThanOrEqual(7);
    expect(peak).toBeLessThanOrEqual(13);
    expect(Math.max(...ratios)).toBeGreaterThan(5);
  });
});
