// A world: everything fixed by the knobs before any row is drawn — the ad inventory, the query
// texts, the users, the per-day traffic tables of days 0…LAST_WORLD_DAY (seasons, device mix,
// concept drift), the relevance threshold solved over days 0–89 and the label-noise rates.
// Deterministic from its params.
import { Rng } from '../rng.ts';
import {
  BID_SPREAD,
  BUGGY_AD_CAT,
  BUGGY_DAYS,
  BUGGY_DEVICE,
  BUGGY_FLIP_CAP,
  BUGGY_QUERY_CAT,
  BUGGY_WRONG_PER_TRUE,
  CATEGORY_CPC,
  CLICK_REFERENCE_SKEW,
  BLINDNESS_REFERENCE_SKEW,
  CATEGORY_POPULARITY,
  CONCEPT_DRIFT_MOVES,
  CROSS_AFFINITIES,
  HOUR_TRAFFIC,
  NUM_ADS,
  NUM_USERS,
  QUALITY_MEAN,
  QUALITY_SD,
  TABLET_SHARE,
  USER_PROPENSITY_SPREAD,
} from './constants.ts';
import { validateParams } from './params.ts';
import { buildQueryTable, makeHeadline } from './text.ts';
import { solveThreshold } from './threshold.ts';
import { conceptDriftShare, mobileShare, seasonFactor } from './timeline.ts';
import { CATEGORIES, DEV_DAYS, DEVICES, WORLD_DAYS, type Ad, type WorldParams } from './types.ts';

export { DEFAULT_PARAMS, validateParams } from './params.ts';

/** Number of category codes. */
const K = CATEGORIES.length;
/** log2 of the size of each lookup table that maps a random uint32 to a category. */
export const LUT_BITS = 12;
/** Size of each lookup table (one per day for categories and devices). */
export const LUT_SIZE = 1 << LUT_BITS;

/** A world: the fixed tables every generated row draws from. */
export interface World {
  params: WorldParams;
  /** The ad inventory. */
  ads: Ad[];
  /** Ad columns (same order as `ads`), for fast generation. */
  adCat: Uint8Array;
  adQuality: Float32Array;
  adBid: Float32Array;
  /** Readable query texts, grouped by category. */
  queryTexts: string[];
  /** Category of each query text. */
  queryTextCat: Uint8Array;
  /** Template intent (0…1) of each query text. */
  queryTextIntent: Float32Array;
  /** First index and number of the query texts of each category. */
  queryTextStart: Uint16Array;
  queryTextCount: Uint16Array;
  /** Click propensity multiplier of each user (median 1). */
  userPropensity: Float32Array;
  /** affinity[q·8 + a]: topical affinity of query category q with ad category a (1 on the diagonal). */
  affinity: Float32Array;
  /** catProb[d·8 + q]: share of day d's queries in category q (seasons), d = 0…LAST_WORLD_DAY. */
  catProb: Float64Array;
  /** catLut[d·LUT_SIZE + k]: query category for random bucket k on day d. */
  catLut: Uint8Array;
  /** deviceProb[d·3 + v]: share of day d's traffic on device v (mobile grows with drift), d = 0…LAST_WORLD_DAY. */
  deviceProb: Float64Array;
  /** deviceLut[d·LUT_SIZE + k]: device for random bucket k on day d. */
  deviceLut: Uint8Array;
  /** hourLut[k]: hour for random bucket k (the daily traffic curve). */
  hourLut: Uint8Array;
  /** moveShare[d·8 + q]: probability that a query of category q on day d (0…LAST_WORLD_DAY) has drifted to another topic. */
  moveShare: Float32Array;
  /** moveTarget[q]: category whose affinity row a drifted query of category q takes (q if it never drifts). */
  moveTarget: Uint8Array;
  /** Solved score threshold (over days 0–89): a pair should show iff its true score ≥ threshold. */
  threshold: number;
  /** Score users judge ads against (the threshold at the reference skew): clicks and blindness do not move with the labelling knob. */
  clickReference: number;
  /** Score above which a shown ad relieves the user's ads blindness, below which it teaches it (the threshold at BLINDNESS_REFERENCE_SKEW). */
  blindnessReference: number;
  /** Probability that an annotator marks a true "show" as "no-show" (= noise). */
  missRate: number;
  /** Probability that an annotator marks a true "no-show" as "show" (= noise·skew/(1−skew)). */
  falseShowRate: number;
  /** Probability that the buggy batch marks an irrelevant pair of its slice as "show". */
  buggyFlipRate: number;
  /** Share of the development log's rows (days 0–89) that fall in the buggy slice (category pair, device, days). */
  buggySliceShare: number;
}

/** Lookup table mapping LUT_SIZE equal buckets of [0, 1) to indices of a distribution. */
function fillLut(out: Uint8Array, offset: number, probs: ArrayLike<number>): void {
  let acc = 0;
  let k = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i] as number;
    const end = i === probs.length - 1 ? LUT_SIZE : Math.min(LUT_SIZE, Math.round(acc * LUT_SIZE));
    for (; k < end; k++) out[offset + k] = i;
  }
}

/** Builds the world for the given knobs (clamped by validateParams). */
export function createWorld(input: WorldParams): World {
  const params = validateParams(input).params;
  const rng = new Rng(params.seed);
  const { drift, skew, noise } = params;

  const adRng = rng.fork('ads');
  const ads: Ad[] = [];
  const adCat = new Uint8Array(NUM_ADS);
  const adQuality = new Float32Array(NUM_ADS);
  const adBid = new Float32Array(NUM_ADS);
  for (let i = 0; i < NUM_ADS; i++) {
    const category = i % K;
    const quality = Math.min(0.98, Math.max(0.02, adRng.normal(QUALITY_MEAN, QUALITY_SD)));
    const bid = Math.round((CATEGORY_CPC[category] as number) * Math.exp(adRng.normal(0, BID_SPREAD)) * 100) / 100;
    ads.push({ id: i, category, quality: Math.fround(quality), bid: Math.max(0.05, bid), headline: makeHeadline(category, adRng) });
    adCat[i] = category;
    adQuality[i] = quality;
    adBid[i] = Math.max(0.05, bid);
  }

  const table = buildQueryTable();
  const userRng = rng.fork('users');
  const userPropensity = new Float32Array(NUM_USERS);
  for (let u = 0; u < NUM_USERS; u++) userPropensity[u] = Math.exp(userRng.normal(0, USER_PROPENSITY_SPREAD));

  const affinity = new Float32Array(K * K);
  for (let q = 0; q < K; q++) affinity[q * K + q] = 1;
  for (const [q, a, v] of CROSS_AFFINITIES) affinity[q * K + a] = v;

  const catProb = new Float64Array(WORLD_DAYS * K);
  const catLut = new Uint8Array(WORLD_DAYS * LUT_SIZE);
  const deviceProb = new Float64Array(WORLD_DAYS * DEVICES.length);
  const deviceLut = new Uint8Array(WORLD_DAYS * LUT_SIZE);
  const moveShare = new Float32Array(WORLD_DAYS * K);
  const moveTarget = Uint8Array.from({ length: K }, (_, q) => q);
  for (const [q, t] of CONCEPT_DRIFT_MOVES) moveTarget[q] = t;
  for (let d = 0; d < WORLD_DAYS; d++) {
    let total = 0;
    const w = new Float64Array(K);
    for (let q = 0; q < K; q++) {
      w[q] = (CATEGORY_POPULARITY[q] as number) * seasonFactor(d, q, drift);
      total += w[q] as number;
    }
    for (let q = 0; q < K; q++) catProb[d * K + q] = (w[q] as number) / total;
    fillLut(catLut, d * LUT_SIZE, catProb.subarray(d * K, d * K + K));
    const mobile = mobileShare(d, drift);
    deviceProb[d * 3] = mobile;
    deviceProb[d * 3 + 1] = 1 - mobile - TABLET_SHARE;
    deviceProb[d * 3 + 2] = TABLET_SHARE;
    fillLut(deviceLut, d * LUT_SIZE, deviceProb.subarray(d * 3, d * 3 + 3));
    const moved = conceptDriftShare(d, drift);
    for (const [q] of CONCEPT_DRIFT_MOVES) moveShare[d * K + q] = moved;
  }

  const hourLut = new Uint8Array(LUT_SIZE);
  const hourTotal = HOUR_TRAFFIC.reduce((s, v) => s + v, 0);
  fillLut(
    hourLut,
    0,
    HOUR_TRAFFIC.map((v) => v / hourTotal),
  );

  const scoreWorld = {
      affinity,
      textIntent: table.intent,
      textStart: table.start,
      textCount: table.count,
      adCat,
      adQuality,
      catProb,
      moveShare,
      moveTarget,
  };
  // Solved over the development days only (the threshold reads days 0…DEV_LAST_DAY of the tables).
  const threshold = solveThreshold(scoreWorld, skew);
  const clickReference = skew === CLICK_REFERENCE_SKEW ? threshold : solveThreshold(scoreWorld, CLICK_REFERENCE_SKEW);
  const blindnessReference = solveThreshold(scoreWorld, BLINDNESS_REFERENCE_SKEW);

  // Share of development rows in the buggy slice: P(day in range)·P(travel | day)·P(finance ad)·P(mobile | day).
  let buggySliceShare = 0;
  const financeShare = adCat.reduce((s, c) => s + (c === BUGGY_AD_CAT ? 1 : 0), 0) / NUM_ADS;
  for (let d = BUGGY_DAYS[0]; d <= BUGGY_DAYS[1]; d++) {
    buggySliceShare += ((catProb[d * K + BUGGY_QUERY_CAT] as number) * (deviceProb[d * 3 + BUGGY_DEVICE] as number) * financeShare) / DEV_DAYS;
  }
  const buggyFlipRate = Math.min(BUGGY_FLIP_CAP, (BUGGY_WRONG_PER_TRUE * skew) / buggySliceShare);

  return {
    params,
    ads,
    adCat,
    adQuality,
    adBid,
    queryTexts: table.texts,
    queryTextCat: table.category,
    queryTextIntent: table.intent,
    queryTextStart: table.start,
    queryTextCount: table.count,
    userPropensity,
    affinity,
    catProb,
    catLut,
    deviceProb,
    deviceLut,
    hourLut,
    moveShare,
    moveTarget,
    threshold,
    clickReference,
    blindnessReference,
    missRate: noise,
    falseShowRate: (noise * skew) / (1 - skew),
    buggyFlipRate,
    buggySliceShare,
  };
}
