// The marketplace at a glance (step 1): what a world holds, summarised from its tables.
import type { World } from '../sim/world.ts';
import { CATEGORIES, NUM_DAYS } from '../sim/types.ts';

/** One category of the marketplace. */
export interface CategoryGlance {
  name: string;
  ads: number;
  /** Mean cost per click of its ads, dollars. */
  meanBid: number;
  /** Share of all queries over the 90 days. */
  queryShare: number;
  exampleQuery: string;
  exampleHeadline: string;
}

/** The whole marketplace in a few numbers. */
export interface MarketGlance {
  ads: number;
  queryTexts: number;
  users: number;
  days: number;
  categories: CategoryGlance[];
}

/** Summarises a world's inventory and traffic. */
export function glance(world: World): MarketGlance {
  const k = CATEGORIES.length;
  const categories = CATEGORIES.map((name, c) => {
    const ads = world.ads.filter((a) => a.category === c);
    let share = 0;
    for (let d = 0; d < NUM_DAYS; d++) share += (world.catProb[d * k + c] as number) / NUM_DAYS;
    const start = world.queryTextStart[c] as number;
    return {
      name,
      ads: ads.length,
      meanBid: ads.reduce((s, a) => s + a.bid, 0) / Math.max(1, ads.length),
      queryShare: share,
      exampleQuery: world.queryTexts[start] ?? '',
      exampleHeadline: ads[0]?.headline ?? '',
    };
  });
  return {
    ads: world.ads.length,
    queryTexts: world.queryTexts.length,
    users: world.userPropensity.length,
    days: NUM_DAYS,
    categories,
  };
}
