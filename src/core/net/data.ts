import type { DataColumn } from '../data/datasets';
import { PENGUINS } from '../data/penguins';

/** The measurements the network reads, as named in penguins.json (bill = "Beak" there). */
export const NET_FEATURES = [
  'Beak Length (mm)',
  'Beak Depth (mm)',
  'Flipper Length (mm)',
  'Body Mass (g)',
] as const;

/** The classes the network tells apart, by label: Adelie 0, Chinstrap 1, Gentoo 2. */
export const NET_CLASSES = ['Adelie', 'Chinstrap', 'Gentoo'] as const;

/**
 * The classifier's data: n rows of d = 4 standardized measurements, row-major in `x`
 * (x[i·d + j] = (vᵢⱼ − meanⱼ)/stdⱼ, with the full data's mean and population standard deviation
 * σⱼ = √(Σᵢ(vᵢⱼ − meanⱼ)²/n)), and the class of each row in `y` (0, 1 or 2).
 */
export interface NetData {
  n: number;
  /** Features per row (4). */
  d: number;
  x: Float64Array;
  y: Uint8Array;
  /** Each feature's name and the mean and std it was standardized with. */
  columns: readonly DataColumn[];
  classes: typeof NET_CLASSES;
}

/** Mean and population std, summed left to right (the golden script sums the same way). */
function meanStd(v: readonly number[]): { mean: number; std: number } {
  let s = 0;
  for (const a of v) s += a;
  const mean = s / v.length;
  let q = 0;
  for (const a of v) q += (a - mean) * (a - mean);
  return { mean, std: Math.sqrt(q / v.length) };
}

let cached: NetData | null = null;

/**
 * The Palmer penguins for the species classifier: every row of penguins.json with all four
 * measurements present (342 of 344: 151 Adelie, 68 Chinstrap, 123 Gentoo), in file order, each
 * measurement standardized over these rows. Computed once and shared (treat it as read-only).
 */
export function loadPenguinClasses(): NetData {
  if (cached) return cached;
  const raw: number[][] = NET_FEATURES.map(() => []);
  const y: number[] = [];
  for (const row of PENGUINS) {
    const values = NET_FEATURES.map((name) => row[name]);
    const label = (NET_CLASSES as readonly string[]).indexOf(row.Species);
    if (values.some((v) => v === null) || label < 0) continue;
    values.forEach((v, j) => raw[j]!.push(v!));
    y.push(label);
  }
  const n = y.length;
  const d = NET_FEATURES.length;
  const columns = raw.map((v, j) => ({ name: NET_FEATURES[j]!, ...meanStd(v) }));
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const c = columns[j]!;
      x[i * d + j] = (raw[j]![i]! - c.mean) / c.std;
    }
  }
  cached = { n, d, x, y: Uint8Array.from(y), columns, classes: NET_CLASSES };
  return cached;
}
