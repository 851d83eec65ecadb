import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type PerspectiveCamera } from 'three';
import { worldHeight } from '../core';
import { raceStore } from '../store/app-store';
import { paneLayer, paneRects, paneZoom } from './panes';
import { sceneRefs } from './scene-refs';

const projected = new Vector3();

/**
 * Renders the frame itself (r3f hands rendering over to a useFrame with priority 1): the whole
 * canvas in the overlay layout, or one viewport per pane in the split layout — one camera, one
 * clock, each pane showing layer 0 (surface, minima, start) plus its own runners' layer. It also
 * publishes where the start handle is on screen in each pane, and data-start-screen (the first
 * pane's) on the canvas element.
 */
export function ViewRenderer() {
  const gl = useThree((s) => s.gl);
  const last = useRef('');

  useFrame(({ scene, camera, size }) => {
    const { layout, panes, start, surface, frame, verticalScale, landscape } = raceStore.getState();
    const cam = camera as PerspectiveCamera;
    const n = layout === 'split' ? Math.max(1, panes.length) : 1;
    const rects = paneRects(n, size.width, size.height);
    sceneRefs.panes = rects;
    const sx = frame.worldX(start[0]);
    const sz = frame.worldZ(start[1]);
    const sy = worldHeight(
      surface.heightMap,
      frame,
      verticalScale,
      landscape.value(start[0], start[1]),
    );

    gl.setScissorTest(n > 1);
    if (n > 1) {
      gl.setClearColor(0x05070b, 1);
      gl.clear();
    }
    rects.forEach((r, p) => {
      cam.aspect = r.width / r.height;
      // Narrow panes widen the view so the whole landscape still fits.
      cam.zoom = paneZoom(cam.aspect, n);
      cam.updateProjectionMatrix();
      cam.layers.mask = n > 1 ? 1 | (1 << paneLayer(p)) : 0xffffffff;
      const bottom = size.height - r.y - r.height;
      gl.setViewport(r.x, bottom, r.width, r.height);
      gl.setScissor(r.x, bottom, r.width, r.height);
      projected.set(sx, sy, sz).project(cam);
      const screen = sceneRefs.startScreens[p] ?? (sceneRefs.startScreens[p] = { x: 0, y: 0 });
      screen.x = r.x + ((projected.x + 1) / 2) * r.width;
      screen.y = r.y + ((1 - projected.y) / 2) * r.height;
      gl.render(scene, cam);
    });
    sceneRefs.startScreens.length = rects.length;
    gl.setScissorTest(false);
    gl.setViewport(0, 0, size.width, size.height);
    cam.layers.mask = 0xffffffff;
    if (n > 1) {
      // Leave the camera as the overlay view expects it (labels, dragging, r3f's own resize).
      cam.aspect = size.width / size.height;
      cam.zoom = 1;
      cam.updateProjectionMatrix();
    }
    const first = sceneRefs.startScreens[0]!;
    sceneRefs.startScreen.x = first.x;
    sceneRefs.startScreen.y = first.y;
    const text = `${first.x.toFixed(1)},${first.y.toFixed(1)}`;
    if (text !== last.current) {
      gl.domElement.setAttribute('data-start-screen', text);
      last.current = text;
    }
  }, 1);
  return null;
}
