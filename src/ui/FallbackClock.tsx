import { useEffect } from 'react';
import { raceStore } from '../store/app-store';

/**
 * Steps the race when there is no 3D view (whose frame loop otherwise does it): each animation
 * frame hands the store the wall time since the last one, as the 3D view's Ticker does.
 */
export function FallbackClock() {
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      raceStore.getState().tick(Math.max(0, now - last) / 1000);
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
  return null;
}
