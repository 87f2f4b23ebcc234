// The key of the training run the current knobs describe, to tell whether a shown model is stale.
import type { UrlState } from '../lib/url/params.ts';
import { trainConfigOf, trainKey } from '../lib/url/lab-config.ts';
import type { LabState } from './lab.svelte.ts';

/** Same key as TrainPanel computes for a run started now (the version label is not part of it). */
export function currentTrainKey(state: UrlState, lab: LabState): string {
  const datasetId = lab.dataset.status === 'done' ? (lab.dataset.result?.id ?? '') : '';
  return trainKey(trainConfigOf(state, datasetId, ''), lab.backend?.backend ?? 'unknown');
}
