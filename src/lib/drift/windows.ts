// The training windows of steps 9–10: the stale model's days, the last day a fresh model may train
// on (day 89, yesterday, is kept for testing), and step 10's presets. Plain data, shared by the app,
// the story tests and the knob sweep.
import { DEV_LAST_DAY } from '../sim/types.ts';

/** The stale model's training days: the first 45 days. */
export const STALE_DAYS: [number, number] = [0, 44];
/** Days a fresh model may train on end here (the day before yesterday). */
export const LAST_TRAIN_DAY = DEV_LAST_DAY - 1;
/** The window presets of step 10. */
export const WINDOW_PRESETS: { label: string; days: [number, number] }[] = [
  { label: 'All days', days: [0, LAST_TRAIN_DAY] },
  { label: 'Last 14 days', days: [LAST_TRAIN_DAY - 13, LAST_TRAIN_DAY] },
  { label: 'Last 7 days', days: [LAST_TRAIN_DAY - 6, LAST_TRAIN_DAY] },
];
