import { definePreset } from './define';
import type { Landscape } from './types';

const TAU = 2 * Math.PI;

/** Rosenbrock (1960): f = (1−x)² + 100(y−x²)²; ∇f = (−2(1−x) − 400x(y−x²), 200(y−x²)); min f(1, 1) = 0. */
export const rosenbrock: Landscape = definePreset({
  id: 'rosenbrock',
  suggestedLr: { momentum: 0.005, rmsprop: 0.01, adam: 0.1 },
  name: 'Rosenbrock',
  formula: '(1-x)^2 + 100*(y-x^2)^2',
  group: 'classic',
  domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: [-1.5, 2.5],
  heightScale: 'log',
  valueAndGradient(x, y, g, o) {
    const a = 1 - x;
    const b = y - x * x;
    g[o] = -2 * a - 400 * x * b;
    g[o + 1] = 200 * b;
    return a * a + 100 * b * b;
  },
  minima: [{ x: 1, y: 1, global: true }],
});

/**
 * Beale: f = (1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²; with uₖ = cₖ − x + x·yᵏ,
 * ∂f/∂x = Σ 2uₖ(yᵏ − 1), ∂f/∂y = Σ 2uₖ·k·x·yᵏ⁻¹; min f(3, 0.5) = 0.
 */
export const beale: Landscape = definePreset({
  id: 'beale',
  suggestedLr: { momentum: 0.01, rmsprop: 0.01, adam: 0.03 },
  name: 'Beale',
  formula: '(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2',
  group: 'classic',
  domain: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
  start: [-2, 2],
  heightScale: 'log',
  valueAndGradient(x, y, g, o) {
    const y2 = y * y;
    const y3 = y2 * y;
    const u1 = 1.5 - x + x * y;
    const u2 = 2.25 - x + x * y2;
    const u3 = 2.625 - x + x * y3;
    g[o] = 2 * u1 * (y - 1) + 2 * u2 * (y2 - 1) + 2 * u3 * (y3 - 1);
    g[o + 1] = 2 * u1 * x + 4 * u2 * x * y + 6 * u3 * x * y2;
    return u1 * u1 + u2 * u2 + u3 * u3;
  },
  minima: [{ x: 3, y: 0.5, global: true }],
});

/**
 * Himmelblau: f = (x²+y−11)² + (x+y²−7)²; with a = x²+y−11, b = x+y²−7,
 * ∇f = (4ax + 2b, 2a + 4by); four global minima with f = 0.
 */
export const himmelblau: Landscape = definePreset({
  id: 'himmelblau',
  suggestedLr: { momentum: 0.01, rmsprop: 0.03, adam: 0.1 },
  name: 'Himmelblau',
  formula: '(x^2+y-11)^2 + (x+y^2-7)^2',
  group: 'classic',
  domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: [-0.3, -0.9],
  valueAndGradient(x, y, g, o) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    g[o] = 4 * a * x + 2 * b;
    g[o + 1] = 2 * a + 4 * b * y;
    return a * a + b * b;
  },
  minima: [{ x: 3, y: 2, global: true }],
  minimaSeeds: () => [
    { x: -2.805118, y: 3.131312, global: true },
    { x: -3.77931, y: -3.283186, global: true },
    { x: 3.584428, y: -1.848126, global: true },
  ],
});

/** One coordinate's Newton-refined Rastrigin minimum near integer k: 2a + 20π·sin(2πa) = 0. */
function rastriginMinimum1d(k: number): number {
  let a = k;
  for (let i = 0; i < 50; i++)
    a -=
      (2 * a + 20 * Math.PI * Math.sin(TAU * a)) / (2 + 40 * Math.PI * Math.PI * Math.cos(TAU * a));
  return a;
}

/**
 * Rastrigin: f = 20 + x² − 10cos(2πx) + y² − 10cos(2πy); ∇f = (2x + 20π·sin(2πx), 2y + 20π·sin(2πy));
 * global min f(0, 0) = 0, a local minimum near every integer point.
 */
export const rastrigin: Landscape = definePreset({
  id: 'rastrigin',
  suggestedLr: { momentum: 0.01, rmsprop: 0.01, adam: 0.1 },
  name: 'Rastrigin',
  formula: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  group: 'classic',
  domain: { xMin: -5.12, xMax: 5.12, yMin: -5.12, yMax: 5.12 },
  start: [-4.3, 4.1],
  valueAndGradient(x, y, g, o) {
    g[o] = 2 * x + 20 * Math.PI * Math.sin(TAU * x);
    g[o + 1] = 2 * y + 20 * Math.PI * Math.sin(TAU * y);
    return 20 + x * x - 10 * Math.cos(TAU * x) + y * y - 10 * Math.cos(TAU * y);
  },
  minima: (() => {
    const a = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map(rastriginMinimum1d);
    return a.flatMap((x) => a.map((y) => ({ x, y, global: x === 0 && y === 0 })));
  })(),
});

/** Saddle: f = x² − y², ∇f = (2x, −2y); a saddle point at the origin and no minimum. */
export const saddle: Landscape = definePreset({
  id: 'saddle',
  suggestedLr: { momentum: 0.01, rmsprop: 0.01, adam: 0.03 },
  name: 'Saddle',
  formula: 'x^2 - y^2',
  group: 'classic',
  domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: [-1.8, 0.05],
  valueAndGradient(x, y, g, o) {
    g[o] = 2 * x;
    g[o + 1] = -2 * y;
    return x * x - y * y;
  },
  minima: [],
});

/**
 * Six-hump camel: f = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²;
 * ∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³); two global minima f ≈ −1.0316, four local.
 */
export const sixHumpCamel: Landscape = definePreset({
  id: 'six-hump-camel',
  suggestedLr: { momentum: 0.03, rmsprop: 0.03, adam: 0.1 },
  name: 'Six-hump camel',
  formula: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  group: 'classic',
  domain: { xMin: -3, xMax: 3, yMin: -2, yMax: 2 },
  start: [-2.2, 1.5],
  valueAndGradient(x, y, g, o) {
    const x2 = x * x;
    const y2 = y * y;
    g[o] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
    g[o + 1] = x - 8 * y + 16 * y2 * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  minimaSeeds: () => [
    { x: 0.0898, y: -0.7126, global: true },
    { x: -0.0898, y: 0.7126, global: true },
    { x: -1.7036, y: 0.7961, global: false },
    { x: 1.7036, y: -0.7961, global: false },
    { x: 1.6071, y: 0.5687, global: false },
    { x: -1.6071, y: -0.5687, global: false },
  ],
});

/**
 * Styblinski–Tang: f = ½(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y); ∇f = ½(4x³ − 32x + 5, 4y³ − 32y + 5);
 * global min at x = y ≈ −2.903534 (f ≈ −78.332), three local minima using the root ≈ 2.746803.
 */
export const styblinskiTang: Landscape = definePreset({
  id: 'styblinski-tang',
  suggestedLr: { momentum: 0.01, rmsprop: 0.03, adam: 0.1 },
  name: 'Styblinski–Tang',
  formula: '0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
  group: 'classic',
  domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: [0.3, 0.2],
  valueAndGradient(x, y, g, o) {
    const x2 = x * x;
    const y2 = y * y;
    g[o] = 0.5 * (4 * x2 * x - 32 * x + 5);
    g[o + 1] = 0.5 * (4 * y2 * y - 32 * y + 5);
    return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
  },
  minimaSeeds: () => [
    { x: -2.903534, y: -2.903534, global: true },
    { x: 2.746803, y: -2.903534, global: false },
    { x: -2.903534, y: 2.746803, global: false },
    { x: 2.746803, y: 2.746803, global: false },
  ],
});

/**
 * Ackley (a = 20, b = 0.2, c = 2π): f = −20·exp(−0.2·r) − exp(½(cos 2πx + cos 2πy)) + e + 20 with
 * r = √(½(x² + y²)); ∂f/∂x = 2x·exp(−0.2r)/r + π·sin(2πx)·exp(½(cos 2πx + cos 2πy)), and 0 from the
 * cone at the origin (its subgradient); global min f(0, 0) = 0, local minima near integer points.
 */
export const ackley: Landscape = definePreset({
  id: 'ackley',
  suggestedLr: { momentum: 0.03, rmsprop: 0.03, adam: 0.1 },
  name: 'Ackley',
  formula: '-20*exp(-0.2*sqrt(0.5*(x^2+y^2))) - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))) + e + 20',
  group: 'classic',
  domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: [-4.2, 3.4],
  valueAndGradient(x, y, g, o) {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    const e1 = Math.exp(-0.2 * r);
    const e2 = Math.exp(0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y)));
    const radial = r > 0 ? (2 * e1) / r : 0;
    g[o] = radial * x + Math.PI * Math.sin(TAU * x) * e2;
    g[o + 1] = radial * y + Math.PI * Math.sin(TAU * y) * e2;
    return -20 * e1 - e2 + Math.E + 20;
  },
  minima: [{ x: 0, y: 0, global: true }],
  minimaSeeds: () => {
    const seeds: { x: number; y: number; global: boolean }[] = [];
    for (let i = -5; i <= 5; i++) {
      for (let j = -5; j <= 5; j++)
        if (i !== 0 || j !== 0) seeds.push({ x: i * 0.95, y: j * 0.95, global: false });
    }
    return seeds;
  },
});

/** The Goldstein–Price factors A = 1 + (x+y+1)²·P and B = 30 + (2x−3y)²·Q. */
function goldsteinPriceParts(x: number, y: number) {
  const s = x + y + 1;
  const P = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const d = 2 * x - 3 * y;
  const Q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  return { s, P, d, Q, A: 1 + s * s * P, B: 30 + d * d * Q };
}

/**
 * Goldstein–Price: f = A·B with A = 1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²) and
 * B = 30 + (2x−3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²); ∇f = A'·B + A·B' (product rule);
 * global min f(0, −1) = 3, local minima at about (−0.6, −0.4), (1.8, 0.2), (1.2, 0.8).
 */
export const goldsteinPrice: Landscape = definePreset({
  id: 'goldstein-price',
  suggestedLr: { momentum: 1e-5, rmsprop: 0.1, adam: 0.3 },
  name: 'Goldstein–Price',
  formula:
    '(1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2)) * (30 + (2*x-3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
  group: 'classic',
  domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: [-1.2, 1.4],
  heightScale: 'log',
  valueAndGradient(x, y, g, o) {
    const { s, P, d, Q, A, B } = goldsteinPriceParts(x, y);
    const Pxy = -14 + 6 * x + 6 * y; // ∂P/∂x = ∂P/∂y
    const dA = 2 * s * P + s * s * Pxy; // ∂A/∂x = ∂A/∂y
    const dBx = 4 * d * Q + d * d * (-32 + 24 * x - 36 * y);
    const dBy = -6 * d * Q + d * d * (48 - 36 * x + 54 * y);
    g[o] = dA * B + A * dBx;
    g[o + 1] = dA * B + A * dBy;
    return A * B;
  },
  minima: [{ x: 0, y: -1, global: true }],
  minimaSeeds: () => [
    { x: -0.6, y: -0.4, global: false },
    { x: 1.8, y: 0.2, global: false },
    { x: 1.2, y: 0.8, global: false },
  ],
});

/** The classic optimization test functions, in menu order. */
export const CLASSIC_LANDSCAPES: readonly Landscape[] = [
  rosenbrock,
  beale,
  himmelblau,
  rastrigin,
  saddle,
  sixHumpCamel,
  styblinskiTang,
  ackley,
  goldsteinPrice,
];
