// The run history: every finished training run, named v1, v2, … in order, so later steps can
// compare models. Kept in IndexedDB (src/state/run-store.ts), so a reload restores it; when the
// browser will not store it (private mode), it lives in memory and says so once.
import type { BackendName, EvalReport, TrainConfig, TrainResult } from '../lib/lab/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { isStoryRole, type StoryRole } from '../lib/story/roles.ts';
import { stepNumber, type StepId } from '../lib/story/steps.ts';
import { defaultState } from '../lib/url/params.ts';
import { parseQuery, serialiseState } from '../lib/url/codec.ts';
import { featureLabel, featuresOf } from '../lib/url/lab-config.ts';
import * as store from './run-store.ts';
import type { StoredRun } from './run-store.ts';

/** One finished training run. */
export interface RunRecord {
  version: string;
  /** The worker's id of its model; '' for a run restored from an earlier session (its model is gone). */
  modelId: string;
  /** The story step it was trained at. */
  step: StepId;
  /** The story role it plays (noisy, relabelled, rebalanced, stale, fresh, …), if any. */
  role?: StoryRole;
  world: WorldParams & { rows: number };
  config: TrainConfig;
  datasetId: string;
  backend: BackendName;
  featureCount: number;
  /** Its training days when they are not the dataset's default 0–89 (the step-9/10 window models). */
  days?: [number, number];
  validation: EvalReport;
  /** Its report on the large test stream; null until that evaluation lands. */
  test: EvalReport | null;
  millis: number;
  examplesPerSec: number;
  /** Wall-clock time it finished (ms since epoch). */
  finishedAt: number;
}

/** A run as the history holds it: its storage key, the link that reproduces it, and whether it came from an earlier session. */
export interface HistoryRun extends RunRecord {
  id: string;
  /** URL query ("?seed=…&step=4…") that reproduces the run. */
  query: string;
  restored: boolean;
}

/** Where a finished run belongs in the story: its step, its role, its world and (for a window model) its days. */
export interface RunPlace {
  step: StepId;
  role?: StoryRole;
  world: WorldParams & { rows: number };
  days?: [number, number];
}

/** Where the history is kept (IndexedDB by default; tests may pass another). */
export interface RunStorePort {
  loadRuns(): Promise<{ runs: StoredRun[] }>;
  saveRun(run: StoredRun): Promise<void>;
  clearRuns(): Promise<void>;
}

/** What the reader is told, once, when the browser will not keep the history. */
export const MEMORY_ONLY_NOTICE = 'This browser is not letting the page store data (private browsing?), so the run history lasts only until you reload.';

export class RunHistory {
  #runs = $state.raw<HistoryRun[]>([]);
  /** True once the stored history has been read (or found unavailable). */
  #loaded = $state(false);
  /** Set once storage has failed; the history then lives in memory only. */
  #notice = $state('');
  #store: RunStorePort;

  constructor(port: RunStorePort = store) {
    this.#store = port;
  }

  /** All runs, oldest first. */
  get runs(): HistoryRun[] {
    return this.#runs;
  }

  /** The most recent run, if any. */
  get latest(): HistoryRun | undefined {
    return this.#runs[this.#runs.length - 1];
  }

  /** True once the stored history has been read (or found unavailable). */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** '' while the history is stored; otherwise why it will not survive a reload. */
  get notice(): string {
    return this.#notice;
  }

  /** Reads the stored history; runs recorded meanwhile stay after it. */
  async load(): Promise<void> {
    try {
      const { runs } = await this.#store.loadRuns();
      const mine = new Set(this.#runs.map((r) => r.id));
      const restored = runs.filter((s) => !mine.has(s.id)).map(fromStored);
      this.#runs = uniqueVersions([...restored, ...this.#runs]);
    } catch {
      this.#memoryOnly();
    }
    this.#loaded = true;
  }

  /** The latest run of this session that plays `role` (its model is still in the worker), if any. */
  forRole(role: StoryRole): HistoryRun | undefined {
    for (let i = this.#runs.length - 1; i >= 0; i--) {
      const r = this.#runs[i]!;
      if (r.role === role && !r.restored) return r;
    }
    return undefined;
  }

  /** The name the next run will get: one past the highest so far (v3 after v1, v2). */
  nextVersion(): string {
    const highest = Math.max(0, ...this.#runs.map((r) => Number(/^v(\d+)/.exec(r.version)?.[1] ?? 0)));
    return `v${highest + 1}`;
  }

  /** Records a finished training run at its place in the story (its version must be nextVersion()) and stores it. */
  record(r: TrainResult, at: RunPlace): void {
    this.#add({
      version: r.version,
      modelId: r.modelId,
      step: at.step,
      ...(at.role ? { role: at.role } : {}),
      ...(at.days ? { days: [at.days[0], at.days[1]] as [number, number] } : {}),
      world: at.world,
      config: r.config,
      datasetId: r.config.datasetId,
      backend: r.backend,
      featureCount: r.featureCount,
      validation: r.validation,
      test: null,
      millis: r.millis,
      examplesPerSec: r.examplesPerSec,
      finishedAt: Date.now(),
    });
  }

  #add(run: RunRecord): void {
    const entry: HistoryRun = { ...run, id: `run-${run.finishedAt}-${run.version}`, query: queryOf(run), restored: false };
    this.#runs = [...this.#runs, entry];
    void this.#save(entry);
  }

  /** The worker that held this session's models died: every run is kept, but as one whose model is
   * gone (like a run restored from an earlier session), so no step uses a dead worker's model id. */
  modelsLost(): void {
    this.#runs = this.#runs.map((r) => (r.restored ? r : { ...r, modelId: '', restored: true }));
  }

  /** Records the test-stream report of the run that trained `report.modelId` (this session's runs only) and stores it. */
  setTest(report: EvalReport): void {
    const hit = this.#runs.find((r) => !r.restored && r.modelId === report.modelId);
    if (!hit) return;
    const updated: HistoryRun = { ...hit, test: report };
    this.#runs = this.#runs.map((r) => (r === hit ? updated : r));
    void this.#save(updated);
  }

  /** Forgets every run, here and in storage; the next run is v1 again. */
  async clear(): Promise<void> {
    this.#runs = [];
    try {
      await this.#store.clearRuns();
    } catch {
      this.#memoryOnly();
    }
  }

  /** The run before `version`, for "compared with v1" displays. */
  previous(version: string): HistoryRun | undefined {
    const i = this.#runs.findIndex((r) => r.version === version);
    return i > 0 ? this.#runs[i - 1] : undefined;
  }

  async #save(run: HistoryRun): Promise<void> {
    try {
      await this.#store.saveRun(toStored(run));
    } catch {
      this.#memoryOnly();
    }
  }

  /** Storage failed: keep going in memory, and say so (once). */
  #memoryOnly(): void {
    this.#notice = MEMORY_ONLY_NOTICE;
  }
}

/** The URL query that reproduces a run: its world, model knobs, step and backend. */
export function queryOf(run: RunRecord): string {
  const c = run.config;
  const base = defaultState();
  return serialiseState({
    ...base,
    seed: run.world.seed,
    step: stepNumber(run.step),
    rows: run.world.rows,
    skew: run.world.skew,
    noise: run.world.noise,
    drift: run.world.drift,
    model: c.model,
    features: featuresOf(c.features),
    buckets: c.features.hashBuckets,
    epochs: c.epochs,
    batch: c.batchSize,
    lr: c.learningRate,
    hidden: c.model === 'mlp' ? (c.hidden[0] ?? base.hidden) : base.hidden,
    backend: run.backend,
  });
}

/** A run as plain data for storage. */
function toStored(r: HistoryRun): StoredRun {
  return {
    id: r.id,
    version: r.version,
    step: r.step,
    ...(r.role ? { role: r.role } : {}),
    ...(r.days ? { days: [r.days[0], r.days[1]] as [number, number] } : {}),
    modelKind: r.config.model,
    featureLabel: featureLabel(r.config.features),
    featureCount: r.featureCount,
    rows: r.world.rows,
    world: { ...r.world },
    config: r.config,
    datasetId: r.datasetId,
    backend: r.backend,
    millis: r.millis,
    examplesPerSec: r.examplesPerSec,
    testAuc: r.test ? r.test.auc.value : null,
    testLogLoss: r.test ? r.test.logLoss.value : null,
    validation: r.validation,
    test: r.test,
    createdAt: new Date(r.finishedAt).toISOString(),
    query: r.query,
  };
}

/** A stored run back in the history (its model stayed with the session that trained it). */
function fromStored(s: StoredRun): HistoryRun {
  const run: RunRecord = {
    version: s.version,
    modelId: '',
    step: s.step,
    ...(isStoryRole(s.role) ? { role: s.role } : {}),
    ...(s.days ? { days: s.days } : {}),
    world: s.world,
    config: s.config,
    datasetId: s.datasetId,
    backend: s.backend,
    featureCount: s.featureCount,
    validation: s.validation,
    test: s.test,
    millis: s.millis,
    examplesPerSec: s.examplesPerSec,
    finishedAt: Date.parse(s.createdAt),
  };
  // The stored link only if it is already a valid, canonical query; a tampered one is rebuilt from the run.
  const canonical = serialiseState(parseQuery(s.query).state) === s.query && s.query !== '';
  return { ...run, id: s.id, query: canonical ? s.query : queryOf(run), restored: true };
}

/** Gives repeated version names (two tabs both trained a v3) a suffix, so every name stays unique. */
function uniqueVersions(runs: HistoryRun[]): HistoryRun[] {
  const seen = new Set<string>();
  return runs.map((r) => {
    let name = r.version;
    for (let n = 2; seen.has(name); n++) name = `${r.version}-${n}`;
    seen.add(name);
    return name === r.version ? r : { ...r, version: name };
  });
}
