import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Race } from '../core';
import { worldHeight } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { createTrailGeometry, TRAIL_CAPACITY, writeTrail } from './trail-geometry';
import { createTrailMaterial } from './trail-material';
import { applyLayerMask, runnerLayerMask } from './runner-layers';
import type { Mesh } from 'three';

const LIFT = 0.03;

/** One runner's fading trail; reads the path in useFrame and appends only what is new. */
function Trail({ index, color }: { index: number; color: string }) {
  const geometry = useMemo(() => createTrailGeometry(), []);
  const material = useMemo(() => createTrailMaterial(color), [color]);
  const size = useThree((s) => s.size);
  const mesh = useRef<Mesh>(null);
  const mask = useRef(-1);
  const seen = useRef<{ race: Race | null; first: number; count: number; scale: number }>({
    race: null,
    first: 0,
    count: 0,
    scale: 0,
  });

  useEffect(() => {
    material.uniforms.uResolution!.value.set(size.width, size.height);
  }, [material, size]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  useFrame(() => {
    const state = raceStore.getState();
    const { race, surface, frame, verticalScale } = state;
    const runner = race.runners[index];
    if (!runner) return;
    const m = runnerLayerMask(state, index);
    if (mesh.current && m !== mask.current) {
      applyLayerMask(mesh.current, m);
      mask.current = m;
    }
    const count = runner.path.length / 2;
    const s = seen.current;
    const first = Math.max(0, count - TRAIL_CAPACITY);
    const world = (k: number, out: Float32Array) => {
      out[0] = frame.worldX(runner.path[2 * k]!);
      out[1] = worldHeight(surface.heightMap, frame, verticalScale, runner.losses[k]!) + LIFT;
      out[2] = frame.worldZ(runner.path[2 * k + 1]!);
    };
    const full =
      s.race !== race || s.scale !== verticalScale || first !== s.first || count < s.count;
    if (full) writeTrail(geometry, first, 0, count - first, world);
    else if (count > s.count) writeTrail(geometry, first, s.count - first, count - first, world);
    s.race = race;
    s.first = first;
    s.count = count;
    s.scale = verticalScale;
    material.uniforms.uHead!.value = count - 1;
  });

  return (
    <mesh
      ref={mesh}
      geometry={geometry}
      material={material}
      frustumCulled={false}
      renderOrder={2}
    />
  );
}

/** The trails of every runner. */
export function Trails() {
  const colors = useRace((s) => s.runners.map((r) => r.color).join('|'));
  return (
    <group name="trails">
      {colors.split('|').map((color, i) => (
        <Trail key={`${i}-${color}`} index={i} color={color} />
      ))}
    </group>
  );
}
