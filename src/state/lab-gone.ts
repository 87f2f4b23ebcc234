// What the worker says when a job names a dataset or model it no longer holds (a fresh worker after
// a restart, or the caches' budget dropped it between two jobs): the UI then rebuilds it from the
// link's settings instead of showing the internal id (workers/lab/datasets.ts, models.ts word it).
import type { TrainConfig } from '../lib/lab/types.ts';
import type { Ticket } from './runner.ts';
import { stepNumber } from '../lib/story/steps.ts';

/** Makes the step-2 log again inside the running job; resolves with its id, or null. */
export type Remake = (onProgress: (fraction: number, stage: string) => void) => Promise<string | null>;

/** True when `err` says the worker no longer holds the dataset the job named. */
export function datasetGone(err: unknown): boolean {
  return /\bunknown dataset \S+/.test(err instanceof Error ? err.message : String(err));
}

/** True when `err` says the worker no longer holds the model the job named. */
export function modelGone(err: unknown): boolean {
  return /\bunknown model \S+/.test(err instanceof Error ? err.message : String(err));
}

/** What a rebuilding job shows while the step-2 log is made again. */
export const REMAKING_DATA = `the step-${stepNumber('data')} log is no longer in the lab: making it again from the link’s settings`;

/**
 * Runs `run(config)` inside a lane job; if the worker no longer holds its dataset (a restart, or the
 * budget dropped it between two jobs), makes the step-2 log again from the link's settings with the
 * job's progress and Cancel (`remake`), then runs it on the new log.
 */
export async function withData<T>(config: TrainConfig, t: Ticket, remake: Remake | null, run: (c: TrainConfig) => Promise<T>): Promise<T> {
  try {
    return await run(config);
  } catch (err) {
    if (!remake || !datasetGone(err) || !t.current) throw err;
    t.progress(0, REMAKING_DATA);
    const id = await remake((f, stage) => void t.progress(f, `${REMAKING_DATA} · ${stage}`));
    if (!id) throw err;
    return run({ ...config, datasetId: id });
  }
}
