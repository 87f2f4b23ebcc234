// Scoring shares a block's slot indices between models of the same spec (the comparison's arms score
// the same candidates): a model's scores must not depend on which model scored the block before it.
import { describe, expect, it } from 'vitest';
import { trainRelevanceModel } from '../../src/lib/market/index.ts';
import { createWorld, DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import { transformSparse } from '../../src/lib/features/index.ts';
import { forward, fromScoringModel, scoreRows } from './scorer.ts';
import { DEFAULT_SESSION, ServingSession } from './session.ts';

describe('scoreRows', () => {
  it('gives a model the same scores whether another model of its spec scored the block first or not', () => {
    const params = { ...DEFAULT_PARAMS, seed: 'scorer-share' };
    const world = createWorld(params);
    const a = fromScoringModel(trainRelevanceModel(world, { days: [60, 74], rows: 40_000 }), 'a', params, [60, 74]);
    const b = fromScoringModel(trainRelevanceModel(world, { days: [75, 89], rows: 40_000, stream: 'other' }), 'b', params, [75, 89]);
    // Different statistics, so the shared slots' numerics must be standardised again for b.
    expect(b.features.numeric.map((s) => s.mean)).not.toEqual(a.features.numeric.map((s) => s.mean));
    const session = new ServingSession({ world: params, ...DEFAULT_SESSION, queriesPerDay: 2000, warmupDays: 1 });
    const cands = session.stream(0).cands;
    scoreRows(a, cands);
    const shared = scoreRows(b, cands);
    // The same rows in a fresh object: nothing cached for it.
    const alone = scoreRows(b, viewColumns(cands, 0, cands.n));
    expect(Array.from(shared)).toEqual(Array.from(alone));
    // And both equal the plain transform and network, row for row.
    const plain = new Float32Array(cands.n);
    forward(b.layers, transformSparse(b.features, viewColumns(cands, 0, cands.n)), plain);
    expect(Array.from(shared)).toEqual(Array.from(plain));
    expect(Array.from(shared)).not.toEqual(Array.from(scoreRows(a, cands)));
  });
});
