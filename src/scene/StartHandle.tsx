import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group } from 'three';
import { worldHeight } from '../core';
import { raceStore } from '../store/app-store';

/** The start point as a pin standing on the surface; each frame it moves to the store's start. */
export function StartHandle() {
  const group = useRef<Group>(null);
  useFrame(() => {
    const { start, surface, frame, verticalScale, landscape } = raceStore.getState();
    const y = worldHeight(
      surface.heightMap,
      frame,
      verticalScale,
      landscape.value(start[0], start[1]),
    );
    group.current?.position.set(frame.worldX(start[0]), y, frame.worldZ(start[1]));
  });

  return (
    <group ref={group} name="start-handle">
      <mesh position={[0, 0.32, 0]}>
        <cylinderGeometry args={[0.025, 0.025, 0.64, 8]} />
        <meshStandardMaterial color="#f5f5f5" />
      </mesh>
      <mesh position={[0, 0.7, 0]}>
        <sphereGeometry args={[0.11, 24, 12]} />
        <meshStandardMaterial color="#ffffff" emissive="#5a6b80" roughness={0.3} />
      </mesh>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.02, 0]}>
        <ringGeometry args={[0.14, 0.22, 32]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.9} depthWrite={false} />
      </mesh>
    </group>
  );
}
