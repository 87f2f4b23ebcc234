// A served model as files other tools read: a tfjs-style `model.json` (a Sequential of Dense
// layers and its weights manifest), `weights.bin` (float32, little-endian) and `metadata.json`
// (the fitted feature spec, seed, version, world and training days). Import validates all three
// and says what is wrong; it never returns a partly valid model.
import type { DenseLayerData } from '../lab/types.ts';
import type { FittedFeatures } from '../features/index.ts';
import type { WorldParams } from '../sim/types.ts';
import { layout, validateSpec, type FeatureSpec } from '../features/spec.ts';

/** Tag of the metadata file, so a foreign file is recognised. */
export const METADATA_FORMAT = 'clickcycle-model';
export const METADATA_VERSION = 1;

/** A model as plain data (the serving worker's shape). */
export interface ModelData {
  version: string;
  kind: 'relevance' | 'click';
  layers: DenseLayerData[];
  features: FittedFeatures;
  world: WorldParams;
  days: [number, number];
}

/** The three files. */
export interface ModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
  metadata: string;
}

/** How another tool builds the model's input row from a candidate (written into metadata.json). */
export function inputRule(f: FittedFeatures): { width: number; names: string[]; rule: string } {
  return {
    width: f.d,
    names: f.names,
    rule:
      'A float32 row of `width` columns, in the order of `names`. One-hot columns ("<feature>=<value>", "cross:<query>×<ad>") are 1 ' +
      'for the candidate\'s value and 0 otherwise; hashed token columns ("qtok#k", "adtok#k", "qtok×adCat#k") count the tokens that ' +
      'hash into bucket k (FNV-1a, features.spec); numeric columns ("… (std)") hold (x − mean) / std with features.numeric, ' +
      'where x is the natural log of the bid for the bid column. The output is the probability: relevance ("should show") or a click at the top slot.',
  };
}

/** Every layer's kernel then bias, in layer order, as one float32 array (the layout of weights.bin and of an artifact). */
export function flattenLayers(layers: readonly DenseLayerData[]): Float32Array<ArrayBuffer> {
  const flat = new Float32Array(layers.reduce((s, l) => s + l.W.length + l.b.length, 0));
  let o = 0;
  for (const l of layers) {
    flat.set(l.W, o);
    o += l.W.length;
    flat.set(l.b, o);
    o += l.b.length;
  }
  return flat;
}

/** Writes the three files of a model. */
export function toModelFiles(m: ModelData): ModelFiles {
  const specs = m.layers.flatMap((l, i) => [
    { name: `dense_${i}/kernel`, shape: [l.inDim, l.outDim], dtype: 'float32' },
    { name: `dense_${i}/bias`, shape: [l.outDim], dtype: 'float32' },
  ]);
  const flat = flattenLayers(m.layers);
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'ClickCycle',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: m.version,
        layers: m.layers.map((l, i) => ({
          class_name: 'Dense',
          config: { name: `dense_${i}`, units: l.outDim, activation: i + 1 < m.layers.length ? 'relu' : 'sigmoid', use_bias: true, ...(i === 0 ? { batch_input_shape: [null, l.inDim] } : {}) },
        })),
      },
    },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  const metadata = { format: METADATA_FORMAT, formatVersion: METADATA_VERSION, version: m.version, kind: m.kind, seed: m.world.seed, world: m.world, days: m.days, input: inputRule(m.features), features: m.features };
  return { modelJson: JSON.stringify(modelJson), weights: flat.buffer, metadata: JSON.stringify(metadata) };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** Reads the three files back: the model, or what is wrong with them. */
export function fromModelFiles(f: ModelFiles): { ok: true; model: ModelData } | { ok: false; error: string } {
  let mj: unknown;
  let meta: unknown;
  try {
    mj = JSON.parse(f.modelJson);
  } catch {
    return { ok: false, error: 'model.json is not JSON' };
  }
  try {
    meta = JSON.parse(f.metadata);
  } catch {
    return { ok: false, error: 'metadata.json is not JSON' };
  }
  if (!isObj(meta) || meta.format !== METADATA_FORMAT) return { ok: false, error: 'metadata.json is not a ClickCycle model’s metadata' };
  if (meta.formatVersion !== METADATA_VERSION) return { ok: false, error: `metadata.json has format version ${String(meta.formatVersion)}; this app reads ${METADATA_VERSION}` };
  if (typeof meta.version !== 'string' || !/^[\w.-]{1,40}$/.test(meta.version)) return { ok: false, error: 'metadata.json: bad version name' };
  if (meta.kind !== 'relevance' && meta.kind !== 'click') return { ok: false, error: 'metadata.json: unknown model kind' };
  const feats = meta.features;
  if (!isObj(feats) || !isInt(feats.d) || !Array.isArray(feats.names) || feats.names.length !== feats.d || !isObj(feats.spec) || !Array.isArray(feats.numeric)) return { ok: false, error: 'metadata.json: the feature spec is malformed' };
  const featureError = featureSpecError(feats);
  if (featureError) return { ok: false, error: `metadata.json: ${featureError}` };
  const world = meta.world;
  if (!isObj(world) || typeof world.seed !== 'string' || ![world.skew, world.noise, world.drift].every((x) => typeof x === 'number')) return { ok: false, error: 'metadata.json: the world is malformed' };
  const days = meta.days;
  if (!Array.isArray(days) || days.length !== 2 || !days.every((d) => Number.isInteger(d) && d >= 0 && d <= 89)) return { ok: false, error: 'metadata.json: bad training days' };
  if (!isObj(mj) || !isObj(mj.modelTopology) || !Array.isArray(mj.weightsManifest)) return { ok: false, error: 'model.json is not a tfjs layers model' };
  const group = mj.weightsManifest[0];
  if (mj.weightsManifest.length !== 1 || !isObj(group) || !Array.isArray(group.weights)) return { ok: false, error: 'model.json: the weights manifest is malformed' };
  const specs = group.weights as unknown[];
  if (specs.length === 0 || specs.length % 2 !== 0) return { ok: false, error: 'model.json: expected kernel and bias pairs' };
  const floats = new Float32Array(f.weights.byteLength % 4 === 0 ? f.weights : new ArrayBuffer(0));
  const layers: DenseLayerData[] = [];
  let o = 0;
  let width = feats.d;
  for (let i = 0; i < specs.length; i += 2) {
    const k = specs[i];
    const b = specs[i + 1];
    if (!isObj(k) || !isObj(b) || k.dtype !== 'float32' || b.dtype !== 'float32' || !Array.isArray(k.shape) || !Array.isArray(b.shape)) return { ok: false, error: `model.json: layer ${i / 2} is malformed` };
    const [inDim, outDim] = k.shape as unknown[];
    if (!isInt(inDim) || !isInt(outDim) || k.shape.length !== 2 || b.shape.length !== 1 || b.shape[0] !== outDim) return { ok: false, error: `model.json: layer ${i / 2} has bad shapes` };
    if (inDim !== width) return { ok: false, error: `layer ${i / 2} expects ${inDim} inputs, the features give ${width}` };
    const need = inDim * outDim + outDim;
    if (o + need > floats.length) return { ok: false, error: 'weights.bin is shorter than model.json says' };
    const W = floats.slice(o, o + inDim * outDim);
    const bias = floats.slice(o + inDim * outDim, o + need);
    o += need;
    if (!W.every(Number.isFinite) || !bias.every(Number.isFinite)) return { ok: false, error: `weights.bin: layer ${i / 2} holds a non-finite weight` };
    layers.push({ inDim, outDim, W, b: bias });
    width = outDim;
  }
  if (width !== 1) return { ok: false, error: 'the last layer must have one output' };
  if (o !== floats.length) return { ok: false, error: `weights.bin holds ${floats.length} floats; model.json describes ${o}` };
  return { ok: true, model: { version: meta.version, kind: meta.kind, layers, features: feats as unknown as FittedFeatures, world: world as unknown as WorldParams, days: days as [number, number] } };
}

/** What is wrong with a fitted feature spec (unknown columns, a width other than its layout's), or ''. */
function featureSpecError(feats: Obj): string {
  const spec = feats.spec as unknown as FeatureSpec;
  if (!Array.isArray(spec.oneHot) || !Array.isArray(spec.numeric) || typeof spec.cross !== 'boolean' || (spec.hashed !== null && !isObj(spec.hashed))) return 'the feature spec is malformed';
  try {
    validateSpec(spec);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const width = layout(spec).reduce((n, b) => n + b.size, 0);
  if (width !== feats.d) return `the feature spec builds ${width} columns, the features say ${String(feats.d)}`;
  if ((feats.numeric as unknown[]).length !== spec.numeric.length) return `the feature spec has ${spec.numeric.length} numeric columns but statistics for ${(feats.numeric as unknown[]).length}`;
  return '';
}

/** The world knobs a model was trained in; it serves only in the same world. */
const WORLD_KNOBS = ['seed', 'skew', 'noise', 'drift'] as const;

/** Why a model cannot serve in `world` (the knobs that differ, named), or '' when it can. */
export function worldMismatch(model: Pick<ModelData, 'world'>, world: WorldParams): string {
  if (model.world.seed !== world.seed) return `the model belongs to world “${model.world.seed}”, not this one`;
  const off = WORLD_KNOBS.filter((k) => model.world[k] !== world[k]).map((k) => `${k} ${String(model.world[k])} (this world: ${String(world[k])})`);
  return off.length ? `the model was trained with ${off.join(', ')}` : '';
}
