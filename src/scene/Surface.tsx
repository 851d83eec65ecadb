import { useEffect, useMemo } from 'react';
import { useRace } from '../store/app-store';
import { buildSurfaceGeometry } from './surface-geometry';
import { createSurfaceMaterial } from './surface-material';
import { noteFirstSurfaceFrame } from './FrameProbe';

/**
 * The landscape as a lit, colour-mapped mesh with contour lines. The mesh wraps the arrays the
 * surface worker made; the vertical scale is a uniform of the material.
 */
export function Surface() {
  const surface = useRace((s) => s.surface);
  const frame = useRace((s) => s.frame);
  const verticalScale = useRace((s) => s.verticalScale);
  const wireframe = useRace((s) => s.wireframe);
  const material = useMemo(() => createSurfaceMaterial(), []);
  const geometry = useMemo(() => buildSurfaceGeometry(surface, frame), [surface, frame]);
  useEffect(() => {
    material.uniforms.uHeightScale!.value = frame.heightUnits * verticalScale;
  }, [material, frame, verticalScale]);
  useEffect(() => {
    material.uniforms.uWireframe!.value = wireframe ? 1 : 0;
  }, [material, wireframe]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  // Heights are applied in the vertex shader, so the mesh's own bounds are flat: never cull it.
  return (
    <mesh
      geometry={geometry}
      material={material}
      name="surface"
      frustumCulled={false}
      onAfterRender={noteFirstSurfaceFrame}
    />
  );
}
