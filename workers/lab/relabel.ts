// Relabelling through the oracle: the expert's true labels for chosen rows of a dataset, paid per
// row, stored as a new data version (the old one stays, so both models can be compared).
import { applyRelabel, relabel } from '../../src/lib/sim/oracle.ts';
import type { RelabelReport } from '../lab-types.ts';
import { addDataset, getDataset } from './datasets.ts';
import { inSlice } from './slices.ts';
import { suspectsOf } from './suspects.ts';

/** Which rows to send to the expert: the top k suspects, or a slice's rows (optionally its observed positives only). */
export type RelabelChoice = { topSuspects: number } | { slice: string; positivesOnly: boolean };

/** Data version of each dataset made here (a generated log is version 1). */
const versions = new Map<string, number>();

/** The data version of a dataset. */
export function dataVersion(datasetId: string): number {
  return versions.get(datasetId) ?? 1;
}

/** The rows a choice picks in a dataset. */
export function chosenRows(datasetId: string, choice: RelabelChoice): Uint32Array {
  if ('topSuspects' in choice) return suspectsOf(datasetId).slice(0, Math.max(0, Math.floor(choice.topSuspects)));
  const c = getDataset(datasetId).cols;
  const out: number[] = [];
  for (let i = 0; i < c.n; i++) if ((!choice.positivesOnly || c.label[i] === 1) && inSlice(c, i, choice.slice)) out.push(i);
  return Uint32Array.from(out);
}

/** What relabelling a choice would cost, before paying. */
export function relabelQuote(datasetId: string, choice: RelabelChoice, pricePerRow: number): { rows: number; cost: number } {
  const rows = chosenRows(datasetId, choice).length;
  return { rows, cost: rows * pricePerRow };
}

/** Pays the oracle for the chosen rows and stores the relabelled data as a new version. */
export function relabelDataset(datasetId: string, choice: RelabelChoice): RelabelReport {
  const ds = getDataset(datasetId);
  const rows = chosenRows(datasetId, choice);
  const answer = relabel(ds.world, ds.cols, rows);
  const cols = { ...ds.cols, label: ds.cols.label.slice() };
  applyRelabel(cols, rows, answer.labels);
  const next = addDataset({ params: ds.params, world: ds.world, cols, opts: ds.opts });
  const dv = dataVersion(datasetId) + 1;
  versions.set(next.id, dv);
  let positives = 0;
  for (let i = 0; i < cols.n; i++) positives += cols.label[i]! * cols.weight[i]!;
  return { datasetId: next.id, parentId: datasetId, dataVersion: dv, rows: rows.length, labelsChanged: answer.corrected, cost: answer.cost, positives };
}
