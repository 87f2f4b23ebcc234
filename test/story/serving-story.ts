// The story's steps 11–13 through the serving worker's own code (workers/serving/*, imported
// directly): a relevance model trained on the development month ships at the start of day 90,
// serves the live fortnight under the impressions policy, a click model trains on that log, and
// both policies are compared on the fortnight after, paired.
import { trainRelevanceModel } from '../../src/lib/market/index.ts';
import { DEV_LAST_DAY, type WorldParams } from '../../src/lib/sim/types.ts';
import { aloneReports } from '../../src/lib/serving/dashboard.ts';
import type { ClickModelReport, ComparedDay, GateData } from '../../src/lib/serving/types.ts';
import type { PolicyDay } from '../../src/lib/market/types.ts';
import { trainOnLog } from '../../workers/serving/click-model.ts';
import { comparePolicies } from '../../workers/serving/compare.ts';
import { attributionArms } from '../../workers/serving/arms.ts';
import { estimateFromExploration } from '../../workers/serving/offpolicy.ts';
import { fromScoringModel } from '../../workers/serving/scorer.ts';
import { DEFAULT_SESSION, ServingSession } from '../../workers/serving/session.ts';

/** Days the impressions-era model is trained on: the last month of the development history. */
export const RELEVANCE_DAYS: [number, number] = [DEV_LAST_DAY - 29, DEV_LAST_DAY];

/** What one run of the story's serving gives. */
export interface ServingStory {
  session: ServingSession;
  /** Gates of the impressions model and of the click model. */
  gates: [GateData, GateData];
  click: ClickModelReport;
  /** The days the impressions policy's kept bar served alone (91–103; day 90 is its launch test). */
  served: PolicyDay[];
  /** The rule-based baseline on the same requests of those days, a held-out copy of the users (the holdback). */
  control: PolicyDay[];
  /** The compared days (104–117): the CTR policy's, each with the impressions policy's beside it. */
  compared: ComparedDay[];
}

/**
 * Runs the story's serving on a world, as the app does at its defaults (a smaller `queriesPerDay`
 * serves fewer requests a day, as the session's size option allows). `arms: false` compares the two
 * policies alone, without the attribution's arms (for checks that read only the two policies: the
 * arms never change the policies' own days, users or summary).
 */
export async function runServingStory(world: WorldParams, relevanceRows = 2_000_000, queriesPerDay: number = DEFAULT_SESSION.queriesPerDay, opts: { arms?: boolean } = {}): Promise<ServingStory> {
  const session = new ServingSession({ world, ...DEFAULT_SESSION, queriesPerDay });
  const rel = trainRelevanceModel(session.world, { days: RELEVANCE_DAYS, rows: relevanceRows });
  session.ship(fromScoringModel(rel, 'v5', world, RELEVANCE_DAYS), 'test');
  const g1 = session.shadow('impressions');
  if (g1.pass) session.promote('test');
  session.setSpeed(0);
  await session.run();
  const alone = aloneReports(session.snapshot().reports);
  const served = alone.map((r) => r.served);
  const control = alone.map((r) => r.control);
  const S = session.plan.startDay;
  const { model, report } = trainOnLog(session.chunks, 'live', 'v6', world, [S, S + session.plan.days - 1]);
  const offPolicy = estimateFromExploration(session, session.ctrPolicyOf(model));
  if (offPolicy) report.offPolicy = offPolicy;
  session.ship(model, 'test');
  const g2 = session.shadow('clicks');
  if (g2.pass) session.promote('test');
  const [imp, ctr] = [session.policyFor('v5'), session.policyFor('v6')];
  const compared = await comparePolicies(session, imp, ctr, undefined, undefined, opts.arms === false ? [] : attributionArms(session, ctr, imp));
  return { session, gates: [g1, g2], click: report, served, control, compared };
}
