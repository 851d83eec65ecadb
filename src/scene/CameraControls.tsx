import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { raceStore, useRace } from '../store/app-store';
import { BALL_RADIUS } from './Balls';
import { frameLandscape, framingTargets, heightField } from './framing';
import { FIT_ASPECT } from './panes';
import { sceneRefs } from './scene-refs';
import { TRAIL_LIFT } from './Trails';

/**
 * Orbit camera (drag to turn, wheel to zoom, right-drag to pan), framed anew (see framing.ts)
 * whenever a landscape or a scene is put on screen — the store gives each of them a new world
 * frame. Not when the start moves, the vertical scale changes or the race restarts: the lecturer
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
    return () => {
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
