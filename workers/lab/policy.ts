// Step 1's business picture: the rule-based baseline policy served over simulated days, with the
// users' ads-blindness carried over from a warm-up (src/lib/market). Plain data out.
import { DEFAULT_SIM_OPTIONS, baselinePolicy, simulatePolicy, type PolicyDay } from '../../src/lib/market/index.ts';
import { createWorld } from '../../src/lib/sim/world.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { worldKey } from '../../src/lib/url/lab-config.ts';

/** Worlds are cheap but not free (tens of ms); the last one is reused across calls. */
let cached: { key: string; world: ReturnType<typeof createWorld> } | null = null;

/** The baseline policy's impressions, clicks, CTR and revenue per day over the default 14 simulated days. */
export function baselineDays(params: WorldParams): PolicyDay[] {
  const key = worldKey(params);
  if (cached?.key !== key) cached = { key, world: createWorld(params) };
  return simulatePolicy(cached.world, baselinePolicy(), { ...DEFAULT_SIM_OPTIONS, log: false }).days;
}
