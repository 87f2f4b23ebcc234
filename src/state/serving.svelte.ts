// The serving side of the app as the steps see it: the serving worker's snapshot (champion,
// challenger, deployments, served days), the gate's verdict, the click model and the replay.
// One job per long action (deploy, live run, click model, replay), each in its own lane of the
// job runner; every action resolves true when it completed and shows its error otherwise. Cancel
// stops the worker's job (the runner asks the worker to cancel the lane), the job goes back to its
// last complete result, and nothing the cancelled job made is kept: cancelNote says what happened.
import type { PolicyDay } from '../lib/market/types.ts';
import type { ClickModelReport, DayReport, DeploymentRecord, GateData, ServingSnapshot } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import { labClient } from './lab-client.ts';
import { proxy, servingClient, transfer, type ServingApi } from './serving-client.ts';
import type { Remote } from 'comlink';
import { Job } from './job.svelte.ts';
import { JobRunner, type Ticket } from './runner.ts';
import { packArtifact, unpackArtifact, type ModelArtifact } from '../lib/serving/artifact.ts';
import { fromModelFiles, toModelFiles, worldMismatch, type ModelFiles } from '../lib/serving/model-files.ts';
import type { ExportedModel } from '../lib/lab/types.ts';
import type { LogChunk } from '../../workers/serving/log-chunk.ts';
import * as store from './serving-store.ts';
import { knobsOf, worldKey } from '../lib/url/lab-config.ts';

/** Story models that may be deployed, best first. */
export const DEPLOY_ORDER: readonly StoryRole[] = ['fresh', 'stale', 'rebalanced', 'relabelled', 'noisy'];

/** What the serving state talks to: the serving worker and the lab's model export. */
export interface ServingPorts {
  serving(): Remote<ServingApi>;
  exportModel(modelId: string): Promise<ExportedModel>;
}

/** The long jobs Cancel can stop, by the name of their panel. */
export type CancellableJob = 'serving' | 'click' | 'replay';

/** The app's serving worker and shared lab worker. */
const APP_PORTS: ServingPorts = { serving: servingClient, exportModel: (id) => labClient().exportModel(id) };

export class ServingState {
  #snap = $state.raw<ServingSnapshot | null>(null);
  #world = $state.raw<WorldParams | null>(null);
  #click = $state.raw<ClickModelReport | null>(null);
  /** The replay's days: the last complete replay, or the days of the one running so far. */
  #replay = $state.raw<PolicyDay[]>([]);
  /** The last complete replay (what is stored, and what a cancelled replay goes back to). */
  #replayDone: PolicyDay[] = [];
  #replayOf = $state('');
  /** What the last Cancel of each job stopped, in words ('' until one is cancelled, and again when it restarts). */
  #cancelNotes = $state.raw<Record<CancellableJob, string>>({ serving: '', click: '', replay: '' });
  /** Increments on every deploy-and-serve and on its Cancel: a run that is no longer the latest stops at its next step. */
  #oneGo = 0;
  #deployedRole = $state<StoryRole | null>(null);
  /** Records skipped on load as malformed or unknown. */
  #skipped = $state(0);
  #notice = $state('');
  /** Deploy (ship + shadow + promote), live run, click model, replay. */
  readonly deploy = new Job<true>();
  readonly live = new Job<true>();
  readonly clickJob = new Job<ClickModelReport>();
  readonly replayJob = new Job<true>();
  #ports: ServingPorts;
  /** Cancel of a lane asks the worker to stop it (the click model, the replay, the live run). */
  #jobs = new JobRunner(async (lane) => this.#ports.serving().cancel(lane));

  constructor(ports: ServingPorts = APP_PORTS) {
    this.#ports = ports;
  }

  get snapshot(): ServingSnapshot | null {
    return this.#snap;
  }
  get reports(): DayReport[] {
    return this.#snap?.reports ?? [];
  }
  get deployments(): DeploymentRecord[] {
    return this.#snap?.deployments ?? [];
  }
  get gate(): GateData | null {
    return this.#snap?.gate ?? null;
  }
  get click(): ClickModelReport | null {
    return this.#click;
  }
  get replayDays(): PolicyDay[] {
    return this.#replay;
  }
  /** Version the replay served. */
  get replayOf(): string {
    return this.#replayOf;
  }
  get deployedRole(): StoryRole | null {
    return this.#deployedRole;
  }
  get skipped(): number {
    return this.#skipped;
  }
  /** '' or what went wrong with storage (quota, private mode), and what was kept. */
  get notice(): string {
    return this.#notice;
  }
  /** '' or what the last Cancel of a job stopped and what was kept (cleared when the job runs again). */
  cancelNote(job: CancellableJob): string {
    return this.#cancelNotes[job];
  }

  /** True when the session belongs to this world. */
  matches(world: WorldParams): boolean {
    return this.#world !== null && worldKey(knobsOf(this.#world)) === worldKey(knobsOf(world));
  }

  /** Opens a session for the world unless one is open; restores what storage holds for it. */
  async ensure(world: WorldParams): Promise<void> {
    if (this.matches(world)) return;
    this.#world = world;
    this.#click = null;
    this.#replay = this.#replayDone = [];
    this.#snap = await this.#ports.serving().open(world);
    await this.#restore(world);
  }

  async #restore(world: WorldParams): Promise<void> {
    try {
      const saved = await store.loadSession(world);
      this.#skipped = saved.skipped;
      if (!saved.session) return;
      const s = saved.session;
      const w = this.#ports.serving();
      this.#snap = await w.restoreDeployments(s.artifacts, s.deployments, s.champion, s.previous);
      await w.restore(s.reports, s.chunks);
      this.#snap = await w.snapshot();
      this.#deployedRole = s.role ?? null;
      this.#click = s.click ?? null;
      this.#replay = this.#replayDone = s.replay ?? [];
      this.#replayOf = s.replayOf ?? '';
      if (s.running) this.live.fail('Serving was interrupted by a reload; press Resume serving to go on.');
    } catch (e) {
      this.#notice = `Stored serving data could not be read (${e instanceof Error ? e.message : String(e)}); starting fresh.`;
    }
  }

  /** Runs one action as `job` in its lane; true when it completed (its error is shown otherwise, and
   * false when it was cancelled: the body reads `t.current` before a step that changes something). */
  async #act(job: Job<true>, lane: string, body: (t: Ticket) => Promise<void>): Promise<boolean> {
    const call = async (t: Ticket) => {
      await body(t);
      return true as const;
    };
    return (await this.#jobs.lane(lane).run({ job, key: lane, stage: lane, call })) === true;
  }

  /** Ships an artifact as the challenger, then stores it (a storage failure is a notice: the model is shipped). */
  async #shipArtifact(world: WorldParams, art: ModelArtifact, reason: string): Promise<void> {
    const kept = { ...art, weights: art.weights.slice(0) };
    await this.#ports.serving().ship(transfer(art, [art.weights]), reason);
    this.#snap = await this.#ports.serving().snapshot();
    await store.saveArtifact(world, kept).catch((e) => this.#quota(e));
  }

  /** Ships a lab model to the serving worker as the challenger, ready to shadow beside the champion. */
  async ship(modelId: string, role: StoryRole, world: WorldParams): Promise<boolean> {
    return this.#act(this.deploy, 'deploy', async (t) => {
      await this.ensure(world);
      const exported: ExportedModel = await this.#ports.exportModel(modelId);
      if (!t.current) return;
      await this.#shipArtifact(world, packArtifact(exported), `story model (${role}) from the lab`);
      this.#deployedRole = role;
      await this.#persist();
    });
  }

  /** Shadows the challenger on the shadow day; the gate decides. */
  async startShadow(objective: 'impressions' | 'clicks'): Promise<boolean> {
    return this.#deployStep((w) => w.shadow(objective));
  }

  async promote(reason: string): Promise<boolean> {
    return this.#deployStep((w) => w.promote(reason));
  }

  async rollback(reason: string): Promise<boolean> {
    return this.#deployStep((w) => w.rollback(reason));
  }

  /** One deployment step in the serving worker, then the new snapshot, stored. */
  #deployStep(f: (w: Remote<ServingApi>) => Promise<unknown>): Promise<boolean> {
    return this.#act(this.deploy, 'deploy', async (t) => {
      if (!t.current) return;
      await f(this.#ports.serving());
      this.#snap = await this.#ports.serving().snapshot();
      await this.#persist();
    });
  }

  /** Step 11 in one go: ship, shadow, promote and serve every day flat out; stops at the first step
   * that fails (its error shows), when the gate holds the challenger back, or at Cancel. */
  async deployAndServe(modelId: string, role: StoryRole, world: WorldParams, reason: string): Promise<boolean> {
    const mine = ++this.#oneGo;
    this.#note('serving', '');
    const latest = () => mine === this.#oneGo;
    if (!(await this.ship(modelId, role, world)) || !latest() || !(await this.startShadow('impressions')) || !latest()) return false;
    const gate = this.gate;
    if (!gate?.pass) {
      this.deploy.fail(`the gate held ${gate?.challenger.label ?? 'the challenger'} back (${gate?.rule ?? 'no verdict'}); see step 11`);
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
    this.#oneGo++;
    const stopped = [this.#jobs.lane('deploy').cancel(), this.#jobs.lane('live').cancel()];
    this.deploy.reset();
    this.live.reset();
    await Promise.all(stopped);
    const snap = (await this.#ports.serving().snapshot()) ?? this.#snap;
    this.#snap = snap;
    const served = snap?.reports.length ?? 0;
    this.#note('serving', served > 0 ? `Serving cancelled after ${served} of ${snap?.days ?? 0} days; the days served stay (resume them in step 11).` : 'Cancelled before serving: no day was served.');
  }

  /** Serves the remaining live days (until done, paused or stopped). */
  async serve(): Promise<boolean> {
    const w = this.#ports.serving();
    return this.#act(this.live, 'live', async () => {
      this.#note('serving', '');
      await this.#persist(true);
      await w.run(
        proxy((r: DayReport, chunk: LogChunk) => {
          const snap = this.#snap;
          // The callback travels on its own message port, so WebKit can deliver a day's report after
          // the snapshot taken when the run ended, which already holds it: a day is added once.
          if (snap && !snap.reports.some((d) => d.index === r.index)) this.#snap = { ...snap, reports: [...snap.reports, r], run: 'running' };
          if (this.#world) void store.saveDay(this.#world, r, chunk.log).catch((e) => this.#quota(e));
        }),
      );
      this.#snap = await w.snapshot();
      await this.#persist();
    });
  }

  async pause(): Promise<void> {
    await this.#ports.serving().pause();
    this.#snap = await this.#ports.serving().snapshot();
  }
  async resume(): Promise<void> {
    await this.#ports.serving().resume();
    this.#snap = await this.#ports.serving().snapshot();
  }
  async stop(): Promise<void> {
    await this.#ports.serving().stop();
    this.#snap = await this.#ports.serving().snapshot();
  }
  async setSpeed(v: number): Promise<void> {
    await this.#ports.serving().setSpeed(v);
    this.#snap = await this.#ports.serving().snapshot();
  }

  /** Trains the click model on the live log (in the serving worker) and ships it as the challenger. */
  async trainClick(version: string): Promise<ClickModelReport | null> {
    this.#note('click', '');
    return this.#jobs.lane('click').run({
      job: this.clickJob,
      key: version,
      stage: 'training the click model',
      call: async (t) => {
        const w = this.#ports.serving();
        const report = await w.trainClickModel(
          version,
          proxy((fraction: number, stage: string) => void t.progress(fraction, stage)),
        );
        // Cancelled after the worker's last break: the model is not shipped (the lane drops the report).
        if (!t.current) return report;
        await w.shipClickModel('click model trained on the live log (objective: clicks)');
        // Shipped: it is the challenger now, so its report is kept even if Cancel came during the ship.
        this.#click = report;
        const art = await w.clickArtifact();
        if (art && this.#world) await store.saveArtifact(this.#world, art);
        this.#snap = await w.snapshot();
        await this.#persist();
        if (!t.current && this.clickJob.status !== 'running') {
          this.clickJob.finish(version, report);
          this.#note('click', '');
        }
        return report;
      },
    });
  }

  /** Cancel of the click model: the worker stops at its next break; nothing is shipped, and the click model trained before (if any) stays. */
  async cancelClick(): Promise<void> {
    if (this.clickJob.status !== 'running') return;
    const version = this.clickJob.runningKey;
    const cancel = this.#jobs.lane('click').cancel();
    this.#note('click', `Training of ${version} cancelled: it was not shipped${this.#click ? `; ${this.#click.version} stays as it was` : ''}.`);
    await cancel;
  }

  /** Replays the live days with the champion (same requests, same click draws); the days show as they come. */
  async replay(): Promise<boolean> {
    this.#note('replay', '');
    return this.#act(this.replayJob, 'replay', async (t) => {
      const w = this.#ports.serving();
      this.#replay = [];
      let open = true;
      const days = await w.replay(
        proxy((d: PolicyDay) => {
          if (open && t.current) this.#replay = [...this.#replay, d];
        }),
      );
      open = false;
      if (!t.current) return;
      // The answer is the whole fortnight (a day's callback may arrive after it).
      this.#replay = this.#replayDone = days;
      this.#replayOf = this.#snap?.champion.label ?? '';
      await this.#persist();
    });
  }

  /** Cancel of the replay: the worker stops after the day in flight, and the days it made are dropped:
   * the last complete replay shows again (or none), never a part of a fortnight. */
  async cancelReplay(): Promise<void> {
    if (this.replayJob.status !== 'running') return;
    const made = this.#replay.length;
    const cancel = this.#jobs.lane('replay').cancel();
    this.#replay = this.#replayDone;
    const kept = this.#replayDone.length > 0 ? '; the last complete comparison shows again' : '';
    this.#note('replay', `Replay cancelled after ${made} of ${this.#snap?.days ?? 0} days: none of them is kept${kept}. Press Replay to run the fortnight again.`);
    await cancel;
  }

  #note(job: CancellableJob, text: string): void {
    if (this.#cancelNotes[job] !== text) this.#cancelNotes = { ...this.#cancelNotes, [job]: text };
  }

  /** The files of a served model (tfjs model.json + weights.bin + metadata.json), or null. */
  async exportModel(version: string): Promise<ModelFiles | null> {
    const a = await this.#ports.serving().artifactOf(version);
    return a ? toModelFiles(unpackArtifact(a)) : null;
  }

  /** Validates imported model files (the files whole, and the world they were trained in) and ships
   * the model as the challenger; says what was done, or what is wrong and that nothing changed. */
  async importModel(files: ModelFiles): Promise<string> {
    const r = fromModelFiles(files);
    if (!r.ok) return `Import rejected, nothing changed: ${r.error}.`;
    const world = this.#world;
    const mismatch = world ? worldMismatch(r.model, world) : `the model belongs to world “${r.model.world.seed}”, not this one`;
    if (!world || mismatch) return `Import rejected, nothing changed: ${mismatch}.`;
    const art = packArtifact(r.model, r.model.kind);
    const ok = await this.#act(this.deploy, 'deploy', async () => {
      await this.#shipArtifact(world, art, `imported from files (${r.model.version})`);
      await this.#persist();
    });
    if (!ok) return `Import failed, nothing changed: ${this.deploy.error || 'the serving worker did not take the model'}.`;
    return `Imported ${r.model.version}; it is the challenger now (shadow it in step 11 or 12).`;
  }

  /** Forgets the session and its stored data (Start over). */
  async reset(): Promise<void> {
    const world = this.#world;
    this.#world = null;
    this.#snap = null;
    this.#click = null;
    this.#replay = this.#replayDone = [];
    this.#deployedRole = null;
    this.#oneGo++;
    this.#cancelNotes = { serving: '', click: '', replay: '' };
    for (const j of [this.deploy, this.live, this.clickJob, this.replayJob]) j.reset();
    if (world) await store.clearSession(world).catch(() => undefined);
  }

  async #persist(running = false): Promise<void> {
    const snap = this.#snap;
    const world = this.#world;
    if (!snap || !world) return;
    try {
      await store.saveMeta(world, {
        champion: snap.champion.label,
        previous: snap.previous,
        deployments: snap.deployments,
        role: this.#deployedRole ?? undefined,
        click: this.#click ?? undefined,
        replay: this.#replayDone,
        replayOf: this.#replayOf,
        running,
      });
    } catch (e) {
      this.#quota(e);
    }
  }

  #quota(e: unknown): void {
    const name = e instanceof DOMException ? e.name : '';
    this.#notice =
      name === 'QuotaExceededError'
        ? 'The browser’s storage is full: the serving log stopped being saved. What was saved before is kept; free space and reload to go on.'
        : `Serving data could not be saved (${e instanceof Error ? e.message : String(e)}); it lasts until you reload.`;
  }
}
