import './export.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { candidateCodecs, CODEC_NAMES, webCodecsAvailable } from '../../record/codecs';
import { planFor } from '../../record/exporter';
import { clipSeconds } from '../../record/schedule';
import { raceStore, useRace } from '../../store/app-store';
import { trapTab } from '../a11y/focus-trap';
import { useT } from '../use-t';
import { ClipFields } from './ClipFields';
import {
  clipSettings,
  defaultForm,
  formProblem,
  formSize,
  MAX_SECONDS,
  type ClipForm,
} from './clip-form';
import { ExportStatus } from './ExportStatus';
import { LiveRecord, type LiveControls } from './LiveRecord';
import { useClipExport } from './use-clip-export';
import { useCodecChoice } from './use-codec-choice';

interface Props {
  open: boolean;
  /** The Export button: the dialog opens just below it and never covers it. */
  anchor: RefObject<HTMLElement | null>;
  onClose(): void;
  live: LiveControls;
}

/**
 * The export dialog: a clip (MP4 or WebM, rendered frame by frame), a PNG still, or a live
 * recording. It stays mounted while closed so the settings are kept. The keyboard stays inside it
 * (Tab cycles, Escape closes and returns to the Export button), but the mouse can still set up the
 * view behind it; while a clip renders, a shield keeps the page still.
 */
export function ExportDialog({ open, anchor, onClose, live }: Props) {
  const t = useT().record;
  const [form, setForm] = useState<ClipForm>(() => defaultForm(raceStore.getState().speed));
  const change = (patch: Partial<ClipForm>) => setForm((f) => ({ ...f, ...patch }));
  const { job, start, cancel, still } = useClipExport();
  const running = job.kind === 'running';
  const problem = formProblem(form);
  const size = formSize(form);
  const encoders = useMemo(() => webCodecsAvailable(), []);
  const codec = useCodecChoice(form.format, size, form.fps, open && encoders && !problem);
  const box = useRef<HTMLDivElement>(null);
  const top = useBelow(anchor, open);

  const landscape = useRace((s) => s.landscape);
  const startPoint = useRace((s) => s.start);
  const runners = useRace((s) => s.runners);
  const shake = useRace((s) => s.shake);
  const plan = useMemo(
    () =>
      open && !problem
        ? planFor({ landscape, start: startPoint, runners, shake }, clipSettings(form))
        : null,
    [open, problem, form, landscape, startPoint, runners, shake],
  );

  // Escape closes (cancelling a clip under way). Tab and Shift+Tab stay inside the dialog. Keys
  // pressed in the dialog, and any key while a clip renders, never reach the app's shortcuts
  // (Space would toggle play).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // Closes the dialog only (not presenter mode behind it too).
        e.stopPropagation();
        cancel();
        onClose();
        return;
      }
      if (box.current) trapTab(e, box.current);
      if (running || box.current?.contains(e.target as Node)) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, running, cancel, onClose]);

  // Opening focuses the first field; closing (Escape, ×, a live recording started) gives the focus
  // back to the Export button, unless the user has since put it somewhere else.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      box.current?.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const focused = document.activeElement;
    if (!focused || focused === document.body || box.current?.contains(focused))
      anchor.current?.focus();
  }, [open, anchor]);

  const wanted = candidateCodecs(form.format)[0];
  const container = form.format === 'webm' ? 'WebM' : 'MP4';
  const codecText =
    codec === 'checking'
      ? t.codecChecking
      : codec === null
        ? t.noCodec
        : codec === wanted || !wanted
          ? t.codecUsed(CODEC_NAMES[codec], container)
          : t.codecFallback(CODEC_NAMES[codec], CODEC_NAMES[wanted], container);
  const problemText =
    problem === 'not-even'
      ? t.sizeNotEven
      : problem === 'out-of-range'
        ? t.sizeOutOfRange(64, 4096)
        : null;
  const canStart =
    encoders && !problem && codec !== null && codec !== 'checking' && !live.recording;

  return createPortal(
    <>
      {running && <div className="export-shield" aria-hidden="true" />}
      <div
        ref={box}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-dialog-title"
        data-testid="export-dialog"
        hidden={!open}
        style={{ top, maxHeight: `calc(100vh - ${top + 12}px)` }}
      >
        <header className="export-head">
          <h2 id="export-dialog-title">{t.dialogTitle}</h2>
          <button
            type="button"
            className="export-close"
            data-testid="export-close"
            aria-label={t.close}
            title={t.close}
            onClick={() => {
              cancel();
              onClose();
            }}
          >
            ×
          </button>
        </header>
        {!encoders && (
          <p className="export-warning" data-testid="export-no-webcodecs">
            {t.noWebCodecs}
          </p>
        )}
        {!running && <ClipFields form={form} change={change} disabled={running} />}
        <p className="export-plan" data-testid="export-plan">
          {plan && t.plan(plan.frames, clipSeconds(plan).toFixed(1), plan.lastStep)}
          {plan?.capped && <> {t.capped(MAX_SECONDS)}</>}
        </p>
        {problemText && <p className="export-warning">{problemText}</p>}
        {encoders && !problem && (
          <p
            className="export-codec"
            data-testid="export-codec"
            data-codec={codec === null ? 'none' : codec}
          >
            {codecText}
          </p>
        )}
        {!running && <p className="export-note">{t.frameByFrame}</p>}
        <div className="export-actions">
          {running ? (
            <button type="button" data-testid="export-cancel" onClick={cancel}>
              {t.cancel}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="export-start"
              disabled={!canStart}
              onClick={() => void start(clipSettings(form))}
            >
              {t.start}
            </button>
          )}
          <button
            type="button"
            data-testid="export-snapshot"
            title={t.snapshotTitle}
            disabled={
              running || live.recording || problem === 'not-even' || problem === 'out-of-range'
            }
            onClick={() => void still(size, form.overlays)}
          >
            {t.snapshot}
          </button>
        </div>
        <ExportStatus job={job} />
        {!running && <LiveRecord live={live} disabled={running} />}
      </div>
    </>,
    document.body,
  );
}

/** The y just below `anchor` while `active`, following window resizes (the top bar may wrap). */
function useBelow(anchor: RefObject<HTMLElement | null>, active: boolean): number {
  const [top, setTop] = useState(46);
  useLayoutEffect(() => {
    if (!active) return;
    const place = () => {
      const rect = anchor.current?.getBoundingClientRect();
      if (rect) setTop(Math.round(rect.bottom + 6));
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [anchor, active]);
  return top;
}
