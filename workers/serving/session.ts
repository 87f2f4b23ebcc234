// One serving session: a world, its two weeks of live traffic, the champion that serves it, an
// optional challenger in shadow, the deployment log, monitoring and alerts. Plain TypeScript: the
// worker drives it, and Node tests import it directly.
import { DEFAULT_SIM_OPTIONS, baselinePolicy, dayStream, explorationLog, planSimulation, serveDay, startServing, warmUp } from '../../src/lib/market/index.ts';
import type { DayStream, ExplorationLog, ImpressionLog, PolicyDay, ServingState, SimOptions, SimPlan } from '../../src/lib/market/index.ts';
import { createWorld, type World } from '../../src/lib/sim/world.ts';
import type { DayReport, DeploymentRecord, GateData, LaunchTest, MonitorDay, ServingAlert, ServingSnapshot } from '../../src/lib/serving/types.ts';
import { CTR_DROP, EXPLORE_SHARE } from '../../src/lib/serving/constants.ts';
import { baselineServed, ctrServed, impressionsServed, type Objective, type ServedPolicy } from './policies.ts';
import { BAR_COUNT, armsOfUsers, launchBars } from './launch.ts';
import { scoreRows, type ServedModel } from './scorer.ts';
import { serveLaunchDay } from './deployments.ts';
import { DeploymentLog } from './deployment-log.ts';
import { ctrLaunchTest, type CtrLaunch } from './ctr-launch.ts';
import { ModelShelf } from './model-shelf.ts';
import { References, dayAlerts, monitorDay, scoreTimed, type AlertReference } from './monitoring.ts';
import { loggedDay } from './live-log.ts';
import { replayDays } from './replay.ts';
import { HELD_OUT_QUERIES, EXPLORE_SLOTS, type RunHooks, type SessionConfig } from './session-config.ts';
import { RunControl } from './run-control.ts';
import { shadowChallenger } from './shadow.ts';
import { UsageLog, timelineOf, type ModelUsage } from './usage.ts';
export { LATENCY_ALERT_MS, PREDICTION_DRIFT } from './monitoring.ts';
export { BATCH_QUERIES, DEFAULT_SESSION, EXPLORE_SLOTS, HELD_OUT_QUERIES, LOGGED_REQUESTS_PER_DAY, type RunHooks, type SessionConfig } from './session-config.ts';
export type { ModelUsage } from './usage.ts';
/** The CTR alert's fall and the exploration share (src/lib/serving/constants.ts). */
export { CTR_DROP, EXPLORE_SHARE };

export class ServingSession {
  readonly config: SessionConfig;
  readonly world: World;
  readonly plan: SimPlan;
  /** The cohort's blindness at the first live day (after the warm-up). */
  readonly initialBlindness: Float32Array;
  #shelf = new ModelShelf();
  #d = new DeploymentLog();
  #reports: DayReport[] = [];
  #chunks: ImpressionLog[] = [];
  #state: ServingState;
  #control: ServingState;
  #run = new RunControl();
  #references: References;
  /** The exploration share's log over the impressions policy's served days. */
  readonly exploration: ExplorationLog;
  /** The day the prediction-drift and CTR alerts compare with. */
  #alertRef: AlertReference | null = null;
  #usage = new UsageLog();

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
    return this.#shelf.candidateBars(model.version, () => launchBars(scoreRows(model, this.shadowStream().cands)));
  }

  /** Records that a model was used on a day. */
  use(version: string, kind: keyof ModelUsage, day: number): void {
    this.#usage.use(version, kind, day);
  }

  /** Days the session used a model on. */
  usageOf(version: string): ModelUsage {
    return this.#usage.of(version);
  }

  /** The blindness of the served users now (after the days served so far), a copy. */
  get servedBlindness(): Float32Array {
    return this.#state.blindness.slice();
  }

  /** First and last day of the comparison: the `days` days after the live ones. */
  get compareDays(): [number, number] {
    return [this.plan.startDay + this.plan.days, this.plan.startDay + 2 * this.plan.days - 1];
  }

  /** The users' blindness a shadow serves them at: the warm-up's before any live day, else the served users' now. */
  #blind(): Float32Array {
    return this.#reports.length === 0 ? this.initialBlindness : this.#state.blindness;
  }

  /** Simulated day and hour now: the next day to serve, at midnight. */
  #now(): { day: number; hour: number } {
    return { day: this.plan.startDay + this.#reports.length, hour: 0 };
  }

  /** Receives a model's artifacts and makes it the challenger (not serving yet): a relevance model under the impressions policy, a click model under pCTR × bid. */
  ship(model: ServedModel, reason: string): DeploymentRecord {
    this.#shelf.add(model);
    return this.#d.ship(this.policyFor(model.version), reason, this.#now());
  }

  /** Runs the challenger in shadow on the shadow day's requests beside the champion, and judges it at the gate. */
  shadow(objective: Objective): GateData {
    const ch = this.#d.challenger;
    if (!ch) throw new Error('nothing to shadow: deploy a model first');
    const stream = this.shadowStream();
    this.use(ch.label, 'shadowed', stream.day);
    const ctx = { world: this.world, stream, blind: this.#blind(), launchArms: this.launchArms, now: this.#now() };
    return shadowChallenger(this.#d, objective, { ...ctx, candidateBars: (m) => this.candidateBars(m), ctrLaunchOf: (m) => this.ctrLaunchOf(m) });
  }

  /**
   * A click model's CTR launch test, run the first time it is asked for: each candidate reserve on
   * its own share of the users beside the champion's, on the shadow requests of the next day to serve.
   */
  ctrLaunchOf(model: ServedModel): CtrLaunch {
    return this.#shelf.ctrLaunch(model, () => {
      const t = ctrLaunchTest(this.world, this.shadowStream(), this.#d.champion, model, this.#blind(), this.launchArms);
      this.use(model.version, 'shadowed', t.day);
      return t;
    });
  }

  /** The CTR policy of a click model at the reserve its launch test keeps (running the test if it has not run). */
  ctrPolicyOf(model: ServedModel): ServedPolicy {
    return ctrServed(model, this.#shelf.reserveOf(model, () => this.ctrLaunchOf(model)));
  }

  /** Promotes the challenger that passed the gate; the champion it replaces can be rolled back to. */
  promote(reason: string): DeploymentRecord {
    const rec = this.#d.promote(reason, this.#now());
    if (rec.role === 'ctr_policy' && this.#d.champion.reserve !== undefined) rec.reserve = this.#d.champion.reserve;
    return rec;
  }

  /** Puts the previous champion back, in one action. */
  rollback(reason: string): DeploymentRecord {
    return this.#d.rollback(reason, this.#now());
  }

  /** The champion's scores for a stream (what it serves on). */
  championScores(s: DayStream): Float32Array {
    return this.#d.champion.policy.score(s.cands);
  }

  get champion(): ServedPolicy {
    return this.#d.champion;
  }

  get challenger(): ServedPolicy | null {
    return this.#d.challenger;
  }

  /** Serves the next live day (champion logged, baseline control on a held-out cohort copy); measures latency and drift. */
  serveNext(now: () => number = () => performance.now()): DayReport {
    const k = this.#reports.length;
    if (k >= this.plan.days) throw new Error('every day is served');
    const s = this.stream(k);
    const champ = this.#d.champion;
    const { scores, timings } = scoreTimed(champ, s, now);
    this.use(champ.label, 'served', s.day);
    const exploration = champ.objective === 'impressions' ? this.exploration : undefined;
    const { out, log } = loggedDay(this.#state, s.queries, exploration, () => {
      const launch = champ.launch ? this.#launchDay(s, champ, scores) : undefined;
      return { launch, served: launch ? launch.served : serveDay(this.world, s, champ.policy, scores, this.#state) };
    });
    const { launch, served } = out;
    this.#chunks.push(log);
    const base = baselinePolicy();
    const control = serveDay(this.world, s, base, base.score(s.cands), this.#control);
    const monitor = monitorDay(this.#references, this.plan.startDay, s, champ, scores, timings);
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
    const control = this.#d.previous.at(-1) ?? baselineServed();
    const model = champ.model as ServedModel;
    const { served, test, bar } = serveLaunchDay(this.world, s, control, model, scores, this.#state, { armOf: this.launchArms, bars: this.candidateBars(model) });
    this.#shelf.keepBar(model.version, bar);
    this.use(model.version, 'calibrated', s.day);
    this.#d.champion = impressionsServed(model, bar);
    return { served, test };
  }

  #alerts(served: PolicyDay, m: MonitorDay, launch: boolean): ServingAlert[] {
    const { ref, alerts } = dayAlerts(this.#alertRef, served, m, launch);
    this.#alertRef = ref;
    return alerts;
  }

  /** Serves the remaining days, honouring pause, stop and speed (days per second, 0 = flat out). */
  run(hooks: RunHooks = {}): Promise<void> {
    return this.#run.run(() => this.#reports.length < this.plan.days, (now) => this.serveNext(now), hooks);
  }

  pause(): void {
    this.#run.pause();
  }

  resume(): void {
    this.#run.resume();
  }

  /** Stops serving; the days served stay. */
  stop(): void {
    this.#run.stop();
  }

  setSpeed(daysPerSecond: number): void {
    this.#run.setSpeed(daysPerSecond);
  }

  /** The live log so far (champion's impressions, every column), one chunk per day. */
  get chunks(): readonly ImpressionLog[] {
    return this.#chunks;
  }

  /** Restores served days from storage (after a reload): reports and log chunks, replaying the users' blindness. */
  restoreDays(reports: DayReport[], chunks: ImpressionLog[]): void {
    // The users' blindness is not stored: serve the restored days again (unlogged) with the policy that served each.
    this.#alertRef = replayDays(
      {
        world: this.world,
        stream: (k) => this.stream(k),
        state: this.#state,
        control: this.#control,
        exploration: this.exploration,
        policyOf: (label) => (label === this.#d.champion.label ? this.#d.champion : this.policyFor(label)),
        launchDay: (s, served) => {
          const wasChampion = this.#d.champion;
          this.#launchDay(s, impressionsServed(served.model as ServedModel), served.policy.score(s.cands));
          if (wasChampion.label !== served.label) this.#d.champion = wasChampion;
        },
      },
      reports,
    );
    this.#reports = reports.slice();
    this.#chunks = chunks.slice();
    if (this.#run.state === 'idle' && reports.length > 0) this.#run.state = reports.length >= this.plan.days ? 'done' : 'stopped';
  }

  /** Restores the deployment log and who serves (after a reload). */
  restoreDeployments(records: DeploymentRecord[], champion: ServedPolicy, previous: ServedPolicy[]): void {
    this.#shelf.restoreReserves(records);
    const again = (p: ServedPolicy) => (p.objective === 'clicks' ? this.policyFor(p.label) : p);
    this.#d.restore(records, again(champion), previous.map(again));
  }

  snapshot(): ServingSnapshot {
    const { startDay, days, queriesPerDay } = this.plan;
    const models = this.#shelf.all().map((m) => timelineOf(m, this.usageOf(m.version), this.#d.records));
    return { startDay, days, queriesPerDay, ...this.#d.view(), run: this.#run.state, reports: this.#reports.slice(), speed: this.#run.speed, models, compareDays: this.compareDays };
  }

  /** A policy for a stored model version (for restoring and replays). */
  policyFor(version: string): ServedPolicy {
    return this.#shelf.policyFor(version, (m) => this.ctrPolicyOf(m));
  }

  /** A stored model by version, if any. */
  model(version: string): ServedModel | undefined {
    return this.#shelf.get(version);
  }

  /** Registers a model without shipping it (restoring after a reload). */
  addModel(m: ServedModel): void {
    this.#shelf.add(m);
  }
}
