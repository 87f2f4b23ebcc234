// The vocabulary of the serving and business simulation: policies as data plus a scorer, what a
// policy did on one simulated day, and the impression log a click model is trained on.
import type { BusinessMetrics } from '../sim/totals.ts';
import type { Columns } from '../sim/types.ts';

/** How a policy turns candidate scores into a page of ads. */
export type PolicyRule =
  /** Show every candidate whose score ≥ threshold, highest score first, at most maxAds. */
  | 'threshold'
  /** Value = score × bid; show the top maxAds by value among those with value ≥ threshold (a reserve). */
  | 'topk-by-value';

/** A serving policy: a scorer plus the rule that picks which candidates to show and in what order. */
export interface Policy {
  name: string;
  /** One score per candidate row of a day's batch (never reads the hidden trueScore or truth). */
  score: (cands: Columns) => Float32Array;
  rule: PolicyRule;
  /** Score (rule 'threshold') or value (rule 'topk-by-value') a candidate needs to be shown. */
  threshold: number;
  /** Most ads shown on one query (slots 0…maxAds−1). */
  maxAds: number;
}

/** What a policy did on one simulated day. */
export interface PolicyDay {
  day: number;
  queries: number;
  impressions: number;
  clicks: number;
  /** clicks ÷ impressions (NaN with no impressions). */
  ctr: number;
  /** Σ clicks × CPC, dollars. */
  revenue: number;
  /** Revenue per thousand impressions, dollars (NaN with no impressions). */
  ecpm: number;
  /** Impressions per query (the ad load). */
  adsPerQuery: number;
  /** Mean ads-blindness of the followed users at the end of the day (before the night's recovery). */
  meanBlindness: number;
}

/**
 * Every impression a policy served, columnar. The Columns part describes the (query, ad) pair as
 * the row generator does (label = clicked, weight 1, truth = hidden "should show"); the extra
 * columns say where the ad was shown and what the user did.
 */
export interface ImpressionLog extends Columns {
  /** Slot 0…maxAds−1 (0 = top). */
  position: Uint8Array;
  /** 1 if the user clicked. */
  clicked: Uint8Array;
  /** Index of the query within its day (queries of a day are in hour order). */
  query: Uint32Array;
  /** Hidden: the true click probability the click was drawn with. */
  pClick: Float32Array;
}

/** How to run a policy over simulated days. */
export interface SimOptions {
  /** First simulated day (0…LAST_WORLD_DAY; development days are 0…89). */
  startDay: number;
  /** Number of consecutive days (clamped so the last day is ≤ LAST_WORLD_DAY). */
  days: number;
  /** Queries served per day. */
  queriesPerDay: number;
  /** Seed of the query stream and the click draws: same seed ⇒ same queries, candidates and click uniforms. */
  seed: string;
  /** Queries a followed user issues per day on average (sets the size of the user cohort; default QUERIES_PER_USER_PER_DAY). */
  queriesPerUser?: number;
  /** Keep the impression log (default true). */
  log?: boolean;
  /** Blindness of each followed user at the start (default: everyone fresh). Copied, not modified. */
  initialBlindness?: Float32Array;
  /**
   * Days the cohort lived under another policy before startDay (not reported): users arrive with
   * the blindness it gave them. Served on days startDay − days … startDay − 1 (day 0 when earlier),
   * on streams of their own.
   */
  warmup?: { policy: Policy; days: number };
}

/** The outcome of running one policy. */
export interface SimResult {
  policy: string;
  days: PolicyDay[];
  /** Every impression served (null when options.log is false). */
  log: ImpressionLog | null;
  /** Totals and derived metrics over all days. */
  totals: BusinessMetrics;
  /** Blindness of each followed user after the last day's recovery. */
  blindness: Float32Array;
}
