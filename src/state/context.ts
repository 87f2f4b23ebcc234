// The app's shared state, handed down through one typed context (no global stores).
import { createContext } from 'svelte';
import type { UrlStore } from './url.svelte.ts';
import type { LabState } from './lab.svelte.ts';
import type { RunHistory } from './runs.svelte.ts';
import type { LabelsState } from './labels.svelte.ts';
import type { DriftState } from './drift.svelte.ts';
import type { ServingState } from './serving.svelte.ts';
import type { DataExport } from './data-export.svelte.ts';
import type { PrepareState } from './prepare.svelte.ts';
import type { PredictionState } from './predictions.svelte.ts';

/** Everything a component may read or change. */
export interface AppState {
  url: UrlStore;
  lab: LabState;
  runs: RunHistory;
  labels: LabelsState;
  drift: DriftState;
  serving: ServingState;
  dataExport: DataExport;
  /** What a step opened by a link builds on arrival (the models of earlier steps). */
  prepare: PrepareState;
  /** The learner's guesses before each reveal. */
  predictions: PredictionState;
}

/** getApp() in any component below App; setApp() once in App. */
export const [getApp, setApp] = createContext<AppState>();
