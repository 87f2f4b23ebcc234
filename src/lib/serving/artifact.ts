// Model artifacts as they travel from the lab to the serving worker: the layers' weights packed
// into one ArrayBuffer (transferable, no copy) plus the small JSON-like rest.
import type { ExportedModel } from '../lab/types.ts';
import { flattenLayers, type ModelData as ServedModel } from './model-files.ts';

/** A served model with its weights in one transferable buffer. */
export interface ModelArtifact {
  version: string;
  kind: ServedModel['kind'];
  /** Shapes of the layers, in order. */
  shapes: { inDim: number; outDim: number }[];
  /** W then b of every layer, float32. */
  weights: ArrayBuffer;
  features: ServedModel['features'];
  world: ServedModel['world'];
  days: [number, number];
}

/** Packs a model (a lab export or a served model) into an artifact. */
export function packArtifact(m: Pick<ExportedModel, 'version' | 'layers' | 'features' | 'world' | 'days'>, kind: ServedModel['kind'] = 'relevance'): ModelArtifact {
  const flat = flattenLayers(m.layers);
  return {
    version: m.version,
    kind,
    shapes: m.layers.map((l) => ({ inDim: l.inDim, outDim: l.outDim })),
    weights: flat.buffer,
    features: m.features,
    world: m.world,
    days: m.days,
  };
}

/** Unpacks an artifact, checking that the shapes chain from the features to one output. */
export function unpackArtifact(a: ModelArtifact): ServedModel {
  const flat = new Float32Array(a.weights);
  let o = 0;
  let width = a.features.d;
  const layers = a.shapes.map(({ inDim, outDim }) => {
    if (inDim !== width) throw new Error(`model ${a.version}: layer shapes do not fit`);
    width = outDim;
    const W = flat.slice(o, o + inDim * outDim);
    o += inDim * outDim;
    const b = flat.slice(o, o + outDim);
    o += outDim;
    return { inDim, outDim, W, b };
  });
  if (width !== 1 || o !== flat.length) throw new Error(`model ${a.version}: weights do not match the layer shapes`);
  return { version: a.version, kind: a.kind, layers, features: a.features, world: a.world, days: a.days };
}
