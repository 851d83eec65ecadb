import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { raceStore } from '../store/app-store';
import { sceneRefs } from './scene-refs';

/**
 * Frames are drawn only when something on screen can have changed (the canvas runs with
 * frameloop "demand"): every frame while the race plays, on any change of the store (a new
 * surface, start, runner, layout, notice, …), while the orbit camera moves or settles, and on
 * resize (react-three-fiber's own). A paused race on a projector then costs no GPU or CPU time,
 * and the page stays responsive while a worker computes (on two cores, a renderer drawing 60
 * idle frames a second competes with both).
 */
export function RenderOnDemand() {
  const invalidate = useThree((s) => s.invalidate);
  const watched = useRef<object | null>(null);

  useEffect(() => raceStore.subscribe(() => invalidate()), [invalidate]);

  useFrame(() => {
    const controls = sceneRefs.controls;
    if (controls && watched.current !== controls) {
      // Dragging, zooming and the damping after them move the camera through 'change' events.
      controls.addEventListener('change', () => invalidate());
      watched.current = controls;
    }
    if (raceStore.getState().playing) invalidate();
  });
  return null;
}
