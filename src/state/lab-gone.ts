// What the worker says when a job names a dataset or model it no longer holds (a fresh worker after
// a restart, or the caches' budget dropped it between two jobs): the UI then rebuilds it from the
// link's settings instead of showing the internal id (workers/lab/datasets.ts, models.ts word it).

/** True when `err` says the worker no longer holds the dataset the job named. */
export function datasetGone(err: unknown): boolean {
  return /\bunknown dataset \S+/.test(err instanceof Error ? err.message : String(err));
}

/** True when `err` says the worker no longer holds the model the job named. */
export function modelGone(err: unknown): boolean {
  return /\bunknown model \S+/.test(err instanceof Error ? err.message : String(err));
}

/** What a rebuilding job shows while the step-2 log is made again. */
export const REMAKING_DATA = 'the step-2 log is no longer in the lab: making it again from the link’s settings';
