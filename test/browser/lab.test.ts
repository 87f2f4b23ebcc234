// The real lab worker through comlink in Chromium: the backend chooser's rule (whatever adapters
// this machine has), training on all four backends (they agree), forced and failing backends,
// cancel, and leaks. The test browser offers WebGL and WebGPU (as software without a GPU): a missing
// one fails unless CLICKCYCLE_NO_GPU_BACKENDS declares it missing (test/support/gpu-backends.ts).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { proxy } from '../support/lab-client.ts';
import { createLab } from '../support/lab.ts';
import { withTestHooks } from '../../src/state/lab-test-hooks.ts';
import { rankBySpeed } from '../../workers/lab/choose.ts';
import { DEFAULT_TRAIN_CONFIG, type BackendName, type TrainConfig, type TrainProgress, type TrainResult } from '../../src/lib/lab/types.ts';
import { NO_GPU_BACKENDS_VAR, parseNoGpuBackends } from '../support/gpu-backends.ts';

const { lab, terminate } = createLab();
/** GPU backends this browser is declared to lack; every other backend must start here. */
const DECLARED_MISSING = parseNoGpuBackends(inject('noGpuBackends'));
/** Why a backend that is missing is allowed to be (or the failure message when it is not). */
const missingNote = (b: BackendName) =>
  DECLARED_MISSING.has(b)
    ? `${b} is not offered by this browser, as ${NO_GPU_BACKENDS_VAR} declares`
    : `${b} is not offered by this browser; the test browser offers WebGL and WebGPU (software without a GPU). ` +
      `If this browser really lacks it (a GPU server whose headless Chromium starts no GPU process), set ${NO_GPU_BACKENDS_VAR}=webgl,webgpu`;
/** A world with 1% positives, so a 100k-row log gives a stable validation AUC quickly. */
const PARAMS = { seed: 'browser-test', skew: 0.01, noise: 0.1, drift: 0.5 };
let base: TrainConfig;
/** A small run every backend finishes in seconds, even the software WebGPU (~30 k examples/s). */
let small: TrainConfig;

beforeAll(async () => {
  await lab.init('cpu');
  const ds = await lab.generate({ params: PARAMS, rows: 100_000 });
  base = { ...DEFAULT_TRAIN_CONFIG, datasetId: ds.id, epochs: 2, batchSize: 4096, learningRate: 0.05, seed: 'b1' };
  const tiny = await lab.generate({ params: PARAMS, rows: 30_000, stream: 'small' });
  small = { ...base, datasetId: tiny.id };
});
afterAll(() => terminate());

describe('backend choice', () => {
  test('auto follows the rule: never a software adapter while a real backend starts; says why; self-checks', async () => {
    const r = await lab.init('auto');
    const chosen = r.probes.find((p) => p.name === r.backend)!;
    expect(chosen.available).toBe(true);
    // WASM and CPU are real (not emulated) backends everywhere, so a software adapter never wins.
    const real = r.probes.filter((p) => p.available && !p.software);
    expect(real.map((p) => p.name)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
    expect(chosen.software).toBe(false);
    // A software adapter that was passed over is named in the reason.
    const soft = r.probes.filter((p) => p.available && p.software);
    if (soft.length > 0) expect(r.reason).toMatch(/software emulation/);
    // The winner is the chooser's ranking of the real candidates it measured (the earliest in
    // webgpu, webgl, wasm, cpu unless another measured 1.5× faster).
    const measured = real.filter((p) => p.examplesPerSec);
    const speed = (n: BackendName) => measured.find((p) => p.name === n)?.examplesPerSec ?? 0;
    expect(rankBySpeed(measured.map((p) => p.name), speed)[0]).toBe(r.backend);
    expect(r.selfCheckError).toBeLessThan(2e-3);
  });

  test('a forced backend that cannot start falls back and says so', async () => {
    await withTestHooks(lab).injectFault({ failStartOf: 'webgl' });
    const r = await lab.init('webgl');
    expect(r.backend).not.toBe('webgl');
    expect(r.fallbackFrom).toBe('webgl');
    expect(r.reason).toMatch(/WebGL was asked for but could not start/);
    const t = await lab.train(small);
    expect(t.backend).toBe(r.backend);
    expect(t.backendFallback).toBeUndefined();
  });
});

describe.each(['cpu', 'wasm', 'webgl', 'webgpu'] as const)('the %s backend, forced', (backend: BackendName) => {
  const results: Partial<Record<'logreg' | 'mlp', TrainResult>> = {};

  /** Whether this browser offers the backend at all (set by the first test). */
  let offered: boolean | undefined;

  test('starts when forced (even as software); if declared missing, falls back and says so', async (ctx) => {
    const r = await lab.init(backend);
    offered = r.probes.find((p) => p.name === backend)!.available;
    if (offered) {
      expect(r.backend, r.reason).toBe(backend);
      expect(r.reason).toContain(`?backend=${backend}`);
      return;
    }
    expect(DECLARED_MISSING.has(backend), missingNote(backend)).toBe(true);
    expect(r.fallbackFrom).toBe(backend);
    expect(r.reason).toMatch(/was asked for but could not start/);
    const note = `${missingNote(backend)}: checked its fallback only`;
    console.info(note);
    await ctx.annotate(note);
  });

  test('logistic regression and the MLP train: loss falls, AUC well above chance, no leak', async (ctx) => {
    expect(offered, 'the first test of this backend ran').toBeDefined();
    if (!offered) {
      expect(DECLARED_MISSING.has(backend), missingNote(backend)).toBe(true);
      console.info(`${missingNote(backend)}: not trained`);
      ctx.skip(`${missingNote(backend)}: not trained`);
    }
    const before = await lab.memory();
    for (const model of ['logreg', 'mlp'] as const) {
      const cfg = model === 'mlp' ? { ...small, model, hidden: [8], learningRate: 0.05 } : small;
      const r = await lab.train(cfg);
      expect(r.backend).toBe(backend);
      expect(r.history[1]!.valLoss).toBeLessThan(r.history[0]!.valLoss);
      expect(r.validation.auc.value).toBeGreaterThan(0.75);
      results[model] = r;
      await lab.disposeModel(r.modelId);
    }
    const after = await lab.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    agreement[backend] = results;
  });
});

/** Results per backend, compared with cpu's after all four ran. */
const agreement: Partial<Record<BackendName, Partial<Record<'logreg' | 'mlp', TrainResult>>>> = {};

test('every backend ran (or is declared missing) and agrees with CPU within a tolerance', () => {
  const ref = agreement.cpu;
  expect(ref, 'cpu trained').toBeDefined();
  expect(agreement.wasm, 'wasm trained').toBeDefined();
  const compared: BackendName[] = [];
  for (const b of ['wasm', 'webgl', 'webgpu'] as const) {
    const got = agreement[b];
    if (!got) {
      expect(DECLARED_MISSING.has(b), `${b} did not train: ${missingNote(b)}`).toBe(true);
      continue;
    }
    for (const model of ['logreg', 'mlp'] as const) {
      const r = got[model]!;
      const c = ref![model]!;
      expect(Math.abs(r.validation.auc.value - c.validation.auc.value), `${b} ${model} AUC`).toBeLessThan(0.01);
      expect(Math.abs(r.history[1]!.valLoss - c.history[1]!.valLoss) / c.history[1]!.valLoss, `${b} ${model} loss`).toBeLessThan(0.02);
    }
    compared.push(b);
  }
  console.info(`backends compared with cpu: ${compared.join(', ')}${DECLARED_MISSING.size ? `; declared missing: ${[...DECLARED_MISSING].join(', ')}` : ''}`);
});

describe('on the automatically chosen backend', () => {
  beforeAll(async () => {
    await lab.init('auto');
  });

  test('a backend failure during training falls back, finishes and reports it', async () => {
    const chosen = (await lab.init('auto')).backend;
    await withTestHooks(lab).injectFault({ trainAtBatch: 5 });
    const r = await lab.train(base);
    expect(r.backend).not.toBe(chosen);
    expect(r.backendFallback).toMatch(new RegExp(`${chosen} failed .* finished on ${r.backend}`));
    expect(r.history).toHaveLength(base.epochs);
    expect(r.validation.auc.value).toBeGreaterThan(0.8);
    await lab.init('auto');
  });

  test('the same seed on the same backend gives the same run; another seed another', async () => {
    const cfg = { ...small, model: 'mlp' as const, hidden: [8], learningRate: 0.05 };
    const a = await lab.train(cfg);
    const b = await lab.train(cfg);
    const c = await lab.train({ ...cfg, seed: 'other' });
    expect(b.history).toEqual(a.history);
    expect(b.validation.auc.value).toBe(a.validation.auc.value);
    expect(c.history).not.toEqual(a.history);
    for (const r of [a, b, c]) await lab.disposeModel(r.modelId);
  });

  test('progress streams through a proxy at most ~10 times a second', async () => {
    const seen: TrainProgress[] = [];
    const stamps: number[] = [];
    await lab.train({ ...base, model: 'mlp', hidden: [16], epochs: 3, batchSize: 1024, learningRate: 0.01 }, proxy((p: TrainProgress) => (seen.push(p), stamps.push(performance.now()))));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]!.fraction).toBe(1);
    // Every gap but the last (the final "done" message always goes) is at least ~100 ms.
    for (let i = 1; i < stamps.length - 1; i++) expect(stamps[i]! - stamps[i - 1]!).toBeGreaterThan(50);
  });

  test('cancel stops training within a fraction of a second and leaves no tensors', async () => {
    const before = await lab.memory();
    const run = lab.train({ ...base, model: 'mlp', epochs: 500, batchSize: 1024 });
    await new Promise((r) => setTimeout(r, 400));
    const t0 = performance.now();
    await lab.cancel();
    await expect(run).rejects.toThrow(/cancelled/);
    expect(performance.now() - t0).toBeLessThan(500);
    const after = await lab.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  test('cancel stops a large generation within a fraction of a second', async () => {
    const before = (await lab.ping()).polls;
    const run = lab.generate({ params: PARAMS, rows: 2_000_000, stream: 'cancelled' });
    // Cancel once the first chunks are generated.
    for (let i = 0; i < 500 && (await lab.ping()).polls < before + 2; i++) await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    await lab.cancel();
    await expect(run).rejects.toThrow(/cancelled/);
    // One chunk of 262,144 candidate rows finishes first (~50 ms here, more on a loaded machine).
    expect(performance.now() - t0).toBeLessThan(750);
  });

  test('20 train/dispose cycles leave tfjs memory unchanged', async () => {
    const before = await lab.memory();
    const models = (await lab.listModels()).length;
    for (let i = 0; i < 20; i++) {
      const r = await lab.train({ ...small, model: i % 2 ? 'logreg' : 'mlp', hidden: [8], epochs: 1, seed: `c${i}` });
      await lab.disposeModel(r.modelId);
    }
    const after = await lab.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(await lab.listModels()).toHaveLength(models);
  });

  test('evaluates on the weighted test and gold streams, a day range and a slice; export/import round-trips', async () => {
    const r = await lab.train(base);
    const test = await lab.evaluate(r.modelId, 'test');
    expect(test.positives).toBeGreaterThan(1000);
    expect(test.auc.value).toBeGreaterThan(0.8);
    const gold = await lab.evaluate(r.modelId, 'gold');
    expect(gold.split).toBe('gold');
    const late = await lab.evaluate(r.modelId, { days: [80, 89] });
    expect(late.rows).toBeGreaterThan(1000);
    const slice = await lab.evaluate(r.modelId, { slice: { device: 0 }, of: 'validation' });
    expect(slice.rows).toBeLessThan(r.validation.rows);
    const p = await lab.predict(r.modelId, base.datasetId, Uint32Array.of(0, 1, 2));
    expect(p).toHaveLength(3);
    const exported = await lab.exportModel(r.modelId);
    await lab.disposeModel(r.modelId);
    const back = await lab.importModel(exported);
    expect(Array.from(await lab.predict(back.modelId, base.datasetId, Uint32Array.of(0, 1, 2)))).toEqual(Array.from(p));
    expect((await lab.evaluate(back.modelId, 'test')).auc.value).toBe(test.auc.value);
    await lab.disposeModel(back.modelId);
  });
});
