// The challenger in shadow, judged at its gate: a click model by its own CTR launch test (the
// reserve it keeps), an impressions model by its launch test's candidate bars when its launch is
// pending, any other by its objective's gate. Records the shadow in the deployment log.
import type { DayStream } from '../../src/lib/market/index.ts';
import type { World } from '../../src/lib/sim/world.ts';
import type { GateData } from '../../src/lib/serving/types.ts';
import { ctrLaunchGate, type CtrLaunch } from './ctr-launch.ts';
import type { DeploymentLog } from './deployment-log.ts';
import { shadowGate } from './deployments.ts';
import { ctrServed, type Objective } from './policies.ts';
import type { ServedModel } from './scorer.ts';
import { small } from '../../src/lib/story/format.ts';

/** What a shadow reads from its session. */
export interface ShadowContext {
  world: World;
  /** The shadow requests. */
  stream: DayStream;
  /** The users' blindness the shadow serves them at. */
  blind: Float32Array;
  launchArms: Uint8Array;
  candidateBars(model: ServedModel): number[];
  ctrLaunchOf(model: ServedModel): CtrLaunch;
  now: { day: number; hour: number };
}

/** Runs the deployment log's challenger in shadow beside the champion and judges it at the gate. */
export function shadowChallenger(d: DeploymentLog, objective: Objective, c: ShadowContext): GateData {
  const ch = d.challenger;
  if (!ch) throw new Error('nothing to shadow: deploy a model first');
  const s = c.stream;
  const on = `shadow on ${s.queries.toLocaleString('en')} held-out requests (day ${s.day}’s traffic)`;
  if (objective === 'clicks' && ch.model?.kind === 'click') {
    // The click model's reserve, by its own launch test on these requests; the gate reads its arms.
    const t = c.ctrLaunchOf(ch.model);
    d.challenger = ctrServed(ch.model, t.reserve);
    const g = (d.gate = ctrLaunchGate(d.champion.label, ch.label, t));
    const rec = d.record(ch, 'shadow', `${on}: reserve $${small(t.reserve)} of pCTR × bid ${t.kept ? 'kept' : 'tried (no reserve earned the champion’s revenue per request)'}; ${g.pass ? 'passed' : 'failed'} the gate`, c.now);
    rec.reserve = t.reserve;
    return g;
  }
  const launch = objective === 'impressions' && ch.launch && ch.model ? { armOf: c.launchArms, bars: c.candidateBars(ch.model) } : null;
  const g = (d.gate = shadowGate(c.world, s, objective, d.champion, ch, c.blind, launch));
  d.record(ch, 'shadow', `${on}: ${g.pass ? 'passed' : 'failed'} the gate`, c.now);
  return g;
}
