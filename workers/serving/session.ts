// One serving session: a world, its two weeks of live traffic, the champion that serves it, an
// optional challenger in shadow, the deployment log, monitoring and alerts. Plain TypeScript: the
// worker drives it, and Node tests import it directly.
import {
  DEFAULT_SIM_OPTIONS,
  LogBuilder,
  explorationLog,
  type ExplorationLog,
  baselinePolicy,
  dayStream,
  planSimulation,
  serveDay,
  startServing,
  warmUp,
  type DayStream,
  type ImpressionLog,
  type PolicyDay,
  type ServingState,
  type SimOptions,
  type SimPlan,
} from '../../src/lib/business/index.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import { createWorld, type World } from '../../src/lib/sim/world.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import type { DayReport, DeploymentRecord, GateData, LaunchTest, ModelTimeline, MonitorDay, ServingAlert, ServingSnapshot } from '../../src/lib/serving/types.ts';
import { baselineServed, ctrServed, impressionsServed, type Objective, type ServedPolicy } from './policies.ts';
import { BAR_COUNT, armsOfUsers, launchBars } from './launch.ts';
import { scoreRows, type ServedModel } from './scorer.ts';
import { roleOf, serveLaunchDay, shadowGate } from './deployments.ts';
import { References, alertsOf, monitorDay, type AlertReference } from './monitoring.ts';
export { LATENCY_ALERT_MS, PREDICTION_DRIFT } from './monitoring.ts';

/** Requests scored together in one batch. */
export const BATCH_QUERIES = 256;
/** One request in this many is also scored alone, to measure per-request latency. */
const REQUEST_SAMPLE = 25;
import { CTR_DROP, EXPLORE_SHARE, SESSION_DEFAULTS } from '../../src/lib/serving/constants.ts';
/** The CTR alert's fall and the exploration share (src/lib/serving/constants.ts). */
export { CTR_DROP, EXPLORE_SHARE };

/** Where and how much traffic a session serves. */
export interface SessionConfig {
  world: WorldParams;
  /** First live day (deployment happens at its start); the comparison runs on the `days` days after the live ones. */
  startDay: number;
  days: number;
  queriesPerDay: number;
  /** Seed of the query stream and click draws. */
  seed: string;
  /** Days the users lived under the baseline before the first live day. */
  warmupDays: number;
}

/** Slots an explored request fills at least: the most the CTR policy shows, so the log covers its slots. */
export const EXPLORE_SLOTS = 3;

/** Requests a day the live log records: on a busier day it logs every k-th request (k = queries a day ÷ this, rounded), a random sample since requests come in random order. */
export const LOGGED_REQUESTS_PER_DAY = 3000;

/** Queries of a held-out sub-stream (shadow requests, calibration) drawn from a day's traffic: enough that each of the launch test's seven shares of the users gets about 700 requests. */
export const HELD_OUT_QUERIES = 5000;

/** The story’s serving: two weeks from the deployment day (90–103: the launch test, then the kept bar alone), 30,000 queries a day, after four weeks of the baseline. */
export const DEFAULT_SESSION: Omit<SessionConfig, 'world'> = { ...SESSION_DEFAULTS };

/** Days on which a session used a model, by use (the timeline test reads it). */
export interface ModelUsage {
  served: number[];
  shadowed: number[];
  calibrated: number[];
  compared: number[];
  /** Days whose exploration log estimated the model's policy off-policy. */
  estimated: number[];
}

/** Hooks for the async run loop (the worker passes timers; tests pass nothing). */
export interface RunHooks {
  /** Called after every served day. */
  onDay?: (r: DayReport) => void;
  /** Yields to the event loop (lets pause / stop messages in). */
  yieldNow?: () => Promise<void>;
  /** Waits ms (speed throttling). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class ServingSession {
  readonly config: SessionConfig;
  readonly world: World;
  readonly plan: SimPlan;
  /** The cohort's blindness at the first live day (after the warm-up). */
  readonly initialBlindness: Float32Array;
  #models = new Map<string, ServedModel>();
  #champion: ServedPolicy = baselineServed();
  #challenger: ServedPolicy | null = null;
  #previous: ServedPolicy[] = [];
  #deployments: DeploymentRecord[] = [];
  #gate: GateData | null = null;
  #reports: DayReport[] = [];
  #chunks: ImpressionLog[] = [];
  #state: ServingState;
  #control: ServingState;
  #run: ServingSnapshot['run'] = 'idle';
  #speed = 2;
  #resume: (() => void) | null = null;
  #references: References;
  /** The bar each impressions model's launch test kept. */
  #bars = new Map<string, number>();
  /** Each model's candidate bars, fixed at its first shadow or launch (see launchBars). */
  #candidateBars = new Map<string, number[]>();
  /** The exploration share's log over the impressions policy's served days. */
  readonly exploration: ExplorationLog;
  /** The day the prediction-drift and CTR alerts compare with. */
  #alertRef: AlertReference | null = null;
  #usage = new Map<string, ModelUsage>();

  constructor(config: SessionConfig) {
    this.config = config;
    this.world = createWorld(config.world);
    const opts = this.#simOptions();
    this.plan = planSimulation(this.world, opts);
    this.initialBlindness = warmUp(this.world, this.plan, opts) ?? new Float32Array(this.plan.users);
    this.#state = startServing(this.world, this.plan, { ...opts, log: false, initialBlindness: this.initialBlindness });
    this.#control = startServing(this.world, this.plan, { ...opts, log: false, initialBlindness: this.initialBlindness });
    this.exploration = explorationLog(EXPLORE_SHARE, EXPLORE_SLOTS, config.seed);
    this.#references = new References(this.world, this.plan.index);
  }

  #simOptions(): SimOptions {
    const c = this.config;
    return { ...DEFAULT_SIM_OPTIONS, startDay: c.startDay, days: c.days, queriesPerDay: c.queriesPerDay, seed: c.seed, warmup: { policy: baselinePolicy(), days: c.warmupDays } };
  }

  /** The stream of day index k (0-based from the first live day; k ≥ days are the compared days), or the shadow requests (k = −1). */
  stream(k: number): DayStream {
    if (k < 0) return this.shadowStream();
    return dayStream(this.world, this.plan.index, this.plan.seed, this.plan.startDay + k, this.plan.queriesPerDay, this.plan.users);
  }

  /** A held-out sub-stream of one day's traffic (its own seed: never served, never trained on). */
  heldOut(name: string, day: number): DayStream {
    return dayStream(this.world, this.plan.index, `${this.plan.seed}/${name}`, day, HELD_OUT_QUERIES, this.plan.users);
  }

  /** The shadow requests: a held-out sub-stream of the next day to serve (day 90 before serving, 104 after the fortnight). */
  shadowStream(): DayStream {
    return this.heldOut('shadow', this.plan.startDay + this.#reports.length);
  }

  /** The launch test's arm of each followed user (0: the champion's share; 1…: the candidate bars in order). */
  get launchArms(): Uint8Array {
    return armsOfUsers(this.plan.users, BAR_COUNT + 1, this.plan.seed);
  }

  /** A model's candidate bars, from its scores on the shadow requests the first time it is asked for. */
  candidateBars(model: ServedModel): number[] {
    let bars = this.#candidateBars.get(model.version);
    if (!bars) {
      bars = launchBars(scoreRows(model, this.shadowStream().cands));
      this.#candidateBars.set(model.version, bars);
    }
    return bars;
  }

  /** Records that a model was used on a day. */
  use(version: string, kind: keyof ModelUsage, day: number): void {
    if (version === 'baseline') return;
    let u = this.#usage.get(version);
    if (!u) this.#usage.set(version, (u = { served: [], shadowed: [], calibrated: [], compared: [], estimated: [] }));
    if (!u[kind].includes(day)) u[kind].push(day);
  }

  /** Days the session used a model on. */
  usageOf(version: string): ModelUsage {
    return this.#usage.get(version) ?? { served: [], shadowed: [], calibrated: [], compared: [], estimated: [] };
  }

  /** The blindness of the served users now (after the days served so far), a copy. */
  get servedBlindness(): Float32Array {
    return this.#state.blindness.slice();
  }

  /** First and last day of the comparison: the `days` days after the live ones. */
  get compareDays(): [number, number] {
    return [this.plan.startDay + this.plan.days, this.plan.startDay + 2 * this.plan.days - 1];
  }

  /** Simulated day and hour now: the next day to serve, at midnight. */
  #now(): { day: number; hour: number } {
    return { day: this.plan.startDay + this.#reports.length, hour: 0 };
  }

  #record(p: ServedPolicy, action: DeploymentRecord['action'], reason: string): DeploymentRecord {
    const rec: DeploymentRecord = { seq: this.#deployments.length + 1, version: p.label, role: roleOf(p), action, ...this.#now(), reason, at: Date.now() };
    this.#deployments.push(rec);
    return rec;
  }

  /** Receives a model's artifacts and makes it the challenger (not serving yet): a relevance model under the impressions policy, a click model under pCTR × bid. */
  ship(model: ServedModel, reason: string): DeploymentRecord {
    this.#models.set(model.version, model);
    this.#challenger = this.policyFor(model.version);
    this.#gate = null;
    return this.#record(this.#challenger, 'ship', reason);
  }

  /** Runs the challenger in shadow on the shadow day's requests beside the champion, and judges it at the gate. */
  shadow(objective: Objective): GateData {
    const ch = this.#challenger;
    if (!ch) throw new Error('nothing to shadow: deploy a model first');
    const s = this.shadowStream();
    this.use(ch.label, 'shadowed', s.day);
    const blind = this.#reports.length === 0 ? this.initialBlindness : this.#state.blindness;
    const launch = objective === 'impressions' && ch.launch && ch.model ? { armOf: this.launchArms, bars: this.candidateBars(ch.model) } : null;
    this.#gate = shadowGate(this.world, s, objective, this.#champion, ch, blind, launch);
    this.#record(ch, 'shadow', `shadow on ${s.queries.toLocaleString('en')} held-out requests (day ${s.day}’s traffic): ${this.#gate.pass ? 'passed' : 'failed'} the gate`);
    return this.#gate;
  }

  /** Promotes the challenger that passed the gate; the champion it replaces can be rolled back to. */
  promote(reason: string): DeploymentRecord {
    const ch = this.#challenger;
    if (!ch) throw new Error('nothing to promote');
    if (!this.#gate?.pass || this.#gate.challenger.label !== ch.label) throw new Error('the challenger has not passed the gate');
    this.#previous.push(this.#champion);
    this.#champion = ch;
    this.#challenger = null;
    return this.#record(ch, 'promote', reason);
  }

  /** Puts the previous champion back, in one action. */
  rollback(reason: string): DeploymentRecord {
    const prev = this.#previous.pop();
    if (!prev) throw new Error('no previous champion to roll back to');
    this.#champion = prev;
    return this.#record(prev, 'rollback', reason);
  }

  /** The champion's scores for a stream (what it serves on). */
  championScores(s: DayStream): Float32Array {
    return this.#champion.policy.score(s.cands);
  }

  get champion(): ServedPolicy {
    return this.#champion;
  }

  get challenger(): ServedPolicy | null {
    return this.#challenger;
  }

  /** Serves the next live day (champion logged, baseline control on a held-out cohort copy); measures latency and drift. */
  serveNext(now: () => number = () => performance.now()): DayReport {
    const k = this.#reports.length;
    if (k >= this.plan.days) throw new Error('every day is served');
    const s = this.stream(k);
    const champ = this.#champion;
    const scores = new Float32Array(s.cands.n);
    const batchMs: number[] = [];
    const requestMs: number[] = [];
    const C = s.cands.n / Math.max(1, s.queries);
    let scoring = 0;
    for (let q = 0; q < s.queries; q += BATCH_QUERIES) {
      const e = Math.min(s.queries, q + BATCH_QUERIES);
      const part = viewColumns(s.cands, q * C, e * C);
      const t0 = now();
      scores.set(champ.policy.score(part), q * C);
      const ms = now() - t0;
      batchMs.push(ms);
      scoring += ms;
    }
    for (let q = 0; q < s.queries; q += REQUEST_SAMPLE) {
      const t0 = now();
      champ.policy.score(viewColumns(s.cands, q * C, (q + 1) * C));
      requestMs.push(now() - t0);
    }
    this.use(champ.label, 'served', s.day);
    const stride = Math.max(1, Math.round(s.queries / LOGGED_REQUESTS_PER_DAY));
    const log = new LogBuilder(Math.max(1024, Math.ceil(s.queries / stride) * 4));
    this.#state.log = log;
    this.#state.logStride = stride;
    this.#state.exploration = champ.objective === 'impressions' ? this.exploration : undefined;
    const launch = champ.launch ? this.#launchDay(s, champ, scores) : undefined;
    const served = launch ? launch.served : serveDay(this.world, s, champ.policy, scores, this.#state);
    this.#state.log = null;
    this.#chunks.push(log.finish());
    const base = baselinePolicy();
    const control = serveDay(this.world, s, base, base.score(s.cands), this.#control);
    const monitor = monitorDay(this.#references, this.plan.startDay, s, champ, scores, { scoringMs: scoring, batchMs, requestMs });
    const report: DayReport = { index: k, served, control, monitor, alerts: this.#alerts(served, monitor, launch !== undefined) };
    if (launch) report.launch = launch.test;
    this.#reports.push(report);
    return report;
  }

  /**
   * Serves the impressions policy's first day as its launch test: the champion it replaced on one
   * share of the users, each candidate bar on another; keeps the bar the objective prefers (or,
   * if none earns the champion's revenue per query, the highest bar) and serves it from then on.
   */
  #launchDay(s: DayStream, champ: ServedPolicy, scores: Float32Array): { served: PolicyDay; test: LaunchTest } {
    const control = this.#previous.at(-1) ?? baselineServed();
    const model = champ.model as ServedModel;
    const { served, test, bar } = serveLaunchDay(this.world, s, control, model, scores, this.#state, { armOf: this.launchArms, bars: this.candidateBars(model) });
    this.#bars.set(model.version, bar);
    this.use(model.version, 'calibrated', s.day);
    this.#champion = impressionsServed(model, bar);
    return { served, test };
  }

  /**
   * The day's alerts. The prediction-drift and CTR alerts compare each day with the kept policy's
   * first day alone: a launch test's day mixes the arms' ads, so it is never the reference.
   */
  #alerts(served: PolicyDay, m: MonitorDay, launch: boolean): ServingAlert[] {
    if (launch) {
      this.#alertRef = null;
      return alertsOf(served, m, null);
    }
    if (!this.#alertRef || !Number.isFinite(this.#alertRef.mean)) {
      this.#alertRef = { day: m.day, mean: m.prediction.mean, ctr: served.ctr };
      return alertsOf(served, m, null);
    }
    return alertsOf(served, m, this.#alertRef);
  }

  /** Serves the remaining days, honouring pause, stop and speed (days per second, 0 = flat out). */
  async run(hooks: RunHooks = {}): Promise<void> {
    if (this.#run === 'running') return;
    this.#run = 'running';
    const now = hooks.now ?? (() => performance.now());
    while (this.#reports.length < this.plan.days) {
      if ((this.#run as string) === 'stopped') return;
      if ((this.#run as string) === 'paused') await new Promise<void>((r) => (this.#resume = r));
      if ((this.#run as string) === 'stopped') return;
      const t0 = now();
      const report = this.serveNext(now);
      hooks.onDay?.(report);
      await hooks.yieldNow?.();
      const wait = this.#speed > 0 ? 1000 / this.#speed - (now() - t0) : 0;
      if (wait > 0) await hooks.sleep?.(wait);
    }
    this.#run = 'done';
  }

  pause(): void {
    if (this.#run === 'running') this.#run = 'paused';
  }

  resume(): void {
    if (this.#run !== 'paused') return;
    this.#run = 'running';
    this.#resume?.();
    this.#resume = null;
  }

  /** Stops serving; the days served stay. */
  stop(): void {
    if (this.#run === 'running' || this.#run === 'paused') {
      this.#run = 'stopped';
      this.#resume?.();
      this.#resume = null;
    }
  }

  setSpeed(daysPerSecond: number): void {
    this.#speed = Math.max(0, Math.min(100, daysPerSecond));
  }

  /** The live log so far (champion's impressions, every column), one chunk per day. */
  get chunks(): readonly ImpressionLog[] {
    return this.#chunks;
  }

  /** Restores served days from storage (after a reload): reports and log chunks, replaying the users' blindness. */
  restoreDays(reports: DayReport[], chunks: ImpressionLog[]): void {
    // The users' blindness is not stored: serve the restored days again (unlogged) with the policy that served each.
    const base = baselinePolicy();
    for (const r of reports) {
      const s = this.stream(r.index);
      const served = r.monitor.champion === this.#champion.label ? this.#champion : this.policyFor(r.monitor.champion);
      this.#state.exploration = served.objective === 'impressions' ? this.exploration : undefined;
      if (r.launch && served.model) {
        const wasChampion = this.#champion;
        this.#launchDay(s, impressionsServed(served.model), served.policy.score(s.cands));
        if (wasChampion.label !== served.label) this.#champion = wasChampion;
      } else serveDay(this.world, s, served.policy, served.policy.score(s.cands), this.#state);
      serveDay(this.world, s, base, base.score(s.cands), this.#control);
    }
    const first = reports.find((r) => !r.launch);
    this.#alertRef = first ? { day: first.served.day, mean: first.monitor.prediction.mean, ctr: first.served.ctr } : null;
    this.#reports = reports.slice();
    this.#chunks = chunks.slice();
    if (this.#run === 'idle' && reports.length > 0) this.#run = reports.length >= this.plan.days ? 'done' : 'stopped';
  }

  /** Restores the deployment log and who serves (after a reload). */
  restoreDeployments(records: DeploymentRecord[], champion: ServedPolicy, previous: ServedPolicy[]): void {
    this.#deployments = records.slice();
    this.#champion = champion;
    this.#previous = previous.slice();
  }

  snapshot(): ServingSnapshot {
    const ch = this.#challenger;
    return {
      startDay: this.plan.startDay,
      days: this.plan.days,
      queriesPerDay: this.plan.queriesPerDay,
      champion: { label: this.#champion.label, role: roleOf(this.#champion) },
      challenger: ch ? { label: ch.label, role: roleOf(ch) } : null,
      previous: this.#previous.map((p) => p.label),
      run: this.#run,
      reports: this.#reports.slice(),
      deployments: this.#deployments.slice(),
      gate: this.#gate,
      speed: this.#speed,
      models: [...this.#models.values()].map((m) => this.#timeline(m)),
      compareDays: this.compareDays,
    };
  }

  /** A model's training days and first served (or compared, or promoted-to-serve) day. */
  #timeline(m: ServedModel): ModelTimeline {
    const u = this.usageOf(m.version);
    // Promoted, it serves from the day it was promoted at (the comparison's first day for the click model, once the live days are over).
    const promoted = this.#deployments.filter((d) => d.version === m.version && d.action === 'promote').map((d) => d.day);
    // The launch test's day (the model calibrated on it, each bar on a share of the users) is not a day the kept policy served alone.
    const alone = u.served.filter((d) => !u.calibrated.includes(d));
    const first = Math.min(...alone, ...u.compared, ...promoted.filter((d) => !u.calibrated.includes(d)));
    const launch = Math.min(...u.calibrated);
    const t: ModelTimeline = { version: m.version, role: m.kind === 'click' ? 'ctr_policy' : 'impressions_policy', trainDays: [m.days[0], m.days[1]], serveFirstDay: Number.isFinite(first) ? first : Number.NaN };
    if (Number.isFinite(launch)) t.launchDay = launch;
    return t;
  }

  /** A policy for a stored model version (for restoring and replays). */
  policyFor(version: string): ServedPolicy {
    if (version === 'baseline') return baselineServed();
    const m = this.#models.get(version);
    if (!m) throw new Error(`unknown model ${version}`);
    if (m.kind === 'click') return ctrServed(m);
    return impressionsServed(m, this.#bars.get(version));
  }

  /** A stored model by version, if any. */
  model(version: string): ServedModel | undefined {
    return this.#models.get(version);
  }

  /** Registers a model without shipping it (restoring after a reload). */
  addModel(m: ServedModel): void {
    this.#models.set(m.version, m);
  }
}

/** Serves the compared days (after the live ones) with one policy, from the users as the live days left them, on the comparison's requests and click draws. */
export async function replay(session: ServingSession, p: ServedPolicy, onDay?: (d: PolicyDay, k: number) => void, yieldNow?: () => Promise<void>): Promise<PolicyDay[]> {
  const opts: SimOptions = { startDay: session.plan.startDay, days: session.plan.days, queriesPerDay: session.plan.queriesPerDay, seed: session.plan.seed, log: false, initialBlindness: session.servedBlindness };
  const state = startServing(session.world, session.plan, opts);
  const days: PolicyDay[] = [];
  for (let k = 0; k < session.plan.days; k++) {
    const s = session.stream(session.plan.days + k);
    session.use(p.label, 'compared', s.day);
    const d = serveDay(session.world, s, p.policy, p.policy.score(s.cands), state);
    days.push(d);
    onDay?.(d, k);
    await yieldNow?.();
  }
  return days;
}
