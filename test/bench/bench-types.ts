// What the benchmark page measures and hands back to the runner.
import type { BackendReport, BenchRow, MemoryReport, TrainPhases } from '../../src/lib/lab/types.ts';
import type { CancelLatency } from './cancel.ts';

/** Knobs of a benchmark run (smaller values make a quick smoke run). */
export interface BenchOptions {
  /** Rows of the throughput matrix (200,000 in the issue). */
  rows: number;
  batchSizes: number[];
  /** Longest time spent timing one model × batch size on one backend (ms). */
  budgetMs: number;
  backends: string[];
  hidden: number[];
  /** Rows of the story-retrain log (1,000,000). */
  storyRows: number;
  /** Rows generated for the browser generation speed (1,000,000). */
  generateRows: number;
  /** Tries of each cancel measurement (default 3; 0 skips them). */
  cancelRepeats?: number;
}

/** A main-thread long task seen by the PerformanceObserver. */
export interface LongTask {
  phase: string;
  startMs: number;
  durationMs: number;
}

/** Everything the page measured. */
export interface BenchResult {
  /** Cancel → rejection of each kind of long job (median and worst over repeats). */
  cancel: CancelLatency[];
  chosen: BackendReport;
  /** tfjs rows: each backend × model × batch size. */
  throughput: BenchRow[];
  /** The plain-TypeScript baselines of the same models and batch sizes. */
  plain: BenchRow[];
  story: {
    backend: string;
    rows: number;
    featureMs: number;
    /** Best of the timed retrains with features built. */
    trainMs: number;
    trainMedianMs: number;
    /** Wall time seen by the UI for a retrain whose features are not built yet. */
    coldMs: number;
    testAuc: number;
    convergedAuc: number;
    convergedEpochs: number;
    convergedMs: number;
    goldAuc: number;
    convergedGoldAuc: number;
    calibration: number;
    /** The last timed retrain's time by phase. */
    phases?: TrainPhases;
  };
  /** The default MLP's story retrain (MLP_TRAIN_OVERRIDES) against its own 30-epoch converged model. */
  mlpStory: {
    trainMs: number;
    phases?: TrainPhases;
    coldMs: number;
    testAuc: number;
    convergedAuc: number;
    convergedEpochs: number;
    convergedMs: number;
  };
  /** What the worker holds in the story's default state (steps 1–4: the 1M-row log, its features, the step-4 model, the test stream). */
  memory: MemoryReport;
  /** Each tfjs row's examples/s over the plain-TypeScript baseline's of the same model and batch size (mean over the timed run on both sides). */
  ratios: { backend: string; model: string; batchSize: number; ratio: number }[];
  generation: { rows: number; millis: number; rowsPerSec: number };
  longTasks: LongTask[];
  /** Backends that could not be forced (name → reason). */
  skipped: Record<string, string>;
  userAgent: string;
}
