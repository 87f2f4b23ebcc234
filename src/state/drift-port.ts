// Connects the drift state (steps 9–10) to the shared lab worker through the one lab client.
import type { DriftPort } from './drift.svelte.ts';
import { labClient, proxy } from './lab-client.ts';

/** The shared lab worker behind the DriftPort interface (null where there are no workers). */
export function createDriftPort(): DriftPort | null {
  if (typeof Worker === 'undefined') return null;
  const lab = labClient();
  return {
    trainWindow: (params, days, version, onProgress) => lab.trainWindow(params, days, version, proxy(onProgress)),
    modelDays: (modelId) => lab.modelDays(modelId),
    staleEval: (modelId, withOldTest) => lab.staleEval(modelId, withOldTest),
    aucPerDay: (modelId) => lab.aucPerDay(modelId),
    driftReport: (modelId) => lab.driftReport(modelId),
    freshness: (params, onProgress) => lab.freshness(params, proxy(onProgress)),
  };
}
