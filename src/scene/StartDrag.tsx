import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Raycaster, Vector2, type PerspectiveCamera } from 'three';
import { pickSurface } from '../core';
import { raceStore } from '../store/app-store';
import { paneZoom } from './panes';
import { sceneRefs } from './scene-refs';

const GRAB_RADIUS_PX = 22;
const raycaster = new Raycaster();
const ndc = new Vector2();

/**
 * Dragging the start handle: a pointer pressed within 22 px of the handle (its foot, or up the
 * pin) grabs it, in whichever pane it is; the orbit camera does not see that press. Moving slides
 * the start along the surface (an exact ray–surface intersection, see pickSurface) and restarts
 * every runner from there; a double-click on the surface puts the start where it was clicked.
 * Pressing anywhere else orbits the camera.
 */
export function StartDrag() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);

  useEffect(() => {
    const canvas = gl.domElement;
    const host = canvas.parentElement ?? canvas;
    /** The pane under a canvas point (the whole canvas in the overlay layout). */
    const paneAt = (px: number, py: number) => {
      const p = sceneRefs.panes.findIndex(
        (r) => px >= r.x && px <= r.x + r.width && py >= r.y && py <= r.y + r.height,
      );
      return p < 0 ? 0 : p;
    };
    const domainPointAt = (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      const px = clientX - rect.left;
      const py = clientY - rect.top;
      const pane = sceneRefs.panes[paneAt(px, py)] ?? {
        x: 0,
        y: 0,
        width: rect.width,
        height: rect.height,
      };
      ndc.set(((px - pane.x) / pane.width) * 2 - 1, -((py - pane.y) / pane.height) * 2 + 1);
      // Aim with the projection that pane was drawn with (see ViewRenderer).
      const cam = camera as PerspectiveCamera;
      const [aspect, zoom] = [cam.aspect, cam.zoom];
      cam.aspect = pane.width / pane.height;
      cam.zoom = paneZoom(cam.aspect, sceneRefs.panes.length);
      cam.updateProjectionMatrix();
      raycaster.setFromCamera(ndc, cam);
      cam.aspect = aspect;
      cam.zoom = zoom;
      cam.updateProjectionMatrix();
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
    /** Whether a client point is on the start pin of the pane under it. */
    const onPin = (clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      const px = clientX - rect.left;
      const py = clientY - rect.top;
      const screen = sceneRefs.startScreens[paneAt(px, py)] ?? sceneRefs.startScreen;
      const dx = px - screen.x;
      const dy = py - screen.y;
      return Math.abs(dx) < GRAB_RADIUS_PX && dy < GRAB_RADIUS_PX && dy > -4 * GRAB_RADIUS_PX;
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || !onPin(e.clientX, e.clientY)) return;
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
      if (!sceneRefs.dragging) canvas.style.cursor = onPin(e.clientX, e.clientY) ? 'grab' : '';
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
