// Step 10's freshness verdict: each chart line's first 5-day mean AUC against its last, judged by the
// difference's standard error. One day's AUC has a Hanley & McNeil (Radiology 1982) standard error
// from that day's positives and negatives; a 5-day mean's is √(Σ se²)/5, and the two ends' add in
// quadrature. A line moves only beyond twice that (and at least AUC_FLOOR).
import type { FreshSummary } from '../drift/freshness.ts';
import { AUC_FLOOR, contradiction, Z, type Change } from './noise.ts';

/** One line's verdict: 'down' (lost ground beyond the noise), 'up' (gained beyond it), 'same'. */
export interface FreshLine extends FreshSummary {
  change: Change;
  /** late − early. */
  diff: number;
  /** Smallest |late − early| counted as real on this line: max(AUC_FLOOR, Z × √(earlySe² + lateSe²)). */
  noise: number;
}

/**
 * What the lines show together: 'losing' (some lose, none gains), 'mixed' (some lose, some gain),
 * 'gaining' (some gain, none loses), 'steady' (none moves beyond its noise).
 */
export type FreshOutcome = 'losing' | 'mixed' | 'gaining' | 'steady';

export interface FreshClaim {
  outcome: FreshOutcome;
  lines: FreshLine[];
  /** The line that lost the most (null without lines). */
  worst: FreshLine | null;
  losing: FreshLine[];
  gaining: FreshLine[];
  steady: FreshLine[];
  /** The smallest and largest noise of the lines, for the sentence that quotes it. */
  noiseRange: [number, number];
}

/** The noise of one line from its two means' standard errors (Infinity without counts: nothing is called a change). */
export function freshNoise(e: Pick<FreshSummary, 'earlySe' | 'lateSe'>): number {
  const se = Math.sqrt(e.earlySe * e.earlySe + e.lateSe * e.lateSe);
  return Number.isFinite(se) ? Math.max(AUC_FLOOR, Z * se) : Infinity;
}

/** Each line's verdict and the lines' verdict together, from the chart's summaries. */
export function freshClaim(sums: readonly FreshSummary[]): FreshClaim {
  const lines: FreshLine[] = sums.map((e) => {
    const noise = freshNoise(e);
    const diff = e.late - e.early;
    const change: Change = !Number.isFinite(diff) || Math.abs(diff) <= noise ? 'same' : diff > 0 ? 'up' : 'down';
    return { ...e, change, diff, noise };
  });
  const losing = lines.filter((l) => l.change === 'down');
  const gaining = lines.filter((l) => l.change === 'up');
  const steady = lines.filter((l) => l.change === 'same');
  const worst = lines.reduce<FreshLine | null>((a, e) => (!a || e.loss > a.loss ? e : a), null);
  const outcome: FreshOutcome = losing.length ? (gaining.length ? 'mixed' : 'losing') : gaining.length ? 'gaining' : 'steady';
  const finite = lines.map((l) => l.noise).filter(Number.isFinite);
  const noiseRange: [number, number] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN];
  return { outcome, lines, worst, losing, gaining, steady, noiseRange };
}

/** Verdicts that contradict their numbers (for the knob sweep): each line re-judged from its standard errors. */
export function freshContradictions(c: FreshClaim): string[] {
  const out: string[] = [];
  for (const l of c.lines) {
    const noise = freshNoise(l);
    if (noise !== l.noise) out.push(`freshness to day ${l.endDay}: noise ${l.noise} is not twice the standard error (${noise})`);
    const x = contradiction(`freshness to day ${l.endDay}`, l.change, l.late - l.early, noise);
    if (x) out.push(x);
  }
  const want: FreshOutcome = c.losing.length ? (c.gaining.length ? 'mixed' : 'losing') : c.gaining.length ? 'gaining' : 'steady';
  if (c.outcome !== want) out.push(`freshness outcome ${c.outcome} with ${c.losing.length} losing and ${c.gaining.length} gaining`);
  return out;
}
