import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Race } from '../core';
import { historySlots, runnerDash, slotPoint, slotStep, worldHeight } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { createTrailGeometry, writeTrail } from './trail-geometry';
import { createTrailMaterials } from './trail-material';
import { applyLayerMask, RUNNER_ORDER, runnerLayerMask } from './runner-layers';
import type { Group } from 'three';

/** How far a trail floats above the surface (world units), so it is not buried in it. */
export const TRAIL_LIFT = 0.03;
const point = new Float64Array(3);

/**
 * One runner's fading trail; reads the path in useFrame and writes only what is new. The same
 * ribbon is drawn twice: as seen, and dashed and dimmer where the surface hides it (x-ray).
 */
function Trail({ index, id, color }: { index: number; id: number; color: string }) {
  const geometry = useMemo(() => createTrailGeometry(), []);
  const materials = useMemo(() => createTrailMaterials(color, runnerDash(id)), [color, id]);
  const size = useThree((s) => s.size);
  const dpr = useThree((s) => s.viewport.dpr);
  const group = useRef<Group>(null);
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
    materials.uniforms.uResolution.value.set(size.width, size.height);
    // One dash unit: the trail's width and a half, in device pixels.
    materials.uniforms.uDashScale.value = 1.5 * materials.uniforms.uWidth.value * dpr;
  }, [materials, size, dpr]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(
    () => () => {
      materials.seen.dispose();
      materials.behind.dispose();
    },
    [materials],
  );

  useFrame(() => {
    const state = raceStore.getState();
    const { race, surface, frame, verticalScale } = state;
    const runner = race.runners[index];
    if (!runner) return;
    const m = runnerLayerMask(state, index);
    if (group.current && m !== mask.current) {
      applyLayerMask(group.current, m);
      mask.current = m;
    }
    const h = runner.history;
    const count = h.count;
    const s = seen.current;
    const slots = historySlots(h);
    // A new race, a new height or a doubled stride (the past thinned out) rewrites the trail;
    // otherwise only the points added since, and the moving last point, are written.
    const fresh =
      s.race !== race || s.scale !== verticalScale || count < s.count || h.stride !== s.stride;
    const pointAt = (slot: number, out: Float32Array) => {
      slotPoint(h, slot, point);
      out[0] = frame.worldX(point[0]!);
      out[1] = worldHeight(surface.heightMap, frame, verticalScale, point[2]!) + TRAIL_LIFT;
      out[2] = frame.worldZ(point[1]!);
      return slotStep(h, slot);
    };
    if (fresh) writeTrail(geometry, 0, slots, pointAt);
    else if (count > s.count) writeTrail(geometry, Math.min(s.fixed, h.kept), slots, pointAt);
    s.race = race;
    s.stride = h.stride;
    s.fixed = h.kept;
    s.count = count;
    s.scale = verticalScale;
    materials.uniforms.uHead.value = count - 1;
  });

  return (
    <group ref={group}>
      <mesh
        geometry={geometry}
        material={materials.behind}
        frustumCulled={false}
        renderOrder={RUNNER_ORDER.trailBehind}
      />
      <mesh
        geometry={geometry}
        material={materials.seen}
        frustumCulled={false}
        renderOrder={RUNNER_ORDER.trail}
      />
    </group>
  );
}

/** The trails of every runner, each in its colour and its dash pattern. */
export function Trails() {
  const looks = useRace((s) => s.runners.map((r) => `${r.id} ${r.color}`).join('|'));
  return (
    <group name="trails">
      {(looks ? looks.split('|') : []).map((look, i) => {
        const [id, color] = look.split(' ');
        return <Trail key={`${i}-${look}`} index={i} id={Number(id)} color={color!} />;
      })}
    </group>
  );
}
