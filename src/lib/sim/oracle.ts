// The relabelling oracle: an expert annotator who returns the true label of chosen rows, for a price.
import { RELABEL_COST_PER_ROW } from './constants.ts';
import type { Columns } from './types.ts';
import type { World } from './world.ts';

export { RELABEL_COST_PER_ROW } from './constants.ts';

/** The true labels of the chosen rows (in the order given) and what asking for them cost in dollars. */
export interface RelabelResult {
  labels: Uint8Array;
  cost: number;
  /** How many of the chosen rows had a wrong observed label. */
  corrected: number;
}

/** Asks the oracle for the true label of each row index in `rowIndices`. */
export function relabel(_world: World, cols: Columns, rowIndices: ArrayLike<number>): RelabelResult {
  const labels = new Uint8Array(rowIndices.length);
  let corrected = 0;
  for (let i = 0; i < rowIndices.length; i++) {
    const r = rowIndices[i] as number;
    const t = cols.truth[r] as number;
    labels[i] = t;
    if (t !== cols.label[r]) corrected++;
  }
  return { labels, cost: rowIndices.length * RELABEL_COST_PER_ROW, corrected };
}

/** Relabels in place: writes the true label over the observed one for the chosen rows. */
export function applyRelabel(cols: Columns, rowIndices: ArrayLike<number>, labels: Uint8Array): void {
  for (let i = 0; i < rowIndices.length; i++) cols.label[rowIndices[i] as number] = labels[i] as number;
}
