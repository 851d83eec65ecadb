import { DataTexture, DoubleSide, ShaderMaterial, Vector3 } from 'three';
import colormap from '../../shaders/lib/colormap.glsl?raw';
import fragment from '../../shaders/surface.frag?raw';
import vertex from '../../shaders/surface.vert?raw';

/**
 * The surface's material: owns the uniforms of shaders/surface.{vert,frag}. `uHeightScale` is the
 * world height of h = 1 (4 × the vertical scale; see WorldFrame.heightUnits).
 */
export function createSurfaceMaterial(heightScale = 4): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: `${colormap}\n${fragment}`,
    side: DoubleSide,
    uniforms: {
      uHeightScale: { value: heightScale },
      uContours: { value: 24 },
      uWireframe: { value: 0 },
      uGrid: { value: 64 },
      uLightDir: { value: new Vector3(0.4, 1, 0.5).normalize() },
      uBasins: { value: new DataTexture(new Uint8Array(4), 1, 1) },
      uBasinsOn: { value: 0 },
    },
  });
}
