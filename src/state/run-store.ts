// The run history on disk: one IndexedDB database ("clickcycle"), an object store "runs" of plain
// JSON-like records keyed by id (the database and its schema versions live in db.ts). Every record read back is validated; one of the wrong shape is
// skipped, so an old or tampered database never breaks the app. Runs written before steps had ids
// (their `step` a number) are moved to ids as they are read, and written back.
import { openAppDb } from './db.ts';
import { isStepId, type StepId } from '../lib/story/steps.ts';
import type { BackendName, EvalReport, TrainConfig } from '../lib/lab/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';

/** One run as stored: plain data only (no class instances, no typed arrays). */
export interface StoredRun {
  /** Unique key ("run-<ms>-v3"). */
  id: string;
  version: string;
  /** The story step it was trained at. */
  step: StepId;
  /** The story role of its model (validated on read; an unknown role is dropped). */
  role?: string;
  /** Its training days when not the dataset's default 0–89 (validated on read). */
  days?: [number, number];
  modelKind: TrainConfig['model'];
  /** Readable feature set ("one-hot + numeric + cross"). */
  featureLabel: string;
  featureCount: number;
  rows: number;
  world: WorldParams & { rows: number };
  config: TrainConfig;
  datasetId: string;
  backend: BackendName;
  millis: number;
  examplesPerSec: number;
  /** Test-stream AUC and log loss; null until that report lands. */
  testAuc: number | null;
  testLogLoss: number | null;
  validation: EvalReport;
  test: EvalReport | null;
  /** When it finished, ISO 8601. */
  createdAt: string;
  /** The URL query ("?seed=…&step=4…") that reproduces the run. */
  query: string;
}

const STORE = 'runs';

/** Every valid stored run, oldest first, and how many records were skipped as malformed. Throws if IndexedDB is unavailable. */
export async function loadRuns(): Promise<{ runs: StoredRun[]; skipped: number }> {
  const db = await openAppDb();
  const read: unknown[] = await db.getAll(STORE);
  const all = read.map(withStepId);
  const moved = all.filter((v, i) => v !== read[i] && isStoredRun(v));
  if (moved.length) {
    const tx = db.transaction(STORE, 'readwrite');
    await Promise.all([...moved.map((v) => tx.store.put(v)), tx.done]).catch(() => {
      /* read-only or full: the runs are moved again on the next read */
    });
  }
  const runs = all.filter(isStoredRun);
  runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { runs, skipped: all.length - runs.length };
}

/** Writes (or overwrites) one run. Throws if IndexedDB is unavailable or full. */
export async function saveRun(run: StoredRun): Promise<void> {
  await (await openAppDb()).put(STORE, run);
}

/** Deletes every stored run. Throws if IndexedDB is unavailable. */
export async function clearRuns(): Promise<void> {
  await (await openAppDb()).clear(STORE);
}

// --- runs stored with a step number ----------------------------------------------------

/** The tour as it was numbered when runs stored their step as a number (steps 1–13), frozen here:
 * the story table may gain or reorder steps, but a number stored then always meant this step. */
const NUMBERED_STEPS: readonly StepId[] = ['metric', 'data', 'features', 'train', 'labels', 'relabelled', 'imbalance', 'compare', 'drift', 'fresh', 'deploy', 'business', 'start-over'];

/** A record whose `step` is a number of that tour, with the step's id instead; anything else as it is. */
export function withStepId(v: unknown): unknown {
  if (!isObj(v) || !isNum(v.step)) return v;
  const id = NUMBERED_STEPS[v.step - 1];
  return id ? { ...v, step: id } : v;
}

// --- validation of what is read back -------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** True when `o` has a number (NaN allowed: an undefined metric) at each of `keys`. */
function nums(o: unknown, keys: readonly string[]): boolean {
  return isObj(o) && keys.every((k) => isNum(o[k]));
}

/** True for an array whose every item has numbers at `keys`. */
function rowsOf(v: unknown, keys: readonly string[]): boolean {
  return Array.isArray(v) && v.every((x) => nums(x, keys));
}

/** A metric value: a number and, optionally, the reason it is undefined. */
function isMetric(v: unknown): boolean {
  return isObj(v) && isNum(v.value) && (v.reason === undefined || isStr(v.reason));
}

const METRICS = ['auc', 'prAuc', 'logLoss', 'ne', 'calibration', 'accuracy', 'precision', 'recall', 'f1'] as const;

/** True for a well-formed evaluation report. */
export function isEvalReport(v: unknown): v is EvalReport {
  return (
    isObj(v) &&
    isStr(v.modelId) &&
    isStr(v.split) &&
    nums(v, ['rows', 'positives', 'meanPrediction']) &&
    METRICS.every((m) => isMetric(v[m])) &&
    rowsOf(v.roc, ['fpr', 'tpr']) &&
    rowsOf(v.pr, ['recall', 'precision']) &&
    rowsOf(v.reliability, ['meanPredicted', 'observedRate', 'weight']) &&
    rowsOf(v.confusion, ['threshold', 'tp', 'fp', 'tn', 'fn'])
  );
}

/** True for a well-formed training configuration. */
function isTrainConfig(v: unknown): v is TrainConfig {
  if (!isObj(v) || !isObj(v.features)) return false;
  const f = v.features;
  return (
    isStr(v.datasetId) &&
    isStr(v.seed) &&
    (v.model === 'logreg' || v.model === 'mlp') &&
    Array.isArray(v.hidden) &&
    v.hidden.every(isNum) &&
    nums(v, ['epochs', 'batchSize', 'learningRate', 'validationFraction']) &&
    (v.finalLrFraction === undefined || isNum(v.finalLrFraction)) &&
    (v.version === undefined || isStr(v.version)) &&
    [f.oneHots, f.numerics, f.cross, f.hashed].every(isBool) &&
    isNum(f.hashBuckets)
  );
}

const BACKENDS: readonly unknown[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** True for a pair of whole days a ≤ b within 0–89. */
function isDayRange(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && v.every((d) => Number.isInteger(d) && d >= 0 && d <= 89) && (v[0] as number) <= (v[1] as number);
}

/** True for a stored run of the current shape (anything else is skipped on load). */
export function isStoredRun(v: unknown): v is StoredRun {
  return (
    isObj(v) &&
    [v.id, v.version, v.featureLabel, v.datasetId, v.createdAt, v.query].every(isStr) &&
    /^v\d+/.test(v.version as string) &&
    !Number.isNaN(Date.parse(v.createdAt as string)) &&
    isStepId(v.step) &&
    nums(v, ['featureCount', 'rows', 'millis', 'examplesPerSec']) &&
    (v.modelKind === 'logreg' || v.modelKind === 'mlp') &&
    BACKENDS.includes(v.backend) &&
    isObj(v.world) &&
    isStr(v.world.seed) &&
    nums(v.world, ['skew', 'noise', 'drift', 'rows']) &&
    isTrainConfig(v.config) &&
    (v.testAuc === null || isNum(v.testAuc)) &&
    (v.testLogLoss === null || isNum(v.testLogLoss)) &&
    isEvalReport(v.validation) &&
    (v.test === null || isEvalReport(v.test)) &&
    (v.days === undefined || isDayRange(v.days))
  );
}
