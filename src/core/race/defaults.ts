import { defaultSpec } from '../optimizers';
import type { RunnerSpec } from './types';

/** The lecture's race: SGD-momentum in green, RMSProp in red, Adam in black (default settings). */
export const DEFAULT_RUNNERS: readonly RunnerSpec[] = [
  { label: 'SGD-momentum', color: '#2ecc40', optimizer: defaultSpec('momentum') },
  { label: 'RMSProp', color: '#ff4136', optimizer: defaultSpec('rmsprop') },
  { label: 'Adam', color: '#111111', optimizer: defaultSpec('adam') },
];
