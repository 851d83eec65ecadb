import {
  BoxGeometry,
  ConeGeometry,
  CylinderGeometry,
  OctahedronGeometry,
  SphereGeometry,
  type BufferGeometry,
} from 'three';
import type { Marker } from '../core';

/**
 * A runner's ball as its marker in 3D, centred on the origin, about `r` in radius: a sphere
 * (circle), a cube (square), a three-sided pyramid pointing up or down (triangles), an octahedron
 * (diamond) or a hexagonal prism (hexagon) — the shapes the top view, legend, chart and clips draw.
 */
export function markerGeometry(marker: Marker, r: number): BufferGeometry {
  switch (marker) {
    case 'circle':
      return new SphereGeometry(r, 32, 16);
    case 'square':
      return new BoxGeometry(1.6 * r, 1.6 * r, 1.6 * r);
    case 'triangle':
      return new ConeGeometry(1.35 * r, 2.1 * r, 3);
    case 'triangle-down':
      return new ConeGeometry(1.35 * r, 2.1 * r, 3).rotateX(Math.PI);
    case 'diamond':
      return new OctahedronGeometry(1.4 * r);
    case 'hexagon':
      return new CylinderGeometry(1.1 * r, 1.1 * r, 1.5 * r, 6);
    default:
      return new SphereGeometry(r, 32, 16);
  }
}
