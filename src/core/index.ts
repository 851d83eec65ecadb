/**
 * The pure core of Optimizer Race: optimizers stepped exactly as `torch.optim` (and as the lecture
 * writes them), loss landscapes with exact gradients, typed-in functions, races and swarms.
 * Nothing here knows about React, three.js, zustand or the DOM.
 */
export * from './optimizers';
export * from './landscapes';
export * from './race';
export * from './swarm';
export * from './basins';
export * from './swarm-run';
export * from './scenes';
export * from './race/defaults';
export * from './random';
export * from './palette';
export { parseFunction, type CompiledFunction, type ParseError } from './expression';
export * from './surface';
export * from './colormap';
export * from './softmax';
export * from './surface-job';
export * from './surface-drawing';
export * from './data';
export * from './net';
