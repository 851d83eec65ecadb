import { useEffect, useMemo } from 'react';
import { raceStore, useRace } from '../store/app-store';
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
  // Built once per surface at the vertical scale of the moment (remembered in userData); a new
  // scale is applied in place by the effect below, and only when it differs.
  const geometry = useMemo(() => {
    const scale = raceStore.getState().verticalScale;
    const built = buildSurfaceGeometry(surface, frame, scale);
    built.userData.verticalScale = scale;
    return built;
  }, [surface, frame]);
  useEffect(() => {
    if (geometry.userData.verticalScale === verticalScale) return;
    applyVerticalScale(geometry, surface, frame, verticalScale);
    geometry.userData.verticalScale = verticalScale;
  }, [geometry, surface, frame, verticalScale]);
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
