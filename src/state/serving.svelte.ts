// The serving side of the app as the steps see it: the serving worker's snapshot (champion,
// challenger, deployments, served days), the gate's verdict, the click model and the replay.
// One facade over small classes, one per concern (as the lab's): what they share and its storage
// (serving-core), deployment and model files (serving-deploy), the live run (serving-live), the click
// model (serving-click) and the replay (serving-replay). One job per long action, each in its own
// lane of the job runner; every action resolves true when it completed and shows its error
// otherwise. Cancel stops the worker's job, the job goes back to its last complete result, and
// nothing the cancelled job made is kept: cancelNote says what happened. When the serving worker
// dies, its supervisor starts a fresh one: the jobs in flight are interrupted, the session is opened
// again and restored from storage, and the live run says so and offers to go on.
import type { PolicyDay } from '../lib/market/types.ts';
import type { ClickModelReport, DayReport, DeploymentRecord, GateData, ServingSnapshot } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import type { ModelFiles } from '../lib/serving/model-files.ts';
import type { Job } from './job.svelte.ts';
import { ServingCore, type CancellableJob, type ServingPorts } from './serving-core.svelte.ts';
import { DeployState } from './serving-deploy.svelte.ts';
import { LiveState } from './serving-live.svelte.ts';
import { ClickState } from './serving-click.svelte.ts';
import { ReplayState } from './serving-replay.svelte.ts';
import * as store from './serving-store.ts';
import { stepRef } from '../lib/story/steps.ts';

export type { CancellableJob, ServingGateway, ServingPorts } from './serving-core.svelte.ts';

/** Story models that may be deployed, best first. */
export const DEPLOY_ORDER: readonly StoryRole[] = ['fresh', 'stale', 'rebalanced', 'relabelled', 'noisy'];

/** What a live run the page was reloaded under says. */
const RELOADED = () => 'Serving was interrupted by a reload; press Resume serving to go on.';

export class ServingState {
  #core: ServingCore;
  #deploy: DeployState;
  #live: LiveState;
  #click: ClickState;
  #replay: ReplayState;
  /** Increments on every deploy-and-serve and on its Cancel: a run that is no longer the latest stops at its next step. */
  #oneGo = 0;
  /** Increments whenever a fresh serving worker replaced a dead one. */
  #restarts = $state(0);
  /** Deploy (ship + shadow + promote), live run, click model, replay. */
  readonly deploy: Job<true>;
  readonly live: Job<true>;
  readonly clickJob: Job<ClickModelReport>;
  readonly replayJob: Job<true>;

  constructor(ports: ServingPorts) {
    this.#core = new ServingCore(ports);
    this.#deploy = new DeployState(this.#core, (world) => this.ensure(world));
    this.#live = new LiveState(this.#core);
    this.#click = new ClickState(this.#core);
    this.#replay = new ReplayState(this.#core);
    this.deploy = this.#deploy.job;
    this.live = this.#live.job;
    this.clickJob = this.#click.job;
    this.replayJob = this.#replay.job;
    ports.serving.watch({ lost: (reason) => void this.#lost(reason) });
  }

  get snapshot(): ServingSnapshot | null {
    return this.#core.snap;
  }
  get reports(): DayReport[] {
    return this.#core.snap?.reports ?? [];
  }
  get deployments(): DeploymentRecord[] {
    return this.#core.snap?.deployments ?? [];
  }
  get gate(): GateData | null {
    return this.#core.snap?.gate ?? null;
  }
  get click(): ClickModelReport | null {
    return this.#core.click;
  }
  get replayDays(): PolicyDay[] {
    return this.#replay.days;
  }
  /** Version the replay served. */
  get replayOf(): string {
    return this.#core.replayOf;
  }
  get deployedRole(): StoryRole | null {
    return this.#core.deployedRole;
  }
  get skipped(): number {
    return this.#core.skipped;
  }
  /** '' or what went wrong with storage (quota, private mode), and what was kept. */
  get notice(): string {
    return this.#core.notice;
  }
  /** How many times a fresh serving worker replaced a dead one. */
  get restarts(): number {
    return this.#restarts;
  }
  /** '' or what the last Cancel of a job stopped and what was kept (cleared when the job runs again). */
  cancelNote(job: CancellableJob): string {
    return this.#core.cancelNotes[job];
  }

  /** True when the session belongs to this world. */
  matches(world: WorldParams): boolean {
    return this.#core.matches(world);
  }

  /** Opens a session for the world unless one is open; restores what storage holds for it. */
  async ensure(world: WorldParams): Promise<void> {
    if (this.matches(world)) return;
    this.#replay.clear();
    await this.#core.open(world, this.live, RELOADED);
  }

  /** Ships a lab model to the serving worker as the challenger, ready to shadow beside the champion. */
  ship(modelId: string, role: StoryRole, world: WorldParams): Promise<boolean> {
    return this.#deploy.ship(modelId, role, world);
  }
  /** Shadows the challenger on the shadow day; the gate decides. */
  startShadow(objective: 'impressions' | 'clicks'): Promise<boolean> {
    return this.#deploy.step((w) => w.shadow(objective));
  }
  promote(reason: string): Promise<boolean> {
    return this.#deploy.step((w) => w.promote(reason));
  }
  rollback(reason: string): Promise<boolean> {
    return this.#deploy.step((w) => w.rollback(reason));
  }

  /** Step 11 in one go: ship, shadow, promote and serve every day flat out; stops at the first step
   * that fails (its error shows), when the gate holds the challenger back, or at Cancel. */
  async deployAndServe(modelId: string, role: StoryRole, world: WorldParams, reason: string): Promise<boolean> {
    const mine = ++this.#oneGo;
    this.#core.note('serving', '');
    const latest = () => mine === this.#oneGo;
    if (!(await this.ship(modelId, role, world)) || !latest() || !(await this.startShadow('impressions')) || !latest()) return false;
    const gate = this.gate;
    if (!gate?.pass) {
      this.deploy.fail(`the gate held ${gate?.challenger.label ?? 'the challenger'} back (${gate?.rule ?? 'no verdict'}); see ${stepRef('deploy')}`);
      return false;
    }
    if (!(await this.promote(reason)) || !latest()) return false;
    await this.setSpeed(0);
    return latest() && this.serve();
  }

  /**
   * Cancel of deploy-and-serve: it stops at its next step (nothing more is shipped, shadowed or
   * promoted) and the live run stops after the day in flight; what was done stays in the
   * deployment log and the days served stay, as after Stop (step 11 resumes them). Both jobs go
   * back to idle, so the panel reads neither done nor failed.
   */
  async cancelDeployAndServe(): Promise<void> {
    const core = this.#core;
    this.#oneGo++;
    const stopped = [core.jobs.lane('deploy').cancel(), core.jobs.lane('live').cancel()];
    this.deploy.reset();
    this.live.reset();
    await Promise.all(stopped);
    const snap = (await core.worker.snapshot()) ?? core.snap;
    core.snap = snap;
    const served = snap?.reports.length ?? 0;
    core.note('serving', served > 0 ? `Serving cancelled after ${served} of ${snap?.days ?? 0} days; the days served stay (resume them in ${stepRef('deploy')}).` : 'Cancelled before serving: no day was served.');
  }

  /** Serves the remaining live days (until done, paused or stopped). */
  serve(): Promise<boolean> {
    return this.#live.serve();
  }
  pause(): Promise<void> {
    return this.#live.control(() => this.#core.worker.pause());
  }
  resume(): Promise<void> {
    return this.#live.control(() => this.#core.worker.resume());
  }
  stop(): Promise<void> {
    return this.#live.control(() => this.#core.worker.stop());
  }
  setSpeed(v: number): Promise<void> {
    return this.#live.control(() => this.#core.worker.setSpeed(v));
  }

  /** Trains the click model on the live log (in the serving worker) and ships it as the challenger. */
  trainClick(version: string): Promise<ClickModelReport | null> {
    return this.#click.train(version);
  }
  /** Cancel of the click model: nothing is shipped, and the click model trained before (if any) stays. */
  cancelClick(): Promise<void> {
    return this.#click.cancel();
  }

  /** Replays the live days with the champion (same requests, same click draws); the days show as they come. */
  replay(): Promise<boolean> {
    return this.#replay.replay();
  }
  /** Cancel of the replay: the days it made are dropped; the last complete replay shows again (or none). */
  cancelReplay(): Promise<void> {
    return this.#replay.cancel();
  }

  /** The files of a served model (tfjs model.json + weights.bin + metadata.json), or null. */
  exportModel(version: string): Promise<ModelFiles | null> {
    return this.#deploy.exportModel(version);
  }
  /** Validates imported model files and ships the model as the challenger; says what was done or what is wrong. */
  importModel(files: ModelFiles): Promise<string> {
    return this.#deploy.importModel(files);
  }

  /** Forgets the session and its stored data (Start over). */
  async reset(): Promise<void> {
    const core = this.#core;
    const world = core.world;
    core.world = null;
    core.snap = null;
    core.click = null;
    core.replayDone = [];
    this.#replay.clear();
    core.deployedRole = null;
    this.#oneGo++;
    core.cancelNotes = { serving: '', click: '', replay: '' };
    for (const j of [this.deploy, this.live, this.clickJob, this.replayJob]) j.reset();
    if (world) await store.clearSession(world).catch(() => undefined);
  }

  /** The serving worker died (a fresh one is starting): the jobs in flight are interrupted, and the
   * session is opened again in the fresh worker from what storage holds; a live run in flight
   * says so and offers to go on (Resume serving). */
  async #lost(reason: string): Promise<void> {
    const core = this.#core;
    const message = `The serving worker stopped (${reason}).`;
    this.#oneGo++;
    core.jobs.interrupt(message);
    this.#restarts++;
    const world = core.world;
    if (!world) return;
    core.world = null;
    this.#replay.clear();
    const restored = (days: number) => `${message} A fresh one was started and the session restored from what was saved (${days} day${days === 1 ? '' : 's'} served); press Resume serving to go on.`;
    await core.open(world, this.live, restored).catch((e: unknown) => {
      // No session in the worker: the next ensure opens it again.
      core.world = null;
      core.notice = `${message} The fresh serving worker could not open the session (${e instanceof Error ? e.message : String(e)}); reload the page to go on.`;
    });
  }
}
