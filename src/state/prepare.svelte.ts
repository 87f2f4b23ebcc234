// Arrival by link: a step that starts from models of earlier steps (steps 5–8 start from the step-4
// model; steps 7 and 8 also from the relabelled model of step 6) builds the missing ones when it is
// shown without them, by the very calls the earlier steps' buttons make, so the run history, the
// versions and the numbers are those the reader would get by pressing them. The chain runs its
// stages one after another in the lab worker's main lane (runner.ts); Cancel stops it there, and it
// does not start again by itself for that world until the reader asks (Build).
import type { TrainResult } from '../lib/lab/types.ts';
import { trainConfigOf, worldKey, worldOf } from '../lib/url/lab-config.ts';
import type { UrlState } from '../lib/url/params.ts';
import { stepById, stepNumber, stepRef, stepThatTrains, type StepId } from '../lib/story/steps.ts';
import { sequenceOf, type JobView } from './job.svelte.ts';
import type { LabState } from './lab.svelte.ts';
import type { LabelsState } from './labels.svelte.ts';
import type { RunHistory, RunPlace } from './runs.svelte.ts';

/** What a step starts from: the step-4 model, or that and the relabelled model of step 6. */
export type Need = 'noisy' | 'relabelled';

/** A stage of the chain: the step-2 data, the step-4 model, the relabelled model. */
export type Stage = 'data' | 'noisy' | 'relabelled';

/** The chain's state: cancelled is shown as idle with a word saying so. */
type ChainStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'interrupted';

/** A model the chain built, by story role. */
export interface Built {
  role: 'noisy' | 'relabelled';
  version: string;
}

/** What a step's panel shows of the chain for its world. */
export interface ChainView {
  /** The panel's job view (data-status running / done / error / interrupted, or idle). */
  job: JobView;
  /** True when the chain ran (or runs) for this world and need: the panel shows it. */
  ran: boolean;
  cancelled: boolean;
  /** The stage in flight ('' when none). */
  stage: Stage | '';
  built: Built[];
}

/** The stages a need asks for, in order. */
export function stagesOf(need: Need): Stage[] {
  return need === 'relabelled' ? ['data', 'noisy', 'relabelled'] : ['data', 'noisy'];
}

/** What a stage makes, in words. */
export const STAGE_WORDS: Record<Stage, string> = {
  data: `the step-${stepNumber('data')} log`,
  noisy: `the step-${stepNumber('train')} model (trained, then measured on the test stream)`,
  relabelled: `the relabelled model of ${stepRef('relabelled')} (the worst query × ad cell relabelled, then trained on)`,
};

/** The key of a chain: its world (with the log size) and what it builds. */
function chainKey(state: UrlState, need: Need): string {
  return `${worldKey(worldOf(state))}|${need}`;
}

/** Resolves once `done()` holds, checked whenever the state it reads changes. */
function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = $effect.root(() => {
      $effect(() => {
        if (!done()) return;
        resolve();
        queueMicrotask(() => stop());
      });
    });
  });
}

/** Trains the model TrainPanel's Train button trains at `step` (in the role the story table gives
 * that step's training, if any), on the dataset the lab holds; resolves null if cancelled, superseded or failed. */
export function trainAtStep(step: StepId, state: UrlState, lab: LabState, runs: RunHistory): Promise<TrainResult | null> {
  const datasetId = lab.dataset.status === 'done' ? (lab.dataset.result?.id ?? '') : '';
  const role = stepById(step).scene.trains;
  const place: RunPlace = { step, ...(role ? { role } : {}), world: worldOf(state) };
  return lab.train(trainConfigOf(state, datasetId, runs.nextVersion()), place);
}

export class PrepareState {
  #lab: LabState;
  #runs: RunHistory;
  #labels: LabelsState;
  #status = $state<ChainStatus>('idle');
  #stage = $state<Stage | ''>('');
  #error = $state('');
  #built = $state.raw<Built[]>([]);
  /** The key of the chain shown (the latest started). */
  #key = $state('');
  /** Increments on every start and Cancel: an earlier chain's late answers are ignored. */
  #seq = 0;
  /** True while a chain is in flight (not reactive: only start() reads it). */
  #active = false;
  /** Chains cancelled or failed, by key: they wait for the reader's Build. */
  #stopped = new Set<string>();

  constructor(lab: LabState, runs: RunHistory, labels: LabelsState) {
    this.#lab = lab;
    this.#runs = runs;
    this.#labels = labels;
  }

  /** The stages still missing for `need` in this session (a model of that role exists or not). */
  missing(need: Need): Stage[] {
    const out: Stage[] = [];
    if (!this.#runs.forRole('noisy')) out.push('noisy');
    if (need === 'relabelled' && !this.#runs.forRole('relabelled')) out.push('relabelled');
    return out;
  }

  /** True when a step shown at `state` should start the chain now: a model is missing, the lab's
   * backend is up (starting it cancels the worker's jobs asked before), no chain for it is in flight
   * or was stopped, and no earlier step's button is already building one (Train pressed at step 4
   * or 6 just before moving on: that run is waited for). */
  wants(state: UrlState, need: Need): boolean {
    if (!this.#lab.available || this.#lab.backend === null) return false;
    const missing = this.missing(need);
    if (missing.length === 0) return false;
    const key = chainKey(state, need);
    if (this.#stopped.has(key) || (this.#active && this.#key === key)) return false;
    if (this.#active) return true;
    const building = missing.includes('noisy') ? [this.#lab.training] : [this.#labels.relabelling, this.#labels.training];
    return !building.some((j) => j.status === 'running');
  }

  /** Builds what `need` is missing for the world of `state`, with the link's settings; a chain in
   * flight for another world is superseded. */
  start(state: UrlState, need: Need): void {
    this.#stopped.delete(chainKey(state, need));
    void this.#run(state, need);
  }

  /** Stops the chain and the lab's main lane; it stays stopped for this world until Build. */
  async cancel(): Promise<void> {
    this.#seq++;
    this.#active = false;
    if (this.#key) this.#stopped.add(this.#key);
    this.#status = 'cancelled';
    this.#stage = '';
    await this.#lab.cancel();
  }

  /** The chain as the panel of a step shown at `state` shows it. */
  viewFor(state: UrlState, need: Need): ChainView {
    const ran = this.#key === chainKey(state, need) && this.#status !== 'idle';
    const status = ran ? this.#status : 'idle';
    const stage = ran ? this.#stage : '';
    const job = this.#jobView(status, stage, need);
    return { job, ran, cancelled: status === 'cancelled', stage, built: ran ? this.#built : [] };
  }

  #jobView(status: ChainStatus, stage: Stage | '', need: Need): JobView {
    if (status === 'cancelled' || status === 'idle') return { status: 'idle', fraction: 0, stage: '', error: '' };
    if (status !== 'running') return { status, fraction: 1, stage: '', error: this.#error };
    const stages = stagesOf(need);
    const at = stage === '' ? 0 : stages.indexOf(stage);
    const inner = this.#stageJob(stage);
    const detail = inner && inner.status === 'running' && inner.stage ? ` · ${inner.stage}` : '';
    return {
      status: 'running',
      fraction: inner && inner.status === 'running' ? inner.fraction : 0,
      stage: `${at + 1} of ${stages.length}: ${stage ? STAGE_WORDS[stage].replace(/ \(.*\)$/, '') : 'starting'}${detail}`,
      error: '',
    };
  }

  /** The job that shows a stage's progress. */
  #stageJob(stage: Stage | ''): JobView | null {
    if (stage === 'data') return this.#lab.dataset;
    if (stage === 'noisy') return this.#lab.training.status === 'running' ? this.#lab.training : this.#lab.evaluation;
    if (stage === 'relabelled') return sequenceOf([this.#labels.slices, this.#labels.relabelling, this.#labels.training, this.#labels.gold]);
    return null;
  }

  async #run(state: UrlState, need: Need): Promise<void> {
    const mine = ++this.#seq;
    const current = () => mine === this.#seq;
    const world = worldOf(state);
    this.#key = chainKey(state, need);
    this.#active = true;
    this.#status = 'running';
    this.#error = '';
    this.#built = [];
    try {
      if (!this.#runs.forRole('noisy')) {
        this.#stage = 'data';
        await this.#lab.ensureDataset(world);
        if (!current()) return;
        const d = this.#lab.dataset;
        if (d.status !== 'done' || d.resultKey !== worldKey(world)) return this.#halt([d], `Making the step-${stepNumber('data')} log`);
        this.#stage = 'noisy';
        const r = await trainAtStep(stepThatTrains('noisy'), state, this.#lab, this.#runs);
        if (!current()) return;
        if (!r) return this.#halt([this.#lab.training], `Training the step-${stepNumber('train')} model`);
        this.#built = [...this.#built, { role: 'noisy', version: r.version }];
        await this.#testReport(r, this.#lab.training.resultKey, current);
        if (!current()) return;
      }
      const noisy = this.#runs.forRole('noisy');
      if (need === 'relabelled' && noisy && !this.#runs.forRole('relabelled')) {
        this.#stage = 'relabelled';
        const r = await this.#labels.buildRelabelled(world, noisy);
        if (!current()) return;
        if (!r) {
          const slices = this.#labels.sliceReportOf(noisy.modelId);
          const noCell = slices !== undefined && !slices.slices.some((s) => s.family === 'cell');
          return this.#halt([this.#labels.slices, this.#labels.relabelling, this.#labels.training], 'Building the relabelled model', noCell ? `the slices of ${noisy.version} hold no query × ad cell to relabel` : '');
        }
        this.#built = [...this.#built, { role: 'relabelled', version: r.version }];
      }
      this.#stage = '';
      this.#status = 'done';
    } finally {
      if (current()) this.#active = false;
    }
  }

  /** The step-4 model's report on the test stream, as Train at step 4 records it: waited for, and
   * asked again (it waits its turn) when a job the step started meanwhile in the worker cancelled it. */
  async #testReport(r: TrainResult, key: string, current: () => boolean): Promise<void> {
    await until(() => this.#lab.evaluation.status !== 'running');
    if (current() && !this.#lab.testFor(key)) await this.#lab.evaluateTest(key, r);
  }

  /** A stage ended without its model: failed (with its message), interrupted, or cancelled by a
   * Cancel of the lane (the stage's own panel's Cancel). The chain stops for this world. */
  #halt(jobs: JobView[], what: string, reason = ''): void {
    const failed = jobs.find((j) => j.status === 'error' || j.status === 'interrupted');
    this.#stopped.add(this.#key);
    this.#stage = '';
    if (failed?.status === 'interrupted') {
      this.#status = 'interrupted';
      this.#error = `${what} was interrupted: ${failed.error}`;
    } else if (failed || reason) {
      this.#status = 'error';
      this.#error = `${what} failed: ${failed?.error || reason}`;
    } else this.#status = 'cancelled';
  }
}
