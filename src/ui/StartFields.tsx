import { useState } from 'react';
import { parseNumber } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

/** Numeric x₀, y₀: the keyboard way to set the start. Refuses what is not a number in the domain. */
export function StartFields() {
  const start = useRace((s) => s.start);
  // A new start (dragged, or another landscape) resets the fields and any error.
  return <StartFieldsFor key={`${start[0]},${start[1]}`} start={start} />;
}

function StartFieldsFor({ start }: { start: [number, number] }) {
  const t = useT().app;
  const domain = useRace((s) => s.landscape.domain);
  const [text, setText] = useState<[string, string]>([format(start[0]), format(start[1])]);
  const [error, setError] = useState<string | null>(null);

  const commit = (axis: 0 | 1, value: string) => {
    const v = parseNumber(value);
    const [lo, hi] = axis === 0 ? [domain.xMin, domain.xMax] : [domain.yMin, domain.yMax];
    if (v === null) return setError(t.startMustBeNumber(axis === 0 ? 'x₀' : 'y₀'));
    if (v < lo || v > hi) return setError(t.startOutside(axis === 0 ? 'x₀' : 'y₀', lo, hi));
    const next: [number, number] = [start[0], start[1]];
    next[axis] = v;
    raceStore.getState().setStart(next[0], next[1]);
  };

  return (
    <div className="group start" role="group" aria-label={t.start}>
      <span className="muted">{t.start}</span>
      {(['x₀', 'y₀'] as const).map((name, axis) => (
        <label key={name}>
          {name}
          <input
            data-testid={axis === 0 ? 'start-x' : 'start-y'}
            inputMode="decimal"
            size={6}
            value={text[axis as 0 | 1]}
            aria-invalid={error !== null}
            onChange={(e) => {
              const t: [string, string] = [...text];
              t[axis as 0 | 1] = e.target.value;
              setText(t);
            }}
            onBlur={(e) => commit(axis as 0 | 1, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(axis as 0 | 1, e.currentTarget.value);
            }}
          />
        </label>
      ))}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function format(v: number): string {
  return Number(v.toPrecision(5)).toString();
}
