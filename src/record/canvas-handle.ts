import type { Camera, Scene, WebGLRenderer } from 'three';

/** The orbit controls as far as the recorder touches them. */
export interface ControlsHandle {
  target: { x: number; y: number; z: number; set(x: number, y: number, z: number): unknown };
  enabled: boolean;
  enableDamping: boolean;
  update(): unknown;
}

/** How react-three-fiber drives the canvas now. */
export interface CanvasState {
  /** CSS pixels. */
  width: number;
  height: number;
  top: number;
  left: number;
  dpr: number;
  frameloop: 'always' | 'demand' | 'never';
}

/**
 * What the recorder needs from inside the canvas, handed over by `scene/RecordBridge` (which
 * reads it from react-three-fiber's store, so every field is the current one).
 */
export interface CanvasHandle {
  readonly gl: WebGLRenderer;
  readonly scene: Scene;
  readonly camera: Camera;
  readonly controls: ControlsHandle | null;
  /** The panes drawn last frame, in CSS pixels (one covering the canvas in the overlay layout). */
  readonly panes: readonly { x: number; y: number; width: number; height: number }[];
  read(): CanvasState;
  /** Runs every useFrame once and renders, with the clock at `seconds` (frameloop "never"). */
  advance(seconds: number): void;
  setFrameloop(mode: CanvasState['frameloop']): void;
  /** Lays the canvas out at width × height CSS pixels; components that follow the size have caught up on return. */
  setSize(width: number, height: number, top?: number, left?: number): void;
  setDpr(dpr: number): void;
}

/** The live canvas, once mounted (null before and after). */
export const canvasHandle: { current: CanvasHandle | null } = { current: null };
