import { Canvas } from '@react-three/fiber';
import { Balls } from './Balls';
import { CameraControls } from './CameraControls';
import { MinimaMarkers } from './MinimaMarkers';
import { StartDrag } from './StartDrag';
import { StartHandle } from './StartHandle';
import { Surface } from './Surface';
import { Ticker } from './Ticker';
import { Trails } from './Trails';
import { ViewRenderer } from './ViewRenderer';
import { RecordBridge } from './RecordBridge';
import { FrameProbeEnd, FrameProbeStart } from './FrameProbe';

/** The full-window 3D race: surface, minima, trails, balls, start handle and orbit camera. */
export function RaceCanvas() {
  return (
    <Canvas
      className="race-canvas"
      dpr={[1, 2]}
      camera={{ fov: 40, near: 0.1, far: 200, position: [4, 9, 11] }}
      gl={{ antialias: true }}
      onCreated={({ gl }) => {
        gl.domElement.setAttribute('data-testid', 'scene-canvas');
      }}
    >
      <color attach="background" args={['#0b0e14']} />
      <fog attach="fog" args={['#0b0e14', 30, 70]} />
      <hemisphereLight args={['#dfe8ff', '#1a1d24', 0.9]} />
      <directionalLight position={[5, 10, 6]} intensity={2.2} />
      <FrameProbeStart />
      <Ticker />
      <Surface />
      <MinimaMarkers />
      <Trails />
      <Balls />
      <StartHandle />
      <CameraControls />
      <StartDrag />
      <FrameProbeEnd />
      <ViewRenderer />
      <RecordBridge />
    </Canvas>
  );
}
