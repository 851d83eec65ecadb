import { formatBytes, formatDuration } from '../../draw/format';
import { CODEC_NAMES } from '../../record/codecs';
import { useT } from '../use-t';
import type { ExportJob } from './use-clip-export';

/** The progress bar while a clip renders (frames done / total, time left), then how it ended. */
export function ExportStatus({ job }: { job: ExportJob }) {
  const t = useT().record;
  if (job.kind === 'idle') return null;
  if (job.kind === 'running' || job.kind === 'done') {
    const done = job.kind === 'running' ? job.done : 1;
    const total = job.kind === 'running' ? job.total : 1;
    const fraction = total > 0 ? done / total : 0;
    return (
      <div className="export-status" data-testid="export-status" data-state={job.kind}>
        <progress
          data-testid="export-progress"
          data-progress={fraction}
          value={fraction}
          max={1}
          aria-label={job.kind === 'running' ? t.progress(done, total) : undefined}
        />
        {job.kind === 'running' ? (
          // The same live paragraph says how the clip ended; the count that changes every frame is
          // kept out of it (the progress bar carries it for whoever asks).
          <p aria-live="polite">
            <span aria-hidden="true">
              {total > 0 && t.progress(done, total)}
              {job.secondsLeft !== null && <> · {t.timeLeft(formatDuration(job.secondsLeft))}</>}
            </span>
          </p>
        ) : (
          <p aria-live="polite" data-testid="export-done">
            {t.done(job.fileName, formatBytes(job.bytes), CODEC_NAMES[job.codec])}
          </p>
        )}
      </div>
    );
  }
  const text =
    job.kind === 'snapshot'
      ? t.snapshotDone(job.fileName)
      : job.kind === 'cancelled'
        ? t.cancelled
        : job.reason === 'busy'
          ? t.busy
          : job.reason === 'no-canvas'
            ? t.noCanvas
            : job.reason === 'no-codec'
              ? t.noCodec
              : t.failed(job.message ?? '');
  return (
    <div className="export-status" data-testid="export-status" data-state={job.kind}>
      <p aria-live="polite" className={job.kind === 'failed' ? 'export-warning' : undefined}>
        {text}
      </p>
    </div>
  );
}
