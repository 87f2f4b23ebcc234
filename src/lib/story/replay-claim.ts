// What step 12 may say about the CTR policy's compared fortnight beyond its total (switch-claim.ts):
// how its realised revenue per request sits against the off-policy estimate made before it served,
// whether its revenue rose over the days while showing fewer ads, and whether it overtook the
// impressions policy from behind. Noise rules: the estimate's own 95% interval; the days' successive
// differences (von Neumann et al., Ann. Math. Stat. 1941) for a window's mean daily difference, beyond
// twice its standard error; blindness named as the cause only when its measured trend fell.
import { Z, successiveVariance } from './noise.ts';
import type { Trend } from './live-claim.ts';
import type { SwitchOutcome } from './switch-claim.ts';
import { average, dollars, inWords, percent, percents } from './format.ts';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const fromTo = (t: Trend) => percents([t.first, t.last]).join(' to ');

/** Realised against estimated: above the interval with the users' blindness falling, above it without, below, within, or unknown. */
export type OffPolicyCheck = 'above-recovered' | 'above' | 'below' | 'within' | 'unknown';

export interface OffPolicyCheckClaim {
  outcome: OffPolicyCheck;
  /** The CTR policy's realised revenue per request, and the estimate's 95% interval. */
  realised: number;
  ci: readonly [number, number];
  /** What follows "… estimated off-policy before it served: ". */
  sentence: string;
}

/** The realised revenue per request against the off-policy estimate's interval; `blind` is the compared days' blindness trend. */
export function offPolicyCheckClaim(realised: number, ci: readonly [number, number], blind: Trend | null): OffPolicyCheckClaim {
  const base = { realised, ci };
  if (!Number.isFinite(realised) || !ci.every(Number.isFinite)) return { ...base, outcome: 'unknown', sentence: 'the two cannot be compared yet' };
  if (realised > ci[1]) {
    return blind?.direction === 'fell'
      ? { ...base, outcome: 'above-recovered', sentence: `more than the estimate’s interval: over the compared days its users’ measured blindness fell from ${fromTo(blind)}, a recovery a log of blinded users cannot foresee` }
      : { ...base, outcome: 'above', sentence: 'more than the estimate’s interval, though its users’ measured blindness did not fall beyond its noise, so these days do not say why' };
  }
  if (realised < ci[0]) return { ...base, outcome: 'below', sentence: 'less than the estimate’s interval' };
  return { ...base, outcome: 'within', sentence: 'within the estimate’s interval' };
}

/** A mean daily difference of paired days, with the smallest counted as real. */
export interface PairedMean {
  mean: number;
  noise: number;
}

/** The mean of `diffs[from…to)` against twice its standard error, the variance from every day's successive differences. */
function pairedMean(diffs: readonly number[], from: number, to: number): PairedMean {
  const part = diffs.slice(from, to);
  return { mean: mean(part), noise: Z * Math.sqrt(successiveVariance(diffs) / part.length) };
}

/** Revenue over the compared days: rising with fewer ads as blindness falls, rising, falling, flat. */
export type ReplayTrend = 'rises-recovering' | 'rises' | 'falls' | 'flat' | 'unknown';

export interface ReplayTrendClaim {
  outcome: ReplayTrend;
  /** The CTR policy's ads a request minus the impressions policy's, mean over the paired days, and its noise. */
  ads: PairedMean;
  /** What follows the four daily revenues ('' when unknown). */
  tail: string;
}

/**
 * The CTR policy's revenue trend over the compared days (`revenue`, live-claim's rule), its users'
 * blindness trend, and the two policies' ads a request on the same days (CTR policy's, impressions policy's).
 */
export function replayTrendClaim(revenue: Trend | null, blind: Trend | null, adsCtr: readonly number[], adsImp: readonly number[]): ReplayTrendClaim {
  const n = Math.min(adsCtr.length, adsImp.length);
  const diffs = Array.from({ length: n }, (_, i) => (adsCtr[i] as number) - (adsImp[i] as number));
  const ads = n > 1 ? pairedMean(diffs, 0, n) : { mean: Number.NaN, noise: Number.NaN };
  if (!revenue) return { outcome: 'unknown', ads, tail: '' };
  const by = `${percent(Math.abs(revenue.change))}, beyond the ${percent(revenue.noise)} of day-to-day noise`;
  if (revenue.direction === 'rose') {
    if (blind?.direction === 'fell' && ads.mean < -ads.noise) {
      const fewer = `showing ${average(-ads.mean)} fewer ads a request (beyond the ${average(ads.noise)} of noise)`;
      return { outcome: 'rises-recovering', ads, tail: `: ${fewer}, its revenue rises ${by}, as its users’ measured blindness falls from ${fromTo(blind)}` };
    }
    return { outcome: 'rises', ads, tail: `: its revenue rises ${by}` };
  }
  if (revenue.direction === 'fell') return { outcome: 'falls', ads, tail: `: its revenue falls ${by}` };
  return { outcome: 'flat', ads, tail: `: its revenue stays within the ${percent(revenue.noise)} of day-to-day noise` };
}

/** Overtaking: behind beyond the noise in the first days and ahead in the last, as the users' blindness falls; the same without it; or neither. */
export type OvertakeOutcome = 'overtakes-recovering' | 'overtakes' | 'none' | 'unknown';

export interface OvertakeClaim {
  outcome: OvertakeOutcome;
  /** The CTR policy's daily revenue minus the impressions policy's: mean over the first and the last window. */
  first: PairedMean;
  last: PairedMean;
  /** The paragraph's closing sentence ('' for none and unknown: the switch claim says the total). */
  sentence: string;
}

/** Whether the CTR policy overtook the impressions policy within the compared days, without winning them in total. */
export function overtakeClaim(diffs: readonly number[], window: number, switched: SwitchOutcome | null, blind: Trend | null, days: number): OvertakeClaim {
  const none = { mean: Number.NaN, noise: Number.NaN };
  if (diffs.length < 2 * window || window < 1 || !switched) return { outcome: 'unknown', first: none, last: none, sentence: '' };
  const first = pairedMean(diffs, 0, window);
  const last = pairedMean(diffs, diffs.length - window, diffs.length);
  const overtook = switched !== 'won' && first.mean < -first.noise && last.mean > last.noise;
  const behind = `the CTR policy starts behind (${dollars(first.mean)} a day in the first days, beyond the ${dollars(first.noise)} of noise) and ends ahead (${dollars(last.mean)} a day)`;
  const end = `; over longer days its lead would have more time to add up, but here the total is not more than the noise and the text does not claim a win.`;
  if (overtook && blind?.direction === 'fell') {
    return { outcome: 'overtakes-recovering', first, last, sentence: `So the switch does not pay off within these ${inWords(days)} days: ${behind}, overtaking as its users’ measured blindness falls from ${fromTo(blind)}${end}` };
  }
  if (overtook) return { outcome: 'overtakes', first, last, sentence: `So the switch does not pay off within these ${inWords(days)} days: ${behind}, though its users’ measured blindness did not fall beyond its noise${end}` };
  return { outcome: 'none', first, last, sentence: '' };
}

/** Sentences of step 12's replay claims that contradict their numbers (for the knob sweep). */
export function replayContradictions(c: { check?: OffPolicyCheckClaim; trend?: ReplayTrendClaim; overtake?: OvertakeClaim }, blind: Trend | null, switched: SwitchOutcome | null): string[] {
  const out: string[] = [];
  const k = c.check;
  if (k) {
    const above = k.realised > k.ci[1];
    if ((k.outcome === 'above' || k.outcome === 'above-recovered') !== above) out.push(`off-policy check '${k.outcome}' with ${k.realised} against [${k.ci.join(', ')}]`);
    if (k.outcome === 'below' && !(k.realised < k.ci[0])) out.push(`off-policy check 'below' with ${k.realised}`);
    if (k.outcome === 'within' && !(k.realised >= k.ci[0] && k.realised <= k.ci[1])) out.push(`off-policy check 'within' with ${k.realised}`);
    if (k.outcome === 'above-recovered' && blind?.direction !== 'fell') out.push('off-policy check names a recovery the blindness does not show');
  }
  const t = c.trend;
  if (t?.outcome === 'rises-recovering' && !(blind?.direction === 'fell' && t.ads.mean < -t.ads.noise)) out.push(`replay 'fewer, better ads' with ads ${t.ads.mean} (noise ${t.ads.noise})`);
  const o = c.overtake;
  if (o && (o.outcome === 'overtakes' || o.outcome === 'overtakes-recovering')) {
    if (!(o.first.mean < -o.first.noise && o.last.mean > o.last.noise)) out.push(`overtakes, but the first and last days' mean differences are ${o.first.mean} and ${o.last.mean}`);
    if (switched === 'won') out.push('overtakes "without a win" while the switch won');
    if (o.outcome === 'overtakes-recovering' && blind?.direction !== 'fell') out.push('overtakes as blindness falls, but it did not fall');
  }
  return out;
}
