import type { OptimizerSpec } from '../../core';
import type { Messages } from '../../i18n';
import { useT } from '../use-t';
import { changeOptimizer } from './actions';
import { NumberField } from './fields';
import { hyperInactive, hyperSymbol, secondaryHypers, withHyper } from './runner-fields';

interface HyperFieldsProps {
  /** The element id the "more" toggle points at. */
  id: string;
  runnerId: number;
  spec: OptimizerSpec;
}

/** The words for a switch: its label and what it does. */
function flagText(t: Messages['runners'], key: string): [string, string] {
  if (key === 'ema') return [t.ema, t.emaTitle];
  if (key === 'bias_correction') return [t.biasCorrection, t.biasCorrectionTitle];
  if (key === 'centered') return [t.centered, t.centeredTitle];
  return [key, key];
}

/** Why a setting is greyed out (see hyperInactive). */
function inactiveText(t: Messages['runners'], key: string): string {
  return key === 'dampening' ? t.dampeningOff : t.biasCorrectionOff;
}

/**
 * A runner's hyperparameters other than the learning rate: numbers two to a row, then the
 * lecture-vs-PyTorch switches. A setting the current form ignores is greyed out, with the reason.
 */
export function HyperFields({ id, runnerId, spec }: HyperFieldsProps) {
  const t = useT().runners;
  const hypers = secondaryHypers(spec.kind);
  const values = spec as unknown as Record<string, number | boolean>;
  const meanings = t.meanings as Record<string, string | undefined>;
  const set = (key: string, value: number | boolean) =>
    changeOptimizer(runnerId, (current) => withHyper(current, key, value));
  const note = spec.kind === 'momentum' ? (spec.ema ? t.dampeningOff : t.biasCorrectionOff) : null;
  return (
    <div className="runner-hypers" id={id}>
      <div className="hyper-grid">
        {hypers
          .filter((h) => h.type === 'number')
          .map((h) => {
            const name = hyperSymbol(spec.kind, h.key) ?? t.dampening;
            const inactive = hyperInactive(spec, h.key);
            const title = inactive ? inactiveText(t, h.key) : (meanings[h.key] ?? name);
            return [
              <span key={`${h.key}-name`} className="hyper-name" title={title} aria-hidden="true">
                {name}
              </span>,
              <NumberField
                key={h.key}
                definition={h}
                name={name}
                value={values[h.key] as number}
                onCommit={(v) => set(h.key, v)}
                testId={`runner-hyper-${h.key}`}
                title={title}
                disabled={inactive}
              />,
            ];
          })}
      </div>
      <div className="hyper-flags">
        {hypers
          .filter((h) => h.type === 'boolean')
          .map((h) => {
            const [label, title] = flagText(t, h.key);
            const inactive = hyperInactive(spec, h.key);
            return (
              <label
                key={h.key}
                className={inactive ? 'inactive' : undefined}
                title={inactive ? inactiveText(t, h.key) : title}
              >
                <input
                  type="checkbox"
                  data-testid={`runner-hyper-${h.key}`}
                  checked={values[h.key] as boolean}
                  disabled={inactive}
                  onChange={(e) => set(h.key, e.target.checked)}
                />
                {label}
              </label>
            );
          })}
      </div>
      {note && <p className="hint">{note}</p>}
    </div>
  );
}
