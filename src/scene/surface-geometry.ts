import { BufferAttribute, BufferGeometry } from 'three';
import { drawingOf, type SurfaceGrid, type WorldFrame } from '../core';

const indices = new Map<number, Uint32Array>();

/**
 * The triangles of an n × n grid of cells, two per cell, counter-clockwise seen from above (+Y,
 * with Z pointing towards −y). The same for every surface of that size, so made once.
 */
export function gridIndex(segments: number): Uint32Array {
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
 * The surface mesh of a sampled landscape: (n+1)² vertices over the domain, wrapping the arrays of
 * its {@link SurfaceDrawing} (made in the worker: no loop over the grid on the main thread). The
 * vertex shader lifts each vertex to Y = K·h and tilts its exact normal by the slopes, K being the
 * material's `uHeightScale`, so the vertical scale is a uniform, not a rewrite of the mesh.
 */
export function buildSurfaceGeometry(grid: SurfaceGrid, frame: WorldFrame): BufferGeometry {
  const d = drawingOf(grid, frame);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(d.positions, 3));
  geometry.setAttribute('uv', new BufferAttribute(d.uvs, 2));
  geometry.setAttribute('aHeight', new BufferAttribute(d.heights, 1));
  geometry.setAttribute('aValid', new BufferAttribute(d.valid, 1));
  geometry.setAttribute('aSlope', new BufferAttribute(d.slopes, 2));
  geometry.setIndex(new BufferAttribute(gridIndex(grid.segments), 1));
  return geometry;
}
