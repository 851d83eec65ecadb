import { PENGUINS } from './penguins';

/** The datasets a race can train on, each with its two-parameter model. */
export const DATASET_IDS = ['penguins-mass', 'penguins-species'] as const;
/** A dataset's id: `penguins-mass` (linear regression) or `penguins-species` (logistic). */
export type DatasetId = (typeof DATASET_IDS)[number];

/** True when `id` names a dataset. */
export function isDatasetId(id: string): id is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(id);
}

/**
 * A model with exactly two trainable parameters, the weight w and the bias b:
 * `linear` predicts ŷ = w·x + b, loss the mean squared error (PyTorch's `MSELoss`, mean);
 * `logistic` predicts p = σ(w·x + b), loss the mean binary cross-entropy from the logit
 * (PyTorch's `BCEWithLogitsLoss`, mean).
 */
export type ModelKind = 'linear' | 'logistic';

/** A column of the data as the model sees it, with how it was standardized (if it was). */
export interface DataColumn {
  /** The column's name in penguins.json, e.g. "Flipper Length (mm)". */
  name: string;
  /** Mean and population standard deviation over the full data (used when standardized). */
  mean: number;
  std: number;
}

/**
 * A dataset ready for training: n rows of one feature x and a target y, exactly as the model
 * sees them (standardized as x ← (x − mean)/std with the full data's mean and population
 * standard deviation, and for regression also y; raw in the data's own units otherwise).
 */
export interface Dataset {
  id: DatasetId;
  model: ModelKind;
  n: number;
  standardized: boolean;
  x: Float64Array;
  y: Float64Array;
  feature: DataColumn;
  target: DataColumn;
  /** For classification: what label 0 and label 1 stand for. */
  classes?: readonly [string, string];
}

function meanStd(v: readonly number[]): { mean: number; std: number } {
  let s = 0;
  for (const a of v) s += a;
  const mean = s / v.length;
  let q = 0;
  for (const a of v) q += (a - mean) * (a - mean);
  return { mean, std: Math.sqrt(q / v.length) };
}

const FLIPPER = 'Flipper Length (mm)';
const MASS = 'Body Mass (g)';
const BILL = 'Beak Length (mm)';

function rawColumns(id: DatasetId): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  if (id === 'penguins-mass') {
    for (const r of PENGUINS) {
      const f = r[FLIPPER];
      const m = r[MASS];
      if (f === null || m === null) continue;
      x.push(f);
      y.push(m);
    }
  } else {
    for (const r of PENGUINS) {
      const b = r[BILL];
      if (b === null || (r.Species !== 'Adelie' && r.Species !== 'Chinstrap')) continue;
      x.push(b);
      y.push(r.Species === 'Chinstrap' ? 1 : 0);
    }
  }
  return { x, y };
}

const cache = new Map<string, Dataset>();

/**
 * The rows of a dataset in file order: `penguins-mass` — body mass (g) from flipper length (mm),
 * every row with both present (342); `penguins-species` — Chinstrap (1) versus Adelie (0) from
 * bill length (mm), Gentoo rows and rows without a bill length dropped (219, 68 Chinstrap).
 * Standardized by default; `standardized = false` keeps the data's own units.
 */
export function loadDataset(id: DatasetId, standardized = true): Dataset {
  const key = `${id}:${standardized}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = rawColumns(id);
  const fx = meanStd(raw.x);
  const fy = meanStd(raw.y);
  const regression = id === 'penguins-mass';
  const scaleY = standardized && regression;
  const dataset: Dataset = {
    id,
    model: regression ? 'linear' : 'logistic',
    n: raw.x.length,
    standardized,
    x: Float64Array.from(raw.x, (v) => (standardized ? (v - fx.mean) / fx.std : v)),
    y: Float64Array.from(raw.y, (v) => (scaleY ? (v - fy.mean) / fy.std : v)),
    feature: { name: regression ? FLIPPER : BILL, ...fx },
    target: { name: regression ? MASS : 'Species', ...fy },
    ...(regression ? {} : { classes: ['Adelie', 'Chinstrap'] as const }),
  };
  cache.set(key, dataset);
  return dataset;
}
