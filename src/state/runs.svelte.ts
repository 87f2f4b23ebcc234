// The run history: every finished training run, named v1, v2, … in order, so later steps can
// compare models. Plain data only, so it can be persisted (IndexedDB) later without change.
import type { BackendName, EvalReport, TrainConfig } from '../../workers/lab-types.ts';
import type { WorldParams } from '../lib/sim/types.ts';

/** One finished training run. */
export interface RunRecord {
  version: string;
  modelId: string;
  /** The story step it was trained at. */
  step: number;
  world: WorldParams & { rows: number };
  config: TrainConfig;
  datasetId: string;
  backend: BackendName;
  featureCount: number;
  validation: EvalReport;
  /** Its report on the large test stream; null until that evaluation lands. */
  test: EvalReport | null;
  millis: number;
  examplesPerSec: number;
  /** Wall-clock time it finished (ms since epoch). */
  finishedAt: number;
}

export class RunHistory {
  #runs = $state.raw<RunRecord[]>([]);

  /** All runs, oldest first. */
  get runs(): RunRecord[] {
    return this.#runs;
  }

  /** The most recent run, if any. */
  get latest(): RunRecord | undefined {
    return this.#runs[this.#runs.length - 1];
  }

  /** The name the next run will get. */
  nextVersion(): string {
    return `v${this.#runs.length + 1}`;
  }

  /** Records a finished run (its version must be nextVersion()). */
  add(run: RunRecord): void {
    this.#runs = [...this.#runs, run];
  }

  /** Records the test-stream report of the run that trained `report.modelId`. */
  setTest(report: EvalReport): void {
    this.#runs = this.#runs.map((r) => (r.modelId === report.modelId ? { ...r, test: report } : r));
  }

  /** The run before `version`, for "compared with v1" displays. */
  previous(version: string): RunRecord | undefined {
    const i = this.#runs.findIndex((r) => r.version === version);
    return i > 0 ? this.#runs[i - 1] : undefined;
  }
}
