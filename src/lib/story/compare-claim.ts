// What step 8 may say about the three story models on the gold stream: whether fixing the labels
// improved ranking, whether the rebalanced model ranks as well as the relabelled one, and which of
// them say "show" at the threshold. AUC differences are judged by their standard errors (noise.ts:
// Hanley & McNeil's, as for separate samples, which is conservative for the same gold rows).
import { compareAuc, contradiction, type AucOn, type Change } from './noise.ts';

export interface CompareClaim {
  /** Relabelled against the step-4 model: did fixing the labels change ranking? */
  relabelling: Change;
  relabellingDiff: number;
  relabellingNoise: number;
  /** Rebalanced against relabelled. */
  rebalancing: Change;
  rebalancingDiff: number;
  rebalancingNoise: number;
  /** Which models say "show" for at least one gold row at the threshold, in story order. */
  showing: ('noisy' | 'relabelled' | 'rebalanced')[];
}

export function compareClaim(
  noisy: AucOn & { recall: number },
  relabelled: AucOn & { recall: number },
  rebalanced: AucOn & { recall: number },
): CompareClaim {
  const a = compareAuc(noisy, relabelled);
  const b = compareAuc(relabelled, rebalanced);
  const showing = (
    [
      ['noisy', noisy],
      ['relabelled', relabelled],
      ['rebalanced', rebalanced],
    ] as const
  )
    .filter(([, m]) => m.recall > 0)
    .map(([r]) => r);
  return { relabelling: a.change, relabellingDiff: a.diff, relabellingNoise: a.noise, rebalancing: b.change, rebalancingDiff: b.diff, rebalancingNoise: b.noise, showing };
}

/** Sentences the claim contradicts, if any: its evidence re-checked (for the knob sweep). */
export function compareContradictions(c: CompareClaim): string[] {
  const out: string[] = [];
  for (const [name, change, diff, noise] of [
    ['relabelling', c.relabelling, c.relabellingDiff, c.relabellingNoise],
    ['rebalancing', c.rebalancing, c.rebalancingDiff, c.rebalancingNoise],
  ] as const) {
    const c = contradiction(name, change, diff, noise);
    if (c) out.push(c);
  }
  return out;
}
