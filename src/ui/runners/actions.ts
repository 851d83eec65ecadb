import type { OptimizerKind, OptimizerSpec } from '../../core';
import { raceStore } from '../../store/app-store';
import { specForKind } from './runner-fields';

/** The runner just added or duplicated here, whose card scrolls into view when it appears. */
let revealId: number | null = null;

/** True (once) when the card of runner `id` should scroll into view as it appears. */
export function takeReveal(id: number): boolean {
  if (revealId !== id) return false;
  revealId = null;
  return true;
}

/** Runs a store action that adds one runner, then selects the new runner and reveals its card. */
function selectingTheNewRunner(add: () => void): void {
  const before = new Set(raceStore.getState().runners.map((r) => r.id));
  add();
  const added = raceStore.getState().runners.find((r) => !before.has(r.id));
  if (!added) return;
  revealId = added.id;
  raceStore.getState().selectRunner(added.id);
}

export function addRunner(): void {
  selectingTheNewRunner(() => raceStore.getState().addRunner());
}

export function duplicateRunner(id: number): void {
  selectingTheNewRunner(() => raceStore.getState().duplicateRunner(id));
}

export function selectRunner(id: number): void {
  const s = raceStore.getState();
  if (s.selectedRunner !== id) s.selectRunner(id);
}

/** Changes a runner's optimizer, starting from its current spec in the store. */
export function changeOptimizer(id: number, change: (spec: OptimizerSpec) => OptimizerSpec): void {
  const s = raceStore.getState();
  const runner = s.runners.find((r) => r.id === id);
  if (runner) s.updateRunner(id, { optimizer: change(runner.optimizer) });
}

/** Switches a runner to another optimizer: its defaults and a rate suited to the landscape. */
export function changeKind(id: number, kind: OptimizerKind): void {
  const s = raceStore.getState();
  s.updateRunner(id, { optimizer: specForKind(s.landscape, kind) });
}
