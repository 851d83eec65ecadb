import { useMemo } from 'react';
import { softmax, type VectorError } from '../../core/softmax';
import { formatProbability } from '../../draw/format';
import type { Messages } from '../../i18n';
import { useT } from '../use-t';
import { ParamField } from './ParamField';
import { SoftmaxBars } from './SoftmaxBars';
import { Tex } from './Tex';
import type { VectorField } from './use-vector-field';

/** The lecture's example vector, as typed. */
export const LECTURE_VECTOR = '2, 1, 7, 4, 1, 3, 5';
/** Temperatures the slider covers, in powers of ten. */
const TEMPERATURE = { min: 0.05, max: 20, step: 0.01 };

/** Why the vector field refuses its text, in words. */
export function vectorErrorText(t: Messages['softmax'], error: VectorError): string {
  switch (error.reason) {
    case 'empty':
      return t.vectorEmpty;
    case 'too-many':
      return t.vectorTooMany(error.count, error.max);
    case 'not-a-number':
      return t.vectorNotNumber(error.token, error.column);
    case 'not-finite':
      return t.vectorNotFinite(error.token, error.column);
  }
}

interface SoftmaxSectionProps {
  field: VectorField;
  temperature: number;
  onTemperature: (t: number) => void;
}

/** Softmax of the typed vector at temperature T: the formula, the field, the bars and the sum. */
export function SoftmaxSection({ field, temperature, onTemperature }: SoftmaxSectionProps) {
  const t = useT().softmax;
  const values = useMemo(() => softmax(field.vector, temperature), [field.vector, temperature]);
  const sum = values.reduce((a, b) => a + b, 0);
  return (
    <section className="softmax-card" aria-labelledby="softmax-heading">
      <h2 id="softmax-heading">{t.softmaxHeading}</h2>
      <div className="card-columns softmax-columns">
        <div className="controls-column">
          <p className="card-lead">{t.softmaxWhat}</p>
          <div className="formula-block">
            <Tex
              display
              tex={'\\sigma(\\mathbf{z})_i = \\frac{e^{z_i / T}}{\\sum_{j=1}^{K} e^{z_j / T}}'}
            />
          </div>
          <div className="vector-head">
            <label className="param-label" htmlFor="softmax-vector">
              {t.vectorLabel}
            </label>
            <button
              data-testid="softmax-lecture"
              title={LECTURE_VECTOR}
              onClick={() => field.change(LECTURE_VECTOR)}
              disabled={field.text === LECTURE_VECTOR}
            >
              {t.lectureExample}
            </button>
          </div>
          <input
            id="softmax-vector"
            className="vector-input"
            type="text"
            data-testid="softmax-input"
            value={field.text}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={field.error !== null}
            aria-describedby="softmax-vector-note"
            onChange={(e) => field.change(e.target.value)}
          />
          {field.error !== null ? (
            <p
              className="field-error"
              id="softmax-vector-note"
              data-testid="softmax-error"
              role="alert"
            >
              {vectorErrorText(t, field.error)} {t.keptLast}
            </p>
          ) : (
            <p className="param-hint" id="softmax-vector-note">
              {t.vectorHint}
            </p>
          )}
          <ParamField
            name="T"
            label={t.temperature}
            value={temperature}
            {...TEMPERATURE}
            log
            stacked
            testId="softmax-temperature"
            onChange={onTemperature}
            extra={
              <button
                data-testid="softmax-temperature-one"
                disabled={temperature === 1}
                onClick={() => onTemperature(1)}
              >
                {t.temperatureOne}
              </button>
            }
          />
          <p className="param-hint">
            <Tex tex={'\\operatorname{softmax}(\\mathbf{z}/T)'} />: {t.temperatureHint}
          </p>
        </div>
        <div className="bars-column">
          <SoftmaxBars z={field.vector} values={values} />
          <p className="softmax-output" data-testid="softmax-output">
            <span className="muted">{t.output}:</span> [{values.map(formatProbability).join(', ')}]
          </p>
          <p className="softmax-sum" data-testid="softmax-sum" data-sum={sum}>
            <span className="muted">{t.sum}</span> <Tex tex={'\\textstyle\\sum_i \\sigma_i ='} />{' '}
            <b>{formatProbability(sum)}</b>
          </p>
        </div>
      </div>
    </section>
  );
}
