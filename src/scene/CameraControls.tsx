import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { useRace } from '../store/app-store';
import { sceneRefs } from './scene-refs';

/** Orbit camera (drag to turn, wheel to zoom, right-drag to pan), framed anew for each landscape (not on vertical-scale changes). */
export function CameraControls() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const frame = useRace((s) => s.frame);

  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement);
    controls.enableDamping = true;
    controls.dampingFactor = 0.12;
    controls.maxPolarAngle = Math.PI * 0.49;
    controls.minDistance = 3;
    controls.maxDistance = 40;
    sceneRefs.controls = controls;
    return () => {
      controls.dispose();
      sceneRefs.controls = null;
    };
  }, [camera, gl]);

  // A three-quarter view from the south-east that shows the whole domain.
  useEffect(() => {
    const size = Math.max(frame.width, frame.depth);
    camera.position.set(0.42 * size, 0.95 * size, 1.3 * size);
    sceneRefs.controls?.target.set(0, 0.1 * frame.heightUnits, 0);
    camera.lookAt(0, 0.1 * frame.heightUnits, 0);
    sceneRefs.controls?.update();
  }, [frame, camera]);

  useFrame(() => sceneRefs.controls?.update());
  return null;
}
