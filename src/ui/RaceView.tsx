import { RaceCanvas } from '../scene/RaceCanvas';
import { CanvasDescription } from './a11y/CanvasDescription';
import { StatusAnnouncer } from './a11y/StatusAnnouncer';
import { FailSafe } from './FailSafe';
import { FallbackClock } from './FallbackClock';
import { NoWebGl } from './NoWebGl';

/**
 * The 3D race, or, where WebGL2 is missing or the canvas fails to start, a message in its place
 * and a clock that keeps the race (and so the top view, loss chart and legend) going. For screen
 * readers: the 3D view in words, and runners' ends announced as they happen.
 */
export function RaceView({ webGl, onNoWebGl }: { webGl: boolean; onNoWebGl: () => void }) {
  if (!webGl) {
    return (
      <>
        <NoWebGl />
        <FallbackClock />
        <StatusAnnouncer />
      </>
    );
  }
  return (
    <>
      <FailSafe fallback={null} onFailure={onNoWebGl}>
        <RaceCanvas />
      </FailSafe>
      <CanvasDescription />
      <StatusAnnouncer />
    </>
  );
}
