// Step 11's chart title follows the monitor claim's outcome; each outcome written.
import { expect, test } from 'vitest';
import { ctrTitle } from './monitor-title.ts';

const c = { days: 14, window: 5 };

test('each CTR outcome reads as itself, with the alerts counted', () => {
  expect(ctrTitle({ ...c, ctr: 'fell', ctrAlerts: 3 }, '2.10%', '1.60%')).toBe('CTR fell from 2.10% to 1.60% since launch, beyond the day-to-day noise; the CTR alert fired three times');
  expect(ctrTitle({ ...c, ctr: 'rose', ctrAlerts: 0 }, '1.60%', '2.10%')).toBe('CTR rose from 1.60% to 2.10% since launch, beyond the day-to-day noise; no CTR alert fired');
  expect(ctrTitle({ ...c, ctr: 'flat', ctrAlerts: 1 }, '2.00%', '1.98%')).toBe('CTR went from 2.00% to 1.98% since launch, within the day-to-day noise; the CTR alert fired once');
  expect(ctrTitle({ days: 3, window: 5, ctr: 'too-few', ctrAlerts: 0 }, '—', '—')).toBe('CTR over three served days: too few to compare the first five with the last; no CTR alert fired');
  expect(ctrTitle({ days: 1, window: 5, ctr: 'too-few', ctrAlerts: 0 }, '—', '—')).toContain('one served day:');
});
