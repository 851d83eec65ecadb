import { BufferAttribute, BufferGeometry } from 'three';
import { HISTORY_CAPACITY } from '../core';

/** Points a trail can hold: a runner's whole thinned history plus its moving last point. */
export const TRAIL_CAPACITY = HISTORY_CAPACITY + 1;

/** A ribbon geometry for up to `capacity` points (two vertices per point), drawn up to a range. */
export function createTrailGeometry(capacity = TRAIL_CAPACITY): BufferGeometry {
  const g = new BufferGeometry();
  const v = 2 * capacity;
  g.setAttribute('position', new BufferAttribute(new Float32Array(3 * v), 3));
  g.setAttribute('aPrev', new BufferAttribute(new Float32Array(3 * v), 3));
  g.setAttribute('aNext', new BufferAttribute(new Float32Array(3 * v), 3));
  const side = new Float32Array(v);
  for (let k = 0; k < v; k++) side[k] = k % 2 === 0 ? -1 : 1;
  g.setAttribute('aSide', new BufferAttribute(side, 1));
  g.setAttribute('aIndex', new BufferAttribute(new Float32Array(v), 1));
  const index = new Uint32Array(6 * (capacity - 1));
  for (let k = 0; k < capacity - 1; k++)
    index.set([2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 1, 2 * k + 3, 2 * k + 2], 6 * k);
  g.setIndex(new BufferAttribute(index, 1));
  g.setDrawRange(0, 0);
  return g;
}

/**
 * Writes trail slots [from, to): `pointAt(slot, out)` writes the slot's world position and returns
 * its index in the whole path (for the fade by age). The neighbours' prev/next links are fixed, only
 * the written range is uploaded, and the draw range becomes `to` points.
 */
export function writeTrail(
  g: BufferGeometry,
  from: number,
  to: number,
  pointAt: (slot: number, out: Float32Array) => number,
): void {
  const pos = g.getAttribute('position') as BufferAttribute;
  const prev = g.getAttribute('aPrev') as BufferAttribute;
  const next = g.getAttribute('aNext') as BufferAttribute;
  const idx = g.getAttribute('aIndex') as BufferAttribute;
  const P = pos.array as Float32Array;
  const A = prev.array as Float32Array;
  const B = next.array as Float32Array;
  const I = idx.array as Float32Array;
  const point = scratch;
  const lo = Math.max(0, from - 1);
  for (let s = from; s < to; s++) {
    const k = pointAt(s, point);
    for (let v = 2 * s; v <= 2 * s + 1; v++) {
      P.set(point, 3 * v);
      I[v] = k;
    }
  }
  for (let s = lo; s < to; s++) {
    const ps = Math.max(0, s - 1);
    const ns = Math.min(to - 1, s + 1);
    for (let side = 0; side < 2; side++) {
      const v = 2 * s + side;
      A.set(P.subarray(6 * ps, 6 * ps + 3), 3 * v);
      B.set(P.subarray(6 * ns, 6 * ns + 3), 3 * v);
    }
  }
  for (const attribute of [pos, prev, next]) {
    attribute.clearUpdateRanges();
    attribute.addUpdateRange(6 * lo, 6 * (to - lo));
    attribute.needsUpdate = true;
  }
  idx.clearUpdateRanges();
  idx.addUpdateRange(2 * lo, 2 * (to - lo));
  idx.needsUpdate = true;
  g.setDrawRange(0, Math.max(0, 6 * (to - 1)));
}

const scratch = new Float32Array(3);
