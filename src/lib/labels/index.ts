// Public API of the label tools: confident learning, downsampling recalibration, slice error analysis.
export * from './confident.ts';
export * from './recalibrate.ts';
export * from './slices.ts';
