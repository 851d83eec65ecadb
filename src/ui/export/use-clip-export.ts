import { useCallback, useEffect, useRef, useState } from 'react';
import type { VideoCodec } from 'mediabunny';
import { dictionary } from '../../i18n';
import { exportClip, snapshot, type ClipSettings } from '../../record/exporter';
import type { OverlayOptions } from '../../record/overlay-content';
import type { FrameSize } from '../../record/render-size';
import { raceStore } from '../../store/app-store';
import { downloadBlob } from './download';

/** Where the dialog's export stands. */
export type ExportJob =
  | { kind: 'idle' }
  | {
      kind: 'running';
      done: number;
      total: number;
      secondsLeft: number | null;
      codec: VideoCodec | null;
    }
  | { kind: 'done'; fileName: string; bytes: number; codec: VideoCodec }
  | { kind: 'snapshot'; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: 'no-canvas' | 'no-codec' | 'busy' | 'error'; message?: string };

/** The progress bar is refreshed at most this often (frames can be much faster). */
const PROGRESS_MS = 100;

/** Runs clip exports and snapshots for the dialog and downloads what they make. */
export function useClipExport() {
  const [job, setJob] = useState<ExportJob>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(async (settings: ClipSettings) => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setJob({ kind: 'running', done: 0, total: 0, secondsLeft: null, codec: null });
    let shown = 0;
    let codec: VideoCodec | null = null;
    const t = dictionary(raceStore.getState().language);
    const result = await exportClip(raceStore, t, settings, {
      signal: controller.signal,
      onStart(c, schedule) {
        codec = c;
        setJob({ kind: 'running', done: 0, total: schedule.frames, secondsLeft: null, codec });
      },
      onProgress(p) {
        const now = performance.now();
        if (now - shown < PROGRESS_MS && p.done < p.total) return;
        shown = now;
        setJob({ kind: 'running', ...p, codec });
      },
    });
    abort.current = null;
    if (result.kind === 'done') {
      downloadBlob(result.blob, result.fileName);
      setJob({
        kind: 'done',
        fileName: result.fileName,
        bytes: result.blob.size,
        codec: result.codec,
      });
    } else if (result.kind === 'cancelled') setJob({ kind: 'cancelled' });
    else setJob(result);
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const still = useCallback(async (size: FrameSize, overlays: OverlayOptions) => {
    if (abort.current) return;
    const t = dictionary(raceStore.getState().language);
    const result = await snapshot(raceStore, t, size, overlays);
    if (result.kind === 'done') {
      downloadBlob(result.blob, result.fileName);
      setJob({ kind: 'snapshot', fileName: result.fileName });
    } else setJob(result);
  }, []);

  return { job, start, cancel, still };
}
