// Step 3's feature trials: a quick logistic regression per feature set, and the validation AUC it
// reached (a fast comparison on the held-out rows of the step-2 log, not the test stream).
import type { FeatureToggles, TrainConfig, TrainResult } from '../lib/lab/types.ts';
import { featureLabel, trainKey } from '../lib/url/lab-config.ts';
import { Job } from './job.svelte.ts';
import type { LabGateway } from './lab-port.ts';
import type { Lane } from './runner.ts';
import { withData, type Remake } from './lab-gone.ts';

/** One feature set tried at step 3 and the validation AUC a quick logistic regression reached. */
export interface FeatureTrial {
  key: string;
  label: string;
  toggles: FeatureToggles;
  featureCount: number;
  auc: number;
  datasetId: string;
}

/** The key of a step-3 trial. */
function trialKey(t: FeatureToggles, datasetId: string): string {
  return `${datasetId}|${t.oneHots}|${t.numerics}|${t.cross}|${t.hashed}|${t.hashed ? t.hashBuckets : 0}`;
}

export class TrialState {
  readonly job = new Job<TrainResult>();
  #port: LabGateway | null;
  #lane: Lane;
  #trials = $state.raw<FeatureTrial[]>([]);

  /** Makes the step-2 log again when the worker no longer holds the one a trial names. */
  #remake: Remake | null;

  constructor(port: LabGateway | null, lane: Lane, remake: Remake | null = null) {
    this.#port = port;
    this.#lane = lane;
    this.#remake = remake;
  }

  /** Every trial made, in order. */
  get trials(): FeatureTrial[] {
    return this.#trials;
  }

  /** Trains the quick model for one feature set and records its validation AUC. */
  async tryFeatures(config: TrainConfig, backend: string): Promise<void> {
    const port = this.#port;
    if (!port) return;
    const result = await this.#lane.run({
      job: this.job,
      key: trainKey(config, backend),
      stage: 'starting',
      call: (t) => withData(config, t, this.#remake, (c) => port.train(c, (p) => void t.progress(p.fraction, p.stage))),
    });
    if (!result) return;
    // Keyed by the log it ran on (a new one if the old was gone and made again).
    const datasetId = result.config.datasetId;
    const key = trialKey(config.features, datasetId);
    const entry: FeatureTrial = {
      key,
      label: featureLabel(config.features),
      toggles: config.features,
      featureCount: result.featureCount,
      auc: result.validation.auc.value,
      datasetId,
    };
    this.#trials = [...this.#trials.filter((t) => t.key !== key), entry];
  }

  /** The trial already made for this feature set on this dataset, if any. */
  trialFor(toggles: FeatureToggles, datasetId: string): FeatureTrial | undefined {
    const key = trialKey(toggles, datasetId);
    return this.#trials.find((t) => t.key === key);
  }
}
