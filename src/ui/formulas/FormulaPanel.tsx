import 'katex/dist/katex.min.css';
import './formulas.css';
import { useMemo, useState, type CSSProperties } from 'react';
import type { OptimizerSpec } from '../../core';
import { RunnerSwatch } from '../RunnerSwatch';
import {
  formulaSource,
  hyperparameterSymbols,
  hyperparametersTex,
  scheduleTex,
  texNumber,
  updateRuleTex,
} from '../../core/formulas';
import type { RaceState } from '../../store/race-store';
import { useSnapshot } from '../use-snapshot';
import type { RunnerSettings } from '../../store/race-store';
import { raceStore, useRace } from '../../store/app-store';
import { useT } from '../use-t';
import { FormulaValues } from './FormulaValues';
import { texHtml } from './tex';

/**
 * The KaTeX HTML of a rule, one block per line; with a schedule the rate is αₜ, the schedule's
 * value at step t.
 */
function ruleHtml(spec: OptimizerSpec, scheduled = false): string {
  return updateRuleTex(spec)
    .map((line) => (scheduled ? line.replace(/\\alpha(?![_a-zA-Z])/g, '\\alpha_t') : line))
    .map((line) => `<span class="formula-line">${texHtml(line)}</span>`)
    .join('');
}

/**
 * The update rule of the selected runner's optimizer, typeset in the convention it is stepped
 * in, with its hyperparameters and live values; a select picks another runner, and every
 * runner's rule is one click away below.
 */
export function FormulaPanel() {
  const tn = useT().net;
  // A network's runner steps in 67 weights: its gₜ, moments and Δw are not two numbers.
  const onNet = useRace((s) => s.landscape.net !== undefined);
  const t = useT().formulas;
  const runners = useRace((s) => s.runners);
  const selectedId = useRace((s) => s.selectedRunner);
  const runner = runners.find((r) => r.id === selectedId) ?? runners[0];

  return (
    <section className="panel formula-panel" data-testid="formula-panel" aria-label={t.title}>
      <h2>{t.title}</h2>
      {runner ? (
        <>
          <div className="formula-runner">
            <RunnerSwatch id={runner.id} color={runner.color} line={false} />
            <select
              aria-label={t.runner}
              title={t.runner}
              data-testid="formula-runner"
              value={runner.id}
              onChange={(e) => raceStore.getState().selectRunner(Number(e.target.value))}
            >
              {runners.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <SelectedRule runner={runner} />
          <ScheduleRule runner={runner} />
          {onNet ? (
            <p className="hint" data-testid="net-no-values">
              {tn.noValues}
            </p>
          ) : (
            <FormulaValues spec={runner.optimizer} />
          )}
          {runners.length > 1 && <AllRules runners={runners} selectedId={runner.id} />}
        </>
      ) : (
        <p className="hint">{t.noRunners}</p>
      )}
    </section>
  );
}

function SelectedRule({ runner }: { runner: RunnerSettings }) {
  const t = useT().formulas;
  const spec = runner.optimizer;
  const scheduled = runner.schedule !== undefined && runner.schedule.kind !== 'constant';
  const rule = useMemo(() => ruleHtml(spec, scheduled), [spec, scheduled]);
  const hyper = useMemo(
    () =>
      hyperparametersTex(spec)
        .map((tex) => `<span class="formula-hyper-item">${texHtml(tex, false)}</span>`)
        .join(', '),
    [spec],
  );
  const names = hyperparameterSymbols(spec)
    .map((h) => `${h.symbol} = ${h.key}`)
    .join(', ');
  const source = formulaSource(spec);
  return (
    <div className="formula-selected" style={{ '--runner-color': runner.color } as CSSProperties}>
      <p className="formula-source">
        {source.lecture && <span>{t.lectureForm}</span>}
        {source.torch && (
          <code title={t.torchTitle} data-testid="formula-torch">
            {source.torch}
          </code>
        )}
      </p>
      <div
        className="formula-tex"
        data-testid="formula"
        data-kind={spec.kind}
        dangerouslySetInnerHTML={{ __html: rule }}
      />
      <p
        className="formula-hyper"
        title={t.hyperTitle(names)}
        dangerouslySetInnerHTML={{ __html: hyper }}
      />
    </div>
  );
}

/** The selected runner's live learning rate αₜ (the rate its next step uses). */
function readSelectedRate(s: RaceState): string {
  const i = Math.max(
    0,
    s.runners.findIndex((r) => r.id === s.selectedRunner),
  );
  const live = s.race.runners[i];
  return live ? String(live.schedule.lr) : '';
}

/** The runner's learning-rate schedule αₜ with its settings and the live rate; none if constant. */
function ScheduleRule({ runner }: { runner: RunnerSettings }) {
  const t = useT().data;
  const tex = useMemo(() => scheduleTex(runner.schedule), [runner.schedule]);
  const rate = useSnapshot(readSelectedRate);
  if (!tex) return null;
  return (
    <div className="formula-schedule" data-testid="formula-schedule" data-lr={rate}>
      <p className="formula-source">
        <span>{t.schedules[runner.schedule!.kind]}</span>
      </p>
      <div className="formula-tex" dangerouslySetInnerHTML={{ __html: texHtml(tex.rule) }} />
      <p
        className="formula-hyper"
        dangerouslySetInnerHTML={{
          __html: `${texHtml(tex.values, false)}; ${texHtml(`\\alpha_t = ${rate === '' ? '' : texNumber(Number(rate))}`, false)}`,
        }}
      />
    </div>
  );
}

/**
 * Every runner's rule, one click away. The list is typeset only while it is open: KaTeX takes
 * some 20 ms a rule, and every new landscape gives every runner a new rate.
 */
function AllRules({ runners, selectedId }: { runners: RunnerSettings[]; selectedId: number }) {
  const t = useT().formulas;
  const [open, setOpen] = useState(false);
  return (
    <details className="formula-all" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.allRunners}</summary>
      {open && (
        <ul>
          {runners.map((r) => (
            <RuleItem key={r.id} runner={r} selected={r.id === selectedId} />
          ))}
        </ul>
      )}
    </details>
  );
}

function RuleItem({ runner, selected }: { runner: RunnerSettings; selected: boolean }) {
  const rule = useMemo(() => ruleHtml(runner.optimizer), [runner.optimizer]);
  return (
    <li>
      <button
        type="button"
        className="formula-all-item"
        aria-pressed={selected}
        onClick={() => raceStore.getState().selectRunner(runner.id)}
      >
        <span className="formula-all-name">
          <RunnerSwatch id={runner.id} color={runner.color} line={false} />
          {runner.label}
        </span>
        <span className="formula-all-tex" dangerouslySetInnerHTML={{ __html: rule }} />
      </button>
    </li>
  );
}
