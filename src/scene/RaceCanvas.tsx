import { Canvas } from '@react-three/fiber';
import { Balls } from './Balls';
import { NetGaps } from './NetGaps';
import { CameraControls } from './CameraControls';
import { MinimaMarkers } from './MinimaMarkers';
import { StartDrag } from './StartDrag';
import { StartHandle } from './StartHandle';
import { BatchSurface } from './BatchSurface';
import { softwareRenderer } from './software-renderer';
import { Surface } from './Surface';
import { Ticker } from './Ticker';
import { Trails } from './Trails';
import { Swarm } from './Swarm';
import { ViewRenderer } from './ViewRenderer';
import { RecordBridge } from './RecordBridge';
import { FrameProbeEnd, FrameProbeStart } from './FrameProbe';
import { raceStore, useRace } from '../store/app-store';

/** How long the "3D view is back" notice stays before it goes by itself. */
const RESTORED_NOTICE_MS = 8_000;

/** The ids of the texts that name and describe the canvas for screen readers (ui/a11y/CanvasDescription). */
export const CANVAS_DESCRIPTION_ID = 'race-canvas-description';
export const CANVAS_KEYS_ID = 'race-canvas-keys';

const watched = new WeakSet<HTMLCanvasElement>();

/**
 * Carries the race through a lost WebGL context (a driver reset, a GPU switch): says so and pauses
 * while it is lost; when the browser restores it, three.js rebuilds its GPU resources from the
 * scene (geometries, shaders, buffers are uploaded again on the next frame), and the race resumes
 * where it was if it was playing. three.js itself calls preventDefault on the loss, which is what
 * lets the browser restore the context.
 */
function carryOnThroughContextLoss(canvas: HTMLCanvasElement): void {
  if (watched.has(canvas)) return;
  watched.add(canvas);
  let resume = false;
  const dismiss = (key: 'gpuLost' | 'gpuRestored') => {
    const { notices, dismissNotice } = raceStore.getState();
    const i = notices.findIndex((n) => n.key === key);
    if (i >= 0) dismissNotice(i);
  };
  canvas.addEventListener('webglcontextlost', () => {
    const race = raceStore.getState();
    resume = race.playing || resume;
    race.pause();
    dismiss('gpuRestored');
    if (!race.notices.some((n) => n.key === 'gpuLost'))
      race.notify({ key: 'gpuLost', args: undefined });
  });
  canvas.addEventListener('webglcontextrestored', () => {
    dismiss('gpuLost');
    const race = raceStore.getState();
    race.notify({ key: 'gpuRestored', args: undefined });
    const restored = raceStore.getState().notices.at(-1);
    window.setTimeout(() => {
      const { notices, dismissNotice } = raceStore.getState();
      const i = notices.indexOf(restored!);
      if (i >= 0) dismissNotice(i);
    }, RESTORED_NOTICE_MS);
    if (resume) race.play();
    resume = false;
  });
}

/** The full-data surface, or on a dataset with the batch-surface switch on, the batch's own. */
function SurfaceOrBatch() {
  const data = useRace((s) => s.landscape.data);
  const batchSurface = useRace((s) => s.batchSurface);
  return data && batchSurface ? <BatchSurface data={data} /> : <Surface />;
}

/** The full-window 3D race: surface, minima, trails, balls, start handle and orbit camera. */
export function RaceCanvas() {
  return (
    <Canvas
      className="race-canvas"
      dpr={[1, 2]}
      camera={{ fov: 40, near: 0.1, far: 200, position: [4, 9, 11] }}
      gl={{ antialias: !softwareRenderer() }}
      onCreated={({ gl }) => {
        gl.domElement.setAttribute('data-testid', 'scene-canvas');
        gl.domElement.setAttribute('role', 'img');
        gl.domElement.setAttribute('aria-labelledby', CANVAS_DESCRIPTION_ID);
        gl.domElement.setAttribute('aria-describedby', CANVAS_KEYS_ID);
        carryOnThroughContextLoss(gl.domElement);
      }}
    >
      <color attach="background" args={['#0b0e14']} />
      <fog attach="fog" args={['#0b0e14', 30, 70]} />
      <hemisphereLight args={['#dfe8ff', '#1a1d24', 0.9]} />
      <directionalLight position={[5, 10, 6]} intensity={2.2} />
      <FrameProbeStart />
      <Ticker />
      <SurfaceOrBatch />
      <MinimaMarkers />
      <Trails />
      <Swarm />
      <Balls />
      <NetGaps />
      <StartHandle />
      <CameraControls />
      <StartDrag />
      <FrameProbeEnd />
      <ViewRenderer />
      <RecordBridge />
    </Canvas>
  );
}
