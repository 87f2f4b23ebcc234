// Confident learning (Northcutt, Jiang & Chuang, JAIR 2021; as cleanlab computes it) for a binary
// label: per-class thresholds, the confident joint, and suspected label errors ranked by self-confidence.
// Inputs are out-of-sample probabilities of class 1 (from k-fold cross-fitting).

/** Per-class thresholds t_j: the mean predicted probability of class j among rows given label j. */
export interface ConfidentThresholds {
  /** t_0 (mean of 1 − p over rows labelled 0) and t_1 (mean of p over rows labelled 1); NaN if a class has no rows. */
  t: [number, number];
}

/** Counts of (given label i, likely true label j); off-diagonal cells are the suspected errors. */
export type ConfidentJoint = [[number, number], [number, number]];

/** Confident learning on one set of rows. */
export interface ConfidentResult {
  thresholds: [number, number];
  /** joint[i][j]: weighted rows given label i that are confidently of class j. */
  joint: ConfidentJoint;
  /** Suspected errors (given label ≠ confident class), lowest self-confidence first. */
  suspects: Uint32Array;
  /** Self-confidence of each suspect (the model's probability of its given label), same order. */
  selfConfidence: Float32Array;
}

/** Slack below a threshold that still counts as reaching it (cleanlab subtracts 1e-6 the same way). */
const EPS = 1e-6;

/** Probability of class j for probability p of class 1. */
function probOf(p: number, j: number): number {
  return j === 1 ? p : 1 - p;
}

/** t_j = Σ w·P(j) / Σ w over rows labelled j (weights default to 1). */
export function confidentThresholds(p: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): [number, number] {
  const s = [0, 0];
  const w = [0, 0];
  for (let i = 0; i < p.length; i++) {
    const y = labels[i] as number;
    const wi = weights ? (weights[i] as number) : 1;
    s[y] = (s[y] as number) + wi * probOf(p[i] as number, y);
    w[y] = (w[y] as number) + wi;
  }
  return [(s[0] as number) / (w[0] as number), (s[1] as number) / (w[1] as number)];
}

/**
 * The class a row confidently belongs to: among the classes whose probability reaches its threshold,
 * the most probable one; -1 when no class reaches its threshold (the row is not counted).
 */
export function confidentClass(p: number, t: readonly [number, number]): number {
  const ok0 = 1 - p >= (t[0] as number) - EPS;
  const ok1 = p >= (t[1] as number) - EPS;
  if (ok0 && ok1) return p > 0.5 ? 1 : 0;
  if (ok1) return 1;
  if (ok0) return 0;
  return -1;
}

/** Thresholds, confident joint and the ranked suspects of a set of rows. */
export function confidentLearning(p: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): ConfidentResult {
  const t = confidentThresholds(p, labels, weights);
  const joint: ConfidentJoint = [
    [0, 0],
    [0, 0],
  ];
  const found: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const y = labels[i] as number;
    const j = confidentClass(p[i] as number, t);
    if (j < 0) continue;
    joint[y]![j] = (joint[y]![j] as number) + (weights ? (weights[i] as number) : 1);
    if (j !== y) found.push(i);
  }
  const self = (i: number): number => probOf(p[i] as number, labels[i] as number);
  found.sort((a, b) => self(a) - self(b) || a - b);
  const suspects = Uint32Array.from(found);
  const selfConfidence = Float32Array.from(found, self);
  return { thresholds: t, joint, suspects, selfConfidence };
}

/** Share of the first `k` suspects whose given label is wrong (truth known only to a simulator); NaN with no suspects. */
export function precisionAtK(suspects: ArrayLike<number>, labels: ArrayLike<number>, truth: ArrayLike<number>, k: number): number {
  const m = Math.min(k, suspects.length);
  if (m === 0) return Number.NaN;
  let wrong = 0;
  for (let i = 0; i < m; i++) {
    const r = suspects[i] as number;
    if (labels[r] !== truth[r]) wrong++;
  }
  return wrong / m;
}
