import { useId, useState, type ReactNode } from 'react';
import { parseNumber } from '../../core';
import { formatFieldValue as formatParam } from '../../draw/format';
import { useT } from '../use-t';

export interface ParamFieldProps {
  /** The parameter's name in error messages, e.g. "k". */
  name: string;
  /** What the field is called on screen (may be typeset). */
  label: ReactNode;
  /** One line on what the parameter does. */
  hint?: ReactNode;
  value: number;
  min: number;
  max: number;
  /** Slider step, in slider units (log₁₀ units for a log slider). */
  step: number;
  /** A log slider moves in powers of ten (for the temperature). */
  log?: boolean;
  /** The slider's testid; the exact number field gets `<testId>-value`. */
  testId: string;
  /** The label on a line of its own, above the slider (for long labels). */
  stacked?: boolean;
  /** Shown after the number field, e.g. a reset button. */
  extra?: ReactNode;
  onChange: (value: number) => void;
}

/** Reads a typed number, allowing a decimal comma and the typographic minus. */
function readNumber(text: string): number | null {
  return parseNumber(text.replace(',', '.').replace('\u2212', '-'));
}

/**
 * A slider and an exact number field for one parameter. A typed value outside [min, max] or not
 * a number shows an error at the field and leaves the parameter as it was.
 */
export function ParamField(props: ParamFieldProps) {
  const {
    name,
    label,
    hint,
    value,
    min,
    max,
    step,
    log = false,
    testId,
    stacked = false,
    extra,
    onChange,
  } = props;
  const t = useT().softmax;
  const id = useId();
  // What is being typed, and the value it was typed over; stale once the slider moves.
  const [draft, setDraft] = useState<{ text: string; over: number } | null>(null);
  const typing = draft !== null && draft.over === value;
  const text = typing ? draft.text : formatParam(value);
  const typed = typing ? readNumber(draft.text) : value;
  const error =
    typed === null
      ? t.mustBeNumber(name)
      : typed < min || typed > max
        ? t.outside(name, min, max)
        : null;

  const type = (next: string) => {
    const v = readNumber(next);
    const ok = v !== null && v >= min && v <= max;
    setDraft({ text: next, over: ok ? v : value });
    if (ok) onChange(v);
  };
  const slide = (s: number) => {
    setDraft(null);
    onChange(log ? Number((10 ** s).toPrecision(2)) : s);
  };

  return (
    <div className={stacked ? 'param stacked-param' : 'param'}>
      <div className="param-row">
        <label className="param-label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          type="range"
          data-testid={testId}
          min={log ? Math.log10(min) : min}
          max={log ? Math.log10(max) : max}
          step={step}
          value={log ? Math.log10(value) : value}
          aria-valuetext={formatParam(value)}
          onChange={(e) => slide(Number(e.target.value))}
        />
        <input
          type="text"
          inputMode="decimal"
          className="param-number"
          data-testid={`${testId}-value`}
          aria-label={name}
          aria-invalid={error !== null}
          spellCheck={false}
          value={text}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            if (error === null) setDraft(null);
          }}
        />
        {extra}
      </div>
      {error !== null && <p className="field-error">{error}</p>}
      {hint !== undefined && <p className="param-hint">{hint}</p>}
    </div>
  );
}
