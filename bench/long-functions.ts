/**
 * The long typed functions `npm run bench` runs `trace --f` on: each at most 1,000 characters and
 * accepted by the parser, each expensive in its own way (many terms, deep nesting, many exp/log
 * wells with as many local minima), and how long `trace` takes on each.
 */
import { landscapeFromFunction, minimaBudget, searchMinima } from '../src/core';
import { main as trace } from '../src/cli/trace';

/** `sin(k*x+1*y)*cos(1*x-k*y)` for k = 1 … n, joined by `+`. */
function sinCosTerms(n: number): string {
  return Array.from({ length: n }, (_, i) => `sin(${i + 1}*x+1*y)*cos(1*x-${i + 1}*y)`).join('+');
}

/** As many `sin(k*x+1*y)*cos(1*x-k*y)` terms as fit in `length` characters. */
function sinCosUpTo(length: number): string {
  let n = 1;
  while (sinCosTerms(n + 1).length <= length) n++;
  return sinCosTerms(n);
}

/** `depth` nested `sin(x+y*` … `)`: as deep as the parser allows, and long. */
function nested(depth: number): string {
  return `${'sin(x+y*'.repeat(depth)}x${')'.repeat(depth)}`;
}

/** `(v-c)` written without a double sign. */
const minus = (v: string, c: number) =>
  c < 0 ? `(${v}+${(-c).toFixed(1)})` : `(${v}-${c.toFixed(1)})`;

/** Gaussian wells `-exp(-(x-a)^2-(y-b)^2)` on a grid of centres, plus a log bowl, ≤ `length`. */
function expLogWells(length: number): string {
  let text = '0.05*log(1+x^2+y^2)';
  for (let k = 0; ; k++) {
    const a = Math.round(10 * (-2.4 + 0.6 * (k % 9))) / 10;
    const b = Math.round(10 * (-2.4 + 0.6 * Math.floor(k / 9))) / 10;
    const well = `-exp(-${minus('x', a)}^2-${minus('y', b)}^2)*log(2+${(k % 7) + 1}*x^2)`;
    if (text.length + well.length > length) return text;
    text += well;
  }
}

export const LONG_FUNCTIONS: readonly { name: string; text: string }[] = [
  { name: '29 sin·cos terms (the issue’s)', text: sinCosTerms(29) },
  { name: 'sin·cos terms up to 1,000 chars', text: sinCosUpTo(1000) },
  { name: 'nested sin, depth 95', text: nested(95) },
  { name: 'exp/log wells', text: expLogWells(1000) },
];

export interface LongFunctionRun {
  name: string;
  length: number;
  /** Wall time of `trace --f <text> --steps 200` (parse, minima search, race, JSON). */
  traceMs: number;
  /** The process's CPU time over the same call (robust on a loaded machine). */
  traceCpuMs: number;
  /** The minima search on its own: evaluations spent, its budget, whether it completed. */
  evaluations: number;
  budget: number;
  complete: boolean;
  minima: number;
}

/** Runs `trace --f <text> --steps 200` in this process and times it; throws if it fails. */
export function timeLongFunction(name: string, text: string): LongFunctionRun {
  let printed = 0;
  let refused = '';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const status = trace(
    ['--f', text, '--steps', '200'],
    (s) => (printed += s.length),
    (s) => (refused += s),
  );
  const traceMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (status !== 0 || printed === 0) {
    throw new Error(`trace --f "${name}" failed (status ${status}): ${refused.trim()}`);
  }
  const landscape = landscapeFromFunction(text);
  if ('ok' in landscape) throw new Error(`"${name}" does not parse: ${landscape.message}`);
  const search = searchMinima(landscape);
  return {
    name,
    length: text.length,
    traceMs,
    traceCpuMs: (cpu.user + cpu.system) / 1000,
    evaluations: search.evaluations,
    budget: minimaBudget(text.length),
    complete: search.complete,
    minima: search.minima.length,
  };
}
