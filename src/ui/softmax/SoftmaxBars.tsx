import { formatPrecise as formatValue, formatProbability } from '../../draw/format';
import { useT } from '../use-t';

const GRID = [0, 0.25, 0.5, 0.75, 1];
/** Past this many bars (the lecture has 7) the values are written vertically. */
const DENSE = 7;

/** One bar per entry of the softmax, its height the probability on a fixed 0–1 scale. */
export function SoftmaxBars({ z, values }: { z: readonly number[]; values: readonly number[] }) {
  const t = useT().softmax;
  let top = 0;
  values.forEach((v, i) => {
    if (v > values[top]!) top = i;
  });
  return (
    <div
      className={values.length > DENSE ? 'bars-chart dense' : 'bars-chart'}
      role="group"
      aria-label={t.barsLabel}
    >
      <div className="bars-axis" aria-hidden="true">
        {GRID.map((g) => (
          <span key={g} style={{ bottom: `${g * 100}%` }}>
            {g}
          </span>
        ))}
      </div>
      <div className="bars-track" data-testid="softmax-bars">
        {values.map((v, i) => (
          <div
            key={i}
            className={i === top ? 'bar-column top' : 'bar-column'}
            data-testid="softmax-bar"
            data-value={v}
            title={`z${i + 1} = ${z[i]}, σ = ${v}`}
          >
            <div className="bar-fill" style={{ height: `${v * 100}%` }}>
              <span className="bar-value">{formatProbability(v)}</span>
            </div>
            <span className="bar-z">{formatValue(z[i]!)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
