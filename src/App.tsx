import { Canvas } from '@react-three/fiber';
import { DoubleSide } from 'three';

// Placeholder until the real scene lands: a lit bowl with the three runners resting in it.

const BOWL_RADIUS = 2;
const BALL_RADIUS = 0.14;

const RUNNERS = [
  { name: 'SGD-momentum', color: '#2fbf4f', tilt: 0.8, azimuth: -0.9 },
  { name: 'RMSProp', color: '#e0463c', tilt: 0.6, azimuth: -1.7 },
  { name: 'Adam', color: '#111111', tilt: 0.4, azimuth: -2.4 },
] as const;

/** A point on the inside of the bowl, `tilt` radians up from its lowest point. */
function onBowl(tilt: number, azimuth: number): [number, number, number] {
  const r = BOWL_RADIUS - BALL_RADIUS;
  return [
    r * Math.sin(tilt) * Math.cos(azimuth),
    BOWL_RADIUS - r * Math.cos(tilt),
    r * Math.sin(tilt) * Math.sin(azimuth),
  ];
}

export function App() {
  return (
    <main className="app">
      <h1 className="app-title">Optimizer Race</h1>
      <Canvas data-testid="scene-canvas" camera={{ position: [0, 4.5, 4.5], fov: 45 }}>
        <color attach="background" args={['#0b0d12']} />
        <ambientLight intensity={0.5} />
        <directionalLight position={[3, 6, 2]} intensity={2.5} />
        <group position={[0, -BOWL_RADIUS / 2, 0]}>
          <mesh position={[0, BOWL_RADIUS, 0]}>
            {/* The lower half of a sphere: a bowl standing in for the loss surface. */}
            <sphereGeometry
              args={[BOWL_RADIUS, 64, 32, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2]}
            />
            <meshStandardMaterial color="#3d6ea8" roughness={0.55} side={DoubleSide} />
          </mesh>
          {RUNNERS.map((runner) => (
            <mesh key={runner.name} position={onBowl(runner.tilt, runner.azimuth)}>
              <sphereGeometry args={[BALL_RADIUS, 32, 16]} />
              <meshStandardMaterial color={runner.color} roughness={0.3} />
            </mesh>
          ))}
        </group>
      </Canvas>
    </main>
  );
}
