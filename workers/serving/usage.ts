// Which days a serving session used each model on, and the model timeline built from them (the
// timeline test reads both): served, shadowed, calibrated (the launch test), compared, estimated.
import type { DeploymentRecord, ModelTimeline } from '../../src/lib/serving/types.ts';
import type { ServedModel } from './scorer.ts';

/** Days on which a session used a model, by use (the timeline test reads it). */
export interface ModelUsage {
  served: number[];
  shadowed: number[];
  calibrated: number[];
  compared: number[];
  /** Days whose exploration log estimated the model's policy off-policy. */
  estimated: number[];
}

const empty = (): ModelUsage => ({ served: [], shadowed: [], calibrated: [], compared: [], estimated: [] });

/** The days each model version was used on (the rule-based baseline is not recorded). */
export class UsageLog {
  #usage = new Map<string, ModelUsage>();

  /** Records that a model was used on a day. */
  use(version: string, kind: keyof ModelUsage, day: number): void {
    if (version === 'baseline') return;
    let u = this.#usage.get(version);
    if (!u) this.#usage.set(version, (u = empty()));
    if (!u[kind].includes(day)) u[kind].push(day);
  }

  /** Days the session used a model on. */
  of(version: string): ModelUsage {
    return this.#usage.get(version) ?? empty();
  }
}

/** A model's training days and first served (or compared, or promoted-to-serve) day. */
export function timelineOf(m: ServedModel, u: ModelUsage, deployments: readonly DeploymentRecord[]): ModelTimeline {
  // Promoted, it serves from the day it was promoted at (the comparison's first day for the click model, once the live days are over).
  const promoted = deployments.filter((d) => d.version === m.version && d.action === 'promote').map((d) => d.day);
  // The launch test's day (the model calibrated on it, each bar on a share of the users) is not a day the kept policy served alone.
  const alone = u.served.filter((d) => !u.calibrated.includes(d));
  const first = Math.min(...alone, ...u.compared, ...promoted.filter((d) => !u.calibrated.includes(d)));
  const launch = Math.min(...u.calibrated);
  const t: ModelTimeline = { version: m.version, role: m.kind === 'click' ? 'ctr_policy' : 'impressions_policy', trainDays: [m.days[0], m.days[1]], serveFirstDay: Number.isFinite(first) ? first : Number.NaN };
  if (Number.isFinite(launch)) t.launchDay = launch;
  return t;
}
