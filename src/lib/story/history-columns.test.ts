// Each report lands in its own stream's column (step 10 stores the fresh model's yesterday report as
// its only report; steps 4–9 store a test report).
import { expect, test } from 'vitest';
import { runStreams } from './history-columns.ts';

test('a story model keeps its test report under test, its gold and yesterday reports beside it', () => {
  expect(runStreams('relabelled', 'test', 'gold', undefined)).toEqual({ test: 'test', gold: 'gold', yesterday: undefined });
  expect(runStreams('stale', 'old days', undefined, 'day 89')).toEqual({ test: 'old days', gold: undefined, yesterday: 'day 89' });
  expect(runStreams(undefined, 'test', undefined, undefined)).toEqual({ test: 'test', gold: undefined, yesterday: undefined });
});

test('the fresh model’s stored report is yesterday’s, never read as a test AUC', () => {
  expect(runStreams('fresh', 'day 89', undefined, undefined)).toEqual({ test: undefined, gold: undefined, yesterday: 'day 89' });
  expect(runStreams('fresh', 'stored', undefined, 'measured apart')).toEqual({ test: undefined, gold: undefined, yesterday: 'measured apart' });
});
