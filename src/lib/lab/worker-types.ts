// The lab worker's own reports: which backend runs and why, a job's progress, what its caches hold,
// and the benchmark's rows (plain data, no tfjs types).
import type { ModelKind } from './model-types.ts';

/** The four tfjs backends, fastest-first on a real GPU. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What the chooser found out about one candidate backend. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** True for a software adapter (WebGPU fallback adapter, SwiftShader / llvmpipe WebGL). */
  software: boolean;
  /** Adapter or renderer description, e.g. "SwiftShader (fallback adapter)". */
  adapter?: string;
  /** Measured by the micro-benchmark, if it ran. */
  examplesPerSec?: number;
  /** Why it is unavailable or was not chosen. */
  note?: string;
}

/** Which backend trains, and why, in words a student understands. */
export interface BackendReport {
  backend: BackendName;
  /** E.g. "WebGPU is a software emulation on this machine, so WASM trains 20× faster." */
  reason: string;
  probes: BackendProbe[];
  /** Set when a forced or preferred backend could not start and another was used. */
  fallbackFrom?: BackendName;
  /** Set when the numeric self-check ran (max abs error against the plain-TypeScript result). */
  selfCheckError?: number;
}

/** Progress of a long job, sent at most ~10 times a second. */
export interface JobProgress {
  /** 0…1. */
  fraction: number;
  /** Human-readable stage, e.g. "generating day 42". */
  stage: string;
}

export interface MemoryReport {
  numTensors: number;
  numBytes: number;
  /** Bytes each of the lab worker's caches holds (datasets, features, evaluation streams, models). */
  caches?: CacheReport[];
  /** Sum of the caches' bytes plus the tensors' bytes: what the worker holds. */
  heldBytes?: number;
}

/** One throughput measurement of the training benchmark: one model at one batch size on one backend. */
export interface BenchRow {
  /** The tfjs backend, or 'plain-ts' for the plain-TypeScript baseline of the same model (src/lib/learn, no tfjs). */
  backend: string;
  model: ModelKind;
  batchSize: number;
  /** Mean over the timed run: examples timed ÷ the run's wall time (after an untimed warm-up). */
  examplesPerSec: number;
  /** Median of the timed run's rates over consecutive windows of ≥ 150 ms (less sensitive to other processes). */
  windowMedianExamplesPerSec: number;
  /** Windows behind the median. */
  windows: number;
  /** Batches between two computations of the training loss (1: every batch). */
  lossEvery: number;
  /** Examples timed. */
  examples: number;
  millis: number;
}

/** What one of the lab worker's byte-budgeted caches holds. */
export interface CacheReport {
  name: string;
  entries: number;
  bytes: number;
  /** Bytes it may hold before its least recently used entries go. */
  budget: number;
}
