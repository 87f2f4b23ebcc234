// The serving worker: receives model artifacts from the lab (training and serving are separate,
// as in production), serves simulated live traffic with a champion, shadows a challenger, promotes
// through a gate, rolls back, trains the step-12 click model on its own log and replays the days.
// The long jobs stop when asked: the live run at Stop, the click model and the replay at cancel.
import { expose, transfer } from 'comlink';
import type { PolicyDay } from '../src/lib/market/types.ts';
import type { ClickModelReport, ComparedDay, DayReport, GateData, ServingSnapshot, DeploymentRecord } from '../src/lib/serving/types.ts';
import type { WorldParams } from '../src/lib/sim/types.ts';
import { packArtifact, unpackArtifact, type ModelArtifact } from '../src/lib/serving/artifact.ts';
import { clickModelPhases } from './serving/click-model.ts';
import { CancelFlags } from './serving/cancel.ts';
import type { Objective } from './serving/policies.ts';
import { estimateFromExploration } from './serving/offpolicy.ts';
import { DEFAULT_SESSION, ServingSession } from './serving/session.ts';
import { comparePolicies } from './serving/compare.ts';
import { attributionArms } from './serving/arms.ts';
import { logColumns, type LogChunk } from './serving/log-chunk.ts';
import type { ServingLane } from '../src/lib/lanes.ts';

let session: ServingSession | null = null;
/** The click model's artifact after training (shipped when the UI deploys it). */
let lastClick: ModelArtifact | null = null;
/** The cancel flags of the click model's training and of the replay in flight. */
const flags = new CancelFlags();

function current(): ServingSession {
  if (!session) throw new Error('the serving worker has no session: open one first');
  return session;
}

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const api = {
  /** Heartbeat for the supervisor (src/state/supervisor.ts): answers as soon as the event loop is free. */
  ping(): true {
    return true;
  },

  /** Starts a session on a world (the users warm up under the baseline); returns its snapshot. */
  open(world: WorldParams, overrides: Partial<typeof DEFAULT_SESSION> = {}): ServingSnapshot {
    session?.stop();
    flags.cancelAll();
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

  /**
   * Cancels a lane's job in flight: 'click' (the click model's training) and 'replay' stop at their
   * next break and reject with "cancelled"; 'live' stops serving after the day in flight (the days
   * served stay, as after Stop). True if the lane had a job running.
   */
  cancel(lane: ServingLane): boolean {
    if (lane !== 'live') return flags.cancel(lane);
    const run = session?.snapshot().run;
    session?.stop();
    return run === 'running' || run === 'paused';
  },

  snapshot(): ServingSnapshot | null {
    return session?.snapshot() ?? null;
  },

  /**
   * Trains the click model on the champion's live log; its artifact waits for shipClickModel.
   * Between its phases it reports progress, gives the event loop a turn and stops if cancelled
   * (rejecting with "cancelled"): a cancelled model is dropped, the one trained before stays.
   */
  async trainClickModel(version: string, onProgress?: (fraction: number, stage: string) => void): Promise<ClickModelReport> {
    const s = current();
    const flag = flags.begin('click' satisfies ServingLane);
    const stop = async (fraction: number, stage: string) => {
      void onProgress?.(fraction, stage);
      await macrotask();
      flag.check(`click model ${version} cancelled while ${stage}; nothing was shipped`);
    };
    try {
      const served = s.snapshot().reports;
      const phases = clickModelPhases(s.chunks, `live log of ${served.map((r) => r.monitor.champion).filter((v, i, a) => a.indexOf(v) === i).join(' → ')}`, version, s.config.world, [s.plan.startDay, s.plan.startDay + served.length - 1]);
      let phase = phases.next();
      for (; !phase.done; phase = phases.next()) await stop(phase.value.fraction, phase.value.stage);
      const { model, report } = phase.value;
      // Before it serves: its CTR policy's revenue per request estimated from the exploration log.
      await stop(0.9, 'estimating its revenue from the exploration log');
      const offPolicy = estimateFromExploration(s, s.ctrPolicyOf(model));
      await stop(1, 'finishing');
      lastClick = packArtifact(model, 'click');
      return offPolicy ? { ...report, offPolicy } : report;
    } finally {
      flags.end('click' satisfies ServingLane, flag);
    }
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
   * carries the bootstrap summary. Between days it gives the event loop a turn and stops if
   * cancelled, rejecting with "replay cancelled after N of 14 days" (the days made are dropped).
   */
  async replay(onDay?: (d: PolicyDay, k: number) => void): Promise<PolicyDay[]> {
    const s = current();
    const flag = flags.begin('replay' satisfies ServingLane);
    let made = 0;
    try {
      const lastServed = s.snapshot().reports.at(-1)?.monitor.champion ?? 'baseline';
      // The arms that change one thing at a time, when the champion is a click model.
      const impressions = s.policyFor(lastServed);
      // The CTR policy: the champion, or a click model that failed its gate (the fortnight is the A/B test the gate stands in for).
      const ctr = s.champion.model?.kind !== 'click' && s.challenger?.model?.kind === 'click' ? s.challenger : s.champion;
      const arms = ctr.model?.kind === 'click' ? attributionArms(s, ctr, impressions) : [];
      const days: ComparedDay[] = await comparePolicies(
        s,
        impressions,
        ctr,
        (d, k) => {
          made = k + 1;
          onDay?.(d, k);
        },
        async () => {
          await macrotask();
          flag.check(`replay cancelled after ${made} of ${s.plan.days} days`);
        },
        arms,
      );
      return days;
    } finally {
      flags.end('replay' satisfies ServingLane, flag);
    }
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
