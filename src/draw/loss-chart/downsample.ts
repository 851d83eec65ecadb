/**
 * Downsampling of a long loss curve to the chart's pixel columns, keeping for each column its
 * first, lowest, highest and last value (the M4 scheme). A line through these four points per
 * column draws exactly the pixels the full curve would, so a one-step spike stays visible however
 * long the race. With fewer points than columns every point is its own column.
 */

/** Numbers per column in the output: first step, first, min, max, last step, last. */
export const COLUMN_STRIDE = 6;

/**
 * Groups values[0..count), value i at step i·stride, then the optional `tail` point, by pixel
 * column, column = ⌊step·pxPerStep⌋, and writes each column's [first step, first value, min, max,
 * last step, last value] to `out` (which must hold COLUMN_STRIDE numbers per column). Non-finite
 * values are skipped. Returns the number of columns.
 */
export function downsampleColumns(
  values: ArrayLike<number>,
  count: number,
  pxPerStep: number,
  out: Float64Array,
  stride = 1,
  tail: { step: number; value: number } | null = null,
): number {
  let columns = 0;
  let column = -1;
  let o = -COLUMN_STRIDE;
  const capacity = Math.floor(out.length / COLUMN_STRIDE);
  const total = count + (tail ? 1 : 0);
  for (let i = 0; i < total; i++) {
    const v = i < count ? values[i]! : tail!.value;
    const step = i < count ? i * stride : tail!.step;
    if (!Number.isFinite(v)) continue;
    const c = Math.floor(step * pxPerStep);
    if (c !== column) {
      if (columns === capacity) break;
      column = c;
      o += COLUMN_STRIDE;
      columns += 1;
      out[o] = step;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = v;
    } else {
      if (v < out[o + 2]!) out[o + 2] = v;
      if (v > out[o + 3]!) out[o + 3] = v;
    }
    out[o + 4] = step;
    out[o + 5] = v;
  }
  return columns;
}
