// The numbers of the switch to CTR for a report, not a test: for each seed, through the serving
// worker's code at the story's defaults (and at drift = 0 with CLIMAX_DRIFT0=1), the impressions
// policy's first → last days impressions, CTR and revenue against the baseline with the holdback
// claim's noise thresholds, the baseline's revenue noise, the two gates with their values, the CTR
// launch test's kept reserve, and every arm's revenue difference with its 95% paired interval.
// Slow (about a minute a seed): run by hand, `npx tsx test/story/climax-numbers.ts seed…`.
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { holdbackClaim } from '../../src/lib/story/holdback-claim.ts';
import { runServingStory } from './serving-story.ts';

const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
const usd = (x: number) => `$${x.toFixed(0)}`;

async function one(seed: string, drift: number | undefined): Promise<void> {
  const t0 = performance.now();
  const { session, gates, served, control, compared } = await runServingStory(drift === undefined ? { ...DEFAULT_PARAMS, seed } : { ...DEFAULT_PARAMS, seed, drift });
  const h = holdbackClaim(served, control);
  const s = compared.at(-1)?.summary;
  const ctr = session.policyFor('v6');
  const g = gates.map((x) => `${x.metric} ${x.challenger.value.toFixed(4)} vs ${x.champion.value.toFixed(4)} ${x.pass ? 'pass' : 'FAIL'}`).join('; ');
  const arms = (s?.arms ?? []).map((a) => `${a.role} ${usd(a.total)} [${usd(a.ci[0])}, ${usd(a.ci[1])}] at ${a.adsPerRequest.toFixed(2)} ads${a.alone ? ` (freshness alone ${usd(a.alone.total)} [${usd(a.alone.ci[0])}, ${usd(a.alone.ci[1])}])` : ''}`).join(' | ');
  const tag = drift === undefined ? seed : `${seed} drift=${drift}`;
  if (!h || !s) {
    console.log(`${tag}: no claim`);
    return;
  }
  console.log(
    `${tag}: baseline noise ${pc(h.baselineNoise)} | impressions ${h.impressions.first}→${h.impressions.last} (${h.impressions.direction}, noise ${pc(h.impressions.noise)}), ×${h.impressionsLift.ratio.toFixed(2)} on baseline | ` +
      `CTR ${pc(h.ctr.first)}→${pc(h.ctr.last)} (${h.ctr.direction} ${pc(h.ctr.change)}, noise ${pc(h.ctr.noise)}) | revenue ÷ baseline ${h.revenue.firstRatio.toFixed(3)}→${h.revenue.lastRatio.toFixed(3)} (${h.revenue.direction} ${pc(h.revenue.change)}, noise ${pc(h.revenue.noise)}) | ` +
      `gates ${g} | CTR reserve ${ctr.reserve} | impressions policy ${s.impressionsAdsPerRequest?.toFixed(2)} ads | CTR − impressions ${usd(s.total)} [${usd(s.ci[0])}, ${usd(s.ci[1])}] | ${arms} | ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

const seeds = process.argv.slice(2);
const drift = process.env.CLIMAX_DRIFT0 === '1' ? 0 : undefined;
for (const seed of seeds) await one(seed, drift);
