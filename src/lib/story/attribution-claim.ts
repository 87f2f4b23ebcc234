// What step 12 may say about where the switch to CTR's difference comes from, read from each arm's
// 95% paired-bootstrap interval against the impressions policy on the same requests: an arm's
// difference counts only when its interval excludes zero. The parts: freshness (a should-show
// model on the click model's days, the impressions policy's ads a request; refitted by the serving
// worker's learner, so its learner and row count differ from the impressions model's too), the
// label (the click model at the same ads a request), the CTR policy itself (the load its launch
// test chose, pCTR × bid), and the bid (the same policy ranked by pCTR).
import type { ArmSummary } from '../serving/types.ts';
import { dollars } from './format.ts';

/** An arm's verdict against the impressions policy. */
export type ArmVerdict = 'more' | 'less' | 'noise';

export interface ArmReading {
  role: ArmSummary['role'];
  verdict: ArmVerdict;
  total: number;
  low: number;
  high: number;
}

export interface AttributionClaim {
  arms: ArmReading[];
  /** The arm with the largest difference beyond the noise (null when none is). */
  largest: ArmSummary['role'] | null;
  sentence: string;
}

/** Names of the arms in sentences. */
export const ARM_NAMES: Record<ArmSummary['role'], string> = {
  click_label: 'the click label alone (the click model ranking, as many ads a request as the impressions policy)',
  ctr_policy: 'the CTR policy (the ad load its launch test chose, ranked by pCTR × bid)',
  ctr_no_bid: 'the CTR policy ranked by pCTR alone (the same ads eligible, without the bid)',
  fresh_impressions: 'a fresh should-show model (refitted on the click model’s days by the serving worker’s learner, as many ads a request as the impressions policy; its learner and rows differ too, and freshness alone is shown under the chart)',
};

function verdictOf(a: ArmSummary): ArmVerdict {
  return a.ci[0] > 0 ? 'more' : a.ci[1] < 0 ? 'less' : 'noise';
}

/** The claim from the arms' summaries (null without arms). */
export function attributionClaim(arms: readonly ArmSummary[] | undefined): AttributionClaim | null {
  if (!arms || arms.length === 0 || !arms.every((a) => [a.total, a.ci[0], a.ci[1]].every(Number.isFinite))) return null;
  const readings = arms.map((a) => ({ role: a.role, verdict: verdictOf(a), total: a.total, low: a.ci[0], high: a.ci[1] }));
  const real = readings.filter((r) => r.verdict !== 'noise').sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  const largest = real[0]?.role ?? null;
  const part = (r: ArmReading) =>
    r.verdict === 'noise'
      ? `${ARM_NAMES[r.role]} is within the noise (${dollars(r.total)}, 95% interval ${dollars(r.low)} to ${dollars(r.high)})`
      : `${ARM_NAMES[r.role]} earns ${dollars(Math.abs(r.total))} ${r.verdict} (95% interval ${dollars(r.low)} to ${dollars(r.high)})`;
  const first = real[0];
  const rest = readings.filter((r) => r !== first);
  const sentence = first
    ? `Against the impressions policy on the same requests, the largest part is ${part(first)}; ${rest.map(part).join('; ')}.`
    : `Against the impressions policy on the same requests, no arm’s difference is beyond the noise: ${readings.map(part).join('; ')}.`;
  return { arms: readings, largest, sentence: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

/** The switch's difference in four parts that add up to the CTR policy's (each a difference of the arms' totals, all paired on the same users and requests). */
export interface SwitchParts {
  /** fresh_impressions: a should-show model on the click model's days (the serving worker's learner), the impressions policy's ads a request. */
  freshness: number;
  /** click_label − fresh_impressions: the click label instead of should-show, same days and ads a request. */
  label: number;
  /** ctr_no_bid − click_label: the CTR policy's load and reserve, ranked by pCTR either way. */
  load: number;
  /** ctr_policy − ctr_no_bid: ranking by pCTR × bid instead of pCTR. */
  bids: number;
}

/** The four parts from the arms (null unless all four arms are there). */
export function switchParts(arms: readonly ArmSummary[] | undefined): SwitchParts | null {
  const get = (r: ArmSummary['role']) => arms?.find((a) => a.role === r)?.total;
  const [f, c, n, p] = [get('fresh_impressions'), get('click_label'), get('ctr_no_bid'), get('ctr_policy')];
  if (![f, c, n, p].every((v) => v !== undefined && Number.isFinite(v))) return null;
  return { freshness: f as number, label: (c as number) - (f as number), load: (n as number) - (c as number), bids: (p as number) - (n as number) };
}

/** The part with the largest share of the CTR policy's difference (by its sign: the largest gain when it earns more, the largest loss when it earns less). */
export function largestPart(parts: SwitchParts, total: number): keyof SwitchParts {
  const keys = ['load', 'label', 'bids', 'freshness'] as const;
  const sign = total >= 0 ? 1 : -1;
  return keys.reduce((best, k) => (sign * parts[k] > sign * parts[best] ? k : best), keys[0] as keyof SwitchParts);
}
