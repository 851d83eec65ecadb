import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BackSide,
  IcosahedronGeometry,
  InstancedBufferAttribute,
  InstancedBufferGeometry,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Vector4,
  type Material,
} from 'three';
import type { HeightMap, WorldFrame } from '../core';
import swarmBallChunk from '../../shaders/swarm-ball.glsl?raw';
import { raceStore, useRace } from '../store/app-store';
import { swarmLive } from '../store/swarm-live';
import { applyLayerMask, runnerLayerMask } from './runner-layers';

/** A swarm ball's radius in world units (a race ball's is 0.16). */
export const SWARM_BALL_RADIUS = 0.055;

/** The uniforms every swarm material shares: where the surface puts a ball (shaders/swarm-ball.glsl). */
const placement = {
  uAxes: { value: new Vector4(1, 0, -1, 0) },
  uHeightMap: { value: new Vector4(0, 1, 1, 0) },
  uHeightUnits: { value: 4 },
  uLift: { value: SWARM_BALL_RADIUS * 1.2 },
};

/** Sets the placement uniforms for a world frame, height map and vertical scale. */
function place(frame: WorldFrame, heightMap: HeightMap, verticalScale: number): void {
  const x0 = frame.worldX(0);
  const z0 = frame.worldZ(0);
  placement.uAxes.value.set(frame.worldX(1) - x0, x0, frame.worldZ(1) - z0, z0);
  const range = heightMap.high - heightMap.low;
  if (heightMap.scale === 'log') {
    const delta = 1e-3 * range;
    placement.uHeightMap.value.set(heightMap.low, delta, Math.log1p(range / delta), 1);
  } else placement.uHeightMap.value.set(heightMap.low, range, 1, 0);
  placement.uHeightUnits.value = frame.heightUnits * verticalScale;
}

/** A material whose vertices are moved to their ball's place on the surface. */
function onSurface<M extends Material>(material: M): M {
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, placement);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${swarmBallChunk}`)
      .replace('#include <begin_vertex>', 'vec3 transformed = vec3(position) + swarmBall(aBall);');
  };
  material.customProgramCacheKey = () => 'swarm-ball';
  return material;
}

/** One runner's swarm: its balls and their light rims, sharing one buffer of (x, y, f). */
interface RunnerSwarm {
  id: number;
  balls: Mesh;
  rims: Mesh;
  ball: InstancedBufferAttribute;
}

function instanced(base: IcosahedronGeometry, ball: InstancedBufferAttribute) {
  const g = new InstancedBufferGeometry();
  g.index = base.index;
  g.setAttribute('position', base.getAttribute('position'));
  g.setAttribute('normal', base.getAttribute('normal'));
  g.setAttribute('aBall', ball);
  g.instanceCount = 0;
  return g;
}

function makeRunnerSwarm(
  id: number,
  color: string,
  size: number,
  geometry: { ball: IcosahedronGeometry; rim: IcosahedronGeometry },
): RunnerSwarm {
  const ball = new InstancedBufferAttribute(new Float32Array(3 * size), 3);
  const balls = new Mesh(
    instanced(geometry.ball, ball),
    onSurface(new MeshLambertMaterial({ color })),
  );
  // The rim: the same balls a little larger, back faces only, light, so every colour (the
  // lecture's black Adam too) stands out from the surface.
  const rims = new Mesh(
    instanced(geometry.rim, ball),
    onSurface(new MeshBasicMaterial({ color: '#f2f2f2', side: BackSide })),
  );
  for (const mesh of [balls, rims]) {
    mesh.frustumCulled = false;
    mesh.name = `swarm-${id}`;
  }
  return { id, balls, rims, ball };
}

/**
 * The swarm: each visible runner's balls drawn as one instanced mesh (and one for their rims), no
 * object per ball. The swarm worker's newest frame (x, y, f per ball, in swarmLive) is copied
 * into one instanced attribute as it is, and the vertex shader places each ball on the surface
 * (shaders/swarm-ball.glsl): a new frame costs the main thread one copy of its floats, nothing per
 * ball; nothing here renders React per frame.
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
  const shown = useRef({ version: -1, mask: '' }).current;
  // New meshes start empty: fill them at the next frame.
  useEffect(() => {
    shown.version = -1;
    shown.mask = '';
  }, [swarms, shown]);
  useEffect(
    () => () => {
      for (const s of swarms) {
        s.balls.geometry.dispose();
        s.rims.geometry.dispose();
        (s.balls.material as Material).dispose();
        (s.rims.material as Material).dispose();
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

  useFrame(() => {
    if (swarms.length === 0) return;
    const state = raceStore.getState();
    place(state.frame, state.surface.heightMap, state.verticalScale);
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
      const each = masks.split(',').map(Number);
      swarms.forEach((s, i) => {
        applyLayerMask(s.balls, each[i]!);
        applyLayerMask(s.rims, each[i]!);
      });
    }
    if (shown.version === swarmLive.version) return;
    shown.version = swarmLive.version;
    const frame = swarmLive.frame;
    for (const s of swarms) {
      const balls = frame?.runners.find((r) => r.id === s.id)?.balls;
      const n = balls ? Math.min(size, balls.length / 3) : 0;
      if (balls) (s.ball.array as Float32Array).set(balls.subarray(0, 3 * n));
      s.ball.clearUpdateRanges();
      s.ball.addUpdateRange(0, 3 * n);
      s.ball.needsUpdate = true;
      (s.balls.geometry as InstancedBufferGeometry).instanceCount = n;
      (s.rims.geometry as InstancedBufferGeometry).instanceCount = n;
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
