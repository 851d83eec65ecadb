import { Color, DoubleSide, ShaderMaterial, Vector2 } from 'three';
import fragment from '../../shaders/trail.frag?raw';
import vertex from '../../shaders/trail.vert?raw';

/** A trail's material: owns the uniforms of shaders/trail.{vert,frag}. */
export function createTrailMaterial(color: string): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    transparent: true,
    depthWrite: false,
    // The ribbon's winding flips with the direction of travel on screen.
    side: DoubleSide,
    uniforms: {
      uColor: { value: new Color(color) },
      uHead: { value: 0 },
      uFade: { value: 300 },
      uWidth: { value: 3 },
      uResolution: { value: new Vector2(1, 1) },
    },
  });
}
