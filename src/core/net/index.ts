export * from './data';
export * from './mlp';
export * from './train';
export * from './eigen';
export * from './plane';
export * from './plane-surface';
export * from './random-directions';
export * from './defaults';
