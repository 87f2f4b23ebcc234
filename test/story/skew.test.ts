// The skew knob sets the true "should show" rate over the 90 days: the measured rate of true
// positives in a large stream matches it within sampling error (plus 2% for the solver's grid).
import { describe, expect, it } from 'vitest';
import { generateChunks } from '../../src/lib/sim/generate.ts';
import { SEEDS, world } from './support.ts';

/** Skews checked, from balanced to the story's 99.99% no-show. */
const SKEWS = [0.5, 0.1, 0.01, 0.001, 0.0001];
/** Expected positives per measurement (at most 20M rows streamed). */
const TARGET_POSITIVES = 2000;

describe('skew', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: true positive rate ≈ skew for ${SKEWS.join(', ')}`, () => {
      for (const skew of SKEWS) {
        const w = world(seed, { skew });
        const n = Math.min(20_000_000, Math.max(200_000, Math.round(TARGET_POSITIVES / skew)));
        let pos = 0;
        for (const c of generateChunks(w, { rows: n, stream: 'skew' })) for (let i = 0; i < c.n; i++) pos += c.truth[i] as number;
        const rate = pos / n;
        const tol = 4 * Math.sqrt((skew * (1 - skew)) / n) + 0.02 * skew;
        console.info(`skew ${seed} ${skew}: measured ${rate.toExponential(3)} over ${n} rows (tolerance ±${tol.toExponential(1)})`);
        expect(Math.abs(rate - skew)).toBeLessThanOrEqual(tol);
      }
    });
  }
});
