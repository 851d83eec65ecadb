import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Raycaster, Vector2, type PerspectiveCamera } from 'three';
import { pickSurface } from '../core';
import { raceStore } from '../store/app-store';
import { sceneRefs } from './scene-refs';

const GRAB_RADIUS_PX = 22;
const raycaster = new Raycaster();
const ndc = new Vector2();

/**
 * Dragging the start handle: a pointer pressed within 22 px of the handle grabs it (the orbit
 * camera does not see that press); moving slides the start along the surface (an exact ray–surface
 * intersection, see pickSurface) and restarts every runner from there; a double-click on the
 * surface puts the start where it was clicked. Pressing anywhere else orbits the camera.
 */
export function StartDrag() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);

  useEffect(() => {
    const canvas = gl.domElement;
    const host = canvas.parentElement ?? canvas;
    const domainPointAt = (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      ndc.set(
        ((clientX - rect.left) / rect.width) * 2 - 1,
        -((clientY - rect.top) / rect.height) * 2 + 1,
      );
      raycaster.setFromCamera(ndc, camera);
      const { landscape, surface, frame, verticalScale } = raceStore.getState();
      const o = raycaster.ray.origin;
      const d = raycaster.ray.direction;
      return pickSurface(
        landscape,
        surface.heightMap,
        frame,
        verticalScale,
        [o.x, o.y, o.z],
        [d.x, d.y, d.z],
      );
    };
    const moveTo = (e: PointerEvent | MouseEvent) => {
      const p = domainPointAt(e.clientX, e.clientY);
      if (p) raceStore.getState().setStart(p[0], p[1]);
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const rect = canvas.getBoundingClientRect();
      const dx = e.clientX - rect.left - sceneRefs.startScreen.x;
      const dy = e.clientY - rect.top - sceneRefs.startScreen.y;
      // The pin stands above its foot: accept a press on the foot or anywhere up the pin.
      const onPin =
        Math.abs(dx) < GRAB_RADIUS_PX && dy < GRAB_RADIUS_PX && dy > -4 * GRAB_RADIUS_PX;
      if (!onPin) return;
      e.stopPropagation();
      e.preventDefault();
      sceneRefs.dragging = true;
      canvas.style.cursor = 'grabbing';
      const onMove = (m: PointerEvent) => moveTo(m);
      const onUp = () => {
        sceneRefs.dragging = false;
        canvas.style.cursor = '';
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onUp);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onUp);
    };
    const onHover = (e: PointerEvent) => {
      if (sceneRefs.dragging) return;
      const rect = canvas.getBoundingClientRect();
      const dx = e.clientX - rect.left - sceneRefs.startScreen.x;
      const dy = e.clientY - rect.top - sceneRefs.startScreen.y;
      canvas.style.cursor =
        Math.abs(dx) < GRAB_RADIUS_PX && dy < GRAB_RADIUS_PX && dy > -4 * GRAB_RADIUS_PX
          ? 'grab'
          : '';
    };
    host.addEventListener('pointerdown', onDown, { capture: true });
    host.addEventListener('pointermove', onHover);
    canvas.addEventListener('dblclick', moveTo);
    return () => {
      host.removeEventListener('pointerdown', onDown, { capture: true });
      host.removeEventListener('pointermove', onHover);
      canvas.removeEventListener('dblclick', moveTo);
    };
  }, [gl, camera]);
  return null;
}
