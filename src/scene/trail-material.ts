import { Color, DoubleSide, GreaterDepth, ShaderMaterial, Vector2, type IUniform } from 'three';
import fragment from '../../shaders/trail.frag?raw';
import vertex from '../../shaders/trail.vert?raw';

/** A trail's two materials: as seen, and its x-ray where the surface hides it. */
export interface TrailMaterials {
  /** The trail where it is in front of the surface. */
  seen: ShaderMaterial;
  /** The same trail where the surface is in front of it: dimmer and dashed (depthFunc GreaterDepth). */
  behind: ShaderMaterial;
  /** The uniforms both share: mutate `.value`, never replace. */
  uniforms: {
    uColor: IUniform<Color>;
    uHead: IUniform<number>;
    uFade: IUniform<number>;
    uWidth: IUniform<number>;
    uResolution: IUniform<Vector2>;
  };
}

/** A trail's materials: they own the uniforms of shaders/trail.{vert,frag}. */
export function createTrailMaterials(color: string): TrailMaterials {
  const uniforms = {
    uColor: { value: new Color(color) },
    uHead: { value: 0 },
    uFade: { value: 300 },
    uWidth: { value: 3 },
    uResolution: { value: new Vector2(1, 1) },
  };
  const material = (behind: boolean) =>
    new ShaderMaterial({
      vertexShader: vertex,
      fragmentShader: fragment,
      transparent: true,
      depthWrite: false,
      ...(behind ? { depthFunc: GreaterDepth } : {}),
      // The ribbon's winding flips with the direction of travel on screen.
      side: DoubleSide,
      // The same uniform objects in both: one write updates both passes.
      uniforms: { ...uniforms, uBehind: { value: behind ? 1 : 0 } },
    });
  return { seen: material(false), behind: material(true), uniforms };
}
