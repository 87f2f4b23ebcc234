// The title of step 11's CTR chart, stating what the served days show (from monitorClaim's outcome,
// every outcome written): the CTR's first days against its last, and how often the CTR alert fired.
import type { MonitorClaim } from './monitor-claim.ts';
import { inWords } from './format.ts';

/** "CTR fell from 2.1% to 1.6% since launch, beyond the day-to-day noise; the CTR alert fired 3 times". */
export function ctrTitle(c: Pick<MonitorClaim, 'ctr' | 'days' | 'window' | 'ctrAlerts'>, first: string, last: string): string {
  const fired = c.ctrAlerts === 0 ? 'no CTR alert fired' : c.ctrAlerts === 1 ? 'the CTR alert fired once' : `the CTR alert fired ${inWords(c.ctrAlerts)} times`;
  switch (c.ctr) {
    case 'fell':
      return `CTR fell from ${first} to ${last} since launch, beyond the day-to-day noise; ${fired}`;
    case 'rose':
      return `CTR rose from ${first} to ${last} since launch, beyond the day-to-day noise; ${fired}`;
    case 'flat':
      return `CTR went from ${first} to ${last} since launch, within the day-to-day noise; ${fired}`;
    case 'too-few':
      return `CTR over ${inWords(c.days)} served ${c.days === 1 ? 'day' : 'days'}: too few to compare the first ${inWords(c.window)} with the last; ${fired}`;
  }
}
