import { describe, expect, it } from 'vitest';
import { domainSpan, PRESET_LANDSCAPES, getPresetLandscape } from '../../src/core';

/** Central finite differences — in tests only, to check the analytic gradients. */
function centralDifference(
  f: (x: number, y: number) => number,
  x: number,
  y: number,
  h: number,
): [number, number] {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

function pseudoRandomPoints(count: number, seed: number): [number, number][] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => [next(), next()]);
}

describe('presets', () => {
  it('has the lecture landscapes, the classic test functions and the datasets with the issues’ ids', () => {
    expect(PRESET_LANDSCAPES.map((l) => l.id)).toEqual([
      'bowl',
      'plastic-bag',
      'ravine',
      'two-wells',
      'rosenbrock',
      'beale',
      'himmelblau',
      'rastrigin',
      'saddle',
      'six-hump-camel',
      'styblinski-tang',
      'ackley',
      'goldstein-price',
      'penguins-mass',
      'penguins-species',
    ]);
  });

  it.each([
    ['rosenbrock', [0.5, 2], (1 - 0.5) ** 2 + 100 * (2 - 0.25) ** 2],
    ['beale', [1, 2], (1.5 - 1 + 2) ** 2 + (2.25 - 1 + 4) ** 2 + (2.625 - 1 + 8) ** 2],
    ['himmelblau', [1, 1], (1 + 1 - 11) ** 2 + (1 + 1 - 7) ** 2],
    ['rastrigin', [0.5, 0], 20 + 0.25 + 10 - 10],
    ['saddle', [1, 2], 1 - 4],
    ['six-hump-camel', [1, 1], 4 - 2.1 + 1 / 3 + 1 + 0],
    ['styblinski-tang', [1, 2], 0.5 * (1 - 16 + 5 + 16 - 64 + 10)],
    ['ackley', [0, 0], 0],
    ['goldstein-price', [0, -1], 3],
  ] as const)('%s has the textbook formula: f%j = %d', (id, [x, y], expected) => {
    expect(getPresetLandscape(id)!.value(x, y)).toBeCloseTo(expected, 10);
  });

  for (const landscape of PRESET_LANDSCAPES) {
    describe(landscape.id, () => {
      it('has an exact gradient: it agrees with central differences at 200 points of its domain', () => {
        const { xMin, xMax, yMin, yMax } = landscape.domain;
        const g = new Float64Array(2);
        for (const [u, v] of pseudoRandomPoints(200, 7)) {
          const x = xMin + u * (xMax - xMin);
          const y = yMin + v * (yMax - yMin);
          const f = landscape.valueAndGradient(x, y, g, 0);
          expect(f).toBe(landscape.value(x, y));
          const [nx, ny] = centralDifference(landscape.value, x, y, 1e-6);
          const scale = 1 + Math.abs(f) + Math.hypot(nx, ny);
          expect(Math.abs(g[0]! - nx) / scale).toBeLessThan(1e-6);
          expect(Math.abs(g[1]! - ny) / scale).toBeLessThan(1e-6);
        }
      });

      it('writes the batched gradient exactly as the single-point one', () => {
        const pts = pseudoRandomPoints(50, 3).flat();
        const p = Float64Array.from(pts, (u, i) =>
          i % 2 === 0
            ? landscape.domain.xMin + u * (landscape.domain.xMax - landscape.domain.xMin)
            : landscape.domain.yMin + u * (landscape.domain.yMax - landscape.domain.yMin),
        );
        const grad = new Float64Array(100);
        const values = new Float64Array(50);
        landscape.gradientMany(p, 50, grad, values);
        const g = [0, 0];
        for (let i = 0; i < 50; i++) {
          expect(values[i]).toBe(landscape.valueAndGradient(p[2 * i]!, p[2 * i + 1]!, g, 0));
          expect([grad[2 * i], grad[2 * i + 1]]).toEqual(g);
        }
      });

      it('starts inside its domain', () => {
        const [x, y] = landscape.start;
        const d = landscape.domain;
        expect(x >= d.xMin && x <= d.xMax && y >= d.yMin && y <= d.yMax).toBe(true);
      });

      it('lists minima that really are minima: zero gradient, inside the domain, lowest flagged global', () => {
        const g = [0, 0];
        const d = landscape.domain;
        const span = domainSpan(d);
        for (const m of landscape.minima) {
          landscape.valueAndGradient(m.x, m.y, g, 0);
          expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-6);
          expect(m.value).toBe(landscape.value(m.x, m.y));
          expect(m.x >= d.xMin && m.x <= d.xMax && m.y >= d.yMin && m.y <= d.yMax).toBe(true);
          // A minimum, not a saddle: f rises in every direction a little way off.
          for (let a = 0; a < 8; a++) {
            const h = 1e-4 * span;
            expect(landscape.value(m.x + h * Math.cos(a), m.y + h * Math.sin(a))).toBeGreaterThan(
              m.value,
            );
          }
        }
        if (landscape.minima.length > 0) {
          const lowest = Math.min(...landscape.minima.map((m) => m.value));
          for (const m of landscape.minima)
            expect(m.global).toBe(m.value <= lowest + 1e-9 * (1 + Math.abs(lowest)));
        }
        // No two listed minima are the same point.
        const ms = landscape.minima;
        for (let i = 0; i < ms.length; i++) {
          for (let j = i + 1; j < ms.length; j++) {
            expect(Math.hypot(ms[i]!.x - ms[j]!.x, ms[i]!.y - ms[j]!.y)).toBeGreaterThan(
              1e-3 * span,
            );
          }
        }
      });
    });
  }

  it.each([
    ['himmelblau', 4, 0],
    ['six-hump-camel', 6, 2],
    ['styblinski-tang', 4, 1],
    ['rastrigin', 121, 1],
    ['plastic-bag', 25, 1],
    ['two-wells', 2, 1],
    ['goldstein-price', 4, 1],
  ] as const)('%s lists %i minima, %i of them … global', (id, count, globals) => {
    const l = getPresetLandscape(id)!;
    expect(l.minima).toHaveLength(count);
    if (id !== 'himmelblau') expect(l.minima.filter((m) => m.global)).toHaveLength(globals);
    else expect(l.minima.every((m) => m.global && Math.abs(m.value) < 1e-12)).toBe(true);
  });

  it('knows the textbook minimum values', () => {
    const global = (id: string) => getPresetLandscape(id)!.minima.find((m) => m.global)!;
    expect(global('rosenbrock')).toMatchObject({ x: 1, y: 1, value: 0 });
    expect(global('beale')).toMatchObject({ x: 3, y: 0.5, value: 0 });
    expect(global('goldstein-price')).toMatchObject({ x: 0, y: -1, value: 3 });
    expect(global('six-hump-camel').value).toBeCloseTo(-1.031628453, 8);
    expect(global('styblinski-tang').value).toBeCloseTo(-78.33233141, 6);
    expect(global('styblinski-tang').x).toBeCloseTo(-2.903534, 5);
    expect(global('ackley').value).toBeCloseTo(0, 12);
    expect(getPresetLandscape('saddle')!.minima).toHaveLength(0);
  });
});
