// Connects the lab state to the worker through the one lab client (comlink). Progress callbacks
// cross the boundary as comlink proxies.
import type { LabPort } from './lab.svelte.ts';
import { labClient, proxy } from './lab-client.ts';

/** The shared lab worker behind the LabPort interface. */
export function createLabPort(): LabPort | null {
  if (typeof Worker === 'undefined') return null;
  const lab = labClient();
  return {
    init: (backend) => lab.init(backend),
    generate: (world, onProgress) => {
      const { rows, ...params } = world;
      return lab.generate({ params, rows }, proxy(onProgress));
    },
    train: (config, onProgress) => lab.train(config, proxy(onProgress)),
    baseline: (params) => lab.baselinePolicy(params),
    evaluate: (modelId, target) => lab.evaluate(modelId, target),
    cancel: async () => {
      await lab.cancel();
    },
  };
}
