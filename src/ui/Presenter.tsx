import { useEffect, useState } from 'react';
import { raceStore, useRace } from '../store/app-store';
import { useSnapshot } from './use-snapshot';
import { useT } from './use-t';

/** How long the controls stay after the mouse last moved, in presenter mode. */
const CONTROLS_MS = 3000;

const readStep = (s: { race: { step: number } }) => s.race.step;

/** The top bar's presenter switch (P; Escape leaves). */
export function PresenterButton() {
  const t = useT().app;
  const presenting = useRace((s) => s.presenting);
  return (
    <button
      type="button"
      data-testid="presenter"
      aria-pressed={presenting}
      title={t.presenterTitle}
      onClick={() => raceStore.getState().setPresenting(!presenting)}
    >
      {t.presenter}
    </button>
  );
}

/**
 * In presenter mode: whether the controls show (after a mouse move, for a few seconds; the cursor
 * hides with them).
 */
export function usePresenterControls(presenting: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!presenting) return;
    let timer = 0;
    let visible = false;
    const onMove = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        visible = false;
        setShown(false);
      }, CONTROLS_MS);
      if (!visible) {
        visible = true;
        setShown(true);
      }
    };
    window.addEventListener('mousemove', onMove);
    return () => {
      window.removeEventListener('mousemove', onMove);
      window.clearTimeout(timer);
      setShown(false);
    };
  }, [presenting]);
  return presenting && shown;
}

/** Over the stage in presenter mode: the step in large type, and the blank screen (B). */
export function PresenterStage() {
  const t = useT().app;
  const presenting = useRace((s) => s.presenting);
  const blanked = useRace((s) => s.blanked);
  const step = useSnapshot(readStep);
  if (!presenting) return null;
  return (
    <>
      <p className="presenter-step" data-testid="presenter-step" data-step={step}>
        {t.stepCounter} <b>{step}</b>
      </p>
      {blanked && <div className="presenter-blank" data-testid="presenter-blank" />}
    </>
  );
}
