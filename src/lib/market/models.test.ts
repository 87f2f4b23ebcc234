// The two models of step 12 learn what they should: the relevance model ranks "should show" pairs
// first, and the click model, trained on an exploration log, ranks clicks and knows the top slot.
import { describe, expect, it } from 'vitest';
import { auc } from '../metrics/index.ts';
import { generate } from '../sim/generate.ts';
import { createWorld, DEFAULT_PARAMS } from '../sim/world.ts';
import { predictModel, trainClickModel, trainRelevanceModel } from './models.ts';
import { explorationPolicy } from './policies.ts';
import { simulatePolicy } from './simulate.ts';
import type { ImpressionLog } from './types.ts';

const world = createWorld({ ...DEFAULT_PARAMS, seed: 'business-models' });

describe('model helpers', () => {
  it('trains a relevance model that ranks true "should show" pairs far above the rest', () => {
    const m = trainRelevanceModel(world, { rows: 1_000_000, negKeep: 0.01, days: [0, 29], minSteps: 1500 });
    expect(m.trainPositives).toBeGreaterThan(50);
    const test = generate(world, { rows: 2_000_000, stream: 'relevance-test', days: [30, 31], negKeep: 0.01, keepBy: 'truth' });
    expect(auc(predictModel(m, test), test.truth, test.weight).value).toBeGreaterThan(0.9);
  });

  it('trains a click model on an exploration log that ranks clicks and prefers the top slot', () => {
    const explore = (seed: string) =>
      simulatePolicy(world, explorationPolicy(4), { startDay: 20, days: 3, queriesPerDay: 3000, seed }).log as ImpressionLog;
    const train = explore('train');
    const test = explore('test');
    const m = trainClickModel(train, { minSteps: 1500 });
    expect(m.trainPositives).toBeGreaterThan(300);
    expect(auc(predictModel(m, test, test.position), test.clicked).value).toBeGreaterThan(0.65);
    const top = predictModel(m, test, 0);
    const fourth = predictModel(m, test, 3);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(top)).toBeGreaterThan(1.5 * mean(fourth));
  });
});
