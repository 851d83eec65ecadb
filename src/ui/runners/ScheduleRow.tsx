import {
  isScheduleKind,
  makeScheduleSpec,
  SCHEDULE_KINDS,
  SCHEDULE_PARAMETERS,
  type ScheduleKind,
  type ScheduleSpec,
} from '../../core';
import { formatNumber } from '../../draw/format';
import { raceStore } from '../../store/app-store';
import type { RaceState, RunnerSettings } from '../../store/race-store';
import { useSnapshot } from '../use-snapshot';
import { useT } from '../use-t';
import { NumberField } from './fields';

/** The rate the next step of runner `id` uses (its schedule's live value), as text. */
function liveRate(s: RaceState, id: number): string {
  const i = s.runners.findIndex((r) => r.id === id);
  const live = s.race.runners[i];
  return live ? formatNumber(live.schedule.lr) : '';
}

/** Symbols for a schedule's settings, as the formula panel writes them. */
const SYMBOLS: Record<string, string> = {
  step_size: 's',
  gamma: 'γ',
  t_max: 'T',
  eta_min: 'η_min',
  start_factor: 's',
  total_iters: 'N',
};

function LiveRate({ id }: { id: number }) {
  const t = useT().data;
  const rate = useSnapshot((s) => liveRate(s, id));
  return (
    <small className="lr-now" data-testid="runner-lr-now" title={t.lrNowTitle}>
      {t.lrNow} {rate}
    </small>
  );
}

/**
 * A runner's learning-rate schedule: a select of the schedules of `torch.optim.lr_scheduler` and,
 * for any but constant, its settings and the live rate.
 */
export function ScheduleRow({ runner }: { runner: RunnerSettings }) {
  const t = useT().data;
  const schedule: ScheduleSpec = runner.schedule ?? { kind: 'constant' };
  const values = schedule as unknown as Record<string, number>;
  const update = (next: ScheduleSpec | undefined) =>
    raceStore.getState().updateRunner(runner.id, { schedule: next });
  const choose = (kind: ScheduleKind) => {
    if (kind === schedule.kind) return;
    const made = makeScheduleSpec(kind);
    if (!('ok' in made)) update(kind === 'constant' ? undefined : made);
  };
  const setValue = (key: string, value: number) => {
    const settings = Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'kind'));
    const made = makeScheduleSpec(schedule.kind, { ...settings, [key]: value });
    if (!('ok' in made)) update(made);
  };
  return (
    <div className="schedule-row">
      <div className="runner-line">
        <span className="lr-name" aria-hidden="true" title={t.scheduleTitle}>
          {t.schedule}
        </span>
        <select
          data-testid="runner-schedule"
          aria-label={t.schedule}
          title={t.scheduleTitle}
          value={schedule.kind}
          onChange={(e) => isScheduleKind(e.target.value) && choose(e.target.value)}
        >
          {SCHEDULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.schedules[kind]}
            </option>
          ))}
        </select>
        {schedule.kind !== 'constant' && <LiveRate id={runner.id} />}
      </div>
      {schedule.kind !== 'constant' && (
        <div className="hyper-grid" key={schedule.kind}>
          {SCHEDULE_PARAMETERS[schedule.kind].map((h) => [
            <span
              key={`${h.key}-name`}
              className="hyper-name"
              title={t.scheduleMeanings[h.key]}
              aria-hidden="true"
            >
              {SYMBOLS[h.key] ?? h.key}
            </span>,
            <NumberField
              key={h.key}
              definition={h}
              name={SYMBOLS[h.key] ?? h.key}
              value={values[h.key]!}
              onCommit={(v) => setValue(h.key, v)}
              testId={`runner-hyper-${h.key}`}
              title={t.scheduleMeanings[h.key] ?? h.key}
            />,
          ])}
        </div>
      )}
    </div>
  );
}
