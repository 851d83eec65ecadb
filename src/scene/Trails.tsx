import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Race } from '../core';
import { worldHeight } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { createTrailGeometry, TRAIL_CAPACITY, trailLayout, writeTrail } from './trail-geometry';
import { createTrailMaterial } from './trail-material';
import { applyLayerMask, runnerLayerMask } from './runner-layers';
import type { Mesh } from 'three';

const LIFT = 0.03;

/** One runner's fading trail; reads the path in useFrame and writes only what is new. */
function Trail({ index, color }: { index: number; color: string }) {
  const geometry = useMemo(() => createTrailGeometry(), []);
  const material = useMemo(() => createTrailMaterial(color), [color]);
  const size = useThree((s) => s.size);
  const mesh = useRef<Mesh>(null);
  const mask = useRef(-1);
  const seen = useRef<{
    race: Race | null;
    stride: number;
    fixed: number;
    count: number;
    scale: number;
  }>({
    race: null,
    stride: 1,
    fixed: 0,
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
    const fresh = s.race !== race || s.scale !== verticalScale || count < s.count;
    const layout = trailLayout(count, fresh ? 1 : s.stride, TRAIL_CAPACITY);
    const pointAt = (slot: number, out: Float32Array) => {
      const k = slot < layout.fixed ? slot * layout.stride : count - 1;
      out[0] = frame.worldX(runner.path[2 * k]!);
      out[1] = worldHeight(surface.heightMap, frame, verticalScale, runner.losses[k]!) + LIFT;
      out[2] = frame.worldZ(runner.path[2 * k + 1]!);
      return k;
    };
    if (fresh || layout.stride !== s.stride) writeTrail(geometry, 0, layout.slots, pointAt);
    else if (count > s.count)
      writeTrail(geometry, Math.min(s.fixed, layout.fixed), layout.slots, pointAt);
    s.race = race;
    s.stride = layout.stride;
    s.fixed = layout.fixed;
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
