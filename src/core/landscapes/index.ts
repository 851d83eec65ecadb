import { DATASET_IDS } from '../data/datasets';
import { dataLandscape } from './data';
import { CLASSIC_LANDSCAPES } from './classic';
import { LECTURE_LANDSCAPES } from './lecture';
import type { Landscape } from './types';

export * from './types';
export { findMinima, minimaBudget, polishMinimum, type MinimaSearch } from './minima';
export { landscapeFromFunction, searchMinima, withMinima } from './custom';

/** The loss surfaces of the models trained on real data, standardized (see `dataLandscape`). */
export const DATA_LANDSCAPES: readonly Landscape[] = DATASET_IDS.map((id) => dataLandscape(id));

/** Every preset: the lecture's first, then the classic test functions, then real data. */
export const PRESET_LANDSCAPES: readonly Landscape[] = [
  ...LECTURE_LANDSCAPES,
  ...CLASSIC_LANDSCAPES,
  ...DATA_LANDSCAPES,
];

/** The preset with this id, or undefined. */
export function getPresetLandscape(id: string): Landscape | undefined {
  return PRESET_LANDSCAPES.find((l) => l.id === id);
}
export {
  landscapeFromSource,
  landscapeSource,
  landscapeWithMinima,
  type LandscapeSource,
} from './source';
export { dataLandscape, dataMinimum } from './data';
