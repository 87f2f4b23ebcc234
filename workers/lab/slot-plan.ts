// The gradient of the embedding-bag needs each batch's slots sorted by column (SparseSegmentSum
// wants sorted segments). Sorting is ~0.7 ms of a ~1.9 ms logistic-regression step at batch
// 16,384 on WASM, and a training set's batches are the same rows every epoch and every retrain:
// a plan sorts them once per (training set, batch size) and keeps them in 2 bytes per used slot
// (the row; the columns follow from each batch's count per column).
import type { SparseRows } from '../../src/lib/features/sparse.ts';

/** A batch's slots sorted by column: the row (within the batch) of each slot, and its column. Padding slots are left out. */
export interface SortedSlots {
  rows: Int32Array;
  cols: Int32Array;
}

/** Every batch's sorted slots for one batch size: 16-bit rows, and how many slots each column has. */
export interface SlotPlan {
  batchSize: number;
  /** Columns of the rows (d). */
  d: number;
  /** Batch b's slots are [offsets[b], offsets[b + 1]). */
  offsets: Int32Array;
  rows: Uint16Array;
  /** counts[b·d + c]: batch b's slots in column c (they are consecutive, columns ascending). */
  counts: Int32Array;
  bytes: number;
}

/** Largest value a packed row or column may take. */
const U16 = 65_535;

/**
 * Largest plan built (bytes): beyond it batches are sorted on the fly, as before plans existed, so a
 * plan never needs room the lab's memory estimate (src/lib/lab/budget.ts) did not count; 32 MB fits
 * in that estimate's fixed headroom. The story's default set needs about 8 MB; a 2M-row set with
 * hashed tokens would need about 60 MB and goes without.
 */
export const SLOT_PLAN_MAX_BYTES = 32 * 2 ** 20;

/** The slots of rows [start, end) of `x` sorted by column (a counting sort), padding left out. */
export function sortSlots(x: SparseRows, start = 0, end = x.n): SortedSlots {
  const { k, d, idx } = x;
  const from = start * k;
  const to = end * k;
  const count = new Int32Array(d + 1);
  for (let s = from; s < to; s++) count[idx[s]!]!++;
  // Exclusive prefix sums over the real columns; the padding column d is dropped.
  let used = 0;
  for (let c = 0; c < d; c++) {
    const m = count[c]!;
    count[c] = used;
    used += m;
  }
  const rows = new Int32Array(used);
  const cols = new Int32Array(used);
  for (let i = 0, s = from; s < to; i++) {
    for (let j = 0; j < k; j++, s++) {
      const c = idx[s]!;
      if (c >= d) continue;
      const at = count[c]!++;
      rows[at] = i;
      cols[at] = c;
    }
  }
  return { rows, cols };
}

/** Bytes a plan for `x` would take at most (2 per slot, plus the offsets and counts). */
export function slotPlanBytes(x: SparseRows, batchSize: number): number {
  const nb = Math.ceil(x.n / batchSize);
  return x.n * x.k * 2 + (nb + 1) * 4 + nb * x.d * 4;
}

/** The plan of `x` in batches of `batchSize` rows, or null if a row within a batch does not fit 16 bits or the plan would exceed `maxBytes`. */
export function buildSlotPlan(x: SparseRows, batchSize: number, maxBytes = SLOT_PLAN_MAX_BYTES): SlotPlan | null {
  if (batchSize > U16 + 1 || slotPlanBytes(x, batchSize) > maxBytes) return null;
  const { d } = x;
  const nb = Math.ceil(x.n / batchSize);
  const offsets = new Int32Array(nb + 1);
  const rows = new Uint16Array(x.n * x.k);
  const counts = new Int32Array(nb * d);
  let at = 0;
  for (let b = 0; b < nb; b++) {
    const s = sortSlots(x, b * batchSize, Math.min(x.n, (b + 1) * batchSize));
    rows.set(s.rows, at);
    for (const c of s.cols) counts[b * d + c]!++;
    at += s.rows.length;
    offsets[b + 1] = at;
  }
  const plan = { batchSize, d, offsets, rows: rows.slice(0, at), counts, bytes: 0 };
  plan.bytes = plan.rows.byteLength + counts.byteLength + offsets.byteLength;
  return plan;
}

/** Batch b's sorted slots from a plan (widened to int32, as tensors need). */
export function planSlots(plan: SlotPlan, b: number): SortedSlots {
  const s = plan.offsets[b]!;
  const e = plan.offsets[b + 1]!;
  const rows = new Int32Array(e - s);
  const cols = new Int32Array(e - s);
  rows.set(plan.rows.subarray(s, e));
  const { d, counts } = plan;
  for (let c = 0, at = 0; c < d; c++) {
    const m = counts[b * d + c]!;
    if (m > 0) cols.fill(c, at, at + m);
    at += m;
  }
  return { rows, cols };
}
