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
    /** The dash pattern: on, off, … lengths in units of uDashScale (all zero: solid). */
    uDash: IUniform<number[]>;
    /** Device pixels per dash unit. */
    uDashScale: IUniform<number>;
  };
}

/**
 * A trail's materials: they own the uniforms of shaders/trail.{vert,frag}. `dash` is the runner's
 * pattern in units of the line width (see core's DASHES; empty: solid).
 */
export function createTrailMaterials(color: string, dash: readonly number[] = []): TrailMaterials {
  const pattern = Array.from({ length: 6 }, (_, k) => dash[k] ?? 0);
  const uniforms = {
    uColor: { value: new Color(color) },
    uHead: { value: 0 },
    uFade: { value: 300 },
    uWidth: { value: 3 },
    uResolution: { value: new Vector2(1, 1) },
    uDash: { value: pattern },
    uDashScale: { value: 3 },
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
