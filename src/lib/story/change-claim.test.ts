// Step 9's lead: which of the inputs and the relationship moved, every outcome.
import { describe, expect, test } from 'vitest';
import { changeClaim, reportClaim, staleClaim } from './drift-claim.ts';

// Old test AUC 0.974 on 2,000 positives against yesterday's 0.900 on 2,000: a fall of 0.074, far past
// twice Hanley & McNeil's standard error (about 0.005 each side here), so "decayed".
const decayed = staleClaim({ auc: 0.974, positives: 2000, rows: 2_002_000 }, { auc: 0.9, positives: 2000, rows: 2_002_000 });
// 0.930 against 0.929: a difference well inside the noise, so "held".
const held = staleClaim({ auc: 0.93, positives: 2000, rows: 2_002_000 }, { auc: 0.929, positives: 2000, rows: 2_002_000 });

describe('changeClaim', () => {
  test('the AUC fell and no feature drifted: concept drift, named', () => {
    expect(decayed.outcome).toBe('decayed');
    const c = changeClaim(reportClaim([], decayed, true), 8);
    expect(c.outcome).toBe('concept');
    expect(c.lead).toMatch(/^Concept drift: no input feature drifted/);
    expect(c.lead).toContain('(the AUC fell, the positives moved)');
  });
  test('features flagged and the relationship moved: both', () => {
    const c = changeClaim(reportClaim(['queryCat'], decayed, false), 8);
    expect(c.outcome).toBe('both');
    expect(c.lead).toContain('1 of 8 input features drifted');
    expect(c.lead).toContain('(the AUC fell)');
  });
  test('features flagged, AUC held, positives still: inputs only', () => {
    expect(held.outcome).toBe('held');
    const c = changeClaim(reportClaim(['hour'], held, false), 8);
    expect(c.outcome).toBe('inputs');
    expect(c.lead).toMatch(/^Only the inputs moved: 1 of 8 input features drifted/);
  });
  test('the positives moved while the AUC held: still a changed relationship', () => {
    expect(changeClaim(reportClaim([], held, true), 8).outcome).toBe('concept');
  });
  test('nothing moved', () => {
    const c = changeClaim(reportClaim([], held, false), 8);
    expect(c.outcome).toBe('neither');
    expect(c.lead).toMatch(/^Nothing measurable moved/);
  });
});
