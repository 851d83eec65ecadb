// The package's exports map hides its data files, so the file is imported by path.
import rows from '../../../node_modules/vega-datasets/data/penguins.json';

/**
 * The Palmer penguins (Gorman, Williams & Fraser 2014; Palmer Station Antarctica LTER; collected
 * into R's palmerpenguins by Horst, Hill & Gorman, CC0 1.0), as shipped in `penguins.json` of
 * the vega-datasets npm package (BSD-3-Clause). Imported at build time: only this file of the
 * package ends up in the bundle, and nothing is fetched.
 */
export interface PenguinRow {
  Species: string;
  Island: string;
  'Beak Length (mm)': number | null;
  'Beak Depth (mm)': number | null;
  'Flipper Length (mm)': number | null;
  'Body Mass (g)': number | null;
  Sex: string | null;
}

/** Every row of penguins.json, in file order (344 rows, some with missing measurements). */
export const PENGUINS: readonly PenguinRow[] = rows as PenguinRow[];

/** Where the data comes from, for the app's credits and the README. */
export const PENGUINS_CREDIT = {
  data: 'Palmer penguins: Gorman, Williams & Fraser (2014), Palmer Station Antarctica LTER; palmerpenguins by Horst, Hill & Gorman (CC0 1.0)',
  package: 'vega-datasets (BSD-3-Clause)',
  url: 'https://allisonhorst.github.io/palmerpenguins/',
} as const;
