import type { RaceState } from '../store/race-store';

/**
 * The runner (by race position) a pane shows in what is drawn per runner (the batch surface, the
 * basin map): the selected runner when the pane shows it, or in the overlay layout (pane −1);
 * else the pane's first runner.
 */
export function paneRunnerIndex(
  s: Pick<RaceState, 'runners' | 'selectedRunner' | 'panes'>,
  pane: number,
): number {
  const selected = Math.max(
    0,
    s.runners.findIndex((r) => r.id === s.selectedRunner),
  );
  const ids = pane >= 0 ? s.panes[pane] : undefined;
  if (!ids || ids.includes(s.selectedRunner)) return selected;
  return Math.max(
    0,
    s.runners.findIndex((r) => r.id === ids[0]),
  );
}
