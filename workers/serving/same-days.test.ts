import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/lib/sim/world.ts';
import { generate } from '../../src/lib/sim/generate.ts';
import { sameDays } from './arms.ts';

// Why freshness alone is exactly $0 at drift 0: the fresh model and its twin draw one named stream on
// different days, and a stationary world's days are alike, so the rows are the same (only the day differs).
describe('sameDays', () => {
  it('is true on a stationary world and the fresh and twin rows are then the same rows', () => {
    const w = createWorld({ seed: 'paris', skew: 1e-4, noise: 0.1, drift: 0 });
    expect(sameDays(w, [76, 89], [0, 75])).toBe(true);
    const opts = { rows: 100_000, stream: 'fresh/paris', negKeep: 0.002, keepBy: 'truth' as const };
    const [a, b] = [generate(w, { ...opts, days: [76, 89] }), generate(w, { ...opts, days: [0, 75] })];
    expect(a.n).toBe(b.n);
    expect(Array.from(a.queryText)).toEqual(Array.from(b.queryText));
    expect(Array.from(a.adId)).toEqual(Array.from(b.adId));
    expect(Array.from(a.day)).not.toEqual(Array.from(b.day));
  });
  it('is false when the world drifts', () => {
    const w = createWorld({ seed: 'paris', skew: 1e-4, noise: 0.1, drift: 0.9 });
    expect(sameDays(w, [76, 89], [0, 75])).toBe(false);
  });
});
