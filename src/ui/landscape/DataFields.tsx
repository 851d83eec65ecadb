import { useState } from 'react';
import { landscapeRows, PENGUINS_CREDIT } from '../../core';
import { raceStore, useRace } from '../../store/app-store';
import { batchDefinition } from '../runners/BatchRow';
import { NumberField } from '../runners/fields';
import { useT } from '../use-t';

/**
 * On a dataset's landscape: raw units or standardized, the race's default batch size, the switch
 * that draws the current batch's own surface, and where the data comes from.
 */
export function DataFields() {
  const t = useT().data;
  const data = useRace((s) => s.landscape.data);
  const rows = useRace((s) => landscapeRows(s.landscape));
  const batch = useRace((s) => s.batch);
  const batchSurface = useRace((s) => s.batchSurface);
  // The switch shows the choice at once; the landscape follows when the worker's first grid of
  // the other units arrives (the previous picture stays until then).
  const [asked, setAsked] = useState<{ data: unknown; raw: boolean } | null>(null);
  if (rows === undefined) return null;
  const raw = data && asked && asked.data === data ? asked.raw : !data?.standardized;
  const n = rows;
  return (
    <div className="data-fields">
      {data && (
        <div className="row">
          <label title={t.rawTitle}>
            <input
              type="checkbox"
              data-testid="raw"
              checked={raw}
              onChange={(e) => {
                setAsked({ data, raw: e.target.checked });
                raceStore.getState().setRaw(e.target.checked);
              }}
            />
            {t.raw}
          </label>
          <button
            type="button"
            data-testid="batch-surface"
            className="toggle"
            aria-pressed={batchSurface}
            title={t.batchSurfaceTitle}
            onClick={() => raceStore.getState().setBatchSurface(!batchSurface)}
          >
            {t.batchSurface}
          </button>
        </div>
      )}
      <div className="row">
        <label title={t.raceBatchTitle}>
          {t.raceBatch}
          <NumberField
            key={n}
            definition={batchDefinition(n)}
            name={t.raceBatch}
            value={batch ?? n}
            onCommit={(b) => raceStore.getState().setBatch(b)}
            testId="race-batch"
            title={t.raceBatchTitle}
          />
          <small>{t.ofRows(n)}</small>
        </label>
      </div>
      {data && <p className="hint">{t.seedHint}</p>}
      <p className="hint data-credit">
        <a href={PENGUINS_CREDIT.url} target="_blank" rel="noreferrer noopener">
          {t.credit}
        </a>
      </p>
    </div>
  );
}
