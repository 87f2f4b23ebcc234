// One simulated day of an ad-serving policy, as step 1 shows it.

/** What a policy did on one simulated day. */
export interface PolicyDay {
  day: number;
  queries: number;
  impressions: number;
  clicks: number;
  /** clicks ÷ impressions. */
  ctr: number;
  /** Σ clicks × CPC, dollars. */
  revenue: number;
}
