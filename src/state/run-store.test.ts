// Runs stored with a step number read back with the step's id: the numbers are the 13-step tour's
// as it stood when runs stored numbers (src/lib/story/steps.ts before ids: 1 metric … 4 train … 9 drift … 13 start over).
import { describe, expect, test } from 'vitest';
import { withStepId } from './run-store.ts';

describe('withStepId', () => {
  test('maps the old tour’s numbers to ids, one for one', () => {
    const ids = Array.from({ length: 13 }, (_, i) => (withStepId({ step: i + 1 }) as { step: string }).step);
    expect(ids).toEqual(['metric', 'data', 'features', 'train', 'labels', 'relabelled', 'imbalance', 'compare', 'drift', 'fresh', 'deploy', 'business', 'start-over']);
  });

  test('keeps everything else of the record, and leaves a record already named by id as it is', () => {
    const r = { id: 'run-1-v1', version: 'v1', step: 9, role: 'stale', days: [0, 44] };
    expect(withStepId(r)).toEqual({ ...r, step: 'drift' });
    const named = { id: 'run-2-v2', step: 'fresh' };
    expect(withStepId(named)).toBe(named);
  });

  test('a number outside the tour, or no record at all, is left for validation to skip', () => {
    for (const step of [0, 14, 2.5]) expect(withStepId({ step })).toEqual({ step });
    expect(withStepId(null)).toBe(null);
    expect(withStepId([4])).toEqual([4]);
  });
});
