// Cancel latency of the lab worker's queue: how long from Cancel to the cancelled job's rejection,
// for the three kinds of long work (drawing the 10M-row test stream, generating a log, training).
import type { Remote } from 'comlink';
import type { LabSeamsApi } from '../support/lab.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/lib/lab/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';

/** Cancel latencies (ms): seen by the caller (round trip) and inside the worker (cancel to settle). */
export interface CancelLatency {
  job: string;
  /** Median and worst over the repeats, as the caller sees them. */
  medianMs: number;
  maxMs: number;
  /** Median inside the worker. */
  workerMedianMs: number;
  repeats: number;
}

/** Waits `ms` milliseconds. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `start`, waits until the worker has done `polls` chunks of it, cancels, and times the rejection. */
async function once(lab: Remote<LabSeamsApi>, start: () => Promise<unknown>, polls: number): Promise<{ ms: number; workerMs: number }> {
  const before = (await lab.ping()).polls;
  const done = start().then(
    () => 'finished',
    (e: Error) => e.message,
  );
  for (let i = 0; i < 500 && (await lab.ping()).polls < before + polls; i++) await sleep(10);
  const t0 = performance.now();
  await lab.cancel();
  const how = await done;
  const ms = performance.now() - t0;
  if (how !== 'cancelled') throw new Error(`the job ended "${how}" instead of being cancelled`);
  return { ms, workerMs: (await lab.ping()).lastCancelMs };
}

/** Median of a list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Cancel latency of each kind of long job, `repeats` times each, in a world of `params` with a trained model. */
export async function cancelLatencies(lab: Remote<LabSeamsApi>, params: WorldParams, repeats = 5): Promise<CancelLatency[]> {
  const ds = await lab.generate({ params, rows: 100_000, stream: 'cancel-bench' });
  const model = await lab.train({ ...DEFAULT_TRAIN_CONFIG, datasetId: ds.id, epochs: 1 });
  const jobs: [string, () => Promise<unknown>][] = [
    ['evaluate (10M-row test stream)', () => lab.evaluate(model.modelId, { days: [0, 89] })],
    ['generate (2M rows, the most a link may ask)', () => lab.generate({ params, rows: 2_000_000, stream: 'cancelled' })],
    ['train (MLP, 500 epochs)', () => lab.train({ ...DEFAULT_TRAIN_CONFIG, datasetId: ds.id, model: 'mlp', epochs: 500, batchSize: 1024 })],
  ];
  const out: CancelLatency[] = [];
  for (const [job, start] of jobs) {
    const runs: { ms: number; workerMs: number }[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await once(lab, start, 3));
    out.push({ job, medianMs: median(runs.map((r) => r.ms)), maxMs: Math.max(...runs.map((r) => r.ms)), workerMedianMs: median(runs.map((r) => r.workerMs)), repeats });
  }
  await lab.disposeModel(model.modelId);
  await lab.disposeDataset(ds.id);
  return out;
}
