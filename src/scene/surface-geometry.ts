import { BufferAttribute, BufferGeometry } from 'three';
import type { SurfaceGrid, WorldFrame } from '../core';

const indices = new Map<number, Uint32Array>();

/**
 * The triangles of an n × n grid of cells, two per cell, counter-clockwise seen from above (+Y,
 * with Z pointing towards −y). The same for every surface of that size, so made once.
 */
function gridIndex(segments: number): Uint32Array {
  const cached = indices.get(segments);
  if (cached) return cached;
  const side = segments + 1;
  const index = new Uint32Array(6 * segments * segments);
  let o = 0;
  for (let j = 0; j < segments; j++) {
    for (let i = 0; i < segments; i++) {
      const a = j * side + i;
      index[o++] = a;
      index[o++] = a + 1;
      index[o++] = a + side;
      index[o++] = a + 1;
      index[o++] = a + side + 1;
      index[o++] = a + side;
    }
  }
  indices.set(segments, index);
  return index;
}

/**
 * The surface mesh of a sampled landscape: (n+1)² vertices over the domain. Heights and normals
 * come from the sampled values and exact gradients; {@link applyVerticalScale} rewrites them in
 * place when the vertical scale changes.
 */
export function buildSurfaceGeometry(
  grid: SurfaceGrid,
  frame: WorldFrame,
  verticalScale: number,
): BufferGeometry {
  const side = grid.segments + 1;
  const count = side * side;
  const positions = new Float32Array(3 * count);
  const uvs = new Float32Array(2 * count);
  const heights = new Float32Array(count);
  const valid = new Float32Array(count);
  const { xMin, xMax, yMin, yMax } = grid.domain;
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const x = xMin + ((xMax - xMin) * i) / grid.segments;
      const y = yMin + ((yMax - yMin) * j) / grid.segments;
      positions[3 * k] = frame.worldX(x);
      positions[3 * k + 2] = frame.worldZ(y);
      uvs[2 * k] = i / grid.segments;
      uvs[2 * k + 1] = j / grid.segments;
      const h = grid.heightMap.height(grid.values[k]!);
      const ok =
        Number.isFinite(h) &&
        Number.isFinite(grid.gradients[2 * k]!) &&
        Number.isFinite(grid.gradients[2 * k + 1]!);
      heights[k] = ok ? Math.min(h, 1.5) : 0;
      valid[k] = ok ? 1 : 0;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(3 * count), 3));
  geometry.setAttribute('uv', new BufferAttribute(uvs, 2));
  geometry.setAttribute('aHeight', new BufferAttribute(heights, 1));
  geometry.setAttribute('aValid', new BufferAttribute(valid, 1));
  geometry.setIndex(new BufferAttribute(gridIndex(grid.segments), 1));
  applyVerticalScale(geometry, grid, frame, verticalScale);
  return geometry;
}

/**
 * Sets Y = K·h(f) and the exact normal n ∝ (−∂Y/∂X, 1, −∂Y/∂Z) with ∂Y/∂X = K·h'(f)·∂f/∂x / u and
 * ∂Y/∂Z = −K·h'(f)·∂f/∂y / u (u world units per domain unit, K = 4·verticalScale).
 */
export function applyVerticalScale(
  geometry: BufferGeometry,
  grid: SurfaceGrid,
  frame: WorldFrame,
  verticalScale: number,
): void {
  const positions = geometry.getAttribute('position') as BufferAttribute;
  const normals = geometry.getAttribute('normal') as BufferAttribute;
  const heights = geometry.getAttribute('aHeight') as BufferAttribute;
  const valid = geometry.getAttribute('aValid') as BufferAttribute;
  const p = positions.array as Float32Array;
  const nrm = normals.array as Float32Array;
  const K = frame.heightUnits * verticalScale;
  const u = frame.width / (grid.domain.xMax - grid.domain.xMin);
  const h = heights.array as Float32Array;
  const ok = valid.array as Float32Array;
  const values = grid.values;
  const gradients = grid.gradients;
  const count = heights.count;
  for (let k = 0; k < count; k++) {
    const hk = h[k]!;
    p[3 * k + 1] = K * hk;
    let sx = 0;
    let sz = 0;
    if (ok[k]! > 0 && hk < 1.5) {
      const slope = (K * grid.heightMap.slope(values[k]!)) / u;
      sx = slope * gradients[2 * k]!;
      sz = -slope * gradients[2 * k + 1]!;
    }
    const inv = 1 / Math.sqrt(sx * sx + 1 + sz * sz);
    nrm[3 * k] = -sx * inv;
    nrm[3 * k + 1] = inv;
    nrm[3 * k + 2] = -sz * inv;
  }
  positions.needsUpdate = true;
  normals.needsUpdate = true;
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
}
