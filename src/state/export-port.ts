// Connects the dataset export (step 2's downloads) to the shared lab worker through the one lab client.
import type { ExportPort } from './data-export.svelte.ts';
import { labClient, proxy } from './lab-client.ts';

/** The shared lab worker behind the ExportPort interface (null where there are no workers). */
export function createExportPort(): ExportPort | null {
  if (typeof Worker === 'undefined') return null;
  const lab = labClient();
  return {
    exportDataset: (datasetId, format, onProgress) => lab.exportDataset(datasetId, format, proxy(onProgress)),
  };
}
