// The lab as the UI sees it: the backend report, the dataset, the step-3 feature trials, the
// step-4 training run and its evaluation on the large test stream, each a Job whose last result
// stays visible (stale) while a newer one runs.
// The latest request wins: starting a job cancels the one in flight, and late answers are dropped.
import type {
  BackendName,
  BackendReport,
  DatasetSummary,
  EvalReport,
  EvalTarget,
  FeatureToggles,
  JobProgress,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from '../lib/lab/types.ts';
import { Job } from './job.svelte.ts';
import { featureLabel, trainKey, worldKey, type WorldRequest } from '../lib/url/lab-config.ts';
import type { PolicyDay } from './policy.ts';
import type { WorldParams } from '../lib/sim/types.ts';

/** What the lab state needs from the worker (implemented over src/state/lab-client.ts). */
export interface LabPort {
  init(backend: BackendName | 'auto'): Promise<BackendReport>;
  generate(world: WorldRequest, onProgress: (p: JobProgress) => void): Promise<DatasetSummary>;
  train(config: TrainConfig, onProgress: (p: TrainProgress) => void): Promise<TrainResult>;
  /** The rule-based baseline policy per simulated day (step 1). */
  baseline(params: WorldParams): Promise<PolicyDay[]>;
  /** A trained model's report on an evaluation target (step 4 uses the large 'test' stream). */
  evaluate(modelId: string, target: EvalTarget): Promise<EvalReport>;
  cancel(): Promise<void>;
}

/** One feature set tried at step 3 and the validation AUC a quick logistic regression reached. */
export interface FeatureTrial {
  key: string;
  label: string;
  toggles: FeatureToggles;
  featureCount: number;
  auc: number;
  datasetId: string;
}

/** A step-4 model's report on the test stream, and the training run it belongs to. */
export interface TestEvaluation {
  /** The training key of the run evaluated. */
  key: string;
  version: string;
  report: EvalReport;
}

/** A point of the live loss curve. */
export interface LossPoint {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

export class LabState {
  #port: LabPort | null;
  /** Which backend trains and why; null until the worker answers. */
  #backend = $state.raw<BackendReport | null>(null);
  #backendError = $state('');
  #backendRequested = '';
  /** Increments on every job start; a job whose number is no longer current is ignored. */
  #seq = 0;
  #busy = false;
  readonly dataset = new Job<DatasetSummary>();
  readonly training = new Job<TrainResult>();
  readonly trial = new Job<TrainResult>();
  /** Loss points streamed by the run in flight (epoch may be fractional). */
  #liveLoss = $state.raw<LossPoint[]>([]);
  #liveExamplesPerSec = $state(Number.NaN);
  #trials = $state.raw<FeatureTrial[]>([]);
  /** The baseline policy per simulated day (step 1), from the business simulation in the worker. */
  readonly policy = new Job<PolicyDay[]>();
  /** Increments on every policy request; only the latest one's answer is kept. */
  #policySeq = 0;
  /** The step-4 model's evaluation on the test stream (the latest request wins). */
  readonly evaluation = new Job<TestEvaluation>();
  /** Increments on every evaluation, newer training run and cancel; only the current one's answer is kept. */
  #evalSeq = 0;
  /** Test reports by training key. */
  #tests = $state.raw<Record<string, TestEvaluation>>({});

  constructor(port: LabPort | null) {
    this.#port = port;
  }

  get available(): boolean {
    return this.#port !== null;
  }
  get backend(): BackendReport | null {
    return this.#backend;
  }
  get backendError(): string {
    return this.#backendError;
  }
  get liveLoss(): LossPoint[] {
    return this.#liveLoss;
  }
  get liveExamplesPerSec(): number {
    return this.#liveExamplesPerSec;
  }
  get trials(): FeatureTrial[] {
    return this.#trials;
  }
  get policyDays(): PolicyDay[] {
    return this.policy.result ?? [];
  }
  /** The test report of the training run with this key, if it has been evaluated. */
  testFor(key: string): TestEvaluation | undefined {
    return this.#tests[key];
  }

  /** Simulates the baseline policy for this world unless its days are already shown (latest request wins). */
  async ensureBaseline(params: WorldParams): Promise<void> {
    const port = this.#port;
    if (!port) return;
    const key = `${params.seed}|${params.skew}|${params.noise}|${params.drift}`;
    if (this.policy.resultKey === key && this.policy.status === 'done') return;
    if (this.policy.status === 'running' && this.policy.runningKey === key) return;
    const mine = ++this.#policySeq;
    this.policy.start(key, 'simulating 14 days of traffic');
    try {
      const days = await port.baseline({ seed: params.seed, skew: params.skew, noise: params.noise, drift: params.drift });
      if (mine === this.#policySeq) this.policy.finish(key, days);
    } catch (err) {
      if (mine === this.#policySeq) this.policy.fail(messageOf(err));
    }
  }

  /** Starts (or restarts) the worker's backend; only when the requested backend changes. */
  async init(requested: BackendName | 'auto'): Promise<void> {
    if (!this.#port || requested === this.#backendRequested) return;
    this.#backendRequested = requested;
    this.#backendError = '';
    try {
      const report = await this.#port.init(requested);
      if (requested === this.#backendRequested) this.#backend = report;
    } catch (err) {
      this.#backendError = messageOf(err);
    }
  }

  /** Claims the worker for a new job: marks other jobs abandoned, starts `job`, and cancels the
   * worker's job in flight. Returns the new job's number; a later claim makes it stale. */
  async #claim(job: Job<unknown>, key: string): Promise<number> {
    const mine = ++this.#seq;
    const wasBusy = this.#busy;
    this.#abandonOthers(job);
    if (job === this.training || job === this.dataset) this.#dropEvaluation();
    job.start(key, 'starting');
    this.#busy = true;
    if (wasBusy && this.#port) await this.#port.cancel().catch(() => undefined);
    return mine;
  }

  /** Makes sure the dataset for `world` exists (generating it if needed; the latest request wins). */
  async ensureDataset(world: WorldRequest): Promise<void> {
    const key = worldKey(world);
    if (!this.#port) return;
    if (this.dataset.resultKey === key && this.dataset.status === 'done') return;
    if (this.dataset.status === 'running' && this.dataset.runningKey === key) return;
    await this.generate(world);
  }

  /** Generates the dataset for `world`. */
  async generate(world: WorldRequest): Promise<void> {
    const port = this.#port;
    if (!port) return;
    const key = worldKey(world);
    const mine = await this.#claim(this.dataset, key);
    if (mine !== this.#seq) return;
    try {
      const summary = await port.generate(world, (p) => {
        if (mine === this.#seq) this.dataset.progress(p.fraction, p.stage);
      });
      if (mine === this.#seq) this.dataset.finish(key, summary);
    } catch (err) {
      if (mine === this.#seq) this.dataset.fail(messageOf(err));
    } finally {
      if (mine === this.#seq) this.#busy = false;
    }
  }

  /** Trains the step-4 model, then evaluates it on the test stream (`onTest` gets that report);
   * resolves with the training result, or null if cancelled, superseded or failed. */
  async train(config: TrainConfig, onTest?: (t: TestEvaluation) => void): Promise<TrainResult | null> {
    return this.#runTraining(this.training, config, true, (key, result) => void this.evaluateTest(key, result, onTest));
  }

  /** Evaluates a finished step-4 model on the large test stream; null if superseded or failed. */
  async evaluateTest(key: string, result: TrainResult, onTest?: (t: TestEvaluation) => void): Promise<TestEvaluation | null> {
    const port = this.#port;
    if (!port) return null;
    const mine = ++this.#evalSeq;
    this.evaluation.start(key, `evaluating ${result.version} on the test stream`);
    try {
      const report = await port.evaluate(result.modelId, 'test');
      if (mine !== this.#evalSeq) return null;
      const t: TestEvaluation = { key, version: result.version, report };
      this.#tests = { ...this.#tests, [key]: t };
      this.evaluation.finish(key, t);
      onTest?.(t);
      return t;
    } catch (err) {
      if (mine === this.#evalSeq) this.evaluation.fail(messageOf(err));
      return null;
    }
  }

  /** Makes the evaluation in flight (if any) stale: its answer will be ignored. */
  #dropEvaluation(): void {
    this.#evalSeq++;
    if (this.evaluation.status === 'running') this.evaluation.cancelled();
  }

  /** Trains a quick logistic regression for one feature set (step 3) and records its validation AUC
   * (a quick comparison on the held-out rows of the step-2 log, not the test stream). */
  async tryFeatures(config: TrainConfig): Promise<void> {
    const result = await this.#runTraining(this.trial, config, false);
    if (!result) return;
    const key = trialKey(config.features, config.datasetId);
    const entry: FeatureTrial = {
      key,
      label: featureLabel(config.features),
      toggles: config.features,
      featureCount: result.featureCount,
      auc: result.validation.auc.value,
      datasetId: config.datasetId,
    };
    this.#trials = [...this.#trials.filter((t) => t.key !== key), entry];
  }

  /** The trial already made for this feature set on this dataset, if any. */
  trialFor(toggles: FeatureToggles, datasetId: string): FeatureTrial | undefined {
    const key = trialKey(toggles, datasetId);
    return this.#trials.find((t) => t.key === key);
  }

  /** Runs one training job; `onDone` runs synchronously as it finishes (so no frame shows it done with nothing next). */
  async #runTraining(job: Job<TrainResult>, config: TrainConfig, live: boolean, onDone?: (key: string, r: TrainResult) => void): Promise<TrainResult | null> {
    const port = this.#port;
    if (!port) return null;
    const key = trainKey(config, this.#backend?.backend ?? 'unknown');
    if (live) {
      this.#liveLoss = [];
      this.#liveExamplesPerSec = Number.NaN;
    }
    const mine = await this.#claim(job, key);
    if (mine !== this.#seq) return null;
    try {
      const result = await port.train(config, (p) => {
        if (mine !== this.#seq) return;
        job.progress(p.fraction, p.stage);
        if (live) {
          this.#liveExamplesPerSec = p.examplesPerSec;
          const x = p.epochs > 0 ? p.fraction * p.epochs : p.epoch;
          if (Number.isFinite(p.trainLoss)) this.#liveLoss = [...this.#liveLoss, { epoch: x, trainLoss: p.trainLoss, valLoss: p.valLoss }];
        }
      });
      if (mine !== this.#seq) return null;
      job.finish(key, result);
      onDone?.(key, result);
      return result;
    } catch (err) {
      if (mine === this.#seq) job.fail(messageOf(err));
      return null;
    } finally {
      if (mine === this.#seq) this.#busy = false;
    }
  }

  /** Marks jobs other than `keep` as no longer running (their worker job was cancelled). */
  #abandonOthers(keep: Job<unknown>): void {
    for (const j of [this.dataset, this.training, this.trial] as Job<unknown>[]) {
      if (j !== keep && j.status === 'running') j.cancelled();
    }
  }

  /** Cancels the job in flight (the Cancel button). */
  async cancel(): Promise<void> {
    if (!this.#port) return;
    this.#seq++;
    this.#dropEvaluation();
    for (const j of [this.dataset, this.training, this.trial] as Job<unknown>[]) if (j.status === 'running') j.cancelled();
    this.#busy = false;
    await this.#port.cancel().catch(() => undefined);
  }
}

/** The key of a step-3 trial. */
function trialKey(t: FeatureToggles, datasetId: string): string {
  return `${datasetId}|${t.oneHots}|${t.numerics}|${t.cross}|${t.hashed}|${t.hashed ? t.hashBuckets : 0}`;
}

/** An error's message in words. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
