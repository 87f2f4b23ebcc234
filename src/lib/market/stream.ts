// The day's traffic a policy serves: queries drawn from the world's traffic (sampleQuery), put in
// hour order, each with a fixed set of candidate ads and their hidden true scores. The stream
// depends only on (world, seed, day, queries, cohort): every policy sees the same one.
//
// Retrieval rule (per query, CANDIDATES_PER_QUERY distinct ads, drawn uniformly without repeats):
//   CANDIDATES_OWN ads of the query's category, CANDIDATES_AFFINE ads of its related categories
//   (the marketplace's cross-category affinities; random categories when it has none) and
//   CANDIDATES_RANDOM ads from the whole inventory.
import { Rng } from '../rng.ts';
import { allocColumns } from '../sim/columns.ts';
import { NUM_USERS } from '../sim/constants.ts';
import { drawScoreNoise, sampleQuery, trueScore, type Query } from '../sim/truth.ts';
import { CATEGORIES, type Columns } from '../sim/types.ts';
import type { World } from '../sim/world.ts';

/** Candidate ads of the query's own category. */
export const CANDIDATES_OWN = 8;
/** Candidate ads of the query category's related categories. */
export const CANDIDATES_AFFINE = 4;
/** Candidate ads from anywhere in the inventory. */
export const CANDIDATES_RANDOM = 4;
/** Candidates per query: row q·CANDIDATES_PER_QUERY + j of a day's batch is candidate j of query q. */
export const CANDIDATES_PER_QUERY = CANDIDATES_OWN + CANDIDATES_AFFINE + CANDIDATES_RANDOM;
/** Queries a followed user issues per day on average: the cohort is queriesPerDay ÷ this many users. */
export const QUERIES_PER_USER_PER_DAY = 1;

/** Number of category codes. */
const K = CATEGORIES.length;

/** The inventory indexed for retrieval. */
export interface AdIndex {
  /** Ad ids of each category. */
  byCategory: Uint16Array[];
  /** Related ad categories of each query category (affinity > 0, not itself). */
  related: number[][];
  /** Every ad id. */
  all: Uint16Array;
}

/** Indexes a world's inventory by category and its categories' relations. */
export function indexAds(world: World): AdIndex {
  const byCategory = CATEGORIES.map((_, c) => Uint16Array.from(world.ads.filter((a) => a.category === c).map((a) => a.id)));
  const related = CATEGORIES.map((_, q) => CATEGORIES.map((__, a) => a).filter((a) => a !== q && (world.affinity[q * K + a] as number) > 0));
  return { byCategory, related, all: Uint16Array.from(world.ads, (a) => a.id) };
}

/** One day of traffic with its candidates. */
export interface DayStream {
  day: number;
  /** Number of queries (rows = queries × CANDIDATES_PER_QUERY). */
  queries: number;
  /** Candidate rows: query fields repeated per candidate, the ad's fields, hidden trueScore and truth. */
  cands: Columns;
}

/** Size of the followed user cohort for a given traffic (at least 1, at most the world's users). */
export function cohortSize(queriesPerDay: number, queriesPerUser: number): number {
  return Math.max(1, Math.min(NUM_USERS, Math.round(queriesPerDay / Math.max(1e-6, queriesPerUser))));
}

/** Draws one ad id from `pool` not already among chosen[0…count) (gives up on repeats after 50 tries). */
function drawAd(rng: Rng, pool: Uint16Array, chosen: Uint16Array, count: number): number {
  for (let attempt = 0; ; attempt++) {
    const ad = pool[rng.int(pool.length)] as number;
    let dup = false;
    for (let k = 0; k < count; k++) if (chosen[k] === ad) dup = true;
    if (!dup || attempt > 50) return ad;
  }
}

/** The stream of one day: `queries` queries by a cohort of `users` users, in hour order, with candidates. */
export function dayStream(world: World, index: AdIndex, seed: string, day: number, queries: number, users: number): DayStream {
  const rng = new Rng(`${world.params.seed}/serve/${seed}/day-${day}`);
  const list: Query[] = [];
  for (let i = 0; i < queries; i++) {
    const q = sampleQuery(world, rng, day);
    q.user = q.user % users;
    list.push(q);
  }
  list.sort((a, b) => a.hour - b.hour);
  const C = CANDIDATES_PER_QUERY;
  const c = allocColumns(queries * C);
  const chosen = new Uint16Array(C);
  for (let i = 0; i < queries; i++) {
    const q = list[i] as Query;
    const related = index.related[q.queryCat] as number[];
    for (let j = 0; j < C; j++) {
      let pool: Uint16Array;
      if (j < CANDIDATES_OWN) pool = index.byCategory[q.queryCat] as Uint16Array;
      else if (j < CANDIDATES_OWN + CANDIDATES_AFFINE && related.length > 0) pool = index.byCategory[related[rng.int(related.length)] as number] as Uint16Array;
      else if (j < CANDIDATES_OWN + CANDIDATES_AFFINE) pool = index.byCategory[rng.int(K)] as Uint16Array;
      else pool = index.all;
      const ad = drawAd(rng, pool, chosen, j);
      chosen[j] = ad;
      const r = i * C + j;
      const score = trueScore(world, q, ad, drawScoreNoise(rng));
      c.day[r] = day;
      c.hour[r] = q.hour;
      c.queryCat[r] = q.queryCat;
      c.queryText[r] = q.queryText;
      c.intent[r] = q.intent;
      c.device[r] = q.device;
      c.user[r] = q.user;
      c.adId[r] = ad;
      c.adCat[r] = world.adCat[ad] as number;
      c.quality[r] = world.adQuality[ad] as number;
      c.bid[r] = world.adBid[ad] as number;
      c.trueScore[r] = score;
      c.truth[r] = score >= world.threshold ? 1 : 0;
      c.label[r] = c.truth[r] as number; // no annotator at serving time: the label is the truth
    }
  }
  return { day, queries, cands: c };
}
