import { landscapeRows, type HyperDefinition } from '../../core';
import { raceStore, useRace } from '../../store/app-store';
import type { RunnerSettings } from '../../store/race-store';
import { useT } from '../use-t';
import { NumberField } from './fields';

/** Slider positions: the batch size runs from 1 to n on a log scale over 0 … BATCH_SLIDER_MAX. */
export const BATCH_SLIDER_MAX = 100;

/** The batch size at a slider position: round(n^(p/100)), so 1 at the left end and n at the right. */
export function sliderToBatch(position: number, n: number): number {
  const p = Math.min(BATCH_SLIDER_MAX, Math.max(0, position)) / BATCH_SLIDER_MAX;
  return Math.min(n, Math.max(1, Math.round(Math.pow(n, p))));
}

/** The slider position of a batch size (the inverse of {@link sliderToBatch}). */
export function batchToSlider(batch: number, n: number): number {
  if (n <= 1) return BATCH_SLIDER_MAX;
  return Math.round((BATCH_SLIDER_MAX * Math.log(Math.max(1, batch))) / Math.log(n));
}

/** How a batch size may be typed: a whole number from 1 to n. */
export function batchDefinition(n: number): HyperDefinition {
  return { key: 'batch', type: 'number', default: n, min: 1, max: n, integer: true, meaning: '' };
}

/**
 * A runner's batch size on a dataset's landscape, next to its learning rate: a log slider from 1
 * (one random example per step) to n (the full data) and the exact number.
 */
export function BatchRow({ runner }: { runner: RunnerSettings }) {
  const t = useT().data;
  const n = useRace((s) => landscapeRows(s.landscape) ?? null);
  const raceBatch = useRace((s) => s.batch);
  if (n === null) return null;
  const batch = Math.min(n, runner.batch ?? raceBatch ?? n);
  const set = (b: number) => {
    if (b !== batch) raceStore.getState().updateRunner(runner.id, { batch: b });
  };
  return (
    <div className="runner-line lr-row batch-row">
      <span className="lr-name" aria-hidden="true" title={t.batchTitle(n)}>
        {t.batch}
      </span>
      <input
        type="range"
        data-testid="runner-batch-slider"
        min={0}
        max={BATCH_SLIDER_MAX}
        step={1}
        value={batchToSlider(batch, n)}
        aria-label={t.batchSlider}
        aria-valuetext={`${batch} ${t.ofRows(n)}`}
        title={t.batchTitle(n)}
        onChange={(e) => set(sliderToBatch(Number(e.target.value), n))}
      />
      <NumberField
        key={n}
        definition={batchDefinition(n)}
        name={t.batch}
        value={batch}
        onCommit={set}
        testId="runner-batch"
        title={t.batchTitle(n)}
      />
      <small className="batch-of">{t.ofRows(n)}</small>
    </div>
  );
}
