// Before the CTR policy serves, its revenue per request estimated from the impressions policy's
// logged exploration share on the click model's held-out days only (the days it did not fit on) (Bottou et al., "Counterfactual Reasoning and Learning Systems", JMLR
// 2013): each explored slot showed a candidate drawn at random with a recorded propensity; the CTR
// policy is deterministic, so its probability of that ad in that slot is 1 or 0, and IPS / SNIPS
// reweight the logged rewards, over the slots the CTR policy fills (its empty slots earn 0). Short-term by construction: the logged users are as blind as the
// impressions policy made them, and the log cannot show them recover (Hohnhold et al. 2015).
import { CANDIDATES_PER_QUERY, selectAds } from '../../src/lib/market/index.ts';
import { offPolicyEstimate } from '../../src/lib/serving/ope.ts';
import type { OffPolicyData } from '../../src/lib/serving/types.ts';
import type { ServedPolicy } from './policies.ts';
import { EXPLORE_SLOTS, type ServingSession } from './session.ts';

/** Standard error of a mean (sample standard deviation ÷ √n; NaN below two values). */
function standardError(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = xs.reduce((a, x) => a + x, 0) / n;
  const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
  return Math.sqrt(v / n);
}

/** The CTR policy's revenue per request estimated from the session's exploration log on the days after its model's training days (null without any). */
export function estimateFromExploration(session: ServingSession, target: ServedPolicy): OffPolicyData | null {
  const x = session.exploration;
  if (x.day.length === 0) return null;
  const C = CANDIDATES_PER_QUERY;
  const lastTrained = target.model?.days[1] ?? Number.NEGATIVE_INFINITY;
  const reports = session.snapshot().reports.filter((r) => r.served.day > lastTrained);
  if (reports.length === 0) return null;
  let requests = 0;
  let exploredRevenue = 0;
  // Each explored request's revenue (every slot it filled), for the standard error of their mean.
  const perRequest: number[] = [];
  const reward: number[] = [];
  const loggingProb: number[] = [];
  const targetProb: number[] = [];
  const cluster: number[] = [];
  const shown = new Uint32Array(Math.max(1, target.policy.maxAds));
  for (const r of reports) {
    const day = r.served.day;
    let i = x.day.indexOf(day);
    if (i < 0) continue;
    const s = session.stream(r.index);
    session.use(target.label, 'estimated', day);
    const scores = target.policy.score(s.cands);
    for (; i < x.day.length && x.day[i] === day; ) {
      const q = x.query[i] as number;
      requests++;
      const k = selectAds(target.policy, s.cands, scores, q * C, C, shown);
      let earned = 0;
      for (; i < x.day.length && x.day[i] === day && x.query[i] === q; i++) {
        exploredRevenue += x.reward[i] as number;
        earned += x.reward[i] as number;
        const slot = x.slot[i] as number;
        // Only the slots the CTR policy fills on this request: an empty slot earns 0 for certain.
        if (slot >= EXPLORE_SLOTS || slot >= k) continue;
        reward.push(x.reward[i] as number);
        loggingProb.push(x.propensity[i] as number);
        targetProb.push(shown[slot] === x.row[i] ? 1 : 0);
        cluster.push(day * 1_000_000 + q);
      }
      perRequest.push(earned);
    }
  }
  if (reward.length === 0) return null;
  const e = offPolicyEstimate({ reward, loggingProb, targetProb, cluster });
  // Per filled slot → per request: times the CTR policy's filled slots per explored request.
  const per = (v: number) => (v * reward.length) / Math.max(1, requests);
  let served = 0;
  let queries = 0;
  for (const r of reports) {
    served += r.served.revenue;
    queries += r.served.queries;
  }
  const otherRequests = Math.max(1, queries - requests);
  return {
    days: [reports[0]?.served.day ?? 0, reports.at(-1)?.served.day ?? 0],
    share: x.share,
    requests,
    slots: e.n,
    slotsPerRequest: EXPLORE_SLOTS,
    supported: e.supported,
    ess: e.ess,
    ips: { value: per(e.ips.value), ci: [per(e.ips.ci[0]), per(e.ips.ci[1])] },
    snips: { value: per(e.snips.value), ci: [per(e.snips.ci[0]), per(e.snips.ci[1])] },
    exploredRevenuePerRequest: exploredRevenue / Math.max(1, requests),
    servedRevenuePerRequest: (served - exploredRevenue) / otherRequests,
    exploredRevenueSe: standardError(perRequest),
  };
}
