/**
 * The baseline of the per-frame script figure of `npm run bench:browser`: the app's 257 × 257
 * surface mesh (same geometry and shader, sampled on the main thread once, before the first frame)
 * drawn by plain three.js in a requestAnimationFrame loop, every frame, with nothing else: no
 * react-three-fiber, no store, no race, no runners, no DOM panels. `?w=…&h=…` sets the canvas's
 * CSS size (the benchmark passes the app's canvas size); the default fills the window.
 */
import { Color, Mesh, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import { getPresetLandscape, sampleSurface, worldFrame } from '../../src/core';
import { buildSurfaceGeometry } from '../../src/scene/surface-geometry';
import { createSurfaceMaterial } from '../../src/scene/surface-material';

declare global {
  interface Window {
    /** Animation frames drawn so far. */
    bareFrames: number;
  }
}

const params = new URLSearchParams(location.search);
const width = Number(params.get('w')) || window.innerWidth;
const height = Number(params.get('h')) || window.innerHeight;

const landscape = getPresetLandscape('rosenbrock')!;
const frame = worldFrame(landscape.domain);
const scene = new Scene();
scene.background = new Color('#0b0e14');
const material = createSurfaceMaterial();
// As in the app's Surface: the world height of h = 1 at vertical scale 1.
if (material.uniforms.uHeightScale) material.uniforms.uHeightScale.value = frame.heightUnits;
const mesh = new Mesh(buildSurfaceGeometry(sampleSurface(landscape), frame), material);
// As in the app: heights are applied in the vertex shader, so the mesh is never culled.
mesh.frustumCulled = false;
scene.add(mesh);
const camera = new PerspectiveCamera(40, width / height, 0.1, 200);
camera.position.set(4, 9, 11);
camera.lookAt(0, 0, 0);

const renderer = new WebGLRenderer({ antialias: true });
renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
renderer.setSize(width, height);
renderer.domElement.dataset.testid = 'bare-canvas';
document.body.appendChild(renderer.domElement);

window.bareFrames = 0;
const draw = () => {
  requestAnimationFrame(draw);
  renderer.render(scene, camera);
  window.bareFrames++;
};
requestAnimationFrame(draw);
