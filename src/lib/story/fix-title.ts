// The title of step 8's chart of what the fix buys: showing as many ads as the relabelled model, the
// rebalanced model's recall against the relabelled one's, beside the chance band of their difference
// (operatingClaim's paired noise). Every outcome written; none when there is nothing to compare.
import type { OperatingClaim } from './operating-claim.ts';
import { count, percent, percents } from './format.ts';

export function fixTitle(c: OperatingClaim): string | null {
  const [clean, rebal] = percents([c.recallClean, c.recallRebal]);
  const load = `at the same ${count(c.target)} ads shown`;
  switch (c.outcome) {
    case 'better':
      return `The fix buys recall: ${rebal} against ${clean} ${load}, beyond the ±${percent(c.noise)} of chance`;
    case 'worse':
      return `The fix costs recall: ${rebal} against ${clean} ${load}, beyond the ±${percent(c.noise)} of chance`;
    case 'same':
      return `The fix buys no measurable recall: ${rebal} against ${clean} ${load}, within the ±${percent(c.noise)} of chance`;
    case 'none-shown':
    case 'clean-shows-none':
      return null;
  }
}
