/**
 * A runner's path and losses in bounded memory, however long the race runs.
 *
 * Point k (k = 0 is the start) is kept in the thinned past when k is a multiple of `stride`;
 * the past holds at most `capacity` points: when it is full, every other point is dropped and
 * the stride doubles (1, 2, 4, …), so after n points the past holds between capacity/2 and
 * capacity of them, evenly spaced, and its memory never grows. The last {@link RECENT} points are
 * also kept exactly, in a ring, for the settle rule and the moving end of a trail.
 */
export interface History {
  /** Points recorded so far, the start included (point k is the position after step k). */
  count: number;
  /** Spacing of the thinned past, a power of two. */
  stride: number;
  /** Points in the thinned past: points 0, stride, 2·stride, …, (kept − 1)·stride. */
  kept: number;
  capacity: number;
  xs: Float64Array;
  ys: Float64Array;
  losses: Float64Array;
  recentX: Float64Array;
  recentY: Float64Array;
  recentLoss: Float64Array;
}

/** How many of the latest points a history keeps exactly. */
export const RECENT = 64;

/** Points the thinned past holds at most (a power of two). */
export const HISTORY_CAPACITY = 4096;

/** An empty history (capacity rounded up to an even number ≥ 2). */
export function createHistory(capacity = HISTORY_CAPACITY): History {
  const c = Math.max(2, capacity + (capacity % 2));
  return {
    count: 0,
    stride: 1,
    kept: 0,
    capacity: c,
    xs: new Float64Array(c),
    ys: new Float64Array(c),
    losses: new Float64Array(c),
    recentX: new Float64Array(RECENT),
    recentY: new Float64Array(RECENT),
    recentLoss: new Float64Array(RECENT),
  };
}

/** Appends point `count` = (x, y) with loss f; O(1) amortised, no allocation. */
export function pushHistory(h: History, x: number, y: number, loss: number): void {
  const k = h.count;
  const r = k % RECENT;
  h.recentX[r] = x;
  h.recentY[r] = y;
  h.recentLoss[r] = loss;
  h.count = k + 1;
  if (k % h.stride !== 0) return;
  if (h.kept === h.capacity) {
    // Keep points 0, 2·stride, 4·stride, …: the past now spans twice as far at half the density.
    for (let i = 1; i < h.capacity / 2; i++) {
      h.xs[i] = h.xs[2 * i]!;
      h.ys[i] = h.ys[2 * i]!;
      h.losses[i] = h.losses[2 * i]!;
    }
    h.kept = h.capacity / 2;
    h.stride *= 2;
    if (k % h.stride !== 0) return;
  }
  h.xs[h.kept] = x;
  h.ys[h.kept] = y;
  h.losses[h.kept] = loss;
  h.kept += 1;
}

/** x of the point `back` steps before the last one (0 ≤ back < min(RECENT, count)). */
export const recentX = (h: History, back: number) => h.recentX[(h.count - 1 - back) % RECENT]!;
/** y of the point `back` steps before the last one. */
export const recentY = (h: History, back: number) => h.recentY[(h.count - 1 - back) % RECENT]!;
/** f at the point `back` steps before the last one. */
export const recentLoss = (h: History, back: number) =>
  h.recentLoss[(h.count - 1 - back) % RECENT]!;

/**
 * The points a drawing shows: the thinned past (slots 0 … kept − 1, point index slot·stride) and,
 * when the last point is not in it, the last point as one more slot. Returns the number of slots.
 */
export function historySlots(h: History): number {
  if (h.count === 0) return 0;
  return h.kept + ((h.count - 1) % h.stride === 0 ? 0 : 1);
}

/** The point index (race step) of a drawing slot (see {@link historySlots}). */
export function slotStep(h: History, slot: number): number {
  return slot < h.kept ? slot * h.stride : h.count - 1;
}

/** Writes x, y and f of a drawing slot into out[0..2]. */
export function slotPoint(h: History, slot: number, out: Float64Array | Float32Array | number[]) {
  if (slot < h.kept) {
    out[0] = h.xs[slot]!;
    out[1] = h.ys[slot]!;
    out[2] = h.losses[slot]!;
  } else {
    out[0] = recentX(h, 0);
    out[1] = recentY(h, 0);
    out[2] = recentLoss(h, 0);
  }
}
