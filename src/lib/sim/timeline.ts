// The world's calendar: the curves that make each day's traffic differ (seasons, the growing mobile
// share, the concept-drift trend), defined for every simulated day 0…LAST_WORLD_DAY. Days 0–89 are
// the development history; later days continue the same curves (the seasons begin their next cycle,
// mobile keeps growing at its rate, the concept drift runs on and saturates). Each curve is written
// so that its value on days 0–89 is, bit for bit, what the world computed when it ended on day 89.
import {
  CONCEPT_DRIFT_CEILING,
  CONCEPT_DRIFT_MAX_SHARE,
  CONCEPT_DRIFT_START,
  MOBILE_SHARE_GROWTH,
  MOBILE_SHARE_MAX,
  MOBILE_SHARE_START,
  SEASON_AMPLITUDE,
  SEASON_PERIOD_DAYS,
  SEASON_PHASE,
} from './constants.ts';
import { DEV_DAYS, DEV_LAST_DAY } from './types.ts';

/** Multiplier of category q's base popularity on day d (a sine of period SEASON_PERIOD_DAYS; 1 at drift 0). */
export function seasonFactor(d: number, q: number, drift: number): number {
  return 1 + drift * SEASON_AMPLITUDE * Math.sin(2 * Math.PI * (d / SEASON_PERIOD_DAYS + (SEASON_PHASE[q] as number)));
}

/** Share of day d's traffic on mobile: linear growth from MOBILE_SHARE_START, at the same rate after day 89, capped. */
export function mobileShare(d: number, drift: number): number {
  return Math.min(MOBILE_SHARE_MAX, MOBILE_SHARE_START + drift * MOBILE_SHARE_GROWTH * (d / DEV_LAST_DAY));
}

/** Days from the start of the concept-drift trend to day 89 inclusive (the ramp reaches 1 on day 89). */
const RAMP_DAYS = DEV_DAYS - CONCEPT_DRIFT_START;
/** Headroom of the trend above its day-89 level (in units of that level) before it reaches the ceiling. */
const HEADROOM = CONCEPT_DRIFT_CEILING / CONCEPT_DRIFT_MAX_SHARE - 1;

/**
 * Progress of the concept-drift trend on day d: 0 before CONCEPT_DRIFT_START, a linear ramp to 1 on
 * day 89, then 1 + HEADROOM·(1 − e^(−(d − 89)/(RAMP_DAYS·HEADROOM))): the same slope on day 90,
 * bending towards the ceiling (value and slope continuous at day 89).
 */
export function conceptDriftProgress(d: number): number {
  if (d < CONCEPT_DRIFT_START) return 0;
  if (d <= DEV_LAST_DAY) return (d - CONCEPT_DRIFT_START + 1) / RAMP_DAYS;
  if (HEADROOM <= 0) return 1;
  return 1 + HEADROOM * (1 - Math.exp(-(d - DEV_LAST_DAY) / (RAMP_DAYS * HEADROOM)));
}

/** Share of the queries of a drifting category that have moved to their new topic on day d. */
export function conceptDriftShare(d: number, drift: number): number {
  return drift * CONCEPT_DRIFT_MAX_SHARE * conceptDriftProgress(d);
}
