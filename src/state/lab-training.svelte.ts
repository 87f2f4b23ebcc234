// Step 4's training run and its evaluation on the large test stream: the live loss while it
// trains, then the test report, each a Job whose last result stays visible (stale) while a newer
// one runs. The evaluation is a query in the main lane, so any newer job there drops it.
import type { EvalReport, TrainConfig, TrainResult } from '../lib/lab/types.ts';
import { trainKey } from '../lib/url/lab-config.ts';
import { Job } from './job.svelte.ts';
import type { LabGateway } from './lab-port.ts';
import type { Lane } from './runner.ts';
import { withData, type Remake } from './lab-gone.ts';

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

export class TrainingState {
  readonly job = new Job<TrainResult>();
  /** The step-4 model's evaluation on the test stream (the latest request wins). */
  readonly evaluation = new Job<TestEvaluation>();
  #port: LabGateway | null;
  #lane: Lane;
  /** Loss points streamed by the run in flight (epoch may be fractional). */
  #liveLoss = $state.raw<LossPoint[]>([]);
  #liveExamplesPerSec = $state(Number.NaN);
  /** Test reports by training key. */
  #tests = $state.raw<Record<string, TestEvaluation>>({});

  /** Makes the step-2 log again when the worker no longer holds the one a run names. */
  #remake: Remake | null;

  constructor(port: LabGateway | null, lane: Lane, remake: Remake | null = null) {
    this.#port = port;
    this.#lane = lane;
    this.#remake = remake;
  }

  get liveLoss(): LossPoint[] {
    return this.#liveLoss;
  }
  get liveExamplesPerSec(): number {
    return this.#liveExamplesPerSec;
  }
  /** The test report of the training run with this key, if it has been evaluated. */
  testFor(key: string): TestEvaluation | undefined {
    return this.#tests[key];
  }

  /** Trains the step-4 model (`onResult` gets the result), then evaluates it on the test stream (`onTest` gets that report);
   * resolves with the training result, or null if cancelled, superseded, interrupted or failed. */
  async train(config: TrainConfig, backend: string, onResult: (r: TrainResult) => void, onTest?: (t: TestEvaluation) => void): Promise<TrainResult | null> {
    const port = this.#port;
    if (!port) return null;
    const key = trainKey(config, backend);
    this.#liveLoss = [];
    this.#liveExamplesPerSec = Number.NaN;
    const result = await this.#lane.run({
      job: this.job,
      key,
      stage: 'starting',
      call: async (t) => {
        const run = (c: TrainConfig) =>
          port.train(c, (p) => {
            if (!t.progress(p.fraction, p.stage)) return;
            this.#liveExamplesPerSec = p.examplesPerSec;
            const x = p.epochs > 0 ? p.fraction * p.epochs : p.epoch;
            if (Number.isFinite(p.trainLoss)) this.#liveLoss = [...this.#liveLoss, { epoch: x, trainLoss: p.trainLoss, valLoss: p.valLoss }];
          });
        // The worker may no longer hold the log (a restart, or the budget dropped it between two
        // jobs): it is made again from the link's settings, with this job's progress and Cancel.
        return withData(config, t, this.#remake, run);
      },
    });
    // Started in the same microtask as the finish, so no frame shows a trained model with nothing next.
    if (result) onResult(result);
    if (result) void this.evaluateTest(key, result, onTest);
    return result;
  }

  /** Evaluates a finished step-4 model on the large test stream; null if superseded or failed. */
  async evaluateTest(key: string, result: TrainResult, onTest?: (t: TestEvaluation) => void): Promise<TestEvaluation | null> {
    const port = this.#port;
    if (!port) return null;
    const t = await this.#lane.run({
      job: this.evaluation,
      key,
      stage: `evaluating ${result.version} on the test stream`,
      mode: 'query',
      call: async (ticket) => {
        const report = await port.evaluate(result.modelId, 'test', (p) => void ticket.progress(p.fraction, p.stage));
        const t: TestEvaluation = { key, version: result.version, report };
        if (ticket.current) this.#tests = { ...this.#tests, [key]: t };
        return t;
      },
    });
    if (t) onTest?.(t);
    return t;
  }

  /** The worker died under the evaluation of a finished run: the model went with it, so the
   * training is marked interrupted too (Retry trains it again). */
  modelLost(message: string): void {
    if (this.job.status === 'done') this.job.interrupt(`${message} The model went with it: train it again.`);
  }
}
