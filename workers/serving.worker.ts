// The serving worker: receives model artifacts from the lab (training and serving are separate,
// as in production), serves simulated live traffic with a champion, shadows a challenger, promotes
// through a gate, rolls back, trains the step-12 click model on its own log and replays the days.
import { expose, transfer } from 'comlink';
import type { PolicyDay } from '../src/lib/business/types.ts';
import type { ClickModelReport, ComparedDay, DayReport, GateData, ServingSnapshot, DeploymentRecord } from '../src/lib/serving/types.ts';
import type { WorldParams } from '../src/lib/sim/types.ts';
import { packArtifact, unpackArtifact, type ModelArtifact } from '../src/lib/serving/artifact.ts';
import { trainOnLog } from './serving/click-model.ts';
import { ctrServed, type Objective } from './serving/policies.ts';
import { estimateFromExploration } from './serving/offpolicy.ts';
import { DEFAULT_SESSION, ServingSession } from './serving/session.ts';
import { comparePolicies } from './serving/compare.ts';
import { logColumns, type LogChunk } from './serving/log-chunk.ts';

let session: ServingSession | null = null;
/** The click model's artifact after training (shipped when the UI deploys it). */
let lastClick: ModelArtifact | null = null;

function current(): ServingSession {
  if (!session) throw new Error('the serving worker has no session: open one first');
  return session;
}

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const api = {
  /** Starts a session on a world (the users warm up under the baseline); returns its snapshot. */
  open(world: WorldParams, overrides: Partial<typeof DEFAULT_SESSION> = {}): ServingSnapshot {
    session?.stop();
    session = new ServingSession({ world, ...DEFAULT_SESSION, ...overrides });
    lastClick = null;
    return session.snapshot();
  },

  /** Receives a model (weights in a transferred buffer) and makes it the challenger. */
  ship(artifact: ModelArtifact, reason: string): DeploymentRecord {
    return current().ship(unpackArtifact(artifact), reason);
  },

  /** Ships the click model trained last. */
  shipClickModel(reason: string): DeploymentRecord {
    if (!lastClick) throw new Error('no click model trained yet');
    return current().ship(unpackArtifact(lastClick), reason);
  },

  /** Shadows the challenger on the shadow day and judges it at the gate. */
  shadow(objective: Objective): GateData {
    return current().shadow(objective);
  },

  promote(reason: string): DeploymentRecord {
    return current().promote(reason);
  },

  rollback(reason: string): DeploymentRecord {
    return current().rollback(reason);
  },

  /** Serves the remaining live days; onDay gets every day's report with that day's log chunk (transferred). */
  async run(onDay?: (r: DayReport, chunk: LogChunk) => void): Promise<ServingSnapshot> {
    const s = current();
    await s.run({
      onDay: (r) => {
        const chunk = logColumns(s.chunks[s.chunks.length - 1]!);
        onDay?.(r, transfer(chunk, chunk.buffers) as LogChunk);
      },
      yieldNow: macrotask,
      sleep,
    });
    return s.snapshot();
  },

  pause(): void {
    current().pause();
  },
  resume(): void {
    current().resume();
  },
  stop(): void {
    current().stop();
  },
  setSpeed(daysPerSecond: number): void {
    current().setSpeed(daysPerSecond);
  },

  snapshot(): ServingSnapshot | null {
    return session?.snapshot() ?? null;
  },

  /** Trains the click model on the champion's live log; its artifact waits for shipClickModel. */
  trainClickModel(version: string): ClickModelReport {
    const s = current();
    const served = s.snapshot().reports;
    const { model, report } = trainOnLog(s.chunks, `live log of ${served.map((r) => r.monitor.champion).filter((v, i, a) => a.indexOf(v) === i).join(' → ')}`, version, s.config.world, [s.plan.startDay, s.plan.startDay + served.length - 1]);
    lastClick = packArtifact(model, 'click');
    // Before it serves: its CTR policy's revenue per request estimated from the exploration log.
    const offPolicy = estimateFromExploration(s, ctrServed(model));
    return offPolicy ? { ...report, offPolicy } : report;
  },

  /** The trained click model's artifact (for persistence and export). */
  clickArtifact(): ModelArtifact | null {
    return lastClick ? { ...lastClick, weights: lastClick.weights.slice(0) } : null;
  },

  /** A served model's artifact by version (export), or null. */
  artifactOf(version: string): ModelArtifact | null {
    const m = current().model(version);
    return m ? packArtifact(m, m.kind) : null;
  },

  /**
   * The paired comparison on the days after the live ones: the policy that served the last live day
   * (the impressions policy) and the current champion (the CTR policy), same users' state, requests
   * and click draws. Each day is the champion's, with the other arm's day beside it; the last one
   * carries the bootstrap summary.
   */
  async replay(onDay?: (d: PolicyDay, k: number) => void): Promise<PolicyDay[]> {
    const s = current();
    const lastServed = s.snapshot().reports.at(-1)?.monitor.champion ?? 'baseline';
    const days: ComparedDay[] = await comparePolicies(s, s.policyFor(lastServed), s.champion, onDay, macrotask);
    return days;
  },

  /** Restores who serves after a reload: the stored models, the deployment log, the champion and the rollback stack. */
  restoreDeployments(artifacts: ModelArtifact[], records: DeploymentRecord[], champion: string, previous: string[]): ServingSnapshot {
    const s = current();
    for (const a of artifacts) s.addModel(unpackArtifact(a));
    s.restoreDeployments(records, s.policyFor(champion), previous.map((v) => s.policyFor(v)));
    return s.snapshot();
  },

  /** Restores served days and their log chunks after a reload. */
  restore(reports: DayReport[], chunks: LogChunk[]): void {
    current().restoreDays(reports, chunks.map((c) => c.log));
  },
};

/** The serving worker's API as the UI sees it (through comlink's Remote). */
export type ServingApi = typeof api;

expose(api);
