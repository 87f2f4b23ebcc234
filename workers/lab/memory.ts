// What the lab worker holds: tfjs tensors plus the bytes of each byte-budgeted cache.
import { tf } from './tf.ts';
import type { MemoryReport } from '../lab-types.ts';
import { datasetStats } from './datasets.ts';
import { preparedStats } from './prepared.ts';
import { evalSetStats } from './evalsets.ts';
import { modelStats } from './models.ts';

/** Tensors and caches now. */
export function memoryReport(): MemoryReport {
  const m = tf.memory();
  const caches = [datasetStats(), preparedStats(), evalSetStats(), modelStats()];
  return { numTensors: m.numTensors, numBytes: m.numBytes, caches, heldBytes: m.numBytes + caches.reduce((s, c) => s + c.bytes, 0) };
}
