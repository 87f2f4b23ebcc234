// What steps 9 and 10 may say about drift, computed from the measured AUCs: whether the stale model
// lost ground on yesterday, whether the daily AUC trends down, what the drift report's flags mean
// beside the AUC, and whether a retrain on fresh days recovers. Each AUC difference is judged by
// Hanley & McNeil's standard error (noise.ts); the daily trend by the spread of successive days.
import { AUC_FLOOR, compare, compareAuc, compareWindows, contradiction, Z, type AucOn, type Compared, type Windows } from './noise.ts';
import { meanAucSe } from '../drift/freshness.ts';

/** Step 9: the stale model on yesterday against its own old test days. */
export type StaleOutcome = 'decayed' | 'held' | 'improved';

export interface StaleClaim {
  outcome: StaleOutcome;
  /** old test AUC − yesterday's AUC (positive when the model lost ground). */
  gap: number;
  /** The smallest gap counted as real here. */
  noise: number;
  oldTest: number;
  yesterday: number;
}

/** The stale model's gap between its old test days and yesterday. */
export function staleClaim(oldTest: AucOn, yesterday: AucOn): StaleClaim {
  const c = compareAuc(oldTest, yesterday);
  const outcome: StaleOutcome = c.change === 'down' ? 'decayed' : c.change === 'up' ? 'improved' : 'held';
  return { outcome, gap: -c.diff, noise: c.noise, oldTest: oldTest.auc, yesterday: yesterday.auc };
}

/** Step 9's question once the stale model is measured: it asks about what the numbers show. */
export function staleQuestion(s: StaleClaim, trend: TrendClaim | null): string {
  if (s.outcome === 'decayed') return trend?.outcome === 'declined' ? 'Why does a good model get worse every day?' : 'Why is a good model worse on yesterday than on its own test days?';
  return s.outcome === 'improved' ? 'Why is the model better on yesterday than on its own test days?' : 'Why did this model not go stale?';
}

/** Days in each end of the daily trend. */
export const TREND_DAYS = 7;

/** Step 9: the daily AUC from the first week scored to the last. */
export type TrendOutcome = 'declined' | 'flat' | 'rose';

export interface TrendClaim extends Windows {
  outcome: TrendOutcome;
}

/**
 * The trend of a model's daily AUC, or null with fewer than two weeks of days. The first and last
 * week's means differ by more than the larger of two noises: the spread of successive days (von
 * Neumann), and, given each day's counts, twice the Hanley & McNeil standard error of the difference
 * of the two weekly means (each √(Σ se²)/7), so a week of few clicks never reads a direction.
 */
export function trendClaim(dailyAuc: readonly number[], window = TREND_DAYS, counts?: readonly { positives: number; rows: number }[]): TrendClaim | null {
  const w = compareWindows(dailyAuc, window, AUC_FLOOR);
  if (!w) return null;
  let noise = w.noise;
  if (counts && counts.length === dailyAuc.length) {
    const days = dailyAuc.map((auc, i) => ({ daysSince: i, auc, positives: counts[i]!.positives, rows: counts[i]!.rows })).filter((d) => Number.isFinite(d.auc));
    const se = Math.hypot(meanAucSe(days.slice(0, window)), meanAucSe(days.slice(days.length - window)));
    if (Number.isFinite(se)) noise = Math.max(noise, Z * se);
  }
  const c = compare(w.first, w.last, noise);
  return { ...w, ...c, outcome: c.change === 'down' ? 'declined' : c.change === 'up' ? 'rose' : 'flat' };
}

/**
 * Step 9: the drift report beside the AUC. The report tests the inputs, which cannot tell harmless
 * drift from harmful: harm with flags, harm without any, flags without harm, or neither.
 */
export type ReportOutcome = 'harm-and-flags' | 'harm-no-flags' | 'flags-no-harm' | 'quiet';

export interface ReportClaim {
  outcome: ReportOutcome;
  /** Features the report flags. */
  flagged: readonly string[];
  /** Whether the stale model lost ground on yesterday. */
  harmed: boolean;
  /** Whether the one label-based check (where the positives sit across query and ad) is flagged. */
  positivesMoved: boolean;
}

export function reportClaim(flagged: readonly string[], stale: StaleClaim, positivesMoved: boolean): ReportClaim {
  const harmed = stale.outcome === 'decayed';
  const outcome: ReportOutcome = harmed ? (flagged.length ? 'harm-and-flags' : 'harm-no-flags') : flagged.length ? 'flags-no-harm' : 'quiet';
  return { outcome, flagged, harmed, positivesMoved };
}

/**
 * Step 9's lead: what moved, the inputs, the relationship between inputs and label, both or neither.
 * The relationship moved when the stale model ranks yesterday worse (its AUC, measured with labels)
 * or the one label-based check flags the positives' shift across query × ad; the inputs moved when
 * the report flags a feature. Only the relationship moving is concept drift (Gama et al., "A survey
 * on concept drift adaptation", ACM Computing Surveys 2014: p(y|x) changes while p(x) may not),
 * which a report on the inputs alone cannot see.
 */
export type ChangeOutcome = 'concept' | 'both' | 'inputs' | 'neither';

export interface ChangeClaim {
  outcome: ChangeOutcome;
  /** One sentence for the headline. */
  lead: string;
}

export function changeClaim(r: ReportClaim, features: number): ChangeClaim {
  const relationship = r.harmed || r.positivesMoved;
  const inputs = r.flagged.length > 0;
  const outcome: ChangeOutcome = relationship ? (inputs ? 'both' : 'concept') : inputs ? 'inputs' : 'neither';
  const how = r.harmed && r.positivesMoved ? 'the AUC fell, the positives moved' : r.harmed ? 'the AUC fell' : 'the positives moved';
  const some = `${r.flagged.length} of ${features} input features drifted`;
  const lead =
    outcome === 'concept'
      ? `Concept drift: no input feature drifted, yet the relationship between inputs and label changed (${how}).`
      : outcome === 'both'
        ? `Both moved: ${some}, and the relationship between inputs and label changed (${how}).`
        : outcome === 'inputs'
          ? `Only the inputs moved: ${some}, while the AUC did not fall and the positives stayed put.`
          : `Nothing measurable moved: no feature drifted, the AUC did not fall and the positives stayed put.`;
  return { outcome, lead };
}

/** Step 10: the fresh model against the stale one on yesterday, and against the stale model's old test level. */
export type RecoveryOutcome = 'recovered' | 'no-difference' | 'worse';
export type LevelOutcome = 'caught-up' | 'short' | 'beyond';

export interface RecoveryClaim {
  outcome: RecoveryOutcome;
  /** fresh − stale on yesterday. */
  recovered: number;
  noise: number;
  /** Against the stale model's own old-test AUC, when it was measured. */
  level: { outcome: LevelOutcome; short: number; noise: number } | null;
}

export function recoveryClaim(staleYesterday: AucOn, freshYesterday: AucOn, staleOldTest: AucOn | null): RecoveryClaim {
  const c: Compared = compareAuc(staleYesterday, freshYesterday);
  const outcome: RecoveryOutcome = c.change === 'up' ? 'recovered' : c.change === 'down' ? 'worse' : 'no-difference';
  let level: RecoveryClaim['level'] = null;
  if (staleOldTest) {
    const l = compareAuc(staleOldTest, freshYesterday);
    level = { outcome: l.change === 'down' ? 'short' : l.change === 'up' ? 'beyond' : 'caught-up', short: -l.diff, noise: l.noise };
  }
  return { outcome, recovered: c.diff, noise: c.noise, level };
}

/** A sentence a claim contradicts, if any: the claims' evidence re-checked (for the knob sweep). */
export function driftContradictions(c: { stale?: StaleClaim; trend?: TrendClaim | null; recovery?: RecoveryClaim }): string[] {
  const out: string[] = [];
  const s = c.stale;
  if (s) {
    const g = s.oldTest - s.yesterday;
    // The gap is old − yesterday: decayed is a gap above the noise.
    out.push(contradiction('stale', s.outcome === 'decayed' ? 'up' : s.outcome === 'improved' ? 'down' : 'same', g, s.noise) ?? '');
  }
  const t = c.trend;
  if (t) {
    const d = t.last - t.first;
    out.push(contradiction('trend', t.outcome === 'declined' ? 'down' : t.outcome === 'rose' ? 'up' : 'same', d, t.noise) ?? '');
  }
  const r = c.recovery;
  if (r) {
    out.push(contradiction('recovery', r.outcome === 'recovered' ? 'up' : r.outcome === 'worse' ? 'down' : 'same', r.recovered, r.noise) ?? '');
  }
  return out.filter(Boolean);
}
