// The worker refuses requests over the memory limit before allocating, and reports what it holds.
import { beforeAll, expect, test } from 'vitest';
import { tf } from '../../workers/lab/tf.ts';
import { startBackend } from '../../workers/lab/backends.ts';
import { addDataset, createDataset, worldFor } from '../../workers/lab/datasets.ts';
import { runTraining } from '../../workers/lab/train-job.ts';
import { memoryReport } from '../../workers/lab/memory.ts';
import { allocColumns } from '../../src/lib/sim/columns.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/lib/lab/types.ts';

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

test('a generation over the limit is refused before any row is drawn', async () => {
  const before = memoryReport().heldBytes;
  await expect(createDataset({ params: DEFAULT_PARAMS, rows: 100_000_000 })).rejects.toThrow(/^Too big for the lab: rows=100,000,000 needs about [\d,]+ MB, over the 512 MB limit\.$/);
  expect(memoryReport().heldBytes).toBe(before);
});

test('the largest MLP the URL allows is refused before features or tensors are built', async () => {
  const world = worldFor(DEFAULT_PARAMS);
  const ds = addDataset({ params: world.params, world, cols: allocColumns(2_000_000), opts: { rows: 2_000_000 } });
  const before = memoryReport();
  const cfg = { ...DEFAULT_TRAIN_CONFIG, datasetId: ds.id, model: 'mlp' as const, hidden: [256, 128], batchSize: 65_536, features: { ...DEFAULT_TRAIN_CONFIG.features, hashed: true, hashBuckets: 4096 } };
  await expect(runTraining(cfg, {})).rejects.toThrow(/Too big for the lab: rows=2,000,000, .*hidden=256×128, batch=65,536 needs about .* over the 512 MB limit/);
  const after = memoryReport();
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.caches!.find((c) => c.name === 'features')!.bytes).toBe(before.caches!.find((c) => c.name === 'features')!.bytes);
  expect(tf.memory().numTensors).toBe(before.numTensors);
});

test('the memory report names every cache with its bytes and budget', () => {
  const r = memoryReport();
  expect(r.caches!.map((c) => c.name)).toEqual(['datasets', 'features', 'evalSets', 'models']);
  for (const c of r.caches!) expect(c.budget).toBeGreaterThan(0);
  expect(r.heldBytes).toBeGreaterThanOrEqual(r.caches!.reduce((s, c) => s + c.bytes, 0));
});
