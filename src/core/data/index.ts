export * from './datasets';
export { batchLoss, batchMoments, fullLoss, type FullLoss } from './models';
export * from './sampler';
export { PENGUINS_CREDIT } from './penguins';
