// Model files round-trip; a corrupted, truncated or foreign file is rejected with a message.
import { describe, expect, it } from 'vitest';
import { fitFeatures } from '../features/index.ts';
import { MODEL_FEATURES } from '../market/index.ts';
import { allocColumns } from '../sim/columns.ts';
import { DEFAULT_PARAMS } from '../sim/world.ts';
import { fromModelFiles, toModelFiles, worldMismatch, type ModelData } from './model-files.ts';

function model(): ModelData {
  const cols = allocColumns(64);
  for (let i = 0; i < 64; i++) {
    cols.queryCat[i] = i % 8;
    cols.adCat[i] = (i * 3) % 8;
    cols.intent[i] = (i % 10) / 10;
    cols.quality[i] = 0.5;
    cols.bid[i] = 1 + (i % 5);
  }
  const features = fitFeatures(MODEL_FEATURES, cols, { queryTexts: [], adHeadlines: [] });
  const d = features.d;
  const W1 = Float32Array.from({ length: d * 4 }, (_, i) => Math.sin(i));
  return {
    version: 'v7',
    kind: 'relevance',
    layers: [
      { inDim: d, outDim: 4, W: W1, b: new Float32Array([0.1, -0.2, 0.3, 0]) },
      { inDim: 4, outDim: 1, W: new Float32Array([1, -1, 0.5, 2]), b: new Float32Array([-3]) },
    ],
    features,
    world: { ...DEFAULT_PARAMS, seed: 'files' },
    days: [60, 89],
  };
}

describe('model files', () => {
  it('round-trip: model.json + weights.bin + metadata.json give the same model', () => {
    const m = model();
    const back = fromModelFiles(toModelFiles(m));
    if (!back.ok) throw new Error(back.error);
    expect(back.model.layers).toEqual(m.layers);
    expect(back.model.version).toBe('v7');
    expect(back.model.features.d).toBe(m.features.d);
    expect(JSON.parse(toModelFiles(m).modelJson).format).toBe('layers-model');
  });

  it('rejects foreign, corrupted and truncated files with a message', () => {
    const f = toModelFiles(model());
    const cases: [string, Parameters<typeof fromModelFiles>[0], RegExp][] = [
      ['foreign metadata', { ...f, metadata: JSON.stringify({ format: 'something-else' }) }, /not a ClickCycle/],
      ['not JSON', { ...f, modelJson: '{oops' }, /not JSON/],
      ['truncated weights', { ...f, weights: f.weights.slice(0, 40) }, /shorter/],
      ['extra weights', { ...f, weights: new Float32Array(new Float32Array(f.weights).length + 3).buffer }, /holds/],
      ['non-finite weight', { ...f, weights: (() => { const w = new Float32Array(f.weights.slice(0)); w[2] = Number.NaN; return w.buffer; })() }, /non-finite/],
      ['future format', { ...f, metadata: f.metadata.replace('"formatVersion":1', '"formatVersion":9') }, /format version 9/],
      ['wrong input width', { ...f, metadata: f.metadata.replace(/"d":\d+/, '"d":3') }, /feature spec|expects/],
    ];
    for (const [name, files, msg] of cases) {
      const r = fromModelFiles(files);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatch(msg);
    }
  });

  it('rejects a feature spec the model cannot be fed by, naming what is off', () => {
    const m = model();
    const withSpec = (spec: object, extra: object = {}) => {
      const meta = JSON.parse(toModelFiles(m).metadata) as { features: Record<string, unknown> };
      meta.features = { ...meta.features, spec, ...extra };
      return fromModelFiles({ ...toModelFiles(m), metadata: JSON.stringify(meta) });
    };
    const cases: [string, ReturnType<typeof fromModelFiles>, RegExp][] = [
      ['unknown numeric column', withSpec({ ...m.features.spec, numeric: ['intent', 'height'] }), /unknown numeric column "height"/],
      ['a cross the weights do not hold', withSpec({ ...m.features.spec, cross: !m.features.spec.cross }), /builds \d+ columns, the features say \d+/],
      ['missing numeric statistics', withSpec(m.features.spec, { numeric: [] }), /numeric columns but statistics for 0/],
      ['malformed spec', withSpec({ oneHot: 'queryCat' }), /feature spec is malformed/],
    ];
    for (const [name, r, msg] of cases) {
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatch(msg);
    }
  });

  it('serves only in the world it was trained in, naming every knob that differs', () => {
    const m = model();
    expect(worldMismatch(m, m.world)).toBe('');
    expect(worldMismatch(m, { ...m.world, seed: 'other' })).toBe('the model belongs to world “files”, not this one');
    const r = worldMismatch(m, { ...m.world, noise: m.world.noise + 0.1, drift: m.world.drift + 1 });
    expect(r).toMatch(/^the model was trained with noise .* \(this world: .*\), drift .* \(this world: .*\)$/);
    expect(r).not.toMatch(/skew/);
  });
});
