/**
 * Minibatches are drawn as PyTorch's DataLoader(shuffle=True, drop_last=False) draws them: every
 * epoch a fresh permutation of the rows, cut into batches, the last one smaller.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchesPerEpoch,
  cloneSampler,
  createSampler,
  epochPermutation,
  nextBatch,
} from '../../src/core/data/sampler';

const seeds = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** n rows and a batch size 1 … n. */
const rowsAndBatch = fc
  .integer({ min: 1, max: 400 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n })));

const sorted = (rows: ArrayLike<number>) => Array.from(rows).sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The batches of the next `epochs` epochs, each a plain array. */
function draw(n: number, batch: number, seed: number, epochs: number): number[][] {
  const s = createSampler(n, batch, seed);
  const out: number[][] = [];
  for (let k = 0; k < epochs * batchesPerEpoch(n, batch); k++) out.push(Array.from(nextBatch(s)));
  return out;
}

describe('epoch permutations', () => {
  it('each epoch is a permutation of the rows 0 … n−1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        seeds,
        fc.integer({ min: 0, max: 1000 }),
        (n, seed, epoch) => {
          expect(sorted(epochPermutation(seed, epoch, new Uint32Array(n)))).toEqual(range(n));
        },
      ),
    );
  });

  it('depends only on the seed and the epoch, not on what the array held before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), seeds, fc.nat(100), (n, seed, epoch) => {
        const a = epochPermutation(seed, epoch, new Uint32Array(n));
        const junk = Uint32Array.from({ length: n }, (_, i) => 7 * i + 3);
        expect(Array.from(epochPermutation(seed, epoch, junk))).toEqual(Array.from(a));
      }),
    );
  });

  it('reshuffles every epoch and differs between seeds', () => {
    const n = 219;
    const epochs = range(20).map((e) => Array.from(epochPermutation(3, e, new Uint32Array(n))));
    expect(new Set(epochs.map((p) => p.join())).size).toBe(20);
    const other = Array.from(epochPermutation(4, 0, new Uint32Array(n)));
    expect(other).not.toEqual(epochs[0]);
    expect(epochs[0]).not.toEqual(range(n)); // actually shuffled
  });

  it('shuffles fairly: every row lands in every position about equally often', () => {
    const n = 5;
    const epochs = 10_000;
    const counts = range(n).map(() => new Array<number>(n).fill(0));
    const out = new Uint32Array(n);
    for (let e = 0; e < epochs; e++) {
      epochPermutation(11, e, out);
      out.forEach((row, position) => (counts[row]![position]! += 1));
    }
    // Each cell is Binomial(10000, 1/5): mean 2000, standard deviation 40.
    for (const row of counts) for (const c of row) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});

describe('batches', () => {
  it('cover every row exactly once per epoch, in the epoch’s permutation', () => {
    fc.assert(
      fc.property(rowsAndBatch, seeds, ([n, batch], seed) => {
        const s = createSampler(n, batch, seed);
        const per = batchesPerEpoch(n, batch);
        for (let epoch = 0; epoch < 3; epoch++) {
          const rows: number[] = [];
          for (let k = 0; k < per; k++) rows.push(...nextBatch(s));
          expect(s.epoch).toBe(epoch);
          expect(rows).toEqual(Array.from(epochPermutation(seed, epoch, new Uint32Array(n))));
          expect(sorted(rows)).toEqual(range(n));
        }
        expect(s.examples).toBe(3 * n);
      }),
    );
  });

  it('are all full but the last of an epoch, which is smaller when B does not divide n', () => {
    fc.assert(
      fc.property(rowsAndBatch, seeds, ([n, batch], seed) => {
        const per = batchesPerEpoch(n, batch);
        expect(per).toBe(Math.ceil(n / batch));
        const sizes = draw(n, batch, seed, 2).map((b) => b.length);
        const last = n - (per - 1) * batch;
        const epoch = [...new Array<number>(per - 1).fill(batch), last];
        expect(sizes).toEqual([...epoch, ...epoch]);
        expect(last < batch).toBe(n % batch !== 0);
      }),
    );
  });

  it('penguins-species, 219 rows in batches of 32: six of 32 and a last one of 27 each epoch', () => {
    expect(draw(219, 32, 1, 2).map((b) => b.length)).toEqual([
      ...[32, 32, 32, 32, 32, 32, 27],
      ...[32, 32, 32, 32, 32, 32, 27],
    ]);
  });

  it('batch 1 takes the rows one by one; batch n takes every row at every step', () => {
    const one = draw(10, 1, 5, 1).flat();
    expect(one).toEqual(Array.from(epochPermutation(5, 0, new Uint32Array(10))));
    const full = draw(10, 10, 5, 3);
    expect(full.map((b) => sorted(b))).toEqual([range(10), range(10), range(10)]);
  });

  it('the same seed gives the same sequence of batches', () => {
    fc.assert(
      fc.property(rowsAndBatch, seeds, ([n, batch], seed) => {
        expect(draw(n, batch, seed, 3)).toEqual(draw(n, batch, seed, 3));
      }),
    );
  });

  it('different batch sizes cut the same epoch permutation differently, each valid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        seeds,
        (n, b1, b2, seed) => {
          const a = Math.min(b1, n);
          const b = Math.min(b2, n);
          const first = draw(n, a, seed, 2);
          const second = draw(n, b, seed, 2);
          expect(first.flat()).toEqual(second.flat());
          for (const batches of [first, second]) {
            const epoch = batches.slice(0, batches.length / 2).flat();
            expect(sorted(epoch)).toEqual(range(n));
          }
        },
      ),
    );
  });

  it('a copy draws the same batches as the sampler it was copied from', () => {
    fc.assert(
      fc.property(rowsAndBatch, seeds, fc.nat(50), ([n, batch], seed, skip) => {
        const s = createSampler(n, batch, seed);
        for (let k = 0; k < skip; k++) nextBatch(s);
        const copy = cloneSampler(s);
        expect(Array.from(copy.rows)).toEqual(Array.from(s.rows));
        for (let k = 0; k < 20; k++) {
          expect(Array.from(nextBatch(copy))).toEqual(Array.from(nextBatch(s)));
        }
      }),
    );
  });
});
