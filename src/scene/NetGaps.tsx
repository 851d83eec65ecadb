import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type LineSegments, type Mesh } from 'three';
import { worldHeight } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { applyLayerMask, RUNNER_ORDER, runnerLayerMask } from './runner-layers';

/** The dot where a gap line meets the surface (world units; a ball's radius is 0.16). */
const FOOT_RADIUS = 0.05;

/**
 * On a network: where a ball's true loss (its height) differs from the loss of the plane under it
 * (the surface), a thin vertical line in its colour joins the two, so the picture never hides that
 * the runner moves off the plane; a dot marks where the line meets the surface. Positions are written in useFrame; nothing re-renders per frame.
 */
export function NetGaps() {
  const runners = useRace((s) => s.runners);
  const onNet = useRace((s) => s.landscape.net !== undefined);
  const lines = useRef<(LineSegments | null)[]>([]);
  const feet = useRef<(Mesh | null)[]>([]);
  const masks = useRef<number[]>([]);
  const geometries = useMemo(
    () =>
      runners.map(() => {
        const g = new BufferGeometry();
        g.setAttribute('position', new BufferAttribute(new Float32Array(6), 3));
        return g;
      }),
    [runners],
  );
  useEffect(() => {
    masks.current = [];
    return () => geometries.forEach((g) => g.dispose());
  }, [geometries]);

  useFrame(() => {
    const state = raceStore.getState();
    const { race, surface, frame, verticalScale, landscape } = state;
    const tracks = race.replay ? landscape.net?.tracks : undefined;
    race.runners.forEach((runner, i) => {
      const line = lines.current[i];
      const foot = feet.current[i];
      const geometry = geometries[i];
      if (!line || !foot || !geometry) return;
      const track = tracks?.[i];
      const k = Math.min(runner.history.count - 1, (track?.surfaceLoss.length ?? 0) - 1);
      const under = track && k >= 0 ? track.surfaceLoss[k]! : NaN;
      const mask = Number.isFinite(under) ? runnerLayerMask(state, i) : 0;
      if (masks.current[i] !== mask) {
        applyLayerMask(line, mask);
        applyLayerMask(foot, mask);
        masks.current[i] = mask;
      }
      if (mask === 0) return;
      const x = frame.worldX(runner.point[0]!);
      const z = frame.worldZ(runner.point[1]!);
      const top = worldHeight(surface.heightMap, frame, verticalScale, runner.loss);
      const bottom = worldHeight(surface.heightMap, frame, verticalScale, under);
      const p = geometry.getAttribute('position') as BufferAttribute;
      p.setXYZ(0, x, top, z);
      p.setXYZ(1, x, bottom, z);
      p.needsUpdate = true;
      geometry.computeBoundingSphere();
      foot.position.set(x, bottom, z);
    });
  });

  if (!onNet) return null;
  return (
    <group name="net-gaps">
      {runners.map((r, i) => (
        <lineSegments
          key={i}
          ref={(l) => void (lines.current[i] = l)}
          geometry={geometries[i]}
          renderOrder={RUNNER_ORDER.trail}
        >
          <lineBasicMaterial color={r.color} transparent opacity={0.9} depthTest={false} />
        </lineSegments>
      ))}
      {runners.map((r, i) => (
        // Where the line meets the surface: a dot, hidden inside the ball while the gap is small.
        <mesh
          key={`foot-${i}`}
          ref={(m) => void (feet.current[i] = m)}
          renderOrder={RUNNER_ORDER.trail}
        >
          <sphereGeometry args={[FOOT_RADIUS, 12, 8]} />
          <meshBasicMaterial color={r.color} />
        </mesh>
      ))}
    </group>
  );
}
