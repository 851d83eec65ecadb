import { useEffect, useMemo } from 'react';
import { useRace } from '../store/app-store';
import { applyVerticalScale, buildSurfaceGeometry } from './surface-geometry';
import { createSurfaceMaterial } from './surface-material';
import { noteFirstSurfaceFrame } from './FrameProbe';

/** The landscape as a lit, colour-mapped mesh with contour lines. */
export function Surface() {
  const surface = useRace((s) => s.surface);
  const frame = useRace((s) => s.frame);
  const verticalScale = useRace((s) => s.verticalScale);
  const wireframe = useRace((s) => s.wireframe);
  const material = useMemo(() => createSurfaceMaterial(), []);
  // Built once per landscape; the vertical scale is applied in place by the effect below.
  const geometry = useMemo(() => buildSurfaceGeometry(surface, frame, 1), [surface, frame]);

  useEffect(
    () => applyVerticalScale(geometry, surface, frame, verticalScale),
    [geometry, surface, frame, verticalScale],
  );
  useEffect(() => {
    material.uniforms.uWireframe!.value = wireframe ? 1 : 0;
  }, [material, wireframe]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  return (
    <mesh
      geometry={geometry}
      material={material}
      name="surface"
      onAfterRender={noteFirstSurfaceFrame}
    />
  );
}
