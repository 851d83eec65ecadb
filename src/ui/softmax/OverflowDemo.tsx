import { useMemo } from 'react';
import { naiveSoftmaxSteps, stableSoftmaxSteps } from '../../core/softmax';
import { formatPrecise as formatValue, formatProbability } from '../../draw/format';
import type { Messages } from '../../i18n';
import { useT } from '../use-t';
import { Tex } from './Tex';

/** The input that overflows the naive formula: e^1000 = ∞ in float64. */
export const OVERFLOW_VECTOR = '1000, 999';

/** A naive result entry, with the arithmetic spelled out where it is not a number. */
function naiveCell(t: Messages['softmax'], value: number, exp: number, sum: number): string {
  if (!Number.isNaN(value))
    return sum === Infinity ? `${t.overInfinity}` : formatProbability(value);
  if (exp === Infinity) return t.overflowCell;
  return t.underflowCell;
}

/**
 * The lecture's np.exp(x) / np.sum(np.exp(x)) next to the max-subtracted softmax, for the
 * current vector at T = 1, with every intermediate value.
 */
export function OverflowDemo({
  z,
  onLoad,
}: {
  z: readonly number[];
  onLoad: (text: string) => void;
}) {
  const t = useT().softmax;
  const naive = useMemo(() => naiveSoftmaxSteps(z), [z]);
  const stable = useMemo(() => stableSoftmaxSteps(z), [z]);
  const naiveSummary =
    naive.outcome === 'overflow'
      ? t.overflowResult
      : naive.outcome === 'underflow'
        ? t.underflowResult
        : `[${naive.values.map(formatProbability).join(', ')}]`;
  const naiveNote =
    naive.outcome === 'overflow'
      ? t.overflowExplain
      : naive.outcome === 'underflow'
        ? t.underflowExplain
        : t.naiveFine;
  return (
    <section
      className="softmax-card overflow-card"
      data-testid="softmax-overflow-demo"
      aria-labelledby="overflow-heading"
    >
      <div className="card-head">
        <h2 id="overflow-heading">{t.overflowHeading}</h2>
        <button data-testid="softmax-load-overflow" onClick={() => onLoad(OVERFLOW_VECTOR)}>
          {t.loadOverflow}
        </button>
      </div>
      <p className="card-lead">
        {t.overflowWhat} <span className="muted">{t.atT1}</span>
      </p>
      <div className="demo-columns">
        <div className={`demo naive outcome-${naive.outcome}`}>
          <h3>{t.naiveHeading}</h3>
          <code className="demo-code">np.exp(x) / np.sum(np.exp(x))</code>
          <div className="demo-table-wrap">
            <table className="demo-table">
              <thead>
                <tr>
                  <th>{t.entry}</th>
                  <th>
                    <Tex tex="z_i" />
                  </th>
                  <th>
                    <Tex tex="e^{z_i}" />
                  </th>
                  <th>
                    <Tex tex="\sigma_i" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {z.map((zi, i) => {
                  const exp = naive.exps[i]!;
                  const value = naive.values[i]!;
                  return (
                    <tr key={i}>
                      <td className="muted">{i + 1}</td>
                      <td>{formatValue(zi)}</td>
                      <td className={exp === Infinity || exp === 0 ? 'bad' : undefined}>
                        {formatValue(exp)}
                      </td>
                      <td
                        className={
                          Number.isFinite(value) && naive.outcome === 'ok' ? undefined : 'bad'
                        }
                      >
                        {naiveCell(t, value, exp, naive.sum)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>
                    <Tex tex="\textstyle\sum_j e^{z_j}" />
                  </td>
                  <td className={naive.outcome === 'ok' ? undefined : 'bad'}>
                    {formatValue(naive.sum)}
                  </td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="demo-result" data-testid="naive-result" data-outcome={naive.outcome}>
            <span className="muted">{t.result}:</span> <b>{naiveSummary}</b>
          </p>
          <p className="param-hint">{naiveNote}</p>
        </div>
        <div className="demo stable">
          <h3>{t.stableHeading}</h3>
          <code className="demo-code">e = np.exp(x - x.max()); e / e.sum()</code>
          <div className="demo-table-wrap">
            <table className="demo-table">
              <thead>
                <tr>
                  <th>{t.entry}</th>
                  <th>
                    <Tex tex="z_i - \max z" />
                  </th>
                  <th>
                    <Tex tex="e^{z_i - \max z}" />
                  </th>
                  <th>
                    <Tex tex="\sigma_i" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {z.map((_, i) => (
                  <tr key={i}>
                    <td className="muted">{i + 1}</td>
                    <td>{formatValue(stable.shifted[i]!)}</td>
                    <td>{formatValue(stable.exps[i]!)}</td>
                    <td className="good">{formatProbability(stable.values[i]!)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>
                    <Tex tex="\textstyle\sum_j e^{z_j - \max z}" />
                  </td>
                  <td>{formatValue(stable.sum)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <p
            className="demo-result"
            data-testid="stable-result"
            data-values={JSON.stringify(stable.values)}
          >
            <span className="muted">{t.result}:</span>{' '}
            <b>[{stable.values.map(formatProbability).join(', ')}]</b>
          </p>
          <p className="param-hint">{t.stableExplain}</p>
        </div>
      </div>
    </section>
  );
}
