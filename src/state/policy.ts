// One simulated day of an ad-serving policy, as step 1 shows it: the fields of the business
// simulation's PolicyDay that the step reads, so its days can be handed over unchanged.
import type { PolicyDay as SimulatedDay } from '../lib/market/types.ts';

/** What a policy did on one simulated day (day, queries, impressions, clicks, CTR, revenue). */
export type PolicyDay = Pick<SimulatedDay, 'day' | 'queries' | 'impressions' | 'clicks' | 'ctr' | 'revenue'>;
