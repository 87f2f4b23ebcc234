// Before the CTR policy serves, its revenue per request estimated from the impressions policy's
// logged exploration share (Bottou et al., "Counterfactual Reasoning and Learning Systems", JMLR
// 2013): each explored slot showed a candidate drawn at random with a recorded propensity; the CTR
// policy is deterministic, so its probability of that ad in that slot is 1 or 0, and IPS / SNIPS
// reweight the logged rewards, over the slots the CTR policy fills (its empty slots earn 0). Short-term by construction: the logged users are as blind as the
// impressions policy made them, and the log cannot show them recover (Hohnhold et al. 2015).
import { CANDIDATES_PER_QUERY, selectAds } from '../../src/lib/business/index.ts';
import { offPolicyEstimate } from '../../src/lib/serving/ope.ts';
import type { OffPolicyData } from '../../src/lib/serving/types.ts';
import type { ServedPolicy } from './policies.ts';
import { EXPLORE_SLOTS, type ServingSession } from './session.ts';

/** The CTR policy's revenue per request estimated from the session's exploration log (null without one). */
export function estimateFromExploration(session: ServingSession, target: ServedPolicy): OffPolicyData | null {
  const x = session.exploration;
  if (x.day.length === 0) return null;
  const C = CANDIDATES_PER_QUERY;
  const reports = session.snapshot().reports;
  const reward: number[] = [];
  const loggingProb: number[] = [];
  const targetProb: number[] = [];
  const cluster: number[] = [];
  const shown = new Uint32Array(Math.max(1, target.policy.maxAds));
  let i = 0;
  for (const r of reports) {
    const day = r.served.day;
    if (i >= x.day.length || x.day[i] !== day) continue;
    const s = session.stream(r.index);
    const scores = target.policy.score(s.cands);
    for (; i < x.day.length && x.day[i] === day; ) {
      const q = x.query[i] as number;
      const k = selectAds(target.policy, s.cands, scores, q * C, C, shown);
      for (; i < x.day.length && x.day[i] === day && x.query[i] === q; i++) {
        const slot = x.slot[i] as number;
        // Only the slots the CTR policy fills on this request: an empty slot earns 0 for certain.
        if (slot >= EXPLORE_SLOTS || slot >= k) continue;
        reward.push(x.reward[i] as number);
        loggingProb.push(x.propensity[i] as number);
        targetProb.push(slot < k && shown[slot] === x.row[i] ? 1 : 0);
        cluster.push(day * 1_000_000 + q);
      }
    }
  }
  if (reward.length === 0) return null;
  const e = offPolicyEstimate({ reward, loggingProb, targetProb, cluster });
  // Per filled slot → per request: times the CTR policy's filled slots per explored request.
  const per = (v: number) => (v * reward.length) / Math.max(1, x.requests);
  let served = 0;
  let queries = 0;
  for (const r of reports) {
    served += r.served.revenue;
    queries += r.served.queries;
  }
  const otherRequests = Math.max(1, queries - x.requests);
  return {
    days: [reports[0]?.served.day ?? 0, reports.at(-1)?.served.day ?? 0],
    share: x.share,
    requests: x.requests,
    slots: e.n,
    slotsPerRequest: EXPLORE_SLOTS,
    supported: e.supported,
    ess: e.ess,
    ips: { value: per(e.ips.value), ci: [per(e.ips.ci[0]), per(e.ips.ci[1])] },
    snips: { value: per(e.snips.value), ci: [per(e.snips.ci[0]), per(e.snips.ci[1])] },
    exploredRevenuePerRequest: x.revenue / Math.max(1, x.requests),
    servedRevenuePerRequest: (served - x.revenue) / otherRequests,
  };
}
