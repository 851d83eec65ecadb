import type { RaceState } from '../store/race-store';
import { useSnapshot } from './use-snapshot';
import { useT } from './use-t';

/** The epoch a sampler's last batch came from, 1-based (0 before the first step). */
export function samplerEpoch(sampler: { epoch: number; examples: number }): number {
  return sampler.examples === 0 ? 0 : sampler.epoch + 1;
}

/** The selected runner's epoch, rows seen and label, as a key ("" off data). */
function readEpoch(s: RaceState): string {
  const i = Math.max(
    0,
    s.runners.findIndex((r) => r.id === s.selectedRunner),
  );
  const live = s.race.runners[i];
  if (!live?.sampler) return '';
  return JSON.stringify([samplerEpoch(live.sampler), live.sampler.examples, live.spec.label]);
}

/** On data: the selected runner's epoch and the examples it has seen, live. */
export function EpochCounter() {
  const t = useT().data;
  const key = useSnapshot(readEpoch);
  if (key === '') return null;
  const [epoch, examples, label] = JSON.parse(key) as [number, number, string];
  return (
    <p
      className="epoch-counter"
      data-testid="epoch-counter"
      data-epoch={epoch}
      data-examples={examples}
    >
      {t.epochCounter(epoch, examples, label)}
    </p>
  );
}
