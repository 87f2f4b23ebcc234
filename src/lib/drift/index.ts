// Drift statistics (pure TypeScript): weighted PSI, KS, chi-square, Jensen–Shannon and normed
// Wasserstein, Evidently's default test per column and the data-set verdict.
export * from './sample.ts';
export * from './bins.ts';
export * from './stats.ts';
export * from './choose.ts';
export * from './column.ts';
export * from './freshness.ts';
export * from './run-window.ts';
export * from './format.ts';
