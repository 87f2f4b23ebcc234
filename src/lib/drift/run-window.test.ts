import { describe, expect, it } from 'vitest';
import { runDays, runWindowLabel } from './run-window.ts';

describe('run window label', () => {
  it('shows a window model its own days', () => {
    expect(runWindowLabel({ days: [0, 44], role: 'stale', step: 'drift' })).toBe('days 0–44 (step 9)');
    expect(runWindowLabel({ days: [75, 88], role: 'fresh', step: 'fresh' })).toBe('days 75–88 (step 10)');
  });
  it('shows a dataset model the 90 days of its dataset', () => {
    expect(runWindowLabel({ role: 'noisy', step: 'train' })).toBe('days 0–89 (step 4)');
    expect(runWindowLabel({ step: 'relabelled' })).toBe('days 0–89 (step 6)');
  });
  it('does not guess the window of a window model stored without its days', () => {
    expect(runWindowLabel({ role: 'stale', step: 'drift' })).toBe('window unknown (step 9)');
  });
  it('gives the days as numbers for the contract (train_first_day, train_last_day)', () => {
    expect(runDays({ days: [75, 88], role: 'fresh' })).toEqual([75, 88]);
    expect(runDays({ role: 'rebalanced' })).toEqual([0, 89]);
    expect(runDays({ role: 'fresh' })).toBeNull();
  });
});
