import { createRandom, nextUniform } from '../random';

/**
 * Minibatches drawn as PyTorch's `DataLoader(shuffle=True, drop_last=False)` draws them: each
 * epoch a fresh permutation of the rows 0 … n−1, cut into consecutive batches of `batch` rows,
 * the last one smaller when `batch` does not divide n; one optimizer step takes one batch.
 *
 * The permutation of epoch e depends only on (seed, e) — not on the batch size — so runners
 * with the same batch size see the same batches, and different batch sizes cut the same
 * shuffled order differently.
 */
export interface BatchSampler {
  n: number;
  batch: number;
  seed: number;
  /** The epoch the permutation belongs to (0-based). */
  epoch: number;
  /** The current epoch's permutation of 0 … n−1. */
  order: Uint32Array;
  /** Rows of `order` already handed out this epoch. */
  cursor: number;
  /** Rows handed out since the start (the examples processed). */
  examples: number;
  /** The last batch: a view into `order` (empty before the first step). */
  rows: Uint32Array;
}

/** Mixes a seed and an epoch into one 32-bit seed (two rounds of a murmur-style finaliser). */
function epochSeed(seed: number, epoch: number): number {
  let h = (seed ^ Math.imul(epoch + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Writes the permutation of epoch `epoch` into `out` (length n): the Fisher–Yates shuffle of
 * 0 … n−1, j uniform in 0 … i from 53 random bits, from a generator seeded by (seed, epoch).
 */
export function epochPermutation(seed: number, epoch: number, out: Uint32Array): Uint32Array {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = i;
  const r = createRandom(epochSeed(seed, epoch));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(nextUniform(r) * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** A sampler before its first batch (1 ≤ batch ≤ n). */
export function createSampler(n: number, batch: number, seed: number): BatchSampler {
  const order = epochPermutation(seed, 0, new Uint32Array(n));
  return { n, batch, seed, epoch: 0, order, cursor: 0, examples: 0, rows: order.subarray(0, 0) };
}

/**
 * The next batch (a view, valid until the next call): the following `batch` rows of the epoch's
 * permutation, fewer at the end of an epoch; a spent epoch is replaced by the next one's.
 */
export function nextBatch(s: BatchSampler): Uint32Array {
  if (s.cursor >= s.n) {
    s.epoch += 1;
    epochPermutation(s.seed, s.epoch, s.order);
    s.cursor = 0;
  }
  const start = s.cursor;
  const end = Math.min(s.n, start + s.batch);
  s.cursor = end;
  s.examples += end - start;
  s.rows = s.order.subarray(start, end);
  return s.rows;
}

/** Batches per epoch: ⌈n / batch⌉. */
export function batchesPerEpoch(n: number, batch: number): number {
  return Math.ceil(n / batch);
}

/** A copy (for replay and tests). */
export function cloneSampler(s: BatchSampler): BatchSampler {
  const order = s.order.slice();
  return { ...s, order, rows: order.subarray(s.cursor - s.rows.length, s.cursor) };
}

/**
 * The same stream cut into batches of a new size from here on: the epoch's permutation does not
 * depend on the batch size, so the sampler keeps its place in it (and its count of examples) and
 * only the size of the following batches changes. For changing a runner's batch size while it
 * trains; from the next epoch on it draws exactly the batches of a runner that had that size.
 */
export function resizeSampler(s: BatchSampler, batch: number): BatchSampler {
  return { ...s, batch };
}
