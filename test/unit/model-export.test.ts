// The exported model.json + weights.bin are a real tfjs layers model: tfjs-layers' own
// loadLayersModel reads them, and on the same rows it predicts what the serving worker's
// plain-TypeScript scorer predicts (1e-5), with the input row built as metadata.json says.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { fitFeatures, transformSparse, denseRow } from '../../src/lib/features/index.ts';
import { MODEL_FEATURES } from '../../src/lib/market/index.ts';
import { createWorld, DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { generate } from '../../src/lib/sim/generate.ts';
import { createRng } from '../../src/lib/rng.ts';
import { toModelFiles, type ModelData } from '../../src/lib/serving/model-files.ts';
import { scoreRows } from '../../workers/serving/scorer.ts';
import type { DenseLayerData } from '../../src/lib/lab/types.ts';

/** A seeded random layer of in × out weights, scaled so scores spread over (0, 1). */
function layer(rand: () => number, inDim: number, outDim: number, scale: number): DenseLayerData {
  return {
    inDim,
    outDim,
    W: Float32Array.from({ length: inDim * outDim }, () => (rand() - 0.5) * scale),
    b: Float32Array.from({ length: outDim }, () => (rand() - 0.5) * scale),
  };
}

/** An in-memory IOHandler over the three exported files, as tf.io.browserFiles would give them. */
function fromFiles(modelJson: string, weights: ArrayBuffer): tf.io.IOHandler {
  const mj = JSON.parse(modelJson) as { modelTopology: object; weightsManifest: tf.io.WeightsManifestConfig };
  const specs = mj.weightsManifest.flatMap((g) => g.weights);
  return tf.io.fromMemory({ modelTopology: mj.modelTopology, weightSpecs: specs, weightData: weights });
}

describe('exported model files in tfjs', () => {
  const world = createWorld({ ...DEFAULT_PARAMS, seed: 'export-tfjs' });
  const cols = generate(world, { rows: 2_000, stream: 'export-test', days: [60, 89] });
  const features = fitFeatures(MODEL_FEATURES, cols, { queryTexts: [], adHeadlines: [] });

  for (const hidden of [[], [8]] as number[][]) {
    it(`tf.loadLayersModel reads a ${hidden.length ? 'two-layer MLP' : 'logistic regression'} and predicts as the serving scorer`, async () => {
      const rng = createRng(`export-weights-${hidden.length}`);
      const rand = () => rng.uniform();
      const widths = [features.d, ...hidden, 1];
      const layers = widths.slice(1).map((w, i) => layer(rand, widths[i] as number, w, 1.5));
      const m: ModelData = { version: 'v3', kind: 'relevance', layers, features, world: world.params, days: [60, 89] };
      const files = toModelFiles(m);
      const model = await loadLayersModel(fromFiles(files.modelJson, files.weights));
      // metadata.json says how to build the input row; the test follows it literally.
      const meta = JSON.parse(files.metadata) as { input: { width: number; rule: string } };
      expect(meta.input.width).toBe(features.d);
      expect(meta.input.rule).toMatch(/one-hot/i);
      const x = transformSparse(features, cols);
      const dense = new Float32Array(cols.n * features.d);
      for (let r = 0; r < cols.n; r++) dense.set(denseRow(x, r), r * features.d);
      const input = tf.tensor2d(dense, [cols.n, features.d]);
      const out = model.predict(input) as tf.Tensor;
      const fromTf = out.dataSync() as Float32Array;
      const fromServing = scoreRows(m, cols);
      input.dispose();
      out.dispose();
      model.dispose();
      let maxDiff = 0;
      for (let r = 0; r < cols.n; r++) maxDiff = Math.max(maxDiff, Math.abs((fromTf[r] as number) - (fromServing[r] as number)));
      expect(maxDiff).toBeLessThan(1e-5);
      // Not trivially equal: the scores spread, so a wrong weight order or a missing ReLU would show.
      const lo = Math.min(...fromServing);
      const hi = Math.max(...fromServing);
      expect(hi - lo).toBeGreaterThan(0.3);
    });
  }
});
