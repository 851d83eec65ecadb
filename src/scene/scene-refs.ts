import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

/**
 * Hot, non-reactive scene state shared between components and DOM handlers (as in racing-game's
 * `mutation`): the orbit controls (disabled while the start handle is dragged) and where the start
 * handle is on screen, in CSS pixels relative to the canvas.
 */
export const sceneRefs: {
  controls: OrbitControls | null;
  startScreen: { x: number; y: number };
  dragging: boolean;
} = {
  controls: null,
  startScreen: { x: Number.NaN, y: Number.NaN },
  dragging: false,
};
