import { useFrame } from '@react-three/fiber';

/**
 * What `npm run bench:browser` reads. A benchmark defines `window.__raceBench` before the page
 * loads; without it the probes do nothing but one property check per frame.
 */
interface RaceBench {
  /** Main-thread milliseconds from the first to the last per-frame callback (store tick + scene updates). */
  frameJs: number[];
  /** performance.now() when the surface was first drawn. */
  firstFrame?: number;
  started: number;
}

declare global {
  interface Window {
    __raceBench?: RaceBench;
  }
}

/** Mounted first in the canvas: notes when the frame's JavaScript starts. */
export function FrameProbeStart() {
  useFrame(() => {
    const bench = window.__raceBench;
    if (bench) bench.started = performance.now();
  });
  return null;
}

/** Mounted last in the canvas: notes how long the frame's JavaScript took. */
export function FrameProbeEnd() {
  useFrame(() => {
    const bench = window.__raceBench;
    if (bench && bench.started > 0) bench.frameJs.push(performance.now() - bench.started);
  });
  return null;
}

/** Records the first time the surface mesh is drawn (three's onAfterRender). */
export function noteFirstSurfaceFrame(): void {
  const bench = window.__raceBench;
  if (bench && bench.firstFrame === undefined) bench.firstFrame = performance.now();
}
