import { useEffect, useRef, useState } from 'react';
import { parseNumber, type Domain } from '../../core';
import { describeFunctionError } from '../../i18n';
import { raceStore, useRace } from '../../store/app-store';
import { useT } from '../use-t';

const LIVE_DELAY_MS = 250;

/**
 * Your own f(x, y): checked as you type (the error and its column appear under the field, in the
 * reader's language), shown on the surface a moment after it parses; a mistyped function never
 * replaces the surface.
 */
export function FunctionField() {
  const { landscapePanel: t, functionErrors } = useT();
  const landscape = useRace((s) => s.landscape);
  const input = useRace((s) => s.functionInput);
  const [text, setText] = useState(input?.text ?? landscape.formula);
  const [domain, setDomain] = useState<string[]>(() =>
    domainTexts(input?.domain ?? landscape.domain),
  );
  const [domainError, setDomainError] = useState(false);
  const timer = useRef(0);

  // A preset or a scene chosen elsewhere shows its own formula and domain here.
  const shown = input?.text ?? landscape.formula;
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    setLastShown(shown);
    setText(shown);
    setDomain(domainTexts(input?.domain ?? landscape.domain));
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const submit = (nextText: string, nextDomain: string[]) => {
    const values = nextDomain.map(parseNumber);
    const [xMin, xMax, yMin, yMax] = values;
    if (values.some((v) => v === null) || !(xMin! < xMax! && yMin! < yMax!)) {
      setDomainError(true);
      return;
    }
    setDomainError(false);
    const d: Domain = { xMin: xMin!, xMax: xMax!, yMin: yMin!, yMax: yMax! };
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => raceStore.getState().setFunction(nextText, d),
      LIVE_DELAY_MS,
    );
  };

  const error = input && input.text === text ? input.error : null;
  const isCustom = landscape.id === 'custom';
  return (
    <div className="function-field">
      <label className="stacked">
        <span>{t.functionLabel}</span>
        <textarea
          data-testid="function-input"
          value={text}
          rows={2}
          spellCheck={false}
          placeholder={t.functionPlaceholder}
          aria-invalid={error !== null}
          onChange={(e) => {
            setText(e.target.value);
            submit(e.target.value, domain);
          }}
        />
      </label>
      {error ? (
        <p className="field-error" data-testid="function-error" role="alert">
          {describeFunctionError(functionErrors, error)}
          <br />
          <small>{t.keptLastValid}</small>
        </p>
      ) : (
        <p className="hint">{isCustom ? t.functionShown : t.functionHelp}</p>
      )}
      <div className="domain-fields" role="group" aria-label={t.domain}>
        <span>{t.domain}</span>
        {(['x min', 'x max', 'y min', 'y max'] as const).map((name, i) => (
          <input
            key={name}
            aria-label={name}
            data-testid={`domain-${name.replace(' ', '-')}`}
            value={domain[i]}
            inputMode="decimal"
            size={4}
            aria-invalid={domainError}
            onChange={(e) => {
              const next = [...domain];
              next[i] = e.target.value;
              setDomain(next);
              submit(text, next);
            }}
          />
        ))}
      </div>
      {domainError && (
        <p className="field-error" role="alert">
          {t.domainError}
        </p>
      )}
    </div>
  );
}

function domainTexts(d: Domain): string[] {
  return [d.xMin, d.xMax, d.yMin, d.yMax].map(String);
}
