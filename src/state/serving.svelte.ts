// The serving side of the app as the steps see it: the serving worker's snapshot (champion,
// challenger, deployments, served days), the gate's verdict, the click model and the replay.
// One job panel state per long action (deploy, live run, click model, replay).
import type { PolicyDay } from '../lib/business/types.ts';
import type { ClickModelReport, DayReport, DeploymentRecord, GateData, ServingSnapshot } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import { labClient } from './lab-client.ts';
import { proxy, servingClient, transfer } from './serving-client.ts';
import { packArtifact, unpackArtifact } from '../../workers/serving/artifact.ts';
import { fromModelFiles, toModelFiles, type ModelFiles } from '../lib/serving/model-files.ts';
import type { ExportedModel } from '../lib/lab/types.ts';
import type { LogChunk } from '../../workers/serving/log-chunk.ts';
import * as store from './serving-store.ts';

/** Story models that may be deployed, best first. */
export const DEPLOY_ORDER: readonly StoryRole[] = ['fresh', 'stale', 'rebalanced', 'relabelled', 'noisy'];

/** Status of one action's panel (the contract's data-status). */
export type ActionStatus = 'idle' | 'running' | 'done' | 'error';

/** A small job state: status and an error in words. */
class Action {
  status = $state<ActionStatus>('idle');
  error = $state('');
  async run<T>(body: () => Promise<T>): Promise<T | null> {
    this.status = 'running';
    this.error = '';
    try {
      const r = await body();
      this.status = 'done';
      return r;
    } catch (e) {
      this.status = 'error';
      this.error = e instanceof Error ? e.message : String(e);
      return null;
    }
  }
}

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
  readonly deploy = new Action();
  readonly live = new Action();
  readonly clickJob = new Action();
  readonly replayJob = new Action();

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
    const w = this.#world;
    return w !== null && w.seed === world.seed && w.skew === world.skew && w.noise === world.noise && w.drift === world.drift;
  }

  /** Opens a session for the world unless one is open; restores what storage holds for it. */
  async ensure(world: WorldParams): Promise<void> {
    if (this.matches(world)) return;
    this.#world = world;
    this.#click = null;
    this.#replay = [];
    this.#snap = await servingClient().open(world);
    await this.#restore(world);
  }

  async #restore(world: WorldParams): Promise<void> {
    try {
      const saved = await store.loadSession(world);
      this.#skipped = saved.skipped;
      if (!saved.session) return;
      const s = saved.session;
      const w = servingClient();
      this.#snap = await w.restoreDeployments(s.artifacts, s.deployments, s.champion, s.previous);
      await w.restore(s.reports, s.chunks);
      this.#snap = await w.snapshot();
      this.#deployedRole = s.role ?? null;
      this.#click = s.click ?? null;
      this.#replay = s.replay ?? [];
      this.#replayOf = s.replayOf ?? '';
      if (s.running) this.live.error = 'Serving was interrupted by a reload; press Resume serving to go on.';
      if (s.running) this.live.status = 'error';
    } catch (e) {
      this.#notice = `Stored serving data could not be read (${e instanceof Error ? e.message : String(e)}); starting fresh.`;
    }
  }

  /** Ships a lab model to the serving worker, shadows it beside the champion and, if the gate passes, leaves it for Promote. */
  async ship(modelId: string, role: StoryRole, world: WorldParams): Promise<void> {
    await this.deploy.run(async () => {
      await this.ensure(world);
      const exported: ExportedModel = await labClient().exportModel(modelId);
      const art = packArtifact(exported);
      await store.saveArtifact(world, art);
      await servingClient().ship(transfer(art, [art.weights]), `story model (${role}) from the lab`);
      this.#deployedRole = role;
      this.#snap = await servingClient().snapshot();
      await this.#persist();
    });
  }

  /** Shadows the challenger on the shadow day; the gate decides. */
  async startShadow(objective: 'impressions' | 'clicks'): Promise<void> {
    await this.deploy.run(async () => {
      await servingClient().shadow(objective);
      this.#snap = await servingClient().snapshot();
      await this.#persist();
    });
  }

  async promote(reason: string): Promise<void> {
    await this.deploy.run(async () => {
      await servingClient().promote(reason);
      this.#snap = await servingClient().snapshot();
      await this.#persist();
    });
  }

  async rollback(reason: string): Promise<void> {
    await this.deploy.run(async () => {
      await servingClient().rollback(reason);
      this.#snap = await servingClient().snapshot();
      await this.#persist();
    });
  }

  /** Serves the remaining live days (until done, paused or stopped). */
  async serve(): Promise<void> {
    const w = servingClient();
    await this.live.run(async () => {
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
    await servingClient().pause();
    this.#snap = await servingClient().snapshot();
  }
  async resume(): Promise<void> {
    await servingClient().resume();
    this.#snap = await servingClient().snapshot();
  }
  async stop(): Promise<void> {
    await servingClient().stop();
    this.#snap = await servingClient().snapshot();
  }
  async setSpeed(v: number): Promise<void> {
    await servingClient().setSpeed(v);
    this.#snap = await servingClient().snapshot();
  }

  /** Trains the click model on the live log (in the serving worker) and ships it as the challenger. */
  async trainClick(version: string): Promise<ClickModelReport | null> {
    return this.clickJob.run(async () => {
      const w = servingClient();
      const report = await w.trainClickModel(version);
      this.#click = report;
      await w.shipClickModel('click model trained on the live log (objective: clicks)');
      const art = await w.clickArtifact();
      if (art && this.#world) await store.saveArtifact(this.#world, art);
      this.#snap = await w.snapshot();
      await this.#persist();
      return report;
    });
  }

  /** Replays the live days with the champion (same requests, same click draws). */
  async replay(): Promise<void> {
    await this.replayJob.run(async () => {
      const w = servingClient();
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
    const a = await servingClient().artifactOf(version);
    return a ? toModelFiles(unpackArtifact(a)) : null;
  }

  /** Validates imported model files; on success ships the model as the challenger, otherwise changes nothing and returns the message. */
  async importModel(files: ModelFiles): Promise<string> {
    const r = fromModelFiles(files);
    if (!r.ok) return `Import rejected, nothing changed: ${r.error}.`;
    if (!this.#world || r.model.world.seed !== this.#world.seed) return `Import rejected, nothing changed: the model belongs to world “${r.model.world.seed}”, not this one.`;
    const art = packArtifact(r.model, r.model.kind);
    await this.deploy.run(async () => {
      if (this.#world) await store.saveArtifact(this.#world, art);
      await servingClient().ship(transfer(art, [art.weights]), `imported from files (${r.model.version})`);
      this.#snap = await servingClient().snapshot();
      await this.#persist();
    });
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
    this.deploy.status = this.live.status = this.clickJob.status = this.replayJob.status = 'idle';
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
