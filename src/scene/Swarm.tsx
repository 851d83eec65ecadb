import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BackSide,
  DynamicDrawUsage,
  IcosahedronGeometry,
  InstancedMesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
} from 'three';
import { worldHeight } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { swarmLive } from '../store/swarm-live';
import { applyLayerMask, runnerLayerMask } from './runner-layers';

/** A swarm ball's radius in world units (a race ball's is 0.16). */
export const SWARM_BALL_RADIUS = 0.055;

/** One runner's swarm: its balls and their light rims, sharing one buffer of instance matrices. */
interface RunnerSwarm {
  id: number;
  balls: InstancedMesh;
  rims: InstancedMesh;
}

function makeRunnerSwarm(
  id: number,
  color: string,
  size: number,
  geometry: { ball: IcosahedronGeometry; rim: IcosahedronGeometry },
) {
  const balls = new InstancedMesh(geometry.ball, new MeshLambertMaterial({ color }), size);
  // The rim: the same balls a little larger, back faces only, light, so every colour (the
  // lecture's black Adam too) stands out from the surface.
  const rims = new InstancedMesh(
    geometry.rim,
    new MeshBasicMaterial({ color: '#f2f2f2', side: BackSide }),
    size,
  );
  balls.instanceMatrix.setUsage(DynamicDrawUsage);
  const m = balls.instanceMatrix.array as Float32Array;
  for (let i = 0; i < size; i++) {
    m.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 16 * i);
  }
  rims.instanceMatrix = balls.instanceMatrix;
  for (const mesh of [balls, rims]) {
    mesh.count = 0;
    mesh.frustumCulled = false;
    mesh.name = `swarm-${id}`;
  }
  return { id, balls, rims };
}

/**
 * The swarm: each visible runner's balls drawn with one instanced mesh (and one for their rims),
 * no object per ball. Positions come from the swarm worker's newest frame (swarmLive), written
 * into the instance matrices only when a new frame came or the surface or vertical scale changed;
 * nothing here renders React per frame.
 */
export function Swarm() {
  const on = useRace((s) => s.swarmOn);
  const size = useRace((s) => s.swarmSize);
  const runners = useRace((s) => s.runners);
  // 20 faces a ball: thousands of them must stay cheap on a software renderer too.
  const geometry = useMemo(
    () => ({
      ball: new IcosahedronGeometry(SWARM_BALL_RADIUS, 0),
      rim: new IcosahedronGeometry(SWARM_BALL_RADIUS * 1.45, 0),
    }),
    [],
  );
  const swarms = useMemo<RunnerSwarm[]>(
    () => (on ? runners.map((r) => makeRunnerSwarm(r.id, r.color, size, geometry)) : []),
    [on, runners, size, geometry],
  );
  useEffect(
    () => () => {
      for (const s of swarms) {
        s.balls.dispose();
        (s.balls.material as MeshLambertMaterial).dispose();
        (s.rims.material as MeshBasicMaterial).dispose();
      }
    },
    [swarms],
  );
  useEffect(
    () => () => {
      geometry.ball.dispose();
      geometry.rim.dispose();
    },
    [geometry],
  );

  const shown = useRef({ version: -1, surface: null as unknown, scale: 0, mask: '' }).current;
  // New meshes start empty: draw them at the next frame.
  useEffect(() => {
    shown.version = -1;
    shown.mask = '';
  }, [swarms, shown]);

  useFrame(() => {
    if (swarms.length === 0) return;
    const state = raceStore.getState();
    const masks = swarms
      .map((s) =>
        runnerLayerMask(
          state,
          state.runners.findIndex((r) => r.id === s.id),
        ),
      )
      .join(',');
    if (masks !== shown.mask) {
      shown.mask = masks;
      swarms.forEach((s, i) => {
        const mask = Number(masks.split(',')[i]);
        applyLayerMask(s.balls, mask);
        applyLayerMask(s.rims, mask);
      });
    }
    const frame = swarmLive.frame;
    const { surface, frame: world, verticalScale } = state;
    if (
      shown.version === swarmLive.version &&
      shown.surface === surface &&
      shown.scale === verticalScale
    )
      return;
    shown.version = swarmLive.version;
    shown.surface = surface;
    shown.scale = verticalScale;
    const lift = SWARM_BALL_RADIUS * 1.2;
    for (const s of swarms) {
      const balls = frame?.runners.find((r) => r.id === s.id)?.balls;
      const n = balls ? Math.min(size, balls.length / 3) : 0;
      const m = s.balls.instanceMatrix.array as Float32Array;
      for (let i = 0; i < n; i++) {
        m[16 * i + 12] = world.worldX(balls![3 * i]!);
        m[16 * i + 13] =
          worldHeight(surface.heightMap, world, verticalScale, balls![3 * i + 2]!) + lift;
        m[16 * i + 14] = world.worldZ(balls![3 * i + 1]!);
      }
      s.balls.count = n;
      s.rims.count = n;
      s.balls.instanceMatrix.clearUpdateRanges();
      s.balls.instanceMatrix.addUpdateRange(0, 16 * n);
      s.balls.instanceMatrix.needsUpdate = true;
    }
  });

  return (
    <group name="swarm">
      {swarms.map((s) => (
        <group key={s.id}>
          <primitive object={s.rims} />
          <primitive object={s.balls} />
        </group>
      ))}
    </group>
  );
}
