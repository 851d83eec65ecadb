import { formatNumber } from '../draw/format';
import type { Messages } from '../i18n';
import type { RaceState } from '../store/race-store';
import { raceStore, useRace } from '../store/app-store';
import { RunnerSwatch } from './RunnerSwatch';
import { useT } from './use-t';
import { useSnapshot } from './use-snapshot';
import { EpochCounter, samplerEpoch } from './EpochCounter';

interface Row {
  id: number;
  visible: boolean;
  label: string;
  color: string;
  kind: string;
  lr: number;
  step: number;
  x: number;
  y: number;
  loss: number;
  status: string;
  statusStep: number | null;
  settledAtMinimum: boolean;
  divergedBecause: string | null;
  distance: number | null;
  lastStep: number;
  /** On data: the batch size, the epoch of the last batch (1-based; 0 before a step), rows seen. */
  batch: number | null;
  epoch: number | null;
  examples: number | null;
  /** On a network: the training accuracy at the runner's step (0…1). */
  accuracy: number | null;
}

/** The rows of the legend, read from the live race (a JSON string, so equal snapshots do not re-render). */
function readRows(s: RaceState): string {
  const globals = s.landscape.minima.filter((m) => m.global);
  const rows: Row[] = s.race.runners.map((r, i) => {
    const [x, y] = [r.point[0]!, r.point[1]!];
    const steps = r.status === 'diverged' ? (r.statusStep ?? 0) - 1 : r.history.count - 1;
    const distance = globals.length
      ? Math.min(...globals.map((m) => Math.hypot(m.x - x, m.y - y)))
      : null;
    const settings = s.runners[i];
    const track = s.race.replay ? s.landscape.net?.tracks[i] : undefined;
    return {
      id: settings?.id ?? i,
      visible: settings?.visible ?? true,
      label: r.spec.label,
      color: r.spec.color,
      kind: r.spec.optimizer.kind,
      // A played-back runner shows the rate of the step it is at (its schedule is not stepped).
      lr: s.race.replay ? r.lastLr : r.schedule.lr,
      step: Math.max(0, steps),
      x,
      y,
      loss: r.loss,
      status: r.status,
      statusStep: r.statusStep,
      settledAtMinimum: r.settledAt !== null,
      divergedBecause: r.divergedBecause,
      distance,
      lastStep: Math.hypot(r.point[0]! - r.previousPoint[0]!, r.point[1]! - r.previousPoint[1]!),
      batch: track
        ? track.batch > 0 && track.batch < (s.landscape.net?.data.n ?? 0)
          ? track.batch
          : null
        : (r.sampler?.batch ?? null),
      accuracy: track
        ? (track.accuracy[Math.min(Math.max(0, steps), track.accuracy.length - 1)] ?? null)
        : null,
      epoch: r.sampler ? samplerEpoch(r.sampler) : null,
      examples: r.sampler?.examples ?? null,
    };
  });
  return JSON.stringify(rows);
}

/** A runner's status in words. */
function statusText(t: Messages['app'], r: Row): string {
  const n = r.statusStep ?? 0;
  if (r.status === 'converged') return t.convergedAt(n);
  if (r.status === 'trained') return t.trainedAt(n);
  if (r.status === 'stuck') return r.settledAtMinimum ? t.stuckLocalAt(n) : t.stuckFlatAt(n);
  if (r.status === 'diverged')
    return r.divergedBecause === 'left-landscape' ? t.divergedLeftAt(n) : t.divergedOverflowAt(n);
  return t.running;
}

/** One row per runner: colour, label, loss, step, status in words, distance to the global minimum. */
export function Legend() {
  const rows = JSON.parse(useSnapshot(readRows)) as Row[];
  const t = useT().app;
  const td = useT().data;
  const tn = useT().net;
  const onNet = useRace((s) => s.landscape.net !== undefined);
  const selected = useRace((s) => s.selectedRunner);
  return (
    <section className="panel legend" aria-label={t.legendRegion}>
      <EpochCounter />
      <table>
        <thead>
          <tr>
            <th>{t.legendRunner}</th>
            <th>{t.legendLoss}</th>
            <th>{t.legendStep}</th>
            <th>{t.legendStatus}</th>
            {onNet ? (
              <th title={tn.accuracyColumnTitle}>{tn.accuracyColumn}</th>
            ) : (
              <th title={t.legendToMinTitle}>{t.legendToMin}</th>
            )}
            <th title={t.legendLastStepTitle}>|Δw|</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={i}
              data-testid="runner-row"
              data-label={r.label}
              data-kind={r.kind}
              data-lr={r.lr}
              data-batch={r.batch ?? undefined}
              data-epoch={r.epoch ?? undefined}
              data-step={r.step}
              data-x={r.x}
              data-y={r.y}
              data-loss={r.loss}
              data-status={r.status}
              data-accuracy={r.accuracy ?? undefined}
              className={`status-${r.status}${r.id === selected ? ' selected' : ''}${r.visible ? '' : ' hidden-runner'}`}
              onClick={() => raceStore.getState().selectRunner(r.id)}
            >
              <td>
                <RunnerSwatch id={r.id} color={r.color} />
                {r.label}{' '}
                <small>
                  lr {formatNumber(r.lr)}
                  {r.batch !== null && ` · ${td.batch.toLowerCase()} ${r.batch}`}
                </small>
              </td>
              <td className="num">{formatNumber(r.loss)}</td>
              <td className="num">{r.step}</td>
              <td className="status">{statusText(t, r)}</td>
              {onNet ? (
                <td className="num">
                  {r.accuracy === null ? '—' : `${(100 * r.accuracy).toFixed(1)} %`}
                </td>
              ) : (
                <td className="num">{r.distance === null ? '—' : formatNumber(r.distance)}</td>
              )}
              <td className="num" data-testid="runner-last-step">
                {formatNumber(r.lastStep)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
