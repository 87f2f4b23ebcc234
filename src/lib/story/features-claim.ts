// What step 3 may say about the category cross: whether the validation AUC with it differs from the
// AUC without it by more than the noise. Both trials score the same validation rows, so judging
// them as separate samples (Hanley & McNeil's error, noise.ts) is conservative.
import { compareAuc, contradiction, type Compared } from './noise.ts';

/** The cross raised AUC, left it within the noise, or lowered it. */
export type CrossOutcome = 'up' | 'same' | 'down';

export interface CrossClaim extends Compared {
  outcome: CrossOutcome;
  without: number;
  with: number;
}

/** The claim from the two trials' AUCs and the validation rows they were scored on (weighted positives). */
export function crossClaim(withoutCross: number, withCross: number, validationRows: number, validationPositives: number): CrossClaim {
  const on = (auc: number) => ({ auc, positives: validationPositives, rows: validationRows });
  const c = compareAuc(on(withoutCross), on(withCross));
  return { ...c, outcome: c.change, without: withoutCross, with: withCross };
}

/** Sentences the claim contradicts, if any (for the knob sweep and the tests). */
export function crossContradictions(c: CrossClaim): string[] {
  const said = contradiction('cross', c.outcome, c.with - c.without, c.noise);
  return said ? [said] : [];
}
