// The serving side of the app as the steps see it: the serving worker's snapshot (champion,
// challenger, deployments, served days), the gate's verdict, the click model and the replay.
// One job per long action (deploy, live run, click model, replay), each in its own lane of the
// job runner; every action resolves true when it completed and shows its error otherwise.
import type { PolicyDay } from '../lib/business/types.ts';
import type { ClickModelReport, DayReport, DeploymentRecord, GateData, ServingSnapshot } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import { labClient } from './lab-client.ts';
import { proxy, servingClient, transfer, type ServingApi } from './serving-client.ts';
import type { Remote } from 'comlink';
import { Job } from './job.svelte.ts';
import { JobRunner } from './runner.ts';
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

/** The app's serving worker and shared lab worker. */
const APP_PORTS: ServingPorts = { serving: servingClient, exportModel: (id) => labClient().exportModel(id) };

export class ServingState {
  #snap = $state.raw<ServingSnapshot | null>(null);
  #world = $state.raw<WorldParams | null>(null);
  #click = $state.raw<ClickModelReport | null>(null);
  #replay = $state.raw<PolicyDay[]>([]);
  #replayOf = $state('');
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
  #jobs = new JobRunner();

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

  /** True when the session belongs to this world. */
  matches(world: WorldParams): boolean {
    return this.#world !== null && worldKey(knobsOf(this.#world)) === worldKey(knobsOf(world));
  }

  /** Opens a session for the world unless one is open; restores what storage holds for it. */
  async ensure(world: WorldParams): Promise<void> {
    if (this.matches(world)) return;
    this.#world = world;
    this.#click = null;
    this.#replay = [];
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
      this.#replay = s.replay ?? [];
      this.#replayOf = s.replayOf ?? '';
      if (s.running) this.live.fail('Serving was interrupted by a reload; press Resume serving to go on.');
    } catch (e) {
      this.#notice = `Stored serving data could not be read (${e instanceof Error ? e.message : String(e)}); starting fresh.`;
    }
  }

  /** Runs one action as `job` in its lane; true when it completed (its error is shown otherwise). */
  async #act(job: Job<true>, lane: string, body: () => Promise<void>): Promise<boolean> {
    const call = async () => {
      await body();
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
    return this.#act(this.deploy, 'deploy', async () => {
      await this.ensure(world);
      const exported: ExportedModel = await this.#ports.exportModel(modelId);
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
    return this.#act(this.deploy, 'deploy', async () => {
      await f(this.#ports.serving());
      this.#snap = await this.#ports.serving().snapshot();
      await this.#persist();
    });
  }

  /** Step 11 in one go: ship, shadow, promote and serve every day flat out; stops at the first step
   * that fails (its error shows) or when the gate holds the challenger back. */
  async deployAndServe(modelId: string, role: StoryRole, world: WorldParams, reason: string): Promise<boolean> {
    if (!(await this.ship(modelId, role, world)) || !(await this.startShadow('impressions'))) return false;
    const gate = this.gate;
    if (!gate?.pass) {
      this.deploy.fail(`the gate held ${gate?.challenger.label ?? 'the challenger'} back (${gate?.rule ?? 'no verdict'}); see step 11`);
      return false;
    }
    if (!(await this.promote(reason))) return false;
    await this.setSpeed(0);
    return this.serve();
  }

  /** Serves the remaining live days (until done, paused or stopped). */
  async serve(): Promise<boolean> {
    const w = this.#ports.serving();
    return this.#act(this.live, 'live', async () => {
      await this.#persist(true);
      await w.run(
        proxy((r: DayReport, chunk: LogChunk) => {
          const snap = this.#snap;
          if (snap) this.#snap = { ...snap, reports: [...snap.reports, r], run: 'running' };
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
    return this.#jobs.lane('click').run({
      job: this.clickJob,
      key: version,
      stage: 'click',
      call: async () => {
        const w = this.#ports.serving();
        const report = await w.trainClickModel(version);
        this.#click = report;
        await w.shipClickModel('click model trained on the live log (objective: clicks)');
        const art = await w.clickArtifact();
        if (art && this.#world) await store.saveArtifact(this.#world, art);
        this.#snap = await w.snapshot();
        await this.#persist();
        return report;
      },
    });
  }

  /** Replays the live days with the champion (same requests, same click draws). */
  async replay(): Promise<boolean> {
    return this.#act(this.replayJob, 'replay', async () => {
      const w = this.#ports.serving();
      const days: PolicyDay[] = [];
      this.#replay = [];
      await w.replay(
        proxy((d: PolicyDay) => {
          days.push(d);
          this.#replay = days.slice();
        }),
      );
      this.#replayOf = this.#snap?.champion.label ?? '';
      await this.#persist();
    });
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
    this.#replay = [];
    this.#deployedRole = null;
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
        replay: this.#replay,
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
