// The evaluation operations (evaluate, scores) as queued, cancellable jobs: drawing a
// large evaluation stream polls the job's token between chunks, so Cancel stops the generator.
// They are queries: several may be asked at once (each waits its turn), and a new training, new
// data or Cancel stops them.
import { transfer } from 'comlink';
import type { EvalReport, EvalTarget, JobProgress } from '../lab-types.ts';
import { EVAL_STREAM_ROWS, evalSet } from './evalsets.ts';
import { report, scoreSet } from './evaluate.ts';
import { runJob, type JobToken } from './jobs.ts';
import { getModel, type ModelRecord } from './models.ts';
import { holding } from './holds.ts';
import type { OnProgress } from './control.ts';
import { CancelledError } from './yield.ts';

/** Candidate rows per generated chunk (as datasets.ts streams them), for a progress estimate only. */
const CHUNK_ROWS_ESTIMATE = 1 << 18;
/** Minimum time between two progress messages (ms). */
const PROGRESS_EVERY_MS = 100;

/** Rows a stream target draws, about (the 'validation' split and slices of it draw none). */
function streamRowsOf(m: ModelRecord, t: EvalTarget): number {
  if (t === 'validation') return 0;
  const base = typeof t === 'object' && 'slice' in t ? t.of : t;
  if (base === 'validation') return 0;
  const days: [number, number] = typeof base === 'object' ? base.days : base === 'yesterday' ? [89, 89] : m.days;
  return Math.max(500_000, Math.round((EVAL_STREAM_ROWS * (days[1] - days[0] + 1)) / 90));
}

/** The cancel check handed to the stream generator: polls the token and reports progress per chunk. */
function chunkWatcher(token: JobToken, rows: number, what: string, onProgress: OnProgress<JobProgress>): () => boolean {
  let chunks = 0;
  let last = -Infinity;
  return () => {
    chunks++;
    const now = performance.now();
    if (onProgress && rows > 0 && now - last >= PROGRESS_EVERY_MS) {
      last = now;
      const done = Math.min(rows, chunks * CHUNK_ROWS_ESTIMATE);
      onProgress({ fraction: Math.min(0.95, done / rows), stage: `${what}: ${done.toLocaleString('en')} of ${rows.toLocaleString('en')} candidates generated` });
    }
    return token.cancelled;
  };
}

/** Stops here if the job was cancelled. */
export function check(token: JobToken): void {
  if (token.cancelled) throw new CancelledError();
}

/** Spread into the worker's API. */
export const evalApi = {
  /** Evaluates a model on its validation split, a large test / gold / yesterday stream, a day range, or a slice. */
  async evaluate(modelId: string, target: EvalTarget = 'validation', onProgress?: OnProgress<JobProgress>): Promise<EvalReport> {
    return runJob(
      async (token) => {
        const m = getModel(modelId);
        const set = await evalSet(m, target, chunkWatcher(token, streamRowsOf(m, target), 'drawing the evaluation stream', onProgress));
        check(token);
        onProgress?.({ fraction: 0.97, stage: `scoring ${set.cols.n.toLocaleString('en')} rows` });
        const r = await report(m, set);
        check(token);
        return r;
      },
      { label: 'evaluate', supersede: false, hold: holding({ models: [modelId] }) },
    );
  },

  /** Scores of a model on an evaluation target with its labels and weights, for custom charts. */
  async scores(modelId: string, target: EvalTarget, onProgress?: OnProgress<JobProgress>): Promise<{ pred: Float32Array; labels: Uint8Array; weights: Float32Array }> {
    return runJob(
      async (token) => {
        const m = getModel(modelId);
        const set = await evalSet(m, target, chunkWatcher(token, streamRowsOf(m, target), 'drawing the evaluation stream', onProgress));
        check(token);
        const out = { pred: await scoreSet(m, set), labels: set.labels.slice(), weights: set.cols.weight.slice() };
        return transfer(out, [out.pred.buffer, out.labels.buffer, out.weights.buffer]);
      },
      { label: 'scores', supersede: false, hold: holding({ models: [modelId] }) },
    );
  },
};
