// Collecting more show-worthy data: stream candidates, keep every observed "show" and a fraction w
// of the rest (negative downsampling, He et al. 2014), have the expert check every kept "show"
// (step 5 found half of them wrong), and weight the rows as asked.
import { relabel, applyRelabel, RELABEL_COST_PER_ROW } from '../../src/lib/sim/oracle.ts';
import type { CollectReport, CollectRequest } from '../lab-types.ts';
import { addDataset, generateRows, worldFor } from './datasets.ts';

/** The stream collection draws from (independent of the log, test and gold streams). */
export const COLLECT_STREAM = 'collect';

/** Streams, keeps, checks and weights the rows of a collection; stores them as a dataset. */
export async function collect(req: CollectRequest, onFraction?: (f: number) => void, cancelled?: () => boolean): Promise<CollectReport> {
  const t0 = performance.now();
  const world = worldFor(req.params);
  const opts = { rows: req.rows, stream: COLLECT_STREAM, negKeep: req.keep, keepBy: 'label' as const };
  const cols = await generateRows(world, opts, onFraction, cancelled);
  const shown: number[] = [];
  for (let i = 0; i < cols.n; i++) if (cols.label[i] === 1) shown.push(i);
  const answer = relabel(world, cols, shown);
  applyRelabel(cols, shown, answer.labels);
  let positives = 0;
  for (let i = 0; i < cols.n; i++) {
    if (cols.label[i] === 1) {
      positives++;
      cols.weight[i] = req.positiveWeight;
    } else if (!req.upweight) cols.weight[i] = 1;
  }
  const ds = addDataset({ params: world.params, world, cols, opts });
  return {
    datasetId: ds.id,
    streamed: req.rows,
    kept: cols.n,
    positives,
    checked: shown.length,
    cost: shown.length * RELABEL_COST_PER_ROW,
    keep: req.keep,
    upweight: req.upweight,
    positiveWeight: req.positiveWeight,
    millis: performance.now() - t0,
  };
}
