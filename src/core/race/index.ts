export * from './types';
export * from './race';
export { defaultSettleRule, typicalSlope } from './settle';
export * from './history';
