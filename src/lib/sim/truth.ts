// Ground truth of the marketplace as plain functions, shared by the row generator and by the
// serving simulation: how relevant an ad is to a query ("should show"), and how likely a user is
// to click it once shown.
import type { Rng } from '../rng.ts';
import {
  AFFINITY_WEIGHT,
  CLICK_BIAS,
  CLICK_INTENT,
  CLICK_QUALITY,
  CLICK_RELEVANCE,
  DEVICE_CLICK_FACTOR,
  HOUR_TRAFFIC,
  INTENT_TEMPLATE_SHARE,
  INTENT_WEIGHT,
  MAX_CLICK_PROB,
  NUM_USERS,
  POSITION_FACTOR,
  QUALITY_WEIGHT,
} from './constants.ts';
import { fastNormalQuantile } from './normal.ts';
import { CATEGORIES, LAST_WORLD_DAY } from './types.ts';
import { LUT_BITS, type World, LUT_SIZE } from './world.ts';

/** Number of category codes. */
const K = CATEGORIES.length;

/** One query as the serving simulation sees it (plus its hidden topic drift). */
export interface Query {
  day: number;
  hour: number;
  queryCat: number;
  queryText: number;
  intent: number;
  device: number;
  user: number;
  /** Hidden: the query's topic has drifted (its relevance follows world.moveTarget[queryCat]). */
  moved: boolean;
}

/** Draws one query of the given day (a whole day 0…LAST_WORLD_DAY) from the world's traffic. */
export function sampleQuery(world: World, rng: Rng, day: number): Query {
  if (!Number.isInteger(day) || day < 0 || day > LAST_WORLD_DAY) throw new RangeError(`day ${day} is outside the simulated days 0–${LAST_WORLD_DAY}`);
  const queryCat = world.catLut[day * LUT_SIZE + (rng.nextU32() >>> (32 - LUT_BITS))] as number;
  const queryText = (world.queryTextStart[queryCat] as number) + rng.int(world.queryTextCount[queryCat] as number);
  const intent = INTENT_TEMPLATE_SHARE * (world.queryTextIntent[queryText] as number) + (1 - INTENT_TEMPLATE_SHARE) * rng.uniform();
  const device = world.deviceLut[day * LUT_SIZE + (rng.nextU32() >>> (32 - LUT_BITS))] as number;
  const moved = rng.uniform() < (world.moveShare[day * K + queryCat] as number);
  const hour = world.hourLut[rng.nextU32() >>> (32 - LUT_BITS)] as number;
  const user = rng.int(NUM_USERS);
  return { day, hour, queryCat, queryText, intent, device, user, moved };
}

/** The category whose affinity row governs a query's relevance (its own, or its drift target). */
export function effectiveCategory(world: World, queryCat: number, moved: boolean): number {
  return moved ? (world.moveTarget[queryCat] as number) : queryCat;
}

/** Probability that a query of this category on this day has drifted to another topic. */
export function driftShare(world: World, queryCat: number, day: number): number {
  return world.moveShare[day * K + queryCat] as number;
}

/** The observable-plus-topical part of the true score (its mean given query and ad; ε excluded). */
export function relevanceMean(world: World, effCat: number, adCat: number, intent: number, quality: number): number {
  return AFFINITY_WEIGHT * (world.affinity[effCat * K + adCat] as number) + INTENT_WEIGHT * intent + QUALITY_WEIGHT * quality;
}

/** A draw of the unobserved part ε ~ N(0, 1) of the true score. */
export function drawScoreNoise(rng: Rng): number {
  return fastNormalQuantile(rng.uniform());
}

/** The true relevance score of (query, ad): relevanceMean + ε. */
export function trueScore(world: World, q: Query, adId: number, eps: number): number {
  const eff = effectiveCategory(world, q.queryCat, q.moved);
  return relevanceMean(world, eff, world.adCat[adId] as number, q.intent, world.adQuality[adId] as number) + eps;
}

/** True iff an ad with this true score should be shown (the impressions-era label). */
export function shouldShow(world: World, score: number): boolean {
  return score >= world.threshold;
}

/** What a click depends on once an ad is shown. */
export interface ClickContext {
  /** True score of the (query, ad) pair. */
  score: number;
  quality: number;
  intent: number;
  /** 0 = top slot. */
  position: number;
  device: number;
  hour: number;
  /** The user's propensity multiplier (world.userPropensity[user]). */
  propensity: number;
  /** The user's ads-blindness state 0…1 (see blindness.ts); 0 = fresh. */
  blindness: number;
}

/** Mean hourly traffic, for normalising the hour effect. */
const HOUR_MEAN = HOUR_TRAFFIC.reduce((s, v) => s + v, 0) / HOUR_TRAFFIC.length;

/** Click multiplier of an hour: users click a little more at busy evening hours (0.9…1.1). */
export function hourClickFactor(hour: number): number {
  return 0.9 + 0.2 * Math.min(1, (HOUR_TRAFFIC[hour] ?? HOUR_MEAN) / (1.35 * 1.0));
}

/** Probability that the user clicks the shown ad (a few percent for relevant ads at the top). */
export function clickProbability(world: World, c: ClickContext): number {
  const margin = c.score - world.clickReference;
  const logit = CLICK_BIAS + CLICK_RELEVANCE * margin + CLICK_QUALITY * (c.quality - 0.5) + CLICK_INTENT * (c.intent - 0.5);
  const base = 1 / (1 + Math.exp(-logit));
  const pos = POSITION_FACTOR[Math.min(c.position, POSITION_FACTOR.length - 1)] as number;
  const dev = DEVICE_CLICK_FACTOR[c.device] ?? 1;
  const p = base * pos * dev * hourClickFactor(c.hour) * c.propensity * (1 - c.blindness);
  return Math.min(MAX_CLICK_PROB, Math.max(0, p));
}
