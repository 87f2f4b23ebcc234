// Suspected wrong labels of a dataset: confident learning on its out-of-fold predictions, with
// readable rows and what only the simulator can check (precision against the truth).
import { confidentLearning, precisionAtK } from '../../src/lib/labels/index.ts';
import { auc } from '../../src/lib/metrics/index.ts';
import type { SuspectReport, SuspectRow } from '../lab-types.ts';
import type { Dataset } from './datasets.ts';
import { sampleRow } from './summary.ts';

/** Suspects listed in the report. */
const TOP_LISTED = 50;
/** Suspects whose precision is reported (the top 100). */
export const PRECISION_AT = 100;

/** The ranked suspects of the last analysis per dataset (for "relabel the top k"). */
const ranked = new Map<string, Uint32Array>();

/** The ranked suspects of a dataset analysed before, or an error. */
export function suspectsOf(datasetId: string): Uint32Array {
  const s = ranked.get(datasetId);
  if (!s) throw new Error(`no suspects for dataset ${datasetId}: find them first`);
  return s;
}

/** Confident learning on a dataset with its out-of-fold probabilities. */
export function suspectReport(ds: Dataset, oof: Float32Array, folds: number, millis: number): SuspectReport {
  const c = ds.cols;
  const cl = confidentLearning(oof, c.label, c.weight);
  ranked.set(ds.id, cl.suspects);
  if (ranked.size > 4) ranked.delete(ranked.keys().next().value!);
  let pos = 0;
  let wrong = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.label[i] !== 1) continue;
    pos += c.weight[i]!;
    if (c.truth[i] === 0) wrong += c.weight[i]!;
  }
  const top: SuspectRow[] = [];
  for (let k = 0; k < Math.min(TOP_LISTED, cl.suspects.length); k++) {
    const r = cl.suspects[k]!;
    top.push({ ...sampleRow(ds.world, c, r), row: r, p: oof[r]!, selfConfidence: cl.selfConfidence[k]!, truth: c.truth[r] ? 1 : 0 });
  }
  return {
    datasetId: ds.id,
    folds,
    thresholds: cl.thresholds,
    joint: cl.joint,
    suspects: cl.suspects.length,
    top,
    suspectPrecision: precisionAtK(cl.suspects, c.label, c.truth, PRECISION_AT),
    wrongPositiveShare: pos > 0 ? wrong / pos : Number.NaN,
    observedPositives: pos,
    oofAuc: auc(oof, c.label, c.weight).value,
    millis,
  };
}
