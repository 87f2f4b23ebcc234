// Steps 5–8 as the UI sees them: suspects, slice analyses, relabelled data, the skew slider's runs,
// collected data and the story models' gold reports, each job's last result kept while a new one runs.
// Its jobs wait their turn in the lab worker's main lane (runner.ts); every run it trains goes into
// the run history with its story role (relabelled, rebalanced).
import type {
  CollectReport,
  CollectRequest,
  EvalReport,
  JobProgress,
  RelabelReport,
  SkewPoint,
  SliceReport,
  SuspectReport,
  SuspectRow,
  TrainConfig,
  TrainResult,
} from '../lib/lab/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import type { StepId } from '../lib/story/steps.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { worldKey, type WorldRequest } from '../lib/url/lab-config.ts';
import { Job } from './job.svelte.ts';
import type { LabApi } from '../../workers/lab.worker.ts';
import type { Gateway } from './supervisor.ts';
import type { JobRequest, Lane, Ticket } from './runner.ts';
import type { HistoryRun, RunHistory } from './runs.svelte.ts';
import { collectTrain } from '../lib/labels/story.ts';
import { effectiveKeep, needsRecalibration } from '../lib/labels/recalibrate.ts';
import { Rebuilder } from './lab-rebuild.ts';

/** Which rows to relabel (as the worker takes it). */
/** The lab worker's methods steps 5–8 call. */
export type LabelsPort = Gateway<LabApi, 'findSuspects' | 'slices' | 'sliceRows' | 'relabelQuote' | 'relabel' | 'train' | 'evaluate' | 'recalibrated' | 'skewPoint' | 'collect'>;

export type RelabelChoice = { topSuspects: number } | { slice: string; positivesOnly: boolean };

export class LabelsState {
  #runs: RunHistory;
  readonly suspects = new Job<SuspectReport>();
  readonly slices = new Job<SliceReport>();
  readonly relabelling = new Job<RelabelReport>();
  readonly training = new Job<TrainResult>();
  readonly skew = new Job<SkewPoint>();
  readonly collecting = new Job<CollectReport>();
  readonly gold = new Job<EvalReport>();
  /** Slice analyses per model id (for the slices × versions grid). */
  #sliceReports = $state.raw<Record<string, SliceReport>>({});
  /** Gold-stream reports per model id. */
  #goldReports = $state.raw<Record<string, EvalReport>>({});
  /** Recalibrated gold reports per model id. */
  #recalibrated = $state.raw<Record<string, EvalReport>>({});
  /** Skew-slider runs per world key (seed|noise|drift), one point per skew. */
  #skewPoints = $state.raw<Record<string, SkewPoint[]>>({});
  /** Increments on every skew request: a queued one that is no longer the latest is skipped. */
  #skewSeq = 0;
  /** Rows of the slice opened in the table. */
  #sliceRows = $state.raw<{ slice: string; rows: SuspectRow[] } | null>(null);
  /** Relabelled data per world key (its latest relabelling). */
  #relabelled = $state.raw<Record<string, RelabelReport>>({});
  /** The latest collection per world key. */
  #collected = $state.raw<Record<string, CollectReport>>({});

  /** The lab worker's gateway (null where the browser has no workers) and its main lane. */
  #gateway: LabelsPort | null;
  #lane: Lane;
  /** Makes a dataset or model a job names again when the worker no longer holds it. */
  #rebuild: Rebuilder;

  constructor(runs: RunHistory, lab: LabelsPort | null, lane: Lane, rebuild = new Rebuilder()) {
    this.#runs = runs;
    this.#gateway = lab;
    this.#lane = lane;
    this.#rebuild = rebuild;
  }

  /** The gateway; a job asked where the browser has no workers fails with this in its panel. */
  get #lab(): LabelsPort {
    if (!this.#gateway) throw new Error('this browser cannot start the lab worker (no Web Workers)');
    return this.#gateway;
  }

  sliceReportOf(modelId: string): SliceReport | undefined {
    return this.#sliceReports[modelId];
  }
  goldOf(modelId: string): EvalReport | undefined {
    return this.#goldReports[modelId];
  }
  recalibratedOf(modelId: string): EvalReport | undefined {
    return this.#recalibrated[modelId];
  }
  skewPointsOf(world: WorldParams): SkewPoint[] {
    return this.#skewPoints[skewKey(world)] ?? [];
  }
  get sliceRows(): { slice: string; rows: SuspectRow[] } | null {
    return this.#sliceRows;
  }
  relabelledOf(world: WorldRequest): RelabelReport | undefined {
    return this.#relabelled[worldKey(world)];
  }
  collectedOf(world: WorldRequest): CollectReport | undefined {
    return this.#collected[worldKey(world)];
  }

  /** Runs one job after the ones queued before it (each would cancel the one before it in the worker). */
  #run<T>(job: Job<T>, key: string, stage: string, call: JobRequest<T>['call'], skip?: () => boolean): Promise<T | null> {
    return this.#lane.run({ job, key, stage, call, mode: 'queue', skip });
  }

  /** Out-of-fold predictions and confident learning on a dataset. */
  async findSuspects(config: TrainConfig, folds: number): Promise<SuspectReport | null> {
    return this.#run(this.suspects, config.datasetId, 'training the folds', (t) =>
      this.#rebuild.run(t, (id) => this.#lab.findSuspects({ ...config, datasetId: id(config.datasetId) }, folds, (p: JobProgress) => void t.progress(p.fraction, p.stage))),
    );
  }

  /** The slice table of a model (kept per model for the grid). */
  async analyseSlices(modelId: string): Promise<SliceReport | null> {
    const r = await this.#run(this.slices, modelId, 'scoring the test stream by slice', (t) => this.#rebuild.run(t, (id) => this.#lab.slices(id(modelId))));
    if (r) this.#sliceReports = { ...this.#sliceReports, [modelId]: r };
    return r;
  }

  /** Opens a slice: its top-scored rows. */
  async openSlice(modelId: string, slice: string): Promise<void> {
    const rows = await this.#lab.sliceRows(this.#rebuild.resolve(modelId), slice, 12);
    this.#sliceRows = { slice, rows };
  }

  /** Rows and cost of a choice, before paying. */
  async quote(datasetId: string, choice: RelabelChoice, price: number): Promise<{ rows: number; cost: number }> {
    return this.#lab.relabelQuote(this.#rebuild.resolve(datasetId), choice, price);
  }

  /** Pays the oracle; the relabelled data becomes this world's step-6 data. */
  async relabel(world: WorldRequest, datasetId: string, choice: RelabelChoice): Promise<RelabelReport | null> {
    const make = (t: Ticket) => this.#rebuild.run(t, (id) => this.#lab.relabel(id(datasetId), choice));
    const r = await this.#run(this.relabelling, datasetId, 'asking the expert', make);
    if (r) this.#rebuild.record(r.datasetId, 'the relabelled data', async (t) => (await make(t)).datasetId);
    if (r) this.#relabelled = { ...this.#relabelled, [worldKey(world)]: r };
    return r;
  }

  /** Trains a story model, records it with its role, and measures it on the gold stream. */
  async train(config: TrainConfig, role: StoryRole, step: StepId, world: WorldRequest): Promise<TrainResult | null> {
    const c = { ...config, version: this.#runs.nextVersion() };
    const make = (t: Ticket) =>
      this.#rebuild.run(t, (id) => this.#lab.train({ ...c, datasetId: id(c.datasetId) }, (p: JobProgress) => void t.progress(p.fraction, p.stage)));
    const r = await this.#run(this.training, `${role}|${c.datasetId}`, 'training', make);
    if (!r) return null;
    this.#rebuild.record(r.modelId, `model ${r.version}`, async (t) => (await make(t)).modelId);
    this.#runs.record(r, { step, role, world });
    await this.measureGold(r.modelId);
    return r;
  }

  /** A model's gold-stream report (kept per model). */
  async measureGold(modelId: string): Promise<EvalReport | null> {
    const known = this.#goldReports[modelId];
    if (known) return known;
    const r = await this.#run(this.gold, modelId, 'scoring the gold stream', (t) => this.#rebuild.run(t, (id) => this.#lab.evaluate(id(modelId), 'gold')));
    if (r) this.#goldReports = { ...this.#goldReports, [modelId]: r };
    return r;
  }

  /** The gold report of a model trained on downsampled data, recalibrated for keep rate w and class weight c. */
  async recalibrate(modelId: string, keep: number, classWeight = 1): Promise<void> {
    const r = await this.#run(this.gold, `recal|${modelId}`, 'recalibrating on the gold stream', (t) =>
      this.#rebuild.run(t, (id) => this.#lab.recalibrated(id(modelId), keep, classWeight)),
    );
    if (r) this.#recalibrated = { ...this.#recalibrated, [modelId]: r };
  }

  /** One skew-slider retrain (the latest wins); its point joins the chart. */
  async trainAtSkew(world: WorldParams, config: Omit<TrainConfig, 'datasetId'>): Promise<void> {
    const mine = ++this.#skewSeq;
    // A skew run in flight is superseded: stop it so the latest position trains next.
    if (this.#lane.has(this.skew)) void this.#lane.stop(this.skew);
    const r = await this.#run(
      this.skew,
      String(world.skew),
      `training at ${world.skew}`,
      (t) => this.#lab.skewPoint(world, config, (p: JobProgress) => void t.progress(p.fraction, p.stage)),
      () => mine !== this.#skewSeq,
    );
    if (!r) return;
    const k = skewKey(world);
    const pts = (this.#skewPoints[k] ?? []).filter((p) => p.skew !== r.skew);
    this.#skewPoints = { ...this.#skewPoints, [k]: [...pts, r].sort((a, b) => a.skew - b.skew) };
  }

  /** Streams and keeps more data for this world. */
  async collect(world: WorldRequest, req: CollectRequest): Promise<CollectReport | null> {
    const make = (t: Ticket) => this.#lab.collect(req, (p: JobProgress) => void t.progress(p.fraction, p.stage));
    const r = await this.#run(this.collecting, JSON.stringify(req), 'streaming candidates', make);
    if (r) this.#rebuild.record(r.datasetId, 'the collected data', async (t) => (await make(t)).datasetId);
    if (r) this.#collected = { ...this.#collected, [worldKey(world)]: r };
    return r;
  }

  /** The step-6 data when a link skipped step 5: the worst query × ad cell's "show" labels, relabelled. */
  async relabelWorstCell(world: WorldRequest, noisy: HistoryRun): Promise<RelabelReport | null> {
    const slices = this.#sliceReports[noisy.modelId] ?? (await this.analyseSlices(noisy.modelId));
    const cell = slices?.slices.find((s) => s.family === 'cell');
    if (!cell) return null;
    return this.relabel(world, noisy.datasetId, { slice: cell.slice, positivesOnly: true });
  }

  /** The relabelled model (role relabelled) when a link skipped step 6. */
  async buildRelabelled(world: WorldRequest, noisy: HistoryRun): Promise<TrainResult | null> {
    const rl = this.relabelledOf(world) ?? (await this.relabelWorstCell(world, noisy));
    if (!rl) return null;
    return this.train({ ...noisy.config, datasetId: rl.datasetId }, 'relabelled', 'relabelled', world);
  }

  /** Collects with the story's settings (or `req`) and trains the rebalanced model on it. */
  async buildRebalanced(world: WorldRequest, noisy: HistoryRun, req: CollectRequest, step: StepId): Promise<TrainResult | null> {
    const col = await this.collect(world, req);
    if (!col) return null;
    const r = await this.train({ ...noisy.config, ...collectTrain(col.kept), datasetId: col.datasetId }, 'rebalanced', step, world);
    if (r && needsRecalibration(req)) await this.recalibrate(r.modelId, effectiveKeep(req), req.positiveWeight);
    return r;
  }

  /** Stops the main lane's jobs in flight (not the export or the policy lane). */
  async cancel(): Promise<void> {
    await this.#lane.cancel();
  }
}

/** The world of the skew slider, without its skew. */
function skewKey(w: WorldParams): string {
  return `${w.seed}|${w.noise}|${w.drift}`;
}
