import './surface-status.css';
import { useRace } from '../../store/app-store';
import { useT } from '../use-t';

/**
 * What the surface worker is doing (drawing the fine surface, searching a typed function's
 * minima) while the previous picture stays on screen, and whether the minima shown are estimates.
 */
export function SurfaceStatus() {
  const t = useT().surface;
  const stage = useRace((s) => s.surfaceWork.stage);
  const percent = useRace((s) => Math.round(s.surfaceWork.progress * 100));
  const estimated = useRace((s) => s.landscape.minimaSearch === 'estimate');
  const formula = useRace((s) => s.landscape.formula);
  const text =
    stage === 'surface'
      ? t.drawing(percent)
      : stage === 'minima'
        ? t.searching
        : estimated
          ? t.estimated
          : null;
  return (
    <p
      className={`surface-status${stage ? ' busy' : ''}`}
      data-testid="surface-status"
      data-stage={stage ?? 'idle'}
      data-minima={estimated ? 'estimate' : 'exact'}
      data-formula={formula}
      role="status"
      aria-live="polite"
    >
      {text}
    </p>
  );
}
