// The vocabulary shared by the serving worker and the UI: deployments, monitoring, alerts, the
// gate's verdict, the click model's report. Plain data only (it crosses the worker boundary).
import type { PolicyDay } from '../market/types.ts';

/** Which story role a served policy plays ('baseline' is step 1's rule). */
export type ServedRole = 'baseline' | 'impressions_policy' | 'ctr_policy';

/** One deployment event, with the simulated time it took effect. */
export interface DeploymentRecord {
  /** 1, 2, … in order. */
  seq: number;
  /** Model version (v5) or 'baseline'. */
  version: string;
  role: ServedRole;
  action: 'ship' | 'shadow' | 'promote' | 'rollback';
  /** Simulated day and hour it took effect. */
  day: number;
  hour: number;
  reason: string;
  /** Wall-clock ms since epoch. */
  at: number;
  /** A click model's shadow or promotion: the reserve its launch test kept (so a reload serves the same load). */
  reserve?: number;
}

/** Percentiles of scoring latency, ms. */
export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

/** What the monitoring dashboard reads after a simulated day. */
export interface MonitorDay {
  day: number;
  /** Version of the champion that served it. */
  champion: string;
  requests: number;
  candidates: number;
  /** Measured in the worker over the time spent scoring. */
  requestsPerSec: number;
  candidatesPerSec: number;
  /** Per batch of BATCH_QUERIES requests. */
  batch: LatencyStats;
  /** A sample of requests scored one at a time. */
  request: LatencyStats;
  /** Distribution of the champion's scores over the day's candidates. */
  prediction: { p10: number; p50: number; p90: number; mean: number };
  /** PSI of live traffic against the model's training days, per watched feature. */
  drift: Record<string, number>;
}

/** An alert raised when a monitored value crosses its threshold. */
export interface ServingAlert {
  kind: 'feature_drift' | 'prediction_drift' | 'latency' | 'ctr_drop';
  day: number;
  hour: number;
  message: string;
  value: number;
  threshold: number;
}

/** One served day: the champion's business numbers, the baseline control on the same traffic, monitoring. */
export interface DayReport {
  /** 0-based index within the run. */
  index: number;
  served: PolicyDay;
  /** Step 1's baseline on the same requests and click draws, served to a held-out copy of the users. */
  control: PolicyDay;
  monitor: MonitorDay;
  alerts: ServingAlert[];
  /** On the impressions policy's first served day: its launch test (each candidate bar on its own share of users). */
  launch?: LaunchTest;
}

/** The outcome of a policy's decisions on requests, judged by the users' true click probabilities. */
export interface OutcomeData {
  queries: number;
  impressions: number;
  /** Expected clicks from the simulated users' true click probabilities. */
  expectedClicks: number;
  expectedRevenue: number;
  /** Standard error of the expected revenue per request, by users (a ratio estimator: a user's requests are not independent). */
  revenueSe?: number;
}

/** The gate's verdict after a shadow run. */
export interface GateData {
  objective: 'impressions' | 'clicks';
  /** The rule in words, shown beside the verdict. */
  rule: string;
  metric: 'impressions_per_query' | 'revenue_per_request';
  champion: { label: string; value: number; outcome: OutcomeData };
  challenger: { label: string; value: number; outcome: OutcomeData };
  pass: boolean;
  /** CTR gate: the smallest shortfall of revenue per request counted as a loss (Z standard errors of the difference of the two shares). */
  noise?: number;
  /** Simulated day of the shadow traffic. */
  day: number;
  /** Each candidate bar (impressions objective) or reserve (CTR objective) on its own share of the shadow requests' users. */
  arms?: LaunchArm[];
}

/** The click model trained on a serving log, and how good it is on the log's last days. */
export interface ClickModelReport {
  version: string;
  /** Which log: the champion's live log of days from…to. */
  log: { label: string; fromDay: number; toDay: number; impressions: number; clicks: number };
  trainRows: number;
  trainClicks: number;
  evalRows: number;
  /** Normalized entropy and calibration (mean pCTR ÷ observed CTR) on the held-out days. */
  ne: number;
  calibration: number;
  millis: number;
  /** Trained where: the serving worker, with src/lib/market trainClickModel. */
  trainer: string;
  /** Days it was fitted on (inclusive): the log's days minus the held-out last ones. */
  trainDays?: [number, number];
  /** Days held out to measure NE and calibration (inclusive). */
  heldOutDays?: [number, number];
  /** Its CTR policy's revenue estimated from the exploration log (IPS / SNIPS), before it serves. */
  offPolicy?: OffPolicyData;
}

/** The serving worker's state in one snapshot. */
export interface ServingSnapshot {
  startDay: number;
  days: number;
  queriesPerDay: number;
  champion: { label: string; role: ServedRole };
  challenger: { label: string; role: ServedRole } | null;
  /** Versions that a rollback would restore, most recent last. */
  previous: string[];
  run: 'idle' | 'running' | 'paused' | 'stopped' | 'done';
  reports: DayReport[];
  deployments: DeploymentRecord[];
  gate: GateData | null;
  /** Days per second (0 = as fast as possible). */
  speed: number;
  /** Every model the session holds: its training days and first served (or compared) day. */
  models?: ModelTimeline[];
  /** First and last day the comparison of the two policies runs on (after the served days). */
  compareDays?: [number, number];
}

/** The paired comparison's summary: the CTR policy minus the impressions policy over the compared days, with a bootstrap interval over users. */
export interface ComparisonSummary {
  /** First and last compared day (inclusive). */
  days: [number, number];
  /** Versions of the two arms. */
  impressions: string;
  ctr: string;
  /** Paired units resampled (the followed users). */
  users: number;
  resamples: number;
  /** Total revenue difference, CTR policy minus impressions policy, dollars. */
  total: number;
  /** Bootstrap standard error of the total. */
  se: number;
  /** 95% percentile interval of the total (paired bootstrap over users). */
  ci: [number, number];
  /** Ads a request the impressions policy showed over the compared days. */
  impressionsAdsPerRequest?: number;
  /** Each arm that changes one thing (step 12's attribution): its revenue difference against the impressions policy. */
  arms?: ArmSummary[];
}

/** One arm of the attribution: its revenue over the compared days minus the impressions policy's, paired over users. */
export interface ArmSummary {
  role: 'click_label' | 'ctr_policy' | 'ctr_no_bid' | 'fresh_impressions';
  label: string;
  revenue: number;
  adsPerRequest: number;
  total: number;
  se: number;
  ci: [number, number];
  /** fresh_impressions: freshness alone, the fresh model minus its twin (the same learner and rows on the impressions model's days), paired over users. */
  alone?: {
    total: number;
    se: number;
    ci: [number, number];
    days: [number, number];
    /** The world's day tables are the same on every day of both ranges (drift 0): the two models' rows are the same draws, only their day differs. */
    stillWorld?: boolean;
    /** The fresh model and its twin have the same weights (so they serve the same ads on every request). */
    sameModel?: boolean;
  };
}

/** One compared day of the CTR policy, with the impressions policy's day on the same requests and click draws. */
export interface ComparedDay extends PolicyDay {
  /** The impressions policy on the same day, requests and click draws (the other arm). */
  other?: PolicyDay;
  /** Present on the last compared day: the summary over all of them. */
  summary?: ComparisonSummary;
}

/** Which days a served model was trained on, and the first day it served or was compared on. */
export interface ModelTimeline {
  version: string;
  role: ServedRole;
  /** Training days (inclusive), as the model records them. */
  trainDays: [number, number];
  /** First day it served live alone or was compared on (NaN if never): not its launch test's day. */
  serveFirstDay: number;
  /** The day of its launch test (impressions policy), if it had one. */
  launchDay?: number;
}

/** One arm of the impressions policy's launch test: a bar on its own share of the users, or the champion's share (bar null). */
export interface LaunchArm {
  /** Bar on the model's predicted probability (a reserve on pCTR × bid in the CTR launch test); null for the champion's share (the control). */
  bar: number | null;
  users: number;
  queries: number;
  impressions: number;
  /** Revenue (dollars): clicks × CPC when served, expected when shadowed. */
  revenue: number;
  impressionsPerQuery: number;
  revenuePerQuery: number;
  /** The CTR launch test: expected clicks ÷ impressions (what the CTR objective ranks the reserves by). */
  ctr?: number;
  /** The bar (or reserve) the objective keeps. */
  chosen: boolean;
}

/** The launch test of the impressions policy on its first served day. */
export interface LaunchTest {
  day: number;
  arms: LaunchArm[];
  /** The kept bar (NaN when none earned at least the control's revenue per query). */
  bar: number;
  /** The rule in words. */
  rule: string;
}

/** The off-policy estimate of the CTR policy's revenue from the impressions policy's logged exploration share, before it serves. */
export interface OffPolicyData {
  /** Live days the exploration log covers (inclusive). */
  days: [number, number];
  /** Share of the requests explored, explored requests and logged slots. */
  share: number;
  requests: number;
  slots: number;
  /** Slots per request the estimate covers (the CTR policy's most). */
  slotsPerRequest: number;
  /** Logged slots whose ad the CTR policy would show in that slot. */
  supported: number;
  /** Effective sample size of the importance weights (Kish). */
  ess: number;
  /** Estimated revenue per request (dollars), IPS and SNIPS, with 95% intervals. */
  ips: { value: number; ci: [number, number] };
  snips: { value: number; ci: [number, number] };
  /** Revenue per request of the explored requests and of the others on the same days (the price of exploring). */
  exploredRevenuePerRequest: number;
  servedRevenuePerRequest: number;
  /** Standard error of the explored requests' mean revenue per request (from each explored request's revenue). */
  exploredRevenueSe?: number;
}
