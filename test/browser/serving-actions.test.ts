// Every serving action either completes or shows its error, and changes nothing when it fails:
// an import whose ship fails says so (nothing stored, the snapshot unchanged), an import from a
// world with other knobs is rejected naming them, and deploy-and-serve stops at the first failed step.
import { afterEach, describe, expect, test } from 'vitest';
import type { Remote } from 'comlink';
import { ServingState, type ServingPorts } from '../../src/state/serving.svelte.ts';
import type { ServingApi } from '../../workers/serving.worker.ts';
import { closeAppDb, DB_NAME, openAppDb } from '../../src/state/db.ts';
import { worldKey } from '../../src/state/serving-store.ts';
import { toModelFiles, type ModelData } from '../../src/lib/serving/model-files.ts';
import type { GateData, ServingSnapshot } from '../../src/lib/serving/types.ts';
import { fitFeatures } from '../../src/lib/features/index.ts';
import { MODEL_FEATURES } from '../../src/lib/market/index.ts';
import { allocColumns } from '../../src/lib/sim/columns.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';

afterEach(async () => {
  await closeAppDb();
  await new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = r.onerror = () => resolve();
  });
});

/** A small trained-looking model of `world`. */
function model(world: WorldParams): ModelData {
  const cols = allocColumns(64);
  for (let i = 0; i < 64; i++) {
    cols.queryCat[i] = i % 8;
    cols.adCat[i] = (i * 3) % 8;
    cols.intent[i] = (i % 10) / 10;
    cols.quality[i] = 0.5;
    cols.bid[i] = 1 + (i % 5);
  }
  const features = fitFeatures(MODEL_FEATURES, cols, { queryTexts: [], adHeadlines: [] });
  const W = Float32Array.from({ length: features.d }, (_, i) => Math.sin(i));
  return { version: 'v7', kind: 'relevance', layers: [{ inDim: features.d, outDim: 1, W, b: new Float32Array([0.1]) }], features, world, days: [60, 89] };
}

/** A snapshot of a session serving the baseline. */
function snapshot(over: Partial<ServingSnapshot> = {}): ServingSnapshot {
  return { startDay: 60, days: 14, queriesPerDay: 300, champion: { label: 'baseline', role: 'baseline' }, challenger: null, previous: [], run: 'idle', reports: [], deployments: [], gate: null, speed: 1, ...over };
}

/** A serving worker stand-in that records the calls; `fail` names the calls that reject. */
function fakeServing(fail: Partial<Record<string, string>>, gate: GateData | null = null): { ports: ServingPorts; calls: string[] } {
  const calls: string[] = [];
  let snap = snapshot();
  const op =
    (name: string, after?: () => void) =>
    async (): Promise<unknown> => {
      calls.push(name);
      if (fail[name]) throw new Error(fail[name]);
      after?.();
      return name === 'open' || name === 'snapshot' ? snap : undefined;
    };
  const api = {
    open: op('open'),
    snapshot: op('snapshot'),
    ship: op('ship', () => (snap = snapshot({ challenger: { label: 'v7', role: 'impressions_policy' } }))),
    shadow: op('shadow', () => (snap = { ...snap, gate })),
    promote: op('promote'),
    setSpeed: op('setSpeed'),
    run: op('run'),
  };
  const exported = model({ ...DEFAULT_PARAMS, seed: 'actions' });
  const ports: ServingPorts = {
    serving: { gateway: () => api as unknown as Remote<ServingApi>, watch: () => () => undefined },
    exportModel: async () => {
      calls.push('exportModel');
      if (fail.exportModel) throw new Error(fail.exportModel);
      return { ...exported, modelId: 'm1', featureCount: exported.features.d } as unknown as Awaited<ReturnType<ServingPorts['exportModel']>>;
    },
  };
  return { ports, calls };
}

/** The artifacts stored for a world. */
async function storedArtifacts(w: WorldParams): Promise<unknown[]> {
  const k = worldKey(w);
  return (await openAppDb()).getAll('artifacts', IDBKeyRange.bound(`${k}/`, `${k}/\uffff`));
}

const world: WorldParams = { ...DEFAULT_PARAMS, seed: 'actions' };

describe('serving actions', () => {
  test('an import whose ship fails says so, stores nothing and leaves the snapshot as it was', async () => {
    const { ports, calls } = fakeServing({ ship: 'the serving worker refused the model' });
    const serving = new ServingState(ports);
    await serving.ensure(world);
    const before = serving.snapshot;
    const message = await serving.importModel(toModelFiles(model(world)));
    expect(calls.filter((c) => c === 'ship')).toHaveLength(1);
    expect(message).toBe('Import failed, nothing changed: the serving worker refused the model.');
    expect(serving.deploy.status).toBe('error');
    expect(serving.snapshot).toBe(before);
    expect(await storedArtifacts(world)).toHaveLength(0);
  });

  test('an import from a world with other knobs is rejected naming them, before anything ships', async () => {
    const { ports, calls } = fakeServing({});
    const serving = new ServingState(ports);
    await serving.ensure(world);
    const message = await serving.importModel(toModelFiles(model({ ...world, noise: world.noise + 0.05 })));
    expect(message).toMatch(/^Import rejected, nothing changed: the model was trained with noise [\d.]+ \(this world: [\d.]+\)\.$/);
    expect(await serving.importModel(toModelFiles(model({ ...world, seed: 'elsewhere' })))).toBe('Import rejected, nothing changed: the model belongs to world “elsewhere”, not this one.');
    expect(calls).not.toContain('ship');
    expect(serving.deploy.status).toBe('idle');
  });

  test('an import for this world ships the model and stores it', async () => {
    const { ports, calls } = fakeServing({});
    const serving = new ServingState(ports);
    await serving.ensure(world);
    expect(await serving.importModel(toModelFiles(model(world)))).toBe('Imported v7; it is the challenger now (shadow it in step 11 or 12).');
    expect(calls.filter((c) => c === 'ship')).toHaveLength(1);
    expect(serving.snapshot?.challenger?.label).toBe('v7');
    expect(await storedArtifacts(world)).toHaveLength(1);
  });

  test('deploy and serve stops at a failed ship and shows its error', async () => {
    const { ports, calls } = fakeServing({ exportModel: 'unknown model m1' });
    const serving = new ServingState(ports);
    expect(await serving.deployAndServe('m1', 'noisy', world, 'test')).toBe(false);
    expect(calls).not.toContain('shadow');
    expect(calls).not.toContain('promote');
    expect(calls).not.toContain('run');
    expect(serving.deploy.status).toBe('error');
    expect(serving.deploy.error).toBe('unknown model m1');
  });

  test('deploy and serve stops when the gate holds the challenger back, and says so', async () => {
    const outcome = {} as GateData['champion']['outcome'];
    const gate: GateData = { objective: 'impressions', rule: 'impressions per query must not fall', metric: 'impressions_per_query', champion: { label: 'baseline', value: 2, outcome }, challenger: { label: 'v7', value: 1, outcome }, pass: false, day: 59 };
    const { ports, calls } = fakeServing({}, gate);
    const serving = new ServingState(ports);
    expect(await serving.deployAndServe('m1', 'noisy', world, 'test')).toBe(false);
    expect(calls).toContain('shadow');
    expect(calls).not.toContain('promote');
    expect(calls).not.toContain('run');
    expect(serving.deploy.status).toBe('error');
    expect(serving.deploy.error).toMatch(/the gate held v7 back \(impressions per query must not fall\)/);
  });

  test('deploy and serve goes through every step when each one completes', async () => {
    const outcome = {} as GateData['champion']['outcome'];
    const gate: GateData = { objective: 'impressions', rule: 'r', metric: 'impressions_per_query', champion: { label: 'baseline', value: 1, outcome }, challenger: { label: 'v7', value: 2, outcome }, pass: true, day: 59 };
    const { ports, calls } = fakeServing({}, gate);
    const serving = new ServingState(ports);
    expect(await serving.deployAndServe('m1', 'noisy', world, 'test')).toBe(true);
    expect(calls.filter((c) => ['exportModel', 'ship', 'shadow', 'promote', 'setSpeed', 'run'].includes(c))).toEqual(['exportModel', 'ship', 'shadow', 'promote', 'setSpeed', 'run']);
    expect(serving.live.status).toBe('done');
  });
});
