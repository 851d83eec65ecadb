/**
 * Downsampling of a long loss curve to the chart's pixel columns, keeping for each column its
 * first, lowest, highest and last value (the M4 scheme). A line through these four points per
 * column draws exactly the pixels the full curve would, so a one-step spike stays visible however
 * long the race. With fewer points than columns every point is its own column.
 */

/** Numbers per column in the output: first index, first, min, max, last index, last. */
export const COLUMN_STRIDE = 6;

/**
 * Groups values[0..count) by pixel column, column(i) = ⌊i·pxPerStep⌋, and writes each column's
 * [first index, first value, min, max, last index, last value] to `out` (which must hold
 * COLUMN_STRIDE numbers per column). Non-finite values are skipped. Returns the number of columns.
 */
export function downsampleColumns(
  values: ArrayLike<number>,
  count: number,
  pxPerStep: number,
  out: Float64Array,
): number {
  let columns = 0;
  let column = -1;
  let o = -COLUMN_STRIDE;
  const capacity = Math.floor(out.length / COLUMN_STRIDE);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const c = Math.floor(i * pxPerStep);
    if (c !== column) {
      if (columns === capacity) break;
      column = c;
      o += COLUMN_STRIDE;
      columns += 1;
      out[o] = i;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = v;
    } else {
      if (v < out[o + 2]!) out[o + 2] = v;
      if (v > out[o + 3]!) out[o + 3] = v;
    }
    out[o + 4] = i;
    out[o + 5] = v;
  }
  return columns;
}
