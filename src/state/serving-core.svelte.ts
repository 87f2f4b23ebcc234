// What every part of the serving state shares (src/state/serving.svelte.ts is the facade): the
// gateway to the supervised serving worker and its lanes, the session's world and snapshot, the
// results that are stored (click model, last complete replay, deployed role), the cancel notes, and
// the persistence in IndexedDB (serving-store.ts): saving after each action, restoring on open.
import type { PolicyDay } from '../lib/market/types.ts';
import type { ClickModelReport, ServingSnapshot } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { StoryRole } from '../lib/story/roles.ts';
import type { ServingLane } from '../lib/lanes.ts';
import type { ExportedModel } from '../lib/lab/types.ts';
import type { ServingApi } from '../../workers/serving.worker.ts';
import type { Job } from './job.svelte.ts';
import { JobRunner, type Ticket } from './runner.ts';
import type { Gateway, Supervised } from './supervisor.ts';
import * as store from './serving-store.ts';
import { knobsOf, worldKey } from '../lib/url/lab-config.ts';

/** The serving worker's methods the serving state calls. */
export type ServingGateway = Gateway<
  ServingApi,
  | 'open'
  | 'ship'
  | 'shipClickModel'
  | 'shadow'
  | 'promote'
  | 'rollback'
  | 'run'
  | 'pause'
  | 'resume'
  | 'stop'
  | 'setSpeed'
  | 'cancel'
  | 'snapshot'
  | 'trainClickModel'
  | 'clickArtifact'
  | 'artifactOf'
  | 'replay'
  | 'restoreDeployments'
  | 'restore'
>;

/** What the serving state talks to: the supervised serving worker, and the lab's model export (run
 * in the lab's own lanes; it rejects when the export failed or was interrupted). */
export interface ServingPorts {
  serving: Supervised<ServingGateway>;
  exportModel(modelId: string): Promise<ExportedModel>;
}

/** The long jobs Cancel can stop, by the name of their panel. */
export type CancellableJob = 'serving' | 'click' | 'replay';

export class ServingCore {
  snap = $state.raw<ServingSnapshot | null>(null);
  world = $state.raw<WorldParams | null>(null);
  click = $state.raw<ClickModelReport | null>(null);
  /** The last complete replay (what is stored, and what a cancelled replay goes back to). */
  replayDone = $state.raw<PolicyDay[]>([]);
  replayOf = $state('');
  deployedRole = $state<StoryRole | null>(null);
  /** What the last Cancel of each job stopped, in words ('' until one is cancelled, and again when it restarts). */
  cancelNotes = $state.raw<Record<CancellableJob, string>>({ serving: '', click: '', replay: '' });
  /** Records skipped on load as malformed or unknown. */
  skipped = $state(0);
  /** '' or what went wrong with storage (quota, private mode), and what was kept. */
  notice = $state('');
  readonly ports: ServingPorts;
  /** The serving worker, each call reaching the one alive at that moment. */
  readonly worker: ServingGateway;
  /** Cancel of a lane asks the worker to stop it (the click model, the replay, the live run). */
  readonly jobs: JobRunner<ServingLane>;

  constructor(ports: ServingPorts) {
    this.ports = ports;
    this.worker = ports.serving.gateway();
    this.jobs = new JobRunner<ServingLane>(async (lane) => this.worker.cancel(lane));
  }

  /** True when the session belongs to this world. */
  matches(world: WorldParams): boolean {
    return this.world !== null && worldKey(knobsOf(this.world)) === worldKey(knobsOf(world));
  }

  /** Opens a session for the world in the worker; restores what storage holds for it. A live run the
   * stored session was in the middle of fails `live` with `interrupted(days restored)` (what stopped it and how to go on). */
  async open(world: WorldParams, live: Job<true>, interrupted: (served: number) => string): Promise<void> {
    this.world = world;
    this.click = null;
    this.replayDone = [];
    this.snap = await this.worker.open(world);
    try {
      const saved = await store.loadSession(world);
      this.skipped = saved.skipped;
      if (!saved.session) return;
      const s = saved.session;
      this.snap = await this.worker.restoreDeployments(s.artifacts, s.deployments, s.champion, s.previous);
      await this.worker.restore(s.reports, s.chunks);
      this.snap = await this.worker.snapshot();
      this.deployedRole = s.role ?? null;
      this.click = s.click ?? null;
      this.replayDone = s.replay ?? [];
      this.replayOf = s.replayOf ?? '';
      if (s.running) live.fail(interrupted(this.snap?.reports.length ?? 0));
    } catch (e) {
      this.notice = `Stored serving data could not be read (${e instanceof Error ? e.message : String(e)}); starting fresh.`;
    }
  }

  /** Runs one action as `job` in its lane; true when it completed (its error is shown otherwise, and
   * false when it was cancelled: the body reads `t.current` before a step that changes something). */
  async act(job: Job<true>, lane: ServingLane, body: (t: Ticket) => Promise<void>): Promise<boolean> {
    const call = async (t: Ticket) => {
      await body(t);
      return true as const;
    };
    return (await this.jobs.lane(lane).run({ job, key: lane, stage: lane, call })) === true;
  }

  note(job: CancellableJob, text: string): void {
    if (this.cancelNotes[job] !== text) this.cancelNotes = { ...this.cancelNotes, [job]: text };
  }

  /** Saves the session's small state (`running` while a live run is in flight). */
  async persist(running = false): Promise<void> {
    const snap = this.snap;
    const world = this.world;
    if (!snap || !world) return;
    try {
      await store.saveMeta(world, {
        champion: snap.champion.label,
        previous: snap.previous,
        deployments: snap.deployments,
        role: this.deployedRole ?? undefined,
        click: this.click ?? undefined,
        replay: this.replayDone,
        replayOf: this.replayOf,
        running,
      });
    } catch (e) {
      this.quota(e);
    }
  }

  /** A storage failure in words: what stopped being saved and what was kept. */
  quota(e: unknown): void {
    const name = e instanceof DOMException ? e.name : '';
    this.notice =
      name === 'QuotaExceededError'
        ? 'The browser’s storage is full: the serving log stopped being saved. What was saved before is kept; free space and reload to go on.'
        : `Serving data could not be saved (${e instanceof Error ? e.message : String(e)}); it lasts until you reload.`;
  }
}
