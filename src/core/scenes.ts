import { defaultSpec, type OptimizerSpec } from './optimizers';
import type { RunnerSpec, Shake } from './race';

/**
 * A preset scene: a landscape, a start, runners and a shake chosen to make one point of the
 * lecture, with a caption in Russian and English.
 */
export interface Scene {
  id: string;
  landscape: string;
  start: [number, number];
  runners: RunnerSpec[];
  shake: Shake;
  caption: { en: string; ru: string };
  /** Side by side instead of one surface; panes list runners by position (0-based). */
  layout?: 'overlay' | 'split';
  panes?: number[][];
}

const withLr = (kind: OptimizerSpec['kind'], lr: number): OptimizerSpec => ({
  ...defaultSpec(kind),
  lr,
});

/** The scenes, in menu order. */
export const SCENES: readonly Scene[] = [
  {
    id: 'bowl',
    landscape: 'bowl',
    start: [-1.6, 1.2],
    runners: [
      { label: 'SGD-momentum', color: '#2ecc40', optimizer: withLr('momentum', 0.1) },
      { label: 'RMSProp', color: '#ff4136', optimizer: withLr('rmsprop', 0.02) },
      { label: 'Adam', color: '#111111', optimizer: withLr('adam', 0.05) },
    ],
    shake: { sigma: 0, seed: 1 },
    caption: {
      en: 'A ball in a bowl: on a convex surface every optimizer rolls down to the one bottom.',
      ru: 'Шарик в чаше: на выпуклой поверхности любой оптимизатор скатывается к единственному дну.',
    },
  },
];

/** The scene with this id, or undefined. */
export function getScene(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}
