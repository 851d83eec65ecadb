/**
 * The baseline of `npm run bench:export`: the app's 256² surface mesh (same geometry, same
 * shader) drawn by plain three.js into the same encoder as clip export (mediabunny CanvasSource,
 * same codec and quality), with nothing else: no react-three-fiber, no store, no runners, no
 * overlays, no compositing.
 */
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, type VideoCodec } from 'mediabunny';
import { Color, Mesh, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import { getPresetLandscape, sampleSurface, worldFrame } from '../../src/core';
import { CLIP_QUALITY } from '../../src/record/codecs';
import { buildSurfaceGeometry } from '../../src/scene/surface-geometry';
import { createSurfaceMaterial } from '../../src/scene/surface-material';

interface BaselineRun {
  frames: number;
  ms: number;
  bytes: number;
}

declare global {
  interface Window {
    runBaseline(
      width: number,
      height: number,
      fps: number,
      frames: number,
      codec: VideoCodec,
    ): Promise<BaselineRun>;
    baselineReady: boolean;
  }
}

window.runBaseline = async (width, height, fps, frames, codec) => {
  const landscape = getPresetLandscape('rosenbrock')!;
  const frame = worldFrame(landscape.domain);
  const scene = new Scene();
  scene.background = new Color('#0b0e14');
  const geometry = buildSurfaceGeometry(sampleSurface(landscape), frame);
  const material = createSurfaceMaterial();
  scene.add(new Mesh(geometry, material));
  const camera = new PerspectiveCamera(40, width / height, 0.1, 200);
  const size = Math.max(frame.width, frame.depth);
  camera.position.set(0.42 * size, 0.95 * size, 1.3 * size);
  camera.lookAt(0, 0.1 * frame.heightUnits, 0);

  const canvas = document.createElement('canvas');
  document.body.appendChild(canvas);
  const renderer = new WebGLRenderer({ canvas, antialias: true });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);

  const began = performance.now();
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const source = new CanvasSource(canvas, { codec, quality: CLIP_QUALITY, latencyMode: 'quality' });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  for (let n = 0; n < frames; n++) {
    camera.position.x = 0.42 * size + n * 1e-3;
    camera.lookAt(0, 0.1 * frame.heightUnits, 0);
    renderer.render(scene, camera);
    await source.add(n / fps, 1 / fps);
  }
  await output.finalize();
  const ms = performance.now() - began;
  renderer.dispose();
  geometry.dispose();
  material.dispose();
  canvas.remove();
  return { frames, ms, bytes: target.buffer?.byteLength ?? 0 };
};
window.baselineReady = true;
