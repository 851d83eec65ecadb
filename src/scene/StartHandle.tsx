import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type Group } from 'three';
import { worldHeight } from '../core';
import { raceStore } from '../store/app-store';
import { sceneRefs } from './scene-refs';

const projected = new Vector3();

/**
 * The start point as a pin standing on the surface. Each frame it moves to the store's start and
 * publishes its screen position (CSS pixels in the canvas) for dragging and for tests, as the
 * canvas attribute data-start-screen.
 */
export function StartHandle() {
  const group = useRef<Group>(null);
  const gl = useThree((s) => s.gl);
  const last = useRef('');

  useFrame(({ camera, size }) => {
    const { start, surface, frame, verticalScale, landscape } = raceStore.getState();
    const x = frame.worldX(start[0]);
    const z = frame.worldZ(start[1]);
    const y = worldHeight(
      surface.heightMap,
      frame,
      verticalScale,
      landscape.value(start[0], start[1]),
    );
    group.current?.position.set(x, y, z);
    projected.set(x, y, z).project(camera);
    const sx = ((projected.x + 1) / 2) * size.width;
    const sy = ((1 - projected.y) / 2) * size.height;
    sceneRefs.startScreen.x = sx;
    sceneRefs.startScreen.y = sy;
    const text = `${sx.toFixed(1)},${sy.toFixed(1)}`;
    if (text !== last.current) {
      gl.domElement.setAttribute('data-start-screen', text);
      last.current = text;
    }
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
