export * from './kinds';
export * from './spec';
export * from './buffers';
export * from './step';
export { biasCorrections } from './adam';
export * from './schedules';
