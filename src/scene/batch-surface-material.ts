import {
  DataTexture,
  DoubleSide,
  FloatType,
  RedFormat,
  RGFormat,
  ShaderMaterial,
  Vector2,
  Vector3,
  Vector4,
} from 'three';
import colormap from '../../shaders/lib/colormap.glsl?raw';
import fragment from '../../shaders/batch-surface.frag?raw';
import vertex from '../../shaders/batch-surface.vert?raw';

/**
 * The batch surface's material (shaders/batch-surface.{vert,frag}): `uRows` holds up to `rows`
 * (x, y) pairs of a batch, one per texel; `uFull` the full-data heights for the contour lines.
 */
export function createBatchSurfaceMaterial(rows: number): ShaderMaterial {
  const rowData = new Float32Array(2 * Math.max(1, rows));
  const rowTexture = new DataTexture(rowData, Math.max(1, rows), 1, RGFormat, FloatType);
  rowTexture.needsUpdate = true;
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: `${colormap}\n${fragment}`,
    side: DoubleSide,
    uniforms: {
      uHeightScale: { value: 4 },
      uDomain: { value: new Vector4(0, 1, 0, 1) },
      uWorldScale: { value: new Vector2(1, 1) },
      uHeightMap: { value: new Vector3(0, 1, 0) },
      uModel: { value: 0 },
      uMomentsA: { value: new Vector3() },
      uMomentsB: { value: new Vector2() },
      uRows: { value: rowTexture },
      uCount: { value: 0 },
      uFull: { value: null },
      uFullSide: { value: 2 },
      uContours: { value: 24 },
      uLightDir: { value: new Vector3(0.4, 1, 0.5).normalize() },
    },
  });
}

/** A texture of the full surface's heights on its (n+1)² grid, −1 where f is not finite. */
export function fullHeightTexture(
  heights: Float32Array,
  valid: Float32Array,
  side: number,
): DataTexture {
  const data = new Float32Array(side * side);
  for (let k = 0; k < data.length; k++) data[k] = valid[k]! > 0.5 ? heights[k]! : -1;
  const texture = new DataTexture(data, side, side, RedFormat, FloatType);
  texture.needsUpdate = true;
  return texture;
}
