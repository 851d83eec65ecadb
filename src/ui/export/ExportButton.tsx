import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDuration } from '../../draw/format';
import { liveFileName } from '../../record/file-name';
import {
  liveRecordingAvailable,
  startLiveRecording,
  type LiveRecording,
} from '../../record/live-recorder';
import { raceStore } from '../../store/app-store';
import { FailSafe } from '../FailSafe';
import { useT } from '../use-t';
import { downloadBlob } from './download';

// The dialog brings the encoder (mediabunny) with it: loaded the first time it opens.
const ExportDialog = lazy(() =>
  import('./ExportDialog').then((m) => ({ default: m.ExportDialog })),
);

/** Live recordings are captured at this rate (the screen may deliver fewer). */
const LIVE_FPS = 60;

/**
 * The top bar's Export button (opens the dialog; it stays open if it already is) and, while a
 * live recording runs, its Stop button with the time recorded so far.
 */
export function ExportButton() {
  const t = useT().record;
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [recording, setRecording] = useState<LiveRecording | null>(null);
  const [seconds, setSeconds] = useState(0);
  const available = useMemo(() => liveRecordingAvailable(), []);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!recording) return;
    const timer = window.setInterval(
      () => setSeconds((performance.now() - recording.startedAt) / 1000),
      500,
    );
    return () => window.clearInterval(timer);
  }, [recording]);

  const startLive = useCallback(() => {
    const started = startLiveRecording(LIVE_FPS);
    if (!started) return;
    setSeconds(0);
    setRecording(started);
    setOpen(false);
  }, []);

  const stopLive = async () => {
    if (!recording) return;
    setRecording(null);
    const blob = await recording.stop();
    const { scene, landscape } = raceStore.getState();
    if (blob.size > 0) downloadBlob(blob, liveFileName({ scene, landscapeId: landscape.id }));
  };

  const close = useCallback(() => setOpen(false), []);

  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="export"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t.exportTitle}
        onClick={() => {
          setOpen(true);
          setOpened(true);
        }}
      >
        {t.exportButton}
      </button>
      {recording && (
        <button
          type="button"
          className="export-recording"
          data-testid="export-live-stop"
          title={t.liveStopTitle}
          onClick={() => void stopLive()}
        >
          ● {t.liveStop(formatDuration(seconds))}
        </button>
      )}
      {opened && (
        // Should the dialog's chunk not arrive (the network gone), the rest of the page stays.
        <FailSafe fallback={null}>
          <Suspense fallback={null}>
            <ExportDialog
              open={open}
              anchor={button}
              onClose={close}
              live={{ available, recording: recording !== null, start: startLive }}
            />
          </Suspense>
        </FailSafe>
      )}
    </>
  );
}
