// The lab's domain types: what crosses the boundary between the lab worker and the UI (plain data only,
// no tensors, no tfjs types). They live in src/lib so the domain, the worker and the UI all import downward.
// The worker implements LabApi over them (workers/lab.worker.ts exports `type LabApi = typeof api`).
// Split by what they describe: the worker's own reports, data, models, labels and drift.
export type * from './worker-types.ts';
export type * from './data-types.ts';
export type * from './model-types.ts';
export type * from './drift-types.ts';
export type * from './label-types.ts';
export { DEFAULT_TRAIN_CONFIG, MLP_TRAIN_OVERRIDES } from './model-types.ts';
