import { BufferAttribute, BufferGeometry } from 'three';

/** Points a trail can hold; a longer race shows its last TRAIL_CAPACITY points. */
export const TRAIL_CAPACITY = 4096;

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
 * Writes trail points [from, to) (world coordinates from `world(k, out)`, k being the index in the
 * whole path and `first` the path index stored at slot 0), fixing the neighbours' prev/next links,
 * then sets the draw range to `to` points.
 */
export function writeTrail(
  g: BufferGeometry,
  first: number,
  from: number,
  to: number,
  world: (k: number, out: Float32Array) => void,
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
    world(first + s, point);
    for (let v = 2 * s; v <= 2 * s + 1; v++) {
      P.set(point, 3 * v);
      I[v] = first + s;
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
