import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BackSide, GreaterDepth, Vector3, type Group } from 'three';
import { runnerMarker, worldHeight, type Marker } from '../core';
import { markerGeometry } from './marker-geometry';
import { raceStore, useRace } from '../store/app-store';
import { applyLayerMask, RUNNER_ORDER, runnerLayerMask } from './runner-layers';
import { sceneRefs } from './scene-refs';

export const BALL_RADIUS = 0.16;
/** An x-ray pass: drawn only where something nearer (the surface) hides it, without depth. */
const BEHIND = { transparent: true, depthFunc: GreaterDepth, depthWrite: false, fog: false };
const projected = new Vector3();
const labelX = new Float64Array(64);
const labelY = new Float64Array(64);

/**
 * The runners' balls resting on the surface, each shaped as its runner's marker, with a light halo (so the black Adam ball reads
 * on a dark surface) and a DOM label that follows it. Where a ball is behind the surface (the
 * camera turned, a wall in between) an x-ray pass shows it through: a dimmer disc in its colour with
 * a light rim. Positions are read in useFrame and published in sceneRefs.balls; nothing here
 * re-renders per frame.
 */
export function Balls() {
  const runners = useRace((s) => s.runners);
  const groups = useRef<(Group | null)[]>([]);
  const labels = useRef<HTMLDivElement[]>([]);
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const host = gl.domElement.parentElement;
    if (!host) return;
    const made = runners.map((r) => {
      const label = document.createElement('div');
      label.className = 'ball-label';
      label.textContent = r.label;
      label.style.borderColor = r.color;
      host.appendChild(label);
      return label;
    });
    labels.current = made;
    return () => made.forEach((l) => l.remove());
  }, [gl, runners]);

  const masks = useRef<number[]>([]);
  // Each runner's ball is its marker (sphere, cube, pyramid, …), so shape tells runners apart too.
  const markers = runners.map((r) => runnerMarker(r.id)).join('|');
  const shapes = useMemo(
    () => (markers ? markers.split('|') : []).map((m) => markerGeometry(m as Marker, BALL_RADIUS)),
    [markers],
  );
  useEffect(() => () => shapes.forEach((g) => g.dispose()), [shapes]);

  useFrame(({ camera, size }) => {
    const state = raceStore.getState();
    const { race, surface, frame, verticalScale, layout } = state;
    let placed = 0;
    race.runners.forEach((runner, i) => {
      const group = groups.current[i];
      if (!group) return;
      const mask = runnerLayerMask(state, i);
      if (masks.current[i] !== mask) {
        applyLayerMask(group, mask);
        masks.current[i] = mask;
      }
      const x = frame.worldX(runner.point[0]!);
      const z = frame.worldZ(runner.point[1]!);
      const y = worldHeight(surface.heightMap, frame, verticalScale, runner.loss) + BALL_RADIUS;
      group.position.set(x, y, z);
      const ball = sceneRefs.balls[i] ?? (sceneRefs.balls[i] = { x: 0, y: 0, z: 0 });
      ball.x = x;
      ball.y = y;
      ball.z = z;
      const label = labels.current[i];
      if (label) {
        projected.set(x, y + BALL_RADIUS * 1.6, z).project(camera);
        // Labels follow the balls in the overlay view; split panes name their runners instead.
        const visible = projected.z < 1 && layout === 'overlay' && mask !== 0;
        label.style.display = visible ? '' : 'none';
        let lx = ((projected.x + 1) / 2) * size.width;
        let ly = ((1 - projected.y) / 2) * size.height;
        // Labels of balls that sit together stack upwards instead of overlapping.
        for (let j = 0; j < placed; j++) {
          if (Math.abs(labelX[j]! - lx) < 90 && Math.abs(labelY[j]! - ly) < 19) {
            ly = labelY[j]! - 19;
            j = -1;
          }
        }
        labelX[placed] = lx;
        labelY[placed] = ly;
        placed++;
        lx = Math.round(lx);
        ly = Math.round(ly);
        label.style.transform = `translate(${lx}px, ${ly}px) translate(-50%, -100%)`;
      }
    });
    sceneRefs.balls.length = race.runners.length;
  });

  return (
    <group name="balls">
      {runners.map((r, i) => (
        <group key={i} ref={(g) => void (groups.current[i] = g)}>
          <mesh renderOrder={RUNNER_ORDER.ball} geometry={shapes[i]}>
            <meshStandardMaterial
              color={r.color}
              roughness={0.35}
              metalness={0.1}
              transparent
              opacity={1}
            />
          </mesh>
          <mesh scale={1.22} renderOrder={RUNNER_ORDER.halo} geometry={shapes[i]}>
            <meshBasicMaterial color="#f2f2f2" side={BackSide} transparent opacity={0.85} />
          </mesh>
          <mesh scale={1.3} renderOrder={RUNNER_ORDER.haloBehind} geometry={shapes[i]}>
            <meshBasicMaterial {...BEHIND} color="#f2f2f2" opacity={0.6} />
          </mesh>
          <mesh renderOrder={RUNNER_ORDER.ballBehind} geometry={shapes[i]}>
            <meshBasicMaterial {...BEHIND} color={r.color} opacity={0.7} />
          </mesh>
        </group>
      ))}
    </group>
  );
}
