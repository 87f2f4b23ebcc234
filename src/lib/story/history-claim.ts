// What step 13 may say about the runs and the loop, computed from the records: each run's data (the
// rows of the set it trained on, read from its own validation split rather than from the world's
// log size, which a collected or windowed set does not have), what each run predicted and whether
// it served under an objective (from the deployment log), and what the loop showed about the
// impressions metric (step 12's claims on the live fortnight and the paired comparison).
import type { LiveClaim, Trend } from './live-claim.ts';
import type { SwitchOutcome } from './switch-claim.ts';

/** How a run's row count is known: an exact count that matches its validation split, or estimated from that split. */
export type RowsSource = 'exact' | 'estimated';

export interface RunData {
  /** Rows of the set it trained on (training + validation). */
  rows: number;
  source: RowsSource;
  /** Validation rows (from the record), and the rows left to fit on. */
  validationRows: number;
  trainingRows: number;
  validationFraction: number;
}

/** What the record holds about a run's split. */
export interface RunSplit {
  validation: { rows: number };
  config: { validationFraction: number };
}

/** Whether a set of n rows splits into this many validation rows (the split rounds n·fraction, at most n − 1). */
export function splitsInto(n: number, validationRows: number, fraction: number): boolean {
  return Number.isInteger(n) && n > 0 && Math.min(n - 1, Math.max(0, Math.round(n * fraction))) === validationRows;
}

/**
 * The rows a run trained on. Candidates (the count of a set this session knows, the world's log
 * size) are taken in order when they split into the run's recorded validation rows; otherwise the
 * count is estimated from the validation rows and the fraction.
 */
export function runData(run: RunSplit, candidates: readonly (number | undefined)[]): RunData {
  const v = run.validation.rows;
  const f = run.config.validationFraction;
  const hit = candidates.find((n): n is number => n !== undefined && splitsInto(n, v, f));
  const rows = hit ?? (f > 0 ? Math.round(v / f) : Number.NaN);
  return { rows, source: hit !== undefined ? 'exact' : 'estimated', validationRows: v, trainingRows: rows - v, validationFraction: f };
}

/** How far a run went in serving: promoted to live, only shadowed, or never deployed. */
export type Served = 'live' | 'shadow' | 'none';

export interface RunObjective {
  /** What the model was trained to predict. */
  target: 'show' | 'click';
  served: Served;
  /** The objective it served under (null when never deployed). */
  objective: 'impressions' | 'clicks' | null;
}

/** One deployment as the log records it. */
export interface DeploymentEntry {
  version: string;
  role: string;
  action: string;
}

/** The objective a served role stands for. */
function objectiveOf(role: string): 'impressions' | 'clicks' | null {
  return role === 'impressions_policy' ? 'impressions' : role === 'ctr_policy' ? 'clicks' : null;
}

/** A run's objective from the deployment log: what it predicts, and how far it went under which objective. */
export function runObjective(version: string, target: 'show' | 'click', deployments: readonly DeploymentEntry[]): RunObjective {
  const mine = deployments.filter((d) => d.version === version && d.action !== 'rollback');
  const live = mine.find((d) => d.action === 'promote');
  const any = live ?? mine[0];
  return { target, served: live ? 'live' : any ? 'shadow' : 'none', objective: any ? objectiveOf(any.role) : null };
}

/**
 * What the loop showed about the impressions metric: 'metric-failed' (impressions rose while revenue
 * fell or stayed flat: the business did not follow the metric), 'business-fell' (revenue fell but
 * impressions did not rise, so the fall cannot be laid on the metric), 'metric-held' (revenue rose
 * or held), 'not-served'.
 */
export type LoopOutcome = 'metric-failed' | 'business-fell' | 'metric-held' | 'not-served';

export interface LoopClaim {
  outcome: LoopOutcome;
  /** Step 12's lesson on the live fortnight (null when not served). */
  lesson: LiveClaim['lesson'] | null;
  revenue: LiveClaim['revenue']['direction'] | null;
  /** The paired comparison's verdict, once the CTR policy was replayed. */
  switched: SwitchOutcome | null;
  /** Whether the users' measured blindness rose beyond its noise over the fortnight: "the users paid with their attention" only then. */
  attention: boolean;
  /** The blindness trend it was read from (null without one). */
  blindness: Trend['direction'] | null;
}

/** Lessons in which the metric rose and the business did not follow it. */
const FAILED: readonly LiveClaim['lesson'][] = ['metric-rose-business-fell', 'metric-rose-business-flat'];
/** Lessons in which revenue fell without the metric rising. */
const FELL: readonly LiveClaim['lesson'][] = ['metric-held-business-fell', 'both-fell'];

/** The loop's verdict from step 12's live claim, the paired comparison and the users' blindness trend over the fortnight. */
export function loopClaim(live: LiveClaim | null, switched: SwitchOutcome | null, blindness: Trend | null = null): LoopClaim {
  const b = blindness?.direction ?? null;
  if (!live) return { outcome: 'not-served', lesson: null, revenue: null, switched, attention: false, blindness: b };
  const outcome: LoopOutcome = FAILED.includes(live.lesson) ? 'metric-failed' : FELL.includes(live.lesson) ? 'business-fell' : 'metric-held';
  return { outcome, lesson: live.lesson, revenue: live.revenue.direction, switched, attention: b === 'rose', blindness: b };
}

/** Sentences the claims contradict, if any: their evidence re-checked (for the knob sweep). */
export function historyContradictions(c: { runs?: readonly { run: RunSplit; data: RunData }[]; loop?: LoopClaim | null }): string[] {
  const out: string[] = [];
  for (const { run, data } of c.runs ?? []) {
    if (data.validationRows !== run.validation.rows) out.push(`validation rows ${data.validationRows} but the record says ${run.validation.rows}`);
    if (data.source === 'exact' && !splitsInto(data.rows, run.validation.rows, run.config.validationFraction)) out.push(`${data.rows} rows cannot split into ${run.validation.rows} validation rows`);
    if (data.trainingRows !== data.rows - data.validationRows) out.push(`training rows ${data.trainingRows} of ${data.rows}`);
  }
  const l = c.loop;
  if (l) {
    if (l.outcome === 'not-served' && l.lesson !== null) out.push(`'not served' with a lesson`);
    if (l.outcome === 'metric-failed' && !(l.lesson && FAILED.includes(l.lesson))) out.push(`'metric failed' but the lesson is ${l.lesson}`);
    if (l.outcome === 'business-fell' && !(l.lesson && FELL.includes(l.lesson))) out.push(`'business fell' but the lesson is ${l.lesson}`);
    if (l.outcome === 'metric-held' && !(l.lesson && !FAILED.includes(l.lesson) && !FELL.includes(l.lesson))) out.push(`'metric held' but the lesson is ${l.lesson}`);
    if (l.attention && l.blindness !== 'rose') out.push(`'the users paid with their attention' but blindness ${l.blindness ?? 'was not measured'}`);
    if (l.outcome === 'metric-held' && l.revenue === 'fell') out.push(`'metric held' while revenue fell`);
  }
  return out;
}
