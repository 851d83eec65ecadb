import { flushSync, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { canvasHandle, type CanvasHandle } from '../record/canvas-handle';
import { sceneRefs } from './scene-refs';

/**
 * Hands the recorder (src/record) what it needs from inside the canvas: renderer, scene, camera,
 * orbit controls and react-three-fiber's frame loop, size and pixel ratio. Every field is read
 * from r3f's store when used, so a replaced camera or renderer is never stale.
 */
export function RecordBridge() {
  const get = useThree((s) => s.get);

  useEffect(() => {
    const handle: CanvasHandle = {
      get gl() {
        return get().gl;
      },
      get scene() {
        return get().scene;
      },
      get camera() {
        return get().camera;
      },
      get controls() {
        return sceneRefs.controls;
      },
      get panes() {
        return sceneRefs.panes;
      },
      read() {
        const s = get();
        return { ...s.size, dpr: s.viewport.dpr, frameloop: s.frameloop };
      },
      advance: (seconds) => get().advance(seconds),
      setFrameloop: (mode) => get().setFrameloop(mode),
      // Synchronously, effects included (a trail's width in pixels follows the size): the next
      // advance() already draws at the new size, however busy the page is.
      setSize: (width, height, top, left) =>
        flushSync(() => get().setSize(width, height, top, left)),
      setDpr: (dpr) => flushSync(() => get().setDpr(dpr)),
    };
    canvasHandle.current = handle;
    return () => {
      if (canvasHandle.current === handle) canvasHandle.current = null;
    };
  }, [get]);

  return null;
}
