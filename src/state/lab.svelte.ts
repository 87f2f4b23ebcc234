// The lab as the UI sees it: one facade over small reactive classes, one per concern: the
// backend (lab-backend), the step-2 dataset (lab-dataset), the step-3 feature trials (lab-trials),
// the step-4 training run and its test report (lab-training), the step-1 baseline policy
// (lab-policy). Its job runner (runner.ts) mirrors the worker's lanes and is shared by every state
// class that uses the lab worker. When the worker dies, the jobs in flight in every lane are marked
// interrupted, a notice says so, and the fresh worker gets the same backend preference and the same data.
import type { BackendName, BackendReport, DatasetSummary, ExportedModel, FeatureToggles, TrainConfig, TrainResult } from '../lib/lab/types.ts';
import type { LabLane } from '../lib/lanes.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { WorldRequest } from '../lib/url/lab-config.ts';
import { Job } from './job.svelte.ts';
import type { LabGateway, LabPort } from './lab-port.ts';
import { JobRunner, type RunnableJob } from './runner.ts';
import { BackendState } from './lab-backend.svelte.ts';
import { DatasetState } from './lab-dataset.svelte.ts';
import { TrialState, type FeatureTrial } from './lab-trials.svelte.ts';
import { TrainingState, type LossPoint, type TestEvaluation } from './lab-training.svelte.ts';
import { PolicyState } from './lab-policy.svelte.ts';
import { Rebuilder } from './lab-rebuild.ts';
import type { PolicyDay } from './policy.ts';
import type { RunHistory, RunPlace } from './runs.svelte.ts';
import { stepNumber, stepRef } from '../lib/story/steps.ts';

export type { LabGateway, LabPort } from './lab-port.ts';
export type { FeatureTrial } from './lab-trials.svelte.ts';
export type { LossPoint, TestEvaluation } from './lab-training.svelte.ts';

export class LabState {
  #port: LabGateway | null;
  readonly backendState: BackendState;
  readonly datasetState: DatasetState;
  readonly trialState: TrialState;
  readonly trainingState: TrainingState;
  readonly policyState: PolicyState;
  /** The lab worker's lanes, shared with the labels, drift and export states. */
  readonly jobs: JobRunner<LabLane>;
  /** A model exported for the serving worker (in the 'export' lane, as a query). */
  readonly modelExport = new Job<ExportedModel>();
  /** What the reader is told after the worker died and a fresh one took over ('' when nothing happened). */
  #notice = $state('');
  /** Increments whenever a fresh worker replaces a dead one. */
  #restarts = $state(0);
  /** Told when the worker died (the run history forgets its model ids). */
  #onLost: (() => void)[] = [];

  /** How each dataset and model the worker gave was made, so a job that finds one gone makes it again. */
  readonly rebuild = new Rebuilder();
  /** Where the lab's training runs are recorded. */
  #runs: RunHistory;

  constructor(supervised: LabPort | null, runs: RunHistory) {
    const port = supervised?.gateway() ?? null;
    this.#port = port;
    this.#runs = runs;
    this.jobs = new JobRunner<LabLane>(async (lane) => port?.cancel(lane));
    const main = this.jobs.lane('main');
    this.backendState = new BackendState(port);
    this.datasetState = new DatasetState(port, main);
    const remake = (onProgress: (fraction: number, stage: string) => void) => this.datasetState.remake(onProgress);
    this.trialState = new TrialState(port, main, remake);
    this.trainingState = new TrainingState(port, main, remake);
    this.policyState = new PolicyState(port, this.jobs.lane('policy'));
    // A dataset with no recipe of its own is the step-2 log: the one made after a restart, or made again.
    this.rebuild.setFallbackDataset(`the step-${stepNumber('data')} log`, async (t, _id, gone) => {
      const held = this.datasetState.heldId();
      if (held && held !== gone) return held;
      const made = await this.datasetState.remake((f, stage) => void t.progress(f, stage));
      if (!made) throw new Error(`no step-${stepNumber('data')} log was asked for in this session: open ${stepRef('data')} to make one`);
      return made;
    });
    supervised?.watch({ lost: (reason) => void this.#lost(reason) });
  }

  get available(): boolean {
    return this.#port !== null;
  }
  get backend(): BackendReport | null {
    return this.backendState.report;
  }
  get backendError(): string {
    return this.backendState.error;
  }
  get dataset(): Job<DatasetSummary> {
    return this.datasetState.job;
  }
  get training(): Job<TrainResult> {
    return this.trainingState.job;
  }
  get trial(): Job<TrainResult> {
    return this.trialState.job;
  }
  get evaluation(): Job<TestEvaluation> {
    return this.trainingState.evaluation;
  }
  get policy(): Job<PolicyDay[]> {
    return this.policyState.job;
  }
  get liveLoss(): LossPoint[] {
    return this.trainingState.liveLoss;
  }
  get liveExamplesPerSec(): number {
    return this.trainingState.liveExamplesPerSec;
  }
  get trials(): FeatureTrial[] {
    return this.trialState.trials;
  }
  get policyDays(): PolicyDay[] {
    return this.policyState.days;
  }
  /** Set after the worker died: what happened and what was done about it. */
  get notice(): string {
    return this.#notice;
  }
  /** How many times a fresh worker replaced a dead one (models trained before are gone). */
  get restarts(): number {
    return this.#restarts;
  }
  /** The test report of the training run with this key, if it has been evaluated. */
  testFor(key: string): TestEvaluation | undefined {
    return this.trainingState.testFor(key);
  }

  /** Simulates the baseline policy for this world unless its days are already shown (latest request wins). */
  ensureBaseline(params: WorldParams): Promise<void> {
    return this.policyState.ensure(params);
  }
  /** Starts (or restarts) the worker's backend; only when the requested backend changes. */
  init(requested: BackendName | 'auto'): Promise<void> {
    return this.backendState.init(requested);
  }
  /** Makes sure the dataset for `world` exists (generating it if needed; the latest request wins). */
  ensureDataset(world: WorldRequest): Promise<void> {
    return this.datasetState.ensure(world);
  }
  /** Generates the dataset for `world`. */
  generate(world: WorldRequest): Promise<void> {
    return this.datasetState.generate(world);
  }
  /** Trains a model, records it in the run history at `place`, then evaluates it on the test stream (recorded too). */
  train(config: TrainConfig, place: RunPlace): Promise<TrainResult | null> {
    const onResult = (r: TrainResult) => {
      this.#runs.record(r, place);
      this.#remember(r);
    };
    return this.trainingState.train(config, this.#backendName(), onResult, (t) => this.#runs.setTest(t.report));
  }
  /** Evaluates a finished model on the large test stream again and records the report; null if superseded or failed. */
  evaluateTest(key: string, result: TrainResult): Promise<TestEvaluation | null> {
    return this.trainingState.evaluateTest(key, result, (t) => this.#runs.setTest(t.report));
  }
  /** Trains a quick logistic regression for one feature set (step 3) and records its validation AUC. */
  tryFeatures(config: TrainConfig): Promise<void> {
    return this.trialState.tryFeatures(config, this.#backendName());
  }
  /** The trial already made for this feature set on this dataset, if any. */
  trialFor(toggles: FeatureToggles, datasetId: string): FeatureTrial | undefined {
    return this.trialState.trialFor(toggles, datasetId);
  }

  /** A trained model as plain data, for the serving worker: run in the 'export' lane as a query (it
   * waits its turn and cancels nothing); rejects with what went wrong when it failed or was interrupted. */
  async exportModel(modelId: string): Promise<ExportedModel> {
    const port = this.#port;
    if (!port) throw new Error('this browser cannot start the lab worker');
    const job = this.modelExport;
    const r = await this.jobs.lane('export').run({ job, key: modelId, stage: 'exporting the model', call: () => port.exportModel(modelId), mode: 'query' });
    if (r === null) throw new Error(job.error || `the export of model ${modelId} was stopped`);
    return r;
  }

  /** Cancels the main lane's jobs in flight (the Cancel button). */
  async cancel(): Promise<void> {
    if (!this.#port) return;
    await this.jobs.lane('main').cancel();
  }

  /** Runs `f` whenever the worker died and its models went with it. */
  onWorkerLost(f: () => void): void {
    this.#onLost.push(f);
  }

  /** Hides the crash notice. */
  dismissNotice(): void {
    this.#notice = '';
  }

  /** Records how a step-4 model was trained (its config, on its log, made again if gone). */
  #remember(r: TrainResult): void {
    const port = this.#port;
    if (!port) return;
    this.rebuild.record(r.modelId, `model ${r.version}`, async (t, id) => {
      const again = await port.train({ ...r.config, datasetId: id(r.config.datasetId) }, (p) => void t.progress(p.fraction, p.stage));
      return again.modelId;
    });
  }

  #backendName(): string {
    return this.backend?.backend ?? 'unknown';
  }

  /** The worker died (a fresh one is starting): interrupt the jobs in flight, say so, and give the
   * fresh worker the same backend preference and the same data. The run history is untouched. */
  async #lost(reason: string): Promise<void> {
    const message = `The lab worker stopped (${reason}).`;
    const hit = this.jobs.interrupt(message);
    const evaluating = hit.includes(this.evaluation);
    if (evaluating) this.trainingState.modelLost(message);
    // The lab's own jobs by name (the other states' interrupted jobs say so in their panels).
    const what = [...hit.map((j) => this.#nameOf(j)).filter(Boolean), ...(evaluating ? ['the test evaluation'] : [])];
    this.#restarts++;
    for (const f of this.#onLost) f();
    this.#notice =
      `The lab worker stopped (${reason}). A fresh worker was started with the same backend setting; ` +
      `${what.length ? `${what.join(' and ')} was interrupted: press Retry to run it again. ` : ''}` +
      'Models trained before live on in the run history, but the fresh worker has to train them again to use them.';
    // Queued in this order in the fresh worker: the backend first, then the data.
    void this.backendState.restart();
    await this.datasetState.lost();
  }

  /** A lab job's name in words ('' for the others). */
  #nameOf(j: RunnableJob<unknown>): string {
    if (j === this.dataset) return 'generating the data';
    if (j === this.training) return 'the training run';
    if (j === this.trial) return 'the feature trial';
    return '';
  }
}
