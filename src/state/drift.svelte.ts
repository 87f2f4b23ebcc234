// Steps 9–10's state: the stale model (the step-7/8 recipe trained on days 0–44) and its old-test /
// yesterday report, AUC per day and the drift report; the training window, the fresh model and
// the freshness chart. Every result is keyed by its world, so a drift-slider move marks it stale;
// the jobs run in the lab worker's main lane (runner.ts), where the latest request wins.
import type { DayAuc, DriftReport, FreshnessCurve, StaleEval, TrainResult } from '../lib/lab/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { knobsOf, worldKey, type WorldRequest } from '../lib/url/lab-config.ts';
import type { Gateway } from './supervisor.ts';
import type { LabApi } from '../../workers/lab.worker.ts';
import { Job } from './job.svelte.ts';
import type { Lane, Ticket } from './runner.ts';
import { Rebuilder } from './lab-rebuild.ts';
import type { RunHistory } from './runs.svelte.ts';
import type { StepId } from '../lib/story/steps.ts';

/** What the drift state needs of the lab worker's gateway. */
export type DriftPort = Gateway<LabApi, 'trainWindow' | 'staleEval' | 'modelDays' | 'aucPerDay' | 'driftReport' | 'freshness'>;

export { STALE_DAYS, LAST_TRAIN_DAY, WINDOW_PRESETS } from '../lib/drift/windows.ts';
import { LAST_TRAIN_DAY, STALE_DAYS, WINDOW_PRESETS } from '../lib/drift/windows.ts';

/** What the steps show about a model: its worker id, run label, backend and training time. */
export type ModelRef = Pick<TrainResult, 'modelId' | 'version' | 'backend' | 'millis' | 'labels'>;

/** The stale model with its old-test / yesterday report; `reused` when it is step 8's rebalanced model. */
export interface StaleModel {
  train: ModelRef;
  eval: StaleEval;
  reused: boolean;
}

/** A fresh model (trained on a window) with its yesterday report. */
export interface FreshModel {
  train: TrainResult;
  days: [number, number];
  eval: StaleEval;
}


export class DriftState {
  readonly stale = new Job<StaleModel>();
  readonly perDay = new Job<DayAuc[]>();
  readonly report = new Job<DriftReport>();
  readonly fresh = new Job<FreshModel>();
  readonly freshness = new Job<FreshnessCurve[]>();
  /** The training window chosen on step 10's timeline. */
  #window = $state<[number, number]>(WINDOW_PRESETS[1]!.days);
  #port: DriftPort | null;
  /** The stale model being trained, so a second request waits for it instead of starting again. */
  #staleInFlight: { key: string; promise: Promise<StaleModel | null> } | null = null;
  /** The lab worker's main lane. */
  #lane: Lane;
  /** Makes a model a job names again when the worker no longer holds it. */
  #rebuild: Rebuilder;

  constructor(port: DriftPort | null, lane: Lane, rebuild = new Rebuilder()) {
    this.#port = port;
    this.#lane = lane;
    this.#rebuild = rebuild;
  }

  get available(): boolean {
    return this.#port !== null;
  }
  get window(): [number, number] {
    return this.#window;
  }
  set window(days: [number, number]) {
    const a = Math.max(0, Math.min(LAST_TRAIN_DAY, Math.round(Math.min(days[0], days[1]))));
    const b = Math.max(a, Math.min(LAST_TRAIN_DAY, Math.round(Math.max(days[0], days[1]))));
    this.#window = [a, b];
  }

  /** The stale model for this world, if trained. */
  staleFor(w: WorldRequest): StaleModel | null {
    return this.stale.result && this.stale.resultKey === worldKey(knobsOf(w)) ? this.stale.result : null;
  }

  /** Trains the stale model for `w` (unless it exists) and measures it on its old test days and on yesterday. */
  async ensureStale(w: WorldRequest, runs: RunHistory, step: StepId): Promise<StaleModel | null> {
    const have = this.staleFor(w);
    if (have || !this.#port) return have;
    const key = worldKey(knobsOf(w));
    if (this.#staleInFlight?.key === key) return this.#staleInFlight.promise;
    const promise = this.#trainStale(w, runs, step, key);
    this.#staleInFlight = { key, promise };
    try {
      return await promise;
    } finally {
      if (this.#staleInFlight?.promise === promise) this.#staleInFlight = null;
    }
  }

  async #trainStale(w: WorldRequest, runs: RunHistory, step: StepId, key: string): Promise<StaleModel | null> {
    const port = this.#port!;
    return this.#lane.run({
      job: this.stale,
      key,
      stage: 'collecting days 0–44',
      call: async (t) => {
        // Step 8's rebalanced model is the stale one when it was trained in this world on days 0–44.
        const rb = runs.forRole('rebalanced');
        if (rb && worldKey(knobsOf(rb.world)) === key) {
          const days = await port.modelDays(this.#rebuild.resolve(rb.modelId));
          if (days && days[0] === STALE_DAYS[0] && days[1] === STALE_DAYS[1]) {
            t.progress(0.5, 'measuring on old test days and on yesterday');
            const ev = await this.#rebuild.run(t, (id) => port.staleEval(id(rb.modelId), true));
            return { train: { modelId: rb.modelId, version: rb.version, backend: rb.backend, millis: rb.millis }, eval: ev, reused: true };
          }
        }
        const version = runs.nextVersion();
        const train = await this.#trainWindow(t, w, STALE_DAYS, version, 0.85);
        if (t.current) runs.record(train, { step, role: 'stale', world: w, days: STALE_DAYS });
        t.progress(0.85, 'measuring on old test days and on yesterday');
        const ev = await this.#rebuild.run(t, (id) => port.staleEval(id(train.modelId), true));
        if (t.current) runs.setTest(ev.oldTest!);
        return { train, eval: ev, reused: false };
      },
    });
  }

  /** AUC per day of the stale model for `w` (trained first if needed). */
  async evaluatePerDay(w: WorldRequest, runs: RunHistory, step: StepId): Promise<void> {
    this.perDay.start(worldKey(knobsOf(w)), 'waiting for the stale model');
    const s = await this.ensureStale(w, runs, step);
    if (!s || !this.#port) return this.perDay.cancelled();
    const port = this.#port;
    await this.#lane.run({ job: this.perDay, key: worldKey(knobsOf(w)), stage: 'scoring days 45–89', call: (t) => this.#rebuild.run(t, (id) => port.aucPerDay(id(s.train.modelId))), mode: 'queue' });
  }

  /** The drift report of the stale model for `w` (trained first if needed). */
  async openReport(w: WorldRequest, runs: RunHistory, step: StepId): Promise<void> {
    this.report.start(worldKey(knobsOf(w)), 'waiting for the stale model');
    const s = await this.ensureStale(w, runs, step);
    if (!s || !this.#port) return this.report.cancelled();
    const port = this.#port;
    await this.#lane.run({ job: this.report, key: worldKey(knobsOf(w)), stage: 'comparing days 0–44 with yesterday', call: (t) => this.#rebuild.run(t, (id) => port.driftReport(id(s.train.modelId))), mode: 'queue' });
  }

  /** Trains a fresh model on the chosen window and measures it on yesterday. */
  async retrain(w: WorldRequest, runs: RunHistory, step: StepId): Promise<void> {
    if (!this.#port) return;
    const port = this.#port;
    const days: [number, number] = [this.#window[0], this.#window[1]];
    await this.#lane.run({
      job: this.fresh,
      key: freshKey(w, days),
      stage: `collecting days ${days[0]}–${days[1]}`,
      call: async (t) => {
        const train = await this.#trainWindow(t, w, days, runs.nextVersion(), 0.9);
        if (t.current) runs.record(train, { step, role: 'fresh', world: w, days });
        t.progress(0.9, 'measuring on yesterday');
        const ev = await this.#rebuild.run(t, (id) => port.staleEval(id(train.modelId), false));
        if (t.current) runs.setTest(ev.yesterday);
        return { train, days, eval: ev };
      },
    });
  }

  /** The freshness chart's models and curves for `w`. */
  async drawFreshness(w: WorldRequest): Promise<void> {
    if (!this.#port) return;
    const port = this.#port;
    await this.#lane.run({ job: this.freshness, key: worldKey(knobsOf(w)), stage: 'starting', call: (t) => port.freshness(knobsOf(w), (p) => void t.progress(p.fraction, p.stage)) });
  }

  /** Trains on a window of days (progress up to `share`) and records how, so a job that finds the
   * model gone trains it again on the same world and days. */
  async #trainWindow(t: Ticket, w: WorldRequest, days: [number, number], version: string, share: number): Promise<TrainResult> {
    const port = this.#port!;
    const make = (tk: Ticket, part: number) => port.trainWindow(knobsOf(w), days, version, (p) => void tk.progress(part * p.fraction, p.stage));
    const train = await make(t, share);
    this.#rebuild.record(train.modelId, `model ${train.version}`, async (tk) => (await make(tk, 1)).modelId);
    return train;
  }

  /** Cancels the main lane's jobs in flight (the Cancel buttons). */
  async cancel(): Promise<void> {
    await this.#lane.cancel();
  }
}

/** The key of a fresh model: its world and window. */
export function freshKey(w: WorldParams, days: [number, number]): string {
  return `${worldKey(knobsOf(w))}|${days[0]}-${days[1]}`;
}
