import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type PerspectiveCamera } from 'three';
import { worldHeight } from '../core';
import { raceStore } from '../store/app-store';
import { paneLayer, paneRects, paneZoom } from './panes';
import { runnerLayerMask } from './runner-layers';
import { sceneRefs } from './scene-refs';

const projected = new Vector3();
/** Each runner's ball on screen (CSS pixels of the canvas), NaN where no pane shows it. */
const ballX = new Float64Array(64);
const ballY = new Float64Array(64);
const masks = new Int32Array(64);

/**
 * Renders the frame itself (r3f hands rendering over to a useFrame with priority 1): the whole
 * canvas in the overlay layout, or one viewport per pane in the split layout — one camera, one
 * clock, each pane showing layer 0 (surface, minima, start) plus its own runners' layer. It also
 * publishes where things are on screen, as drawn: the start handle in each pane, data-start-screen
 * (the first pane's) on the canvas element, and each legend row's data-screen (see RowScreens).
 */
export function ViewRenderer() {
  const gl = useThree((s) => s.gl);
  const last = useRef('');
  const rows = useRef(new RowScreens());

  useFrame(({ scene, camera, size }) => {
    const state = raceStore.getState();
    const { layout, panes, start, surface, frame, verticalScale, landscape, race } = state;
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
    const runners = Math.min(race.runners.length, sceneRefs.balls.length, ballX.length);
    for (let i = 0; i < runners; i++) {
      masks[i] = runnerLayerMask(state, i);
      ballX[i] = ballY[i] = Number.NaN;
    }

    gl.setScissorTest(n > 1);
    if (n > 1) {
      gl.setClearColor(0x05070b, 1);
      gl.clear();
    }
    rects.forEach((r, p) => {
      cam.aspect = r.width / r.height;
      // Narrow views widen the view so the whole landscape still fits.
      cam.zoom = paneZoom(cam.aspect, n);
      cam.updateProjectionMatrix();
      const layers = n > 1 ? 1 | (1 << paneLayer(p)) : 0xffffffff;
      cam.layers.mask = layers;
      const bottom = size.height - r.y - r.height;
      gl.setViewport(r.x, bottom, r.width, r.height);
      gl.setScissor(r.x, bottom, r.width, r.height);
      projected.set(sx, sy, sz).project(cam);
      const screen = sceneRefs.startScreens[p] ?? (sceneRefs.startScreens[p] = { x: 0, y: 0 });
      screen.x = r.x + ((projected.x + 1) / 2) * r.width;
      screen.y = r.y + ((1 - projected.y) / 2) * r.height;
      // Each ball in the first pane that shows it.
      for (let i = 0; i < runners; i++) {
        if (!Number.isNaN(ballX[i]!) || (masks[i]! & layers) === 0) continue;
        const b = sceneRefs.balls[i]!;
        projected.set(b.x, b.y, b.z).project(cam);
        if (projected.z > 1) continue;
        ballX[i] = r.x + ((projected.x + 1) / 2) * r.width;
        ballY[i] = r.y + ((1 - projected.y) / 2) * r.height;
      }
      sceneRefs.beforePane?.(n > 1 ? p : -1);
      gl.render(scene, cam);
    });
    sceneRefs.startScreens.length = rects.length;
    gl.setScissorTest(false);
    gl.setViewport(0, 0, size.width, size.height);
    cam.layers.mask = 0xffffffff;
    if (n > 1) {
      // Leave the camera as the overlay view expects it (labels, dragging, r3f's own resize).
      cam.aspect = size.width / size.height;
      cam.zoom = paneZoom(cam.aspect, 1);
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
    rows.current.write(runners);
  }, 1);
  return null;
}

/**
 * Writes each legend row's `data-screen="<px>,<py>"`: its ball's centre in CSS pixels of the
 * canvas as just drawn (removed while no pane shows the ball). The scene writes it on the rows it
 * finds by test id, as it writes data-start-screen on the canvas, rather than the legend reading
 * a shared object at its 10 Hz refresh: the value then matches the very frame on screen, and
 * neither side imports the other. React leaves the attribute alone (the legend does not render
 * it). The rows are looked up again only when they no longer match the race's runners.
 */
class RowScreens {
  private rows: Element[] = [];
  private texts: string[] = [];

  write(runners: number): void {
    const stale =
      this.rows.length !== runners ||
      (runners > 0 && !(this.rows[0]!.isConnected && this.rows[runners - 1]!.isConnected));
    if (stale) {
      this.rows = Array.from(document.querySelectorAll('[data-testid="runner-row"]'));
      this.texts = [];
    }
    const count = Math.min(runners, this.rows.length);
    for (let i = 0; i < count; i++) {
      const x = ballX[i]!;
      const text = Number.isNaN(x) ? '' : `${x.toFixed(1)},${ballY[i]!.toFixed(1)}`;
      if (text === this.texts[i]) continue;
      this.texts[i] = text;
      if (text) this.rows[i]!.setAttribute('data-screen', text);
      else this.rows[i]!.removeAttribute('data-screen');
    }
  }
}
