import { useState } from 'react';
import { parseNumber } from '../../core';
import { raceStore, useRace } from '../../store/app-store';
import { useT } from '../use-t';

/** The shake: gradient noise σ and its seed, with one line on why minibatch gradients are noisy. */
export function ShakeFields() {
  const t = useT().landscapePanel;
  const shake = useRace((s) => s.shake);
  const [sigma, setSigma] = useState(String(shake.sigma));
  const [seed, setSeed] = useState(String(shake.seed));
  const [error, setError] = useState(false);
  const [last, setLast] = useState(shake);
  if (last !== shake) {
    setLast(shake);
    setSigma(String(shake.sigma));
    setSeed(String(shake.seed));
  }
  const commit = (sigmaText: string, seedText: string) => {
    const s = parseNumber(sigmaText);
    const n = parseNumber(seedText);
    if (s === null || s < 0 || n === null || !Number.isInteger(n)) return setError(true);
    setError(false);
    raceStore.getState().setShake({ sigma: s, seed: n });
  };
  return (
    <div className="shake-fields">
      <div className="row">
        <label>
          {t.shake}
          <input
            data-testid="shake-sigma"
            type="range"
            min={0}
            max={3}
            step={0.05}
            value={Math.min(3, shake.sigma)}
            onChange={(e) => commit(e.target.value, seed)}
          />
          <input
            data-testid="shake-sigma-value"
            value={sigma}
            size={4}
            inputMode="decimal"
            aria-invalid={error}
            onChange={(e) => setSigma(e.target.value)}
            onBlur={() => commit(sigma, seed)}
            onKeyDown={(e) => e.key === 'Enter' && commit(sigma, seed)}
          />
        </label>
        <label>
          {t.seed}
          <input
            data-testid="shake-seed"
            value={seed}
            size={4}
            inputMode="numeric"
            aria-invalid={error}
            onChange={(e) => setSeed(e.target.value)}
            onBlur={() => commit(sigma, seed)}
            onKeyDown={(e) => e.key === 'Enter' && commit(sigma, seed)}
          />
        </label>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {t.shakeError}
        </p>
      ) : (
        <p className="hint">{t.shakeHelp}</p>
      )}
    </div>
  );
}
