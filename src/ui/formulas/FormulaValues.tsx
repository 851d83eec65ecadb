import { useMemo } from 'react';
import { runnerReport, type OptimizerSpec } from '../../core';
import { valueSymbols, type ValueSymbols } from '../../core/formulas';
import { formatNumber as formatValue, formatPair } from '../../draw/format';
import type { RaceState } from '../../store/race-store';
import { useSnapshot } from '../use-snapshot';
import { useT } from '../use-t';
import { texHtml } from './tex';

type ValueKey = keyof ValueSymbols;

const ROWS: readonly ValueKey[] = [
  'g',
  'firstMoment',
  'secondMoment',
  'gradientMean',
  'biasCorrection1',
  'biasCorrection2',
  'step',
];

/** The selected runner's live values, formatted; a JSON string so equal snapshots do not re-render. */
function readValues(s: RaceState): string {
  const i = s.runners.findIndex((r) => r.id === s.selectedRunner);
  const runner = s.race.runners[i];
  const report = runner && runnerReport(runner);
  if (!runner || !report) return JSON.stringify({ t: 0, values: {} });
  const values: Partial<Record<ValueKey, string>> = {
    g: formatPair(report.g),
    step: formatPair(report.step),
  };
  if (report.firstMoment) values.firstMoment = formatPair(report.firstMoment);
  if (report.secondMoment) values.secondMoment = formatPair(report.secondMoment);
  if (report.biasCorrection1 !== null) values.biasCorrection1 = formatValue(report.biasCorrection1);
  if (report.biasCorrection2 !== null) values.biasCorrection2 = formatValue(report.biasCorrection2);
  const spec = runner.spec.optimizer;
  if (spec.kind === 'rmsprop' && spec.centered) {
    // Centered RMSProp's running mean ḡₜ is not part of the core's report; it is buffer `a`.
    const a = runner.buffers.a;
    values.gradientMean = formatPair([a[0]!, a[1]!]);
  }
  return JSON.stringify({ t: report.t, values });
}

/**
 * gₜ, the moment buffers, the bias corrections and the step Δw of the selected runner after its
 * last step, as the core reports them, refreshed 10 times a second.
 */
export function FormulaValues({ spec }: { spec: OptimizerSpec }) {
  const t = useT().formulas;
  const { t: step, values } = JSON.parse(useSnapshot(readValues)) as {
    t: number;
    values: Partial<Record<ValueKey, string>>;
  };
  const labels = useMemo(() => {
    const symbols = valueSymbols(spec);
    return ROWS.flatMap((key) => {
      const tex = symbols[key];
      return tex === null ? [] : [{ key, html: texHtml(tex, false) }];
    });
  }, [spec]);

  return (
    <div className="formula-values" data-testid="formula-values" data-step={step}>
      <p className="formula-values-head" title={t.valuesTitle}>
        {step > 0 ? t.valuesAfter(step) : t.noStepYet}
      </p>
      <table>
        <tbody>
          {labels.map(({ key, html }) => (
            <tr key={key} title={t.meaning[key]} data-value={key}>
              <th dangerouslySetInnerHTML={{ __html: html }} />
              <td>{values[key] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
