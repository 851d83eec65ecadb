import type { RaceState, RaceStore } from './race-store';
import { DEFAULT_LANDSCAPE_ID } from './share-link';
import type { SurfaceJobs } from './surface-jobs';
import type { BasinJobs, SwarmJobs } from './swarm-jobs';
import { createStoreFromParams, readInitialParams } from './url-params';

/** Jobs that do nothing: the store of defaults below is looked at, never shown. */
const idleSurface: SurfaceJobs = { start() {}, cancel() {} };
const idleSwarm: SwarmJobs = { start() {}, advance() {}, stop() {} };
const idleBasins: BasinJobs = { start() {}, cancel() {} };

/** State that belongs to this moment, not to the settings: a reset leaves it as it is. */
const MOMENTARY = new Set<string>([
  'language',
  'playing',
  'finished',
  'exporting',
  'presenting',
  'blanked',
  'swarmStep',
  'basinsProgress',
]);

/**
 * Puts `store` back to what a page with no link and no session opens with: the default landscape
 * (its surface sampled by the store's own jobs), its runners, start, panes and view settings, a
 * fresh race from step 0, playing. The defaults are taken from a store made as the page makes
 * one, so a setting added later is reset too. The language stays; presenter mode stays.
 */
export function resetToDefaults(store: RaceStore): void {
  const defaults = createStoreFromParams(
    readInitialParams(''),
    store.getState().language,
    idleSurface,
    {
      swarm: idleSwarm,
      basins: idleBasins,
    },
  ).getState();
  const settings: Partial<RaceState> = {
    functionInput: defaults.functionInput,
    start: defaults.start,
    runners: defaults.runners,
    shake: defaults.shake,
    batch: defaults.batch,
    scene: defaults.scene,
    panes: defaults.panes,
    notices: [],
  };
  // Every plain setting (view, speed, swarm, palette …) as the defaults have it.
  for (const [key, value] of Object.entries(defaults))
    if (
      !MOMENTARY.has(key) &&
      value !== null &&
      typeof value !== 'object' &&
      typeof value !== 'function'
    )
      Object.assign(settings, { [key]: value });

  const s = store.getState();
  // The landscape through its action, so the store's own jobs sample its fine surface.
  s.setPreset(DEFAULT_LANDSCAPE_ID);
  store.setState(settings);
  s.reset();
  s.play();
}
