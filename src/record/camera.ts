import { Vector3, type Camera, type Quaternion } from 'three';
import type { ControlsHandle } from './canvas-handle';

/** Where the camera is and what it looks at. */
export interface CameraView {
  position: Vector3;
  quaternion: Quaternion;
  zoom: number;
  /** The orbit controls' target (null without controls). */
  target: Vector3 | null;
}

const zoomOf = (camera: Camera) => ('zoom' in camera ? (camera.zoom as number) : 1);

/** A copy of the camera's view. */
export function readView(camera: Camera, controls: ControlsHandle | null): CameraView {
  const t = controls?.target;
  return {
    position: camera.position.clone(),
    quaternion: camera.quaternion.clone(),
    zoom: zoomOf(camera),
    target: t ? new Vector3(t.x, t.y, t.z) : null,
  };
}

/** Puts the camera (and the controls' target) back on `view`. */
export function applyView(camera: Camera, controls: ControlsHandle | null, view: CameraView): void {
  camera.position.copy(view.position);
  camera.quaternion.copy(view.quaternion);
  if ('zoom' in camera && 'updateProjectionMatrix' in camera) {
    (camera as { zoom: number }).zoom = view.zoom;
    (camera as unknown as { updateProjectionMatrix(): void }).updateProjectionMatrix();
  }
  if (view.target) controls?.target.set(view.target.x, view.target.y, view.target.z);
  camera.updateMatrixWorld();
}

const up = new Vector3(0, 1, 0);
const offset = new Vector3();
const centre = new Vector3();

/**
 * Puts the camera on `view` turned by `angle` radians about the vertical line through its target
 * (or the origin): same height, same distance, looking at the same point.
 */
export function applyOrbit(
  camera: Camera,
  controls: ControlsHandle | null,
  view: CameraView,
  angle: number,
): void {
  applyView(camera, controls, view);
  centre.set(0, 0, 0);
  if (view.target) centre.copy(view.target);
  offset.copy(view.position).sub(centre).applyAxisAngle(up, angle);
  camera.position.copy(centre).add(offset);
  camera.lookAt(centre);
  camera.updateMatrixWorld();
}
