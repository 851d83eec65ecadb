import { worldHeight } from '../core';
import { useRace } from '../store/app-store';

/** Rings at the known minima: gold for global, small and white for local ones. */
export function MinimaMarkers() {
  const landscape = useRace((s) => s.landscape);
  const surface = useRace((s) => s.surface);
  const frame = useRace((s) => s.frame);
  const verticalScale = useRace((s) => s.verticalScale);
  return (
    <group name="minima">
      {landscape.minima.map((m, i) => {
        const y = worldHeight(surface.heightMap, frame, verticalScale, m.value) + 0.02;
        return (
          <mesh
            key={i}
            position={[frame.worldX(m.x), y, frame.worldZ(m.y)]}
            rotation={[-Math.PI / 2, 0, 0]}
          >
            <ringGeometry args={m.global ? [0.16, 0.24, 32] : [0.08, 0.12, 24]} />
            <meshBasicMaterial
              color={m.global ? '#ffd54a' : '#f4f4f4'}
              transparent
              opacity={m.global ? 0.95 : 0.7}
              depthWrite={false}
            />
          </mesh>
        );
      })}
    </group>
  );
}
