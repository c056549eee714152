export * from './types';
export * from './reference-range';
export * from './result-value';
export * from './flags';
export * from './units';
export * from './clinic-time';
export * from './lab-names';
