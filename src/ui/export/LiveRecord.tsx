import { useT } from '../use-t';

/** What the live recorder offers the dialog (it lives in the top bar, which shows its stop button). */
export interface LiveControls {
  available: boolean;
  recording: boolean;
  start(): void;
}

/** "Record live": MediaRecorder on the canvas, clearly marked as real time. */
export function LiveRecord({ live, disabled }: { live: LiveControls; disabled: boolean }) {
  const t = useT().record;
  return (
    <section className="export-live">
      <h3>{t.liveHeading}</h3>
      <p className="export-note">{t.liveNote}</p>
      {live.available ? (
        <button
          type="button"
          data-testid="export-live"
          disabled={disabled || live.recording}
          onClick={live.start}
        >
          ● {t.liveStart}
        </button>
      ) : (
        <p className="export-warning">{t.liveUnavailable}</p>
      )}
    </section>
  );
}
