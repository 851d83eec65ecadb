import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Spherical, Vector3, type Camera, type PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { raceStore, useRace } from '../store/app-store';
import { BALL_RADIUS } from './Balls';
import { frameLandscape, framingTargets, heightField } from './framing';
import { FIT_ASPECT } from './panes';
import { sceneRefs } from './scene-refs';
import { TRAIL_LIFT } from './Trails';

/** One key press turns the camera by 7.5° around the target or tilts it by 5°. */
const KEY_TURNS: Record<string, [number, number]> = {
  ArrowLeft: [-Math.PI / 24, 0],
  ArrowRight: [Math.PI / 24, 0],
  ArrowUp: [0, -Math.PI / 36],
  ArrowDown: [0, Math.PI / 36],
};
/** One key press zooms by 15 %. */
const KEY_ZOOMS: Record<string, number> = { '+': 1 / 1.15, '=': 1 / 1.15, '-': 1.15, _: 1.15 };

const offset = new Vector3();
const spherical = new Spherical();

/** Turns (Δθ), tilts (Δφ) and zooms (× distance) the camera about the orbit target, within its limits. */
function turnCamera(
  camera: Camera,
  controls: OrbitControls,
  [dTheta, dPhi]: [number, number],
  zoom: number,
): void {
  spherical.setFromVector3(offset.copy(camera.position).sub(controls.target));
  spherical.theta += dTheta;
  spherical.phi = Math.min(controls.maxPolarAngle, Math.max(0.05, spherical.phi + dPhi));
  spherical.radius = Math.min(
    controls.maxDistance,
    Math.max(controls.minDistance, spherical.radius * zoom),
  );
  camera.position.copy(controls.target).add(offset.setFromSpherical(spherical));
  camera.lookAt(controls.target);
  controls.update();
}

/**
 * Orbit camera (drag to turn, wheel to zoom, right-drag to pan; from the keyboard, Shift+arrows
 * and + / − on the focused canvas), framed anew (see framing.ts) whenever a landscape or a scene
 * is put on screen — the store gives each of them a new world frame. Not when the start moves, the vertical scale changes or the race restarts: the lecturer
 * may have turned the camera on purpose, and a view that jumps while the start is dragged would
 * pull the surface from under the pointer. A ball or trail that ends up behind a wall is still
 * shown through it (the x-ray passes of Balls and Trails).
 */
export function CameraControls() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const frame = useRace((s) => s.frame);

  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement);
    // The camera glides on after a turn, unless the user asked for less motion: then it stops
    // where the pointer lets go.
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    const followMotionSetting = () => {
      controls.enableDamping = !reducedMotion?.matches;
    };
    followMotionSetting();
    reducedMotion?.addEventListener('change', followMotionSetting);
    controls.dampingFactor = 0.12;
    controls.maxPolarAngle = Math.PI * 0.49;
    controls.minDistance = 3;
    controls.maxDistance = 40;
    sceneRefs.controls = controls;
    // The keyboard's way to turn the camera: Tab to the canvas, then Shift+arrows turn and tilt,
    // + and − zoom. Plain arrows and Space keep their app-wide meaning (→ steps the race).
    const canvas = gl.domElement;
    canvas.tabIndex = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const turn = e.shiftKey ? KEY_TURNS[e.key] : undefined;
      const zoom = KEY_ZOOMS[e.key];
      if (!turn && !zoom) return;
      e.preventDefault();
      e.stopPropagation();
      turnCamera(camera, controls, turn ?? [0, 0], zoom ?? 1);
    };
    canvas.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('keydown', onKey);
      reducedMotion?.removeEventListener('change', followMotionSetting);
      controls.dispose();
      sceneRefs.controls = null;
    };
  }, [camera, gl]);

  // The lowest view from the south-south-east that sees the start, the minima and the way between.
  useEffect(() => {
    const { surface, verticalScale, start, landscape } = raceStore.getState();
    const framing = frameLandscape({
      field: heightField(surface, frame, verticalScale),
      targets: framingTargets(frame, start, landscape.minima),
      fov: (camera as PerspectiveCamera).fov,
      aspect: FIT_ASPECT,
      lift: TRAIL_LIFT,
      near: BALL_RADIUS,
    });
    sceneRefs.fitAspect = framing.fitsDownTo;
    const [tx, ty, tz] = framing.target;
    const controls = sceneRefs.controls;
    // The glide left from the user's last turn ends here rather than carrying on from the new
    // view: without damping, one update spends what is left of it.
    const damping = controls?.enableDamping ?? false;
    if (controls) controls.enableDamping = false;
    controls?.update();
    camera.position.set(...framing.position);
    camera.lookAt(tx, ty, tz);
    controls?.target.set(tx, ty, tz);
    controls?.update();
    if (controls) controls.enableDamping = damping;
  }, [frame, camera]);

  useFrame(() => sceneRefs.controls?.update());
  return null;
}
