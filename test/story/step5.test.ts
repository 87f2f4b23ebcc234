// Step 5: one buggy batch (travel queries × finance ads × mobile, days 20–34) holds most of the
// wrong positive labels; a model trained on the noisy log ranks that slice's irrelevant pairs at
// the top; relabelling the observed positives with the oracle raises the gold-set AUC. A property of
// the simulated world, checked with the reference learner and the encoder of support.ts; the app's
// pipeline runs the same step in labels.test.ts.
import { describe, expect, it } from 'vitest';
import { applyRelabel, relabel } from '../../src/lib/sim/oracle.ts';
import { BUGGY_AD_CAT, BUGGY_QUERY_CAT } from '../../src/lib/sim/constants.ts';
import { CATEGORIES } from '../../src/lib/sim/types.ts';
import type { Columns } from '../../src/lib/sim/types.ts';
import { fit, predict, rows, SEEDS, weightedAuc, world } from './support.ts';

/** Share of the gold set (by weight) examined as the model's top-ranked rows. */
const TOP_SHARE = 0.001;
const K = CATEGORIES.length;

/** Weighted label error rate inside and outside the buggy slice. */
function errorRates(c: Columns): { inside: number; outside: number } {
  const err = [0, 0];
  const tot = [0, 0];
  for (let i = 0; i < c.n; i++) {
    const b = c.buggy[i] as number;
    tot[b] = (tot[b] as number) + (c.weight[i] as number);
    if (c.label[i] !== c.truth[i]) err[b] = (err[b] as number) + (c.weight[i] as number);
  }
  return { inside: (err[1] as number) / (tot[1] as number), outside: (err[0] as number) / (tot[0] as number) };
}

/** Weight of false positives per query×ad category cell among the top-ranked TOP_SHARE of a set. */
function topFalsePositivesByCell(scores: Float32Array, c: Columns): Float64Array {
  const order = Array.from({ length: c.n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const total = c.weight.reduce((s, v) => s + v, 0);
  const fp = new Float64Array(K * K);
  let seen = 0;
  for (const r of order) {
    if (seen >= TOP_SHARE * total) break;
    seen += c.weight[r] as number;
    if (c.truth[r] === 0) {
      const cell = (c.queryCat[r] as number) * K + (c.adCat[r] as number);
      fp[cell] = (fp[cell] as number) + (c.weight[r] as number);
    }
  }
  return fp;
}

describe('step 5: wrong labels come from one slice', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the buggy slice holds the wrong positives, tops the false positives, and relabelling raises gold AUC`, () => {
      const w = world(seed);
      const log = rows(w, { rows: 2_000_000, stream: 'log', negKeep: 0.02 });
      const gold = rows(w, { rows: 10_000_000, stream: 'gold', negKeep: 0.01, keepBy: 'truth' });

      const { inside, outside } = errorRates(log);
      let wrongPos = 0;
      let wrongPosBuggy = 0;
      let observedPos = 0;
      const positives: number[] = [];
      for (let i = 0; i < log.n; i++) {
        if (log.label[i] !== 1) continue;
        observedPos++;
        positives.push(i);
        if (log.truth[i] === 0) {
          wrongPos++;
          wrongPosBuggy += log.buggy[i] as number;
        }
      }
      const noisy = fit(log, { cross: true }, log.label);
      const pNoisy = predict(noisy, gold, { cross: true });
      const fp = topFalsePositivesByCell(pNoisy, gold);
      const fpTotal = fp.reduce((s, v) => s + v, 0);
      let top = 0;
      for (let k = 1; k < K * K; k++) if ((fp[k] as number) > (fp[top] as number)) top = k;

      const fixed = log.label.slice();
      const answer = relabel(w, log, positives);
      const relabelled: Columns = { ...log, label: fixed };
      applyRelabel(relabelled, positives, answer.labels);
      const clean = fit(relabelled, { cross: true }, relabelled.label);
      const aNoisy = weightedAuc(pNoisy, gold.truth, gold.weight);
      const aClean = weightedAuc(predict(clean, gold, { cross: true }), gold.truth, gold.weight);
      const buggyCell = BUGGY_QUERY_CAT * K + BUGGY_AD_CAT;
      console.info(
        `step5 ${seed}: error rate in slice ${inside.toExponential(2)} vs elsewhere ${outside.toExponential(2)}; ` +
          `${wrongPos}/${observedPos} observed positives wrong, ${wrongPosBuggy} of them in the slice; ` +
          `top-${TOP_SHARE * 100}% false positives in travel×finance ${((fp[buggyCell] as number) / fpTotal).toFixed(2)}; ` +
          `relabelled ${positives.length} rows for $${answer.cost.toFixed(2)} (${answer.corrected} corrected); gold AUC ${aNoisy.toFixed(3)} → ${aClean.toFixed(3)}`,
      );
      expect(inside).toBeGreaterThan(50 * outside);
      expect(wrongPosBuggy / wrongPos).toBeGreaterThan(0.5);
      expect(wrongPos / observedPos).toBeGreaterThan(0.35);
      expect(wrongPos / observedPos).toBeLessThan(0.65);
      expect(top).toBe(buggyCell);
      expect(aClean - aNoisy).toBeGreaterThan(0.02);
    });
  }
});
