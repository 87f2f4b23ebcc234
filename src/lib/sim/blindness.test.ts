// Ads blindness follows the quality of the ads users see, not only their number (Hohnhold,
// O'Brien & Tang, KDD 2015): on one world, after 14 days from the same start, users shown the three
// most relevant candidates of each query end less blind than users shown three candidates at
// random, and users shown six random candidates end blinder than users shown two.
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../market/simulate.ts';
import { hashUniform, seedKey } from '../market/hash.ts';
import type { Policy } from '../market/types.ts';
import type { Columns } from './types.ts';
import { createWorld, DEFAULT_PARAMS } from './world.ts';
import { advanceBlindness, BLINDNESS_HIT, BLINDNESS_MAX, BLINDNESS_RELIEF } from './blindness.ts';

/** Shows the `maxAds` candidates with the highest score (rule 'threshold' at −∞ keeps the top ones). */
function topBy(name: string, score: (c: Columns) => Float32Array, maxAds: number): Policy {
  return { name, score, rule: 'threshold', threshold: Number.NEGATIVE_INFINITY, maxAds };
}

/** The most relevant candidates (an oracle on the hidden true score: a test device, not a policy the app serves). */
const relevant = (c: Columns) => Float32Array.from(c.trueScore);
/** Candidates in a random order (a hash of the day and the row). */
const key = seedKey('blindness-test');
const random = (c: Columns) => Float32Array.from({ length: c.n }, (_, i) => hashUniform(key, c.day[i] as number, i, 0));

const mean = (xs: Float32Array) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('ads blindness responds to relevance', () => {
  it('one ad: a relevant one relieves, an irrelevant one teaches, a click relieves more', () => {
    // By hand: from 0.5, an irrelevant ad adds 0.04 × (0.9 − 0.5) = 0.016; a relevant one removes 0.03.
    expect(advanceBlindness(0.5, [-1])).toBeCloseTo(0.5 + BLINDNESS_HIT * (BLINDNESS_MAX - 0.5), 10);
    expect(advanceBlindness(0.5, [1])).toBeCloseTo(0.5 - BLINDNESS_RELIEF, 10);
    expect(advanceBlindness(0.5, [1], 1, 1)).toBeLessThan(advanceBlindness(0.5, [1], 1, 0));
  });

  it('after 14 days: at the same ad load the more relevant slate leaves users less blind; at the same relevance more ads leave them blinder', () => {
    const world = createWorld({ ...DEFAULT_PARAMS, seed: 'blindness' });
    const opts = { startDay: 90, days: 14, queriesPerDay: 3000, seed: 'blindness', log: false, initialBlindness: new Float32Array(3000).fill(0.4) };
    const [best3, random3, random2, random6] = comparePolicies(world, [topBy('best 3', relevant, 3), topBy('random 3', random, 3), topBy('random 2', random, 2), topBy('random 6', random, 6)], opts).map((r) => mean(r.blindness));
    console.info(`blindness after 14 days from 0.40: best 3 ${best3!.toFixed(3)}, random 3 ${random3!.toFixed(3)}, random 2 ${random2!.toFixed(3)}, random 6 ${random6!.toFixed(3)}`);
    // Relevance: the same three slots, the most relevant candidates against random ones.
    expect(best3!).toBeLessThan(random3! - 0.05);
    // Load: random candidates, six slots against two.
    expect(random6!).toBeGreaterThan(random2! + 0.05);
    // And the relevant slate relieves: its users end less blind than they started.
    expect(best3!).toBeLessThan(0.4);
  });
});
