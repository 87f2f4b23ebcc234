// The simulated ad marketplace: one import for everything in this folder.
export * from './types.ts';
export * from './world.ts';
export * from './generate.ts';
export * from './truth.ts';
export * from './blindness.ts';
export * from './oracle.ts';
export * from './csv.ts';
export * from './columns.ts';
export * from './totals.ts';
export * from './timeline.ts';
