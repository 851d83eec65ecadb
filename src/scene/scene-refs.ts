import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { PaneRect } from './panes';

/**
 * Hot, non-reactive scene state shared between components and DOM handlers (as in racing-game's
 * `mutation`): the orbit controls (disabled while the start handle is dragged), where the start
 * handle is on screen, in CSS pixels relative to the canvas, and where each runner's ball is.
 */
export const sceneRefs: {
  controls: OrbitControls | null;
  /** The start handle in the first pane (the whole canvas in the overlay layout). */
  startScreen: { x: number; y: number };
  /** The start handle in each pane. */
  startScreens: { x: number; y: number }[];
  /** The panes drawn last frame (one covering the canvas in the overlay layout). */
  panes: PaneRect[];
  dragging: boolean;
  /** Each runner's ball centre in world coordinates, by race position (written by Balls). */
  balls: { x: number; y: number; z: number }[];
  /** The narrowest view that shows the framed runners' region at zoom 1 (see paneZoom). */
  fitAspect: number;
  /**
   * Called by the renderer before it draws each pane (−1: the whole canvas, overlay), so a part
   * of the scene can show that pane's runner (the batch surface shows its batch).
   */
  beforePane: ((pane: number) => void) | null;
} = {
  controls: null,
  startScreen: { x: Number.NaN, y: Number.NaN },
  startScreens: [],
  panes: [],
  dragging: false,
  balls: [],
  fitAspect: 1.5,
  beforePane: null,
};
