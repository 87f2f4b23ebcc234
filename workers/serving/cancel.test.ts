// What the serving worker's Cancel relies on, in Node: the click model trains in phases whose
// result is the one-go model's exactly (so stopping between them changes no number), a replay
// stopped between days has made only those days and leaves the session as it was (a replay after
// it equals one on a session that was never cancelled), and a lane's flags: the latest job wins.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { CancelFlags, CancelledError } from './cancel.ts';
import { clickModelPhases, trainOnLog } from './click-model.ts';
import { comparePolicies } from './compare.ts';
import { DEFAULT_SESSION, ServingSession } from './session.ts';

const world = { ...DEFAULT_PARAMS, seed: 'cancel' };
/** A short story under the baseline: 4 live days of 400 queries, 4 compared days after them. */
async function served(): Promise<ServingSession> {
  const s = new ServingSession({ world, ...DEFAULT_SESSION, days: 4, queriesPerDay: 400, warmupDays: 3 });
  s.setSpeed(0);
  await s.run();
  return s;
}

describe('cancelling the serving worker’s jobs', () => {
  it('trains the click model in phases whose result is the one-go model’s, to the last weight', async () => {
    const s = await served();
    const phases = clickModelPhases(s.chunks, 'live', 'v6', world, [90, 93]);
    const stages: string[] = [];
    const fractions: number[] = [];
    let step = phases.next();
    for (; !step.done; step = phases.next()) {
      stages.push(step.value.stage);
      fractions.push(step.value.fraction);
    }
    expect(stages.map((x) => x.split(' ')[0])).toEqual(['joining', 'fitting', 'measuring']);
    expect(fractions).toEqual([0, 0.05, 0.8]);
    expect(stages[1]).toBe(`fitting on ${step.value.report.trainRows.toLocaleString('en')} logged impressions`);
    const once = trainOnLog(s.chunks, 'live', 'v6', world, [90, 93]);
    expect(Array.from(step.value.model.layers[0]!.W)).toEqual(Array.from(once.model.layers[0]!.W));
    expect(Array.from(step.value.model.layers[0]!.b)).toEqual(Array.from(once.model.layers[0]!.b));
    expect({ ...step.value.report, millis: 0 }).toEqual({ ...once.report, millis: 0 });
  });

  it('a replay stopped after 2 days made 2, and the next one equals a replay never cancelled', async () => {
    const s = await served();
    const flag = new CancelFlags().begin('replay');
    let made = 0;
    const cut = comparePolicies(
      s,
      s.champion,
      s.champion,
      (_, k) => {
        made = k + 1;
        if (made === 2) flag.raise();
      },
      async () => flag.check(`replay cancelled after ${made} of ${s.plan.days} days`),
    );
    await expect(cut).rejects.toThrow('replay cancelled after 2 of 4 days');
    await expect(cut).rejects.toBeInstanceOf(CancelledError);
    expect(made).toBe(2);
    const again = await comparePolicies(s, s.champion, s.champion);
    const never = await comparePolicies(await served(), s.champion, s.champion);
    expect(again).toHaveLength(4);
    expect(again.map((d) => d.day)).toEqual([94, 95, 96, 97]);
    expect(again.at(-1)?.summary).toBeDefined();
    expect(again).toEqual(never);
  });

  it('a lane’s new job cancels the one in flight; cancel says whether one ran', () => {
    const flags = new CancelFlags();
    expect(flags.cancel('click')).toBe(false);
    const a = flags.begin('click');
    const r = flags.begin('replay');
    const b = flags.begin('click');
    expect([a.raised, b.raised, r.raised]).toEqual([true, false, false]);
    expect(() => a.check('stopped')).toThrow(CancelledError);
    expect(() => b.check('stopped')).not.toThrow();
    flags.end('click', a);
    expect(flags.cancel('click'), 'the end of a superseded job leaves the latest one in place').toBe(true);
    expect(b.raised).toBe(true);
    flags.end('click', b);
    expect(flags.cancel('click')).toBe(false);
    flags.cancelAll();
    expect(r.raised).toBe(true);
  });
});
