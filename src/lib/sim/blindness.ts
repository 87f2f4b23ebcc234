// Ads blindness, after Hohnhold, O'Brien & Tang, "Focusing on the Long-term" (KDD 2015): users
// learn from the ads they see, and what they learn depends on the ads' quality (relevance), not
// only on how many they see. Each ad the user finds irrelevant (true score below the world's
// blindnessReference) raises a user's blindness (a lower propensity to click any ad); each relevant
// one relieves it, and a click on an ad relieves it more (sightedness); it recovers slowly day by day.
// The state is one number per user in 0…BLINDNESS_MAX; a click probability is multiplied by 1 − state.

/** Largest possible blindness (a user never becomes entirely blind). */
export const BLINDNESS_MAX = 0.9;
/** Share of the remaining headroom a low-relevance ad adds to the state (per ad shown). */
export const BLINDNESS_HIT = 0.04;
/** Blindness removed by a relevant ad shown (per ad). */
export const BLINDNESS_RELIEF = 0.03;
/** Blindness removed by a click on an ad (per click), beside its relevance's relief. */
export const BLINDNESS_CLICK_RELIEF = 0.05;
/** Fraction of the state that fades per day without ads (slow recovery: ~3 weeks half-life). */
export const BLINDNESS_DAILY_RECOVERY = 0.1;

/**
 * The user's state after seeing `count` ads whose relevance margins (trueScore − world.blindnessReference)
 * are in `margins` and clicking `clicks` of them: each irrelevant ad (margin < 0) adds BLINDNESS_HIT
 * of the headroom, each relevant one removes BLINDNESS_RELIEF, each click BLINDNESS_CLICK_RELIEF.
 */
export function advanceBlindness(state: number, margins: ArrayLike<number>, count = margins.length, clicks = 0): number {
  let b = state - clicks * BLINDNESS_CLICK_RELIEF;
  for (let i = 0; i < count; i++) {
    if ((margins[i] as number) < 0) b += BLINDNESS_HIT * (BLINDNESS_MAX - b);
    else b -= BLINDNESS_RELIEF;
  }
  return Math.min(BLINDNESS_MAX, Math.max(0, b));
}

/** The user's state after `days` days (fractional allowed) of recovery. */
export function recoverBlindness(state: number, days: number): number {
  return state * Math.pow(1 - BLINDNESS_DAILY_RECOVERY, Math.max(0, days));
}

/** Multiplier of the user's click probability: 1 for a fresh user, down to 1 − BLINDNESS_MAX. */
export function blindnessFactor(state: number): number {
  return 1 - state;
}

/** Recovers every user's state in place by one day (call once per simulated day). */
export function recoverAll(states: Float32Array, days = 1): void {
  const f = Math.pow(1 - BLINDNESS_DAILY_RECOVERY, days);
  for (let i = 0; i < states.length; i++) states[i] = (states[i] as number) * f;
}
