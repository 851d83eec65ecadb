export * from './types';
export * from './race';
export { defaultSettleRule, rememberTypicalSlope, typicalSlope } from './settle';
export * from './history';
