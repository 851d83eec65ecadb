import type { OverlayContent, OverlayOptions } from './overlay-content';
import { drawOverlays, overlayScale } from './overlay-draw';
import type { FrameSize } from './render-size';

/** A 2D canvas of the clip's size where each frame is composed: the 3D view, then overlays. */
export interface Compositor {
  readonly canvas: HTMLCanvasElement;
  readonly scale: number;
  /** Copies the rendered 3D frame in (same task as the render) and draws the overlays over it. */
  compose(view: CanvasImageSource, content: OverlayContent | null, options: OverlayOptions): void;
}

export function createCompositor(size: FrameSize): Compositor {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('no 2D canvas context for composing frames');
  const chart = document.createElement('canvas');
  const scale = overlayScale(size.height);
  // One target for the whole clip: what the overlays decide once (the loss chart moved off a
  // ball) holds for the frames after.
  const target = { ctx, width: size.width, height: size.height, scale, chart };
  return {
    canvas,
    scale,
    compose(view, content, options) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(view, 0, 0, size.width, size.height);
      if (content) drawOverlays(target, content, options);
    },
  };
}
