// Step 12 of the story: over the same 14 simulated days, the same queries and the same random
// click draws, the impressions policy (every ad the relevance model scores above a low bar, a full
// page) loses CTR and daily revenue to ads blindness, which its many irrelevant ads teach (Hohnhold,
// O'Brien & Tang, KDD 2015), while ranking by pCTR × bid (pCTR from a click model trained on a
// logged exploration sample) shows fewer ads, keeps a higher CTR and, once the impressions policy's
// users have learned, earns more a day: the launch looks good, the long term does not. Start and
// end are each averaged over three days, to beat day-to-day noise. Runs the
// business library (src/lib/market) on a simulation loop of its own, not the serving worker's
// session; serving.test.ts runs steps 11–13 through the serving worker's code.
import { describe, expect, it } from 'vitest';
import {
  baselinePolicy,
  comparePolicies,
  ctrPolicy,
  explorationPolicy,
  impressionsPolicy,
  modelScorer,
  simulatePolicy,
  trainClickModel,
  trainRelevanceModel,
  windowMetrics,
  type ImpressionLog,
} from '../../src/lib/market/index.ts';
import { SEEDS, world } from './support.ts';

/** First served day: before the concept drift (day 58), so the comparison is about blindness, not drift. */
const START = 30;
/** Days served by both policies. */
const DAYS = 14;
/** Queries a day (a cohort of as many users, each searching about once a day). */
const QUERIES = 5000;
/** Days the users lived under the baseline before the run. */
const WARMUP_DAYS = 42;
/** The impressions policy's bar: low enough to fill the page (8 ads), as the serving launch test keeps on the story's worlds. */
const IMPRESSIONS_BAR = 0.001;
/** Days averaged at the start and at the end of the run. */
const WINDOW = 3;
/** The impressions policy must lose at least this share of its starting CTR and daily revenue. */
const MIN_DROP = 0.1;

describe('step 12: revenue falls under an impressions metric; pCTR × bid earns more', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, () => {
      const w = world(seed);
      // The impressions-era model: "should show" on collected rows (all positives, 0.2% of negatives) of the days before.
      const relevance = trainRelevanceModel(w, { days: [0, START - 1] });
      // A week of a small exploration policy (two random candidates in random slots) logs the click model's sample.
      const exploration = simulatePolicy(w, explorationPolicy(2), { startDay: START - 7, days: 7, queriesPerDay: QUERIES, seed: 'exploration' });
      const click = trainClickModel(exploration.log as ImpressionLog);
      // Users arrive with six weeks of the rule-based baseline behind them (their blindness near its steady state).
      const [imp, ctr] = comparePolicies(w, [impressionsPolicy(modelScorer(relevance), IMPRESSIONS_BAR), ctrPolicy(modelScorer(click))], {
        startDay: START,
        days: DAYS,
        queriesPerDay: QUERIES,
        seed: 'serving',
        log: false,
        warmup: { policy: baselinePolicy(), days: WARMUP_DAYS },
      });
      if (imp === undefined || ctr === undefined) throw new Error('missing result');
      const impStart = windowMetrics(imp.days, 0, WINDOW);
      const impEnd = windowMetrics(imp.days, DAYS - WINDOW, DAYS);
      const ctrStart = windowMetrics(ctr.days, 0, WINDOW);
      const ctrEnd = windowMetrics(ctr.days, DAYS - WINDOW, DAYS);
      const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
      console.info(
        `step12 ${seed}: exploration log ${exploration.totals.impressions} impressions, ${exploration.totals.clicks} clicks | ` +
          `impressions policy CTR ${pct(impStart.ctr)} → ${pct(impEnd.ctr)}, revenue/day $${impStart.revenuePerDay.toFixed(0)} → $${impEnd.revenuePerDay.toFixed(0)}, ` +
          `ads/query ${imp.totals.adsPerQuery.toFixed(2)}, total $${imp.totals.revenue.toFixed(0)}, CTR ${pct(imp.totals.ctr)} | ` +
          `pCTR×bid policy ads/query ${ctr.totals.adsPerQuery.toFixed(2)}, total $${ctr.totals.revenue.toFixed(0)}, CTR ${pct(ctr.totals.ctr)}, ` +
          `CTR ${pct(ctrStart.ctr)} → ${pct(ctrEnd.ctr)}, revenue/day $${ctrStart.revenuePerDay.toFixed(0)} → $${ctrEnd.revenuePerDay.toFixed(0)} | ` +
          `day-1 revenue $${imp.days[0]?.revenue.toFixed(0)} vs $${ctr.days[0]?.revenue.toFixed(0)}`,
      );
      // (a) The impressions policy ends with lower CTR and lower daily revenue than it started with.
      expect(impEnd.ctr, 'impressions policy: CTR at the end vs the start').toBeLessThan((1 - MIN_DROP) * impStart.ctr);
      expect(impEnd.revenuePerDay, 'impressions policy: daily revenue at the end vs the start').toBeLessThan((1 - MIN_DROP) * impStart.revenuePerDay);
      // (b) Ranking by pCTR × bid shows fewer ads, keeps the higher CTR, and earns more a day by the end of the fortnight.
      expect(ctr.totals.adsPerQuery, 'ads per query: pCTR × bid vs impressions').toBeLessThan(imp.totals.adsPerQuery);
      expect(ctr.totals.ctr).toBeGreaterThan(imp.totals.ctr);
      expect(ctrEnd.revenuePerDay, 'revenue a day over the last days: pCTR × bid vs impressions').toBeGreaterThan(impEnd.revenuePerDay);
    });
  }
});
