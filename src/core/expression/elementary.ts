import type { FunctionName } from './names';

/** u[i] ← f(u[i]) for 0 ≤ i < count, with f one of the named functions (log = ln). */
export function applyFunction(fn: FunctionName, u: Float64Array, count: number): void {
  switch (fn) {
    case 'sin':
      for (let i = 0; i < count; i++) u[i] = Math.sin(u[i]!);
      return;
    case 'cos':
      for (let i = 0; i < count; i++) u[i] = Math.cos(u[i]!);
      return;
    case 'tan':
      for (let i = 0; i < count; i++) u[i] = Math.tan(u[i]!);
      return;
    case 'atan':
      for (let i = 0; i < count; i++) u[i] = Math.atan(u[i]!);
      return;
    case 'sinh':
      for (let i = 0; i < count; i++) u[i] = Math.sinh(u[i]!);
      return;
    case 'cosh':
      for (let i = 0; i < count; i++) u[i] = Math.cosh(u[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) u[i] = Math.tanh(u[i]!);
      return;
    case 'exp':
      for (let i = 0; i < count; i++) u[i] = Math.exp(u[i]!);
      return;
    case 'log':
      for (let i = 0; i < count; i++) u[i] = Math.log(u[i]!);
      return;
    case 'sqrt':
      for (let i = 0; i < count; i++) u[i] = Math.sqrt(u[i]!);
      return;
    case 'abs':
      for (let i = 0; i < count; i++) u[i] = Math.abs(u[i]!);
      return;
  }
}

/**
 * u[i] ← f(u[i]) and a[i] ← f′(u[i]) for 0 ≤ i < count:
 * sin′ = cos, cos′ = −sin, tan′ = 1 + tan², atan′ = 1/(1 + u²), sinh′ = cosh, cosh′ = sinh,
 * tanh′ = 1 − tanh², exp′ = exp, log′ = 1/u, sqrt′ = 1/(2√u), abs′ = sign(u) (0 at 0).
 */
export function applyWithDerivative(
  fn: FunctionName,
  u: Float64Array,
  a: Float64Array,
  count: number,
): void {
  switch (fn) {
    case 'sin':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.sin(w);
        a[i] = Math.cos(w);
      }
      return;
    case 'cos':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.cos(w);
        a[i] = -Math.sin(w);
      }
      return;
    case 'tan':
      for (let i = 0; i < count; i++) {
        const t = Math.tan(u[i]!);
        u[i] = t;
        a[i] = 1 + t * t;
      }
      return;
    case 'atan':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.atan(w);
        a[i] = 1 / (1 + w * w);
      }
      return;
    case 'sinh':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.sinh(w);
        a[i] = Math.cosh(w);
      }
      return;
    case 'cosh':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.cosh(w);
        a[i] = Math.sinh(w);
      }
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) {
        const t = Math.tanh(u[i]!);
        u[i] = t;
        a[i] = 1 - t * t;
      }
      return;
    case 'exp':
      for (let i = 0; i < count; i++) {
        const e = Math.exp(u[i]!);
        u[i] = e;
        a[i] = e;
      }
      return;
    case 'log':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.log(w);
        a[i] = 1 / w;
      }
      return;
    case 'sqrt':
      for (let i = 0; i < count; i++) {
        const s = Math.sqrt(u[i]!);
        u[i] = s;
        a[i] = 0.5 / s;
      }
      return;
    case 'abs':
      for (let i = 0; i < count; i++) {
        const w = u[i]!;
        u[i] = Math.abs(w);
        a[i] = Math.sign(w);
      }
      return;
  }
}
