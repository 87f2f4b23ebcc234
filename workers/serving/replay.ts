// Restoring a session's served days after a reload: the users' blindness is not stored, so each
// restored day is served again (unlogged) by the policy that served it, and the baseline's control
// copy beside it. Plain TypeScript.
import { baselinePolicy, serveDay, type DayStream, type ServingState } from '../../src/lib/market/index.ts';
import type { ExplorationLog } from '../../src/lib/market/index.ts';
import type { World } from '../../src/lib/sim/world.ts';
import type { DayReport } from '../../src/lib/serving/types.ts';
import type { AlertReference } from './monitoring.ts';
import type { ServedPolicy } from './policies.ts';

/** What a replay serves on: the session's streams, its two users' states, and its policies. */
export interface ReplayTarget {
  world: World;
  stream(k: number): DayStream;
  state: ServingState;
  control: ServingState;
  exploration: ExplorationLog;
  /** The policy a day's report names as its champion. */
  policyOf(label: string): ServedPolicy;
  /** Serves a launch test's day again (keeping who serves unchanged unless it was the champion). */
  launchDay(s: DayStream, served: ServedPolicy): void;
}

/** Serves the restored days again; returns the alerts' reference (the first day a kept policy served alone). */
export function replayDays(t: ReplayTarget, reports: readonly DayReport[]): AlertReference | null {
  const base = baselinePolicy();
  for (const r of reports) {
    const s = t.stream(r.index);
    const served = t.policyOf(r.monitor.champion);
    t.state.exploration = served.objective === 'impressions' ? t.exploration : undefined;
    if (r.launch && served.model) t.launchDay(s, served);
    else serveDay(t.world, s, served.policy, served.policy.score(s.cands), t.state);
    serveDay(t.world, s, base, base.score(s.cands), t.control);
  }
  const first = reports.find((r) => !r.launch);
  return first ? { day: first.served.day, mean: first.monitor.prediction.mean, ctr: first.served.ctr } : null;
}
