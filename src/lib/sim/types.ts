// The shared vocabulary of the simulated ad marketplace. Every other module (features, the lab
// worker, the UI, the tests) codes against these types; the simulator in this folder fills them.

/** The knobs that define a world. One seed string determines everything else. */
export interface WorldParams {
  /** Any string; hashed into the RNG seed. */
  seed: string;
  /** True "should show" rate over the development days 0–89, 0.00001…0.5 (default 0.0001: 99.99% no-show). */
  skew: number;
  /** Annotator miss rate of true positives, 0…0.5 (false-positive rate is noise·skew/(1−skew)). */
  noise: number;
  /** Drift strength 0…1 (covariate and concept drift); 0 = a stationary world. */
  drift: number;
}

/** Query categories, in column order (index = code in `queryCat` / `adCat`). */
export const CATEGORIES = ['travel', 'shoes', 'electronics', 'finance', 'food', 'games', 'health', 'home'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Devices, in column order. */
export const DEVICES = ['mobile', 'desktop', 'tablet'] as const;
export type Device = (typeof DEVICES)[number];
/** Last day of the development history: "yesterday" when the team ships (days 0…DEV_LAST_DAY). */
export const DEV_LAST_DAY = 89;
/** Number of development days 0…DEV_LAST_DAY (the default log, the threshold and the dataset span them). */
export const DEV_DAYS = DEV_LAST_DAY + 1;
/** Number of development days: the same as DEV_DAYS, kept for the callers that read it. */
export const NUM_DAYS = DEV_DAYS;
/** First deployed day: serving starts at the start of it. */
export const DEPLOY_DAY = DEV_LAST_DAY + 1;
/** Last simulated day: serving (days 90–103) and the policy comparison (104–117) run up to it. */
export const LAST_WORLD_DAY = 117;
/** Number of simulated days 0…LAST_WORLD_DAY (the length of the world's per-day tables). */
export const WORLD_DAYS = LAST_WORLD_DAY + 1;

/** One ad of the inventory. */
export interface Ad {
  id: number;
  category: number;
  /** Advertiser quality score, 0…1. */
  quality: number;
  /** Cost per click in dollars. */
  bid: number;
  headline: string;
}

/**
 * A columnar block of candidate rows: one (query, candidate ad) pair per row. Every column is a
 * typed array of length n, so blocks move between threads by transfer, without copying.
 * Text columns are indices into the world's tables (`queryTexts`, `ads[adId].headline`).
 */
export interface Columns {
  n: number;
  /** Day 0…LAST_WORLD_DAY (development data: 0…DEV_LAST_DAY). */
  day: Uint8Array;
  /** Hour of day 0…23 (drawn from a daily traffic curve). */
  hour: Uint8Array;
  /** Query category code (CATEGORIES). */
  queryCat: Uint8Array;
  /** Index into world.queryTexts. */
  queryText: Uint16Array;
  /** Commercial intent of the query, 0…1. */
  intent: Float32Array;
  /** Device code (DEVICES). */
  device: Uint8Array;
  /** Anonymous user id. */
  user: Uint32Array;
  /** Index into world.ads. */
  adId: Uint16Array;
  /** Ad category code (CATEGORIES), denormalised from the inventory. */
  adCat: Uint8Array;
  /** Ad quality 0…1, denormalised. */
  quality: Float32Array;
  /** Ad bid (CPC, dollars), denormalised. */
  bid: Float32Array;
  /** Hidden ground truth: the true relevance score. */
  trueScore: Float32Array;
  /** Hidden ground truth: 1 if the ad should be shown (trueScore above the world's threshold). */
  truth: Uint8Array;
  /** Observed label, after annotator noise and the buggy batch. */
  label: Uint8Array;
  /** Hidden: 1 if the row was labelled by the buggy batch (its slice and days). */
  buggy: Uint8Array;
  /** Example weight: 1, or 1/negKeep for a negative kept by a downsampled stream. */
  weight: Float32Array;
}

/** Names of the columns that are typed arrays (for iteration, transfer and CSV export). */
export type ColumnName = Exclude<keyof Columns, 'n'>;
