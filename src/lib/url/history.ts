// How a change of the shareable state is written to the browser's history: a step change or a
// settled change of a step's own control (a parameter marked `entry` in the table) adds an entry;
// every other change replaces the current one. A burst of changes to the same control (a slider
// dragged or moved key by key, a brush dragged) is one settled change: it adds one entry.
import { PARAMS, PARAM_NAMES, type ParamName, type ParamSpec, type UrlState } from './params.ts';

/** Quiet time after which the next change of the same control counts as a new settled change. */
export const SETTLE_MS = 1000;

/** The parameters a settled change of which adds a history entry (the steps' own controls). */
export const ENTRY_PARAMS: readonly ParamName[] = PARAM_NAMES.filter((n) => (PARAMS[n] as ParamSpec).entry === true);

/** The last entry added for a control: which parameters it changed, and when it last moved. */
export interface Burst {
  keys: string;
  at: number;
}

/** What to do with the history for one change, and the burst to remember for the next one. */
export interface HistoryWrite {
  mode: 'push' | 'replace';
  burst: Burst | null;
}

/** The parameters whose values differ between two states. */
export function changedParams(a: UrlState, b: UrlState): ParamName[] {
  return PARAM_NAMES.filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n]));
}

/**
 * How to write the change from `before` to `after` at time `now` (ms), given the burst of the
 * last entry added: push for a step change; push for a step control, unless the same control moved
 * less than SETTLE_MS ago (then the entry it added is updated in place); replace otherwise.
 */
export function historyWrite(before: UrlState, after: UrlState, now: number, last: Burst | null): HistoryWrite {
  const changed = changedParams(before, after);
  if (changed.includes('step')) return { mode: 'push', burst: null };
  const controls = changed.filter((n) => ENTRY_PARAMS.includes(n));
  if (controls.length === 0) return { mode: 'replace', burst: null };
  const keys = controls.join(',');
  const burst = { keys, at: now };
  if (last && last.keys === keys && now - last.at < SETTLE_MS) return { mode: 'replace', burst };
  return { mode: 'push', burst };
}
