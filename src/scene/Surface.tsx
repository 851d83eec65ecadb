import { useEffect, useMemo } from 'react';
import { useRace } from '../store/app-store';
import { buildSurfaceGeometry } from './surface-geometry';
import { createSurfaceMaterial } from './surface-material';
import { noteFirstSurfaceFrame } from './FrameProbe';
import { raceStore } from '../store/app-store';
import { basinTexture } from './basin-textures';
import { paneRunnerIndex } from './pane-runner';
import { sceneRefs } from './scene-refs';

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
  // With basin maps on, before each pane is drawn: the map of the runner that pane shows.
  useEffect(() => {
    sceneRefs.beforePane = (pane) => {
      const s = raceStore.getState();
      const runner = s.runners[paneRunnerIndex(s, pane)];
      const texture = s.basinsOn && runner ? basinTexture(runner.id) : null;
      material.uniforms.uBasinsOn!.value = texture ? 1 : 0;
      if (texture) material.uniforms.uBasins!.value = texture;
    };
    return () => {
      sceneRefs.beforePane = null;
    };
  }, [material]);
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
