import './net-status.css';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

const percent = (share: number) => (100 * share).toFixed(share >= 0.995 || share < 0.1 ? 1 : 0);

/**
 * On a network: how much of the runners' motion the plane drawn holds (the rest happens off the
 * screen, in the other 65 directions), whether the plane was kept from an earlier fit (the start
 * was dragged; a button fits it again), and, while a training or the plane's surface is being
 * computed in a worker, its progress (the picture on screen stays until the new one is ready).
 */
export function NetStatus() {
  const t = useT().net;
  const explained = useRace((s) => s.landscape.net?.explained ?? null);
  const fitted = useRace((s) => s.landscape.net?.fitted ?? true);
  const training = useRace((s) => s.netWork.stage === 'training');
  const trainingProgress = useRace((s) => s.netWork.progress);
  const drawing = useRace(
    (s) => s.landscape.net !== undefined && s.surfaceWork.stage === 'surface',
  );
  const drawingProgress = useRace((s) => s.surfaceWork.progress);
  if (!explained && !training) return null;
  const busy = training || drawing;
  const progress = training ? trainingProgress : drawingProgress;
  return (
    <div className="panel net-status">
      {explained && (
        <p
          className="plane-explained"
          data-testid="plane-explained"
          data-explained={`${explained[0]},${explained[1]}`}
          title={`${t.explainedTitle} ${t.gapTitle}`}
        >
          {t.explained(
            percent(explained[0] + explained[1]),
            percent(explained[0]),
            percent(explained[1]),
          )}
        </p>
      )}
      {explained && !fitted && (
        <p className="plane-kept">
          <span>{t.keptPlane}</span>
          <button
            type="button"
            data-testid="net-refit"
            title={t.refitTitle}
            onClick={() => raceStore.getState().refitPlane()}
          >
            {t.refit}
          </button>
        </p>
      )}
      {busy && (
        <p
          className="net-progress"
          data-testid="net-progress"
          data-progress={progress}
          role="status"
          aria-live="polite"
        >
          <span>
            {training
              ? t.training(Math.round(100 * progress))
              : t.drawingPlane(Math.round(100 * progress))}
          </span>
          <progress
            max={1}
            value={progress}
            aria-label={training ? t.trainingLabel : t.drawingLabel}
          />
        </p>
      )}
    </div>
  );
}
