import { useState } from 'react';
import { texNumber } from '../../core/formulas';
import { useT } from '../use-t';
import { LogisticPlot } from './LogisticPlot';
import { ParamField } from './ParamField';
import { Tex } from './Tex';

/** The sigmoid: the standard logistic function. */
const SIGMOID = { L: 1, k: 1, x0: 0 };

/** Slider ranges: wide enough to see each parameter's effect, small enough to fit the plot. */
const RANGE = {
  L: { min: 0.1, max: 2, step: 0.05 },
  k: { min: -10, max: 10, step: 0.1 },
  x0: { min: -8, max: 8, step: 0.1 },
};

/** f(x) = L / (1 + e^(−k(x − x₀))) with the numbers in, e.g. 1 / (1 + e^(−x)) for the sigmoid. */
function logisticTex(L: number, k: number, x0: number): string {
  const shift = x0 === 0 ? 'x' : `(x ${x0 > 0 ? '-' : '+'} ${texNumber(Math.abs(x0))})`;
  const c = -k;
  const exponent =
    k === 0 ? '0' : c === 1 ? shift : c === -1 ? `-${shift}` : `${texNumber(c)}\\,${shift}`;
  return `f(x) = \\frac{${texNumber(L)}}{1 + e^{${exponent}}}`;
}

/** The logistic function: the plot, L, k and x₀ with what each does, and the sigmoid. */
export function LogisticSection() {
  const t = useT().softmax;
  const [{ L, k, x0 }, setParams] = useState(SIGMOID);
  const isSigmoid = L === SIGMOID.L && k === SIGMOID.k && x0 === SIGMOID.x0;
  return (
    <section className="softmax-card logistic-card" aria-labelledby="logistic-heading">
      <h2 id="logistic-heading">{t.logisticHeading}</h2>
      <div className="card-columns">
        <div className="plot-column">
          <LogisticPlot L={L} k={k} x0={x0} />
          <ul className="plot-legend">
            <li>
              <span className="swatch curve" /> {t.curveLegend}
            </li>
            <li>
              <span className="swatch sigmoid" /> {t.sigmoidLegend}
            </li>
            <li>
              <span className="swatch tangent" /> {t.tangentLegend}
            </li>
          </ul>
        </div>
        <div className="controls-column">
          <div className="formula-block">
            <Tex display tex={'f(x) = \\frac{L}{1 + e^{-k(x - x_0)}}'} />
            <div className="formula-live" data-testid="logistic-formula">
              <Tex display tex={logisticTex(L, k, x0)} />
            </div>
          </div>
          <ParamField
            name="L"
            label={<Tex tex="L" />}
            hint={t.paramL}
            value={L}
            {...RANGE.L}
            testId="logistic-L"
            onChange={(v) => setParams((p) => ({ ...p, L: v }))}
          />
          <ParamField
            name="k"
            label={<Tex tex="k" />}
            hint={t.paramK}
            value={k}
            {...RANGE.k}
            testId="logistic-k"
            onChange={(v) => setParams((p) => ({ ...p, k: v }))}
          />
          <ParamField
            name="x₀"
            label={<Tex tex="x_0" />}
            hint={t.paramX0}
            value={x0}
            {...RANGE.x0}
            testId="logistic-x0"
            onChange={(v) => setParams((p) => ({ ...p, x0: v }))}
          />
          <div className="sigmoid-note">
            <p>
              <Tex tex={'\\sigma(x) = 1 / (1 + e^{-x})'} /> — {t.sigmoidNote}
            </p>
            <button
              data-testid="logistic-reset"
              disabled={isSigmoid}
              onClick={() => setParams(SIGMOID)}
            >
              ↺ {t.resetSigmoid}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
