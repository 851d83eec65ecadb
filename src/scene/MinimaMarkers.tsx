import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial, RingGeometry } from 'three';
import { worldHeight } from '../core';
import { useRace } from '../store/app-store';

/**
 * Rings at the known minima: gold for global, small and white for local ones. A typed function
 * can have dozens: they share two geometries and two materials, so a new set of minima costs only
 * the meshes.
 */
export function MinimaMarkers() {
  const landscape = useRace((s) => s.landscape);
  const surface = useRace((s) => s.surface);
  const frame = useRace((s) => s.frame);
  const verticalScale = useRace((s) => s.verticalScale);
  const looks = useMemo(
    () => ({
      global: {
        geometry: new RingGeometry(0.16, 0.24, 32),
        material: new MeshBasicMaterial({
          color: '#ffd54a',
          transparent: true,
          opacity: 0.95,
          depthWrite: false,
        }),
      },
      local: {
        geometry: new RingGeometry(0.08, 0.12, 24),
        material: new MeshBasicMaterial({
          color: '#f4f4f4',
          transparent: true,
          opacity: 0.7,
          depthWrite: false,
        }),
      },
    }),
    [],
  );
  useEffect(
    () => () => {
      for (const look of [looks.global, looks.local]) {
        look.geometry.dispose();
        look.material.dispose();
      }
    },
    [looks],
  );
  return (
    <group name="minima">
      {landscape.minima.map((m, i) => {
        const y = worldHeight(surface.heightMap, frame, verticalScale, m.value) + 0.02;
        const look = m.global ? looks.global : looks.local;
        return (
          <mesh
            key={i}
            geometry={look.geometry}
            material={look.material}
            position={[frame.worldX(m.x), y, frame.worldZ(m.y)]}
            rotation={[-Math.PI / 2, 0, 0]}
          />
        );
      })}
    </group>
  );
}
