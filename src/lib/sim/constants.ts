// The constants of the simulated ad marketplace, each with what it means. Category indices follow
// CATEGORIES: 0 travel, 1 shoes, 2 electronics, 3 finance, 4 food, 5 games, 6 health, 7 home.
// Device indices follow DEVICES: 0 mobile, 1 desktop, 2 tablet.

/** Number of ads in the inventory. */
export const NUM_ADS = 2400;
/** Number of distinct anonymous users issuing queries. */
export const NUM_USERS = 50_000;

// ---- Relevance ("should show"): trueScore = AFFINITY_WEIGHT·affinity + INTENT_WEIGHT·intent
// ---- + QUALITY_WEIGHT·quality + ε, ε ~ N(0, 1) the unobserved part; show iff trueScore ≥ threshold.

/** Weight of the query×ad category affinity (0…1) in the true score: relevance is mostly topical. */
export const AFFINITY_WEIGHT = 2.6;
/** Weight of the query's commercial intent (0…1) in the true score. */
export const INTENT_WEIGHT = 1.6;
/** Weight of the ad's quality (0…1) in the true score. */
export const QUALITY_WEIGHT = 1.2;
/** Affinity of a query category with ads of another category: [query, ad, affinity] (1 on the diagonal). */
export const CROSS_AFFINITIES: readonly (readonly [number, number, number])[] = [
  [2, 5, 0.6], // electronics queries ↔ games ads (consoles, gaming laptops)
  [5, 2, 0.6], // games queries ↔ electronics ads
  [0, 4, 0.4], // travel queries ↔ food ads (restaurants at the destination)
  [6, 4, 0.4], // health queries ↔ food ads (healthy eating)
  [7, 3, 0.3], // home queries ↔ finance ads (mortgages)
  [1, 6, 0.3], // shoes queries ↔ health ads (running, foot care)
];

// ---- Traffic: days, hours, devices, categories.

/** Relative traffic of each hour of the day 0…23 (a daily curve: night trough, evening peak). */
export const HOUR_TRAFFIC = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.85, 0.95, 1.0, 1.0, 1.05, 1.0, 0.95, 0.95, 1.0, 1.05, 1.15, 1.3, 1.35, 1.2,
  0.9, 0.55,
];
/** Base popularity of each query category (share of queries, before seasons). */
export const CATEGORY_POPULARITY = [1.2, 0.9, 1.1, 0.8, 1.1, 0.9, 0.9, 1.1];
/** Length in days of the seasonal popularity cycle (the development history is one cycle; later days begin the next). */
export const SEASON_PERIOD_DAYS = 90;
/** Seasonal phase of each category's popularity cycle, as a fraction of SEASON_PERIOD_DAYS. */
export const SEASON_PHASE = [0.0, 0.6, 0.3, 0.8, 0.45, 0.15, 0.7, 0.9];
/** Amplitude of the seasonal popularity swing at drift = 1 (±60% around the base). */
export const SEASON_AMPLITUDE = 0.6;
/** Share of mobile traffic on day 0. */
export const MOBILE_SHARE_START = 0.45;
/** Growth of the mobile share from day 0 to day 89 at drift = 1 (covariate drift); it grows at the same rate afterwards. */
export const MOBILE_SHARE_GROWTH = 0.3;
/** Largest mobile share on any day (desktop keeps at least 1 − this − TABLET_SHARE). */
export const MOBILE_SHARE_MAX = 0.85;
/** Share of tablet traffic (constant). */
export const TABLET_SHARE = 0.08;

// ---- Concept drift: from CONCEPT_DRIFT_START a growing share of queries of some categories
// ---- become relevant to ads of another category (their affinity row becomes the target's).

/** First day of the concept drift trend. */
export const CONCEPT_DRIFT_START = 58;
/** Share of drifting queries on day 89 at drift = 1 (grows linearly from 0 at the start day). */
export const CONCEPT_DRIFT_MAX_SHARE = 0.9;
/** Share the drifting queries approach after day 89 at drift = 1 (the trend runs on at its pace, then saturates). */
export const CONCEPT_DRIFT_CEILING = 1;
/** Drifting query categories and where their relevance moves: [query category, new ad category]. */
export const CONCEPT_DRIFT_MOVES: readonly (readonly [number, number])[] = [
  [2, 5], // electronics searches turn to games (a console launch)
  [6, 4], // health searches turn to food (a diet trend)
  [7, 3], // home searches turn to finance (a mortgage boom)
  [1, 6], // shoes searches turn to health (a running craze)
];

// ---- Labels: annotator noise and the buggy batch.

/** The buggy batch's slice: query category (travel). */
export const BUGGY_QUERY_CAT = 0;
/** The buggy batch's slice: ad category (finance). */
export const BUGGY_AD_CAT = 3;
/** The buggy batch's slice: device (mobile). */
export const BUGGY_DEVICE = 0;
/** The buggy batch's days, inclusive. */
export const BUGGY_DAYS: readonly [number, number] = [20, 34];
/** Wrong positives the buggy batch adds per true positive (≈0.8 makes about half of observed positives wrong with 10% noise). */
export const BUGGY_WRONG_PER_TRUE = 0.8;
/** Cap on the buggy batch's flip probability (matters only at large skew). */
export const BUGGY_FLIP_CAP = 0.5;

// ---- Candidates' text features.

/** Weight of a query template's own intent in a query's commercial intent (the rest is uniform noise). */
export const INTENT_TEMPLATE_SHARE = 0.6;

// ---- Ads.

/** Mean cost per click (dollars) of each ad category: finance high, food low. */
export const CATEGORY_CPC = [1.4, 0.7, 1.1, 4.5, 0.35, 0.5, 1.6, 1.2];
/** Log-normal spread of bids around the category mean. */
export const BID_SPREAD = 0.35;
/** Mean ad quality. */
export const QUALITY_MEAN = 0.55;
/** Standard deviation of ad quality (clamped to [0.02, 0.98]). */
export const QUALITY_SD = 0.18;

// ---- Users and clicks (given an ad is shown): see truth.ts.

/** Log-normal spread of users' click propensity (multiplier with median 1). */
export const USER_PROPENSITY_SPREAD = 0.5;
/** Click log-odds of a shown ad exactly at the relevance threshold, quality 0.5, intent 0.5, top position (≈21%: such pairs are rare; same-category ads sit ~3 below it, a few percent). */
export const CLICK_BIAS = -1.3;
/** Click log-odds per unit of relevance margin (trueScore − threshold). */
export const CLICK_RELEVANCE = 0.6;
/** Click log-odds per unit of ad quality above 0.5. */
export const CLICK_QUALITY = 1.2;
/** Click log-odds per unit of intent above 0.5. */
export const CLICK_INTENT = 1.0;
/** Click multiplier by ad position 0, 1, 2, 3+ (position bias). */
export const POSITION_FACTOR = [1.0, 0.6, 0.42, 0.3];
/** Click multiplier by device (mobile, desktop, tablet). */
export const DEVICE_CLICK_FACTOR = [0.85, 1.1, 1.0];
/** Upper bound of a click probability. */
export const MAX_CLICK_PROB = 0.9;

// ---- Oracle.

/** Dollars the relabelling oracle (an expert annotator) charges per row. */
export const RELABEL_COST_PER_ROW = 0.25;

/** Skew whose threshold anchors what users find relevant: the skew knob changes labels, not how people click. */
export const CLICK_REFERENCE_SKEW = 1e-4;

/**
 * Skew whose threshold anchors what users find relevant enough to relieve their ads blindness: the
 * score that 3% of all query–ad pairs clear. A query's best candidate clears it in about two
 * queries of three, its second in about half, its third in a quarter and its eighth almost never
 * (measured on the default world's day-95 stream), so the few ads a good policy shows relieve the
 * users while a long list of ads teaches them to ignore ads (Hohnhold, O'Brien & Tang, KDD 2015).
 */
export const BLINDNESS_REFERENCE_SKEW = 0.03;
