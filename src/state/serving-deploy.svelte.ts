// Deployment as the serving state runs it (steps 11 and 12): a lab model exported (in the lab's
// lanes) and shipped as the challenger, shadowed, promoted or rolled back; and a served model as
// files, out (export) and in (import, validated before anything changes).
import type { StoryRole } from '../lib/story/roles.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { transfer } from 'comlink';
import { Job } from './job.svelte.ts';
import type { ServingCore, ServingGateway } from './serving-core.svelte.ts';
import { packArtifact, unpackArtifact, type ModelArtifact } from '../lib/serving/artifact.ts';
import { fromModelFiles, toModelFiles, worldMismatch, type ModelFiles } from '../lib/serving/model-files.ts';
import * as store from './serving-store.ts';
import { stepNumber, stepRef } from '../lib/story/steps.ts';

export class DeployState {
  /** Ship, shadow, promote, rollback and import. */
  readonly job = new Job<true>();
  #core: ServingCore;
  /** Opens the world's session (the facade's ensure). */
  #ensure: (world: WorldParams) => Promise<void>;

  constructor(core: ServingCore, ensure: (world: WorldParams) => Promise<void>) {
    this.#core = core;
    this.#ensure = ensure;
  }

  /** Ships an artifact as the challenger, then stores it (a storage failure is a notice: the model is shipped). */
  async #shipArtifact(world: WorldParams, art: ModelArtifact, reason: string): Promise<void> {
    const core = this.#core;
    const kept = { ...art, weights: art.weights.slice(0) };
    await core.worker.ship(transfer(art, [art.weights]), reason);
    core.snap = await core.worker.snapshot();
    await store.saveArtifact(world, kept).catch((e) => core.quota(e));
  }

  /** Ships a lab model to the serving worker as the challenger, ready to shadow beside the champion. */
  async ship(modelId: string, role: StoryRole, world: WorldParams): Promise<boolean> {
    const core = this.#core;
    return core.act(this.job, 'deploy', async (t) => {
      await this.#ensure(world);
      const exported = await core.ports.exportModel(modelId);
      if (!t.current) return;
      await this.#shipArtifact(world, packArtifact(exported), `story model (${role}) from the lab`);
      core.deployedRole = role;
      await core.persist();
    });
  }

  /** One deployment step in the serving worker, then the new snapshot, stored. */
  step(f: (w: ServingGateway) => Promise<unknown>): Promise<boolean> {
    const core = this.#core;
    return core.act(this.job, 'deploy', async (t) => {
      if (!t.current) return;
      await f(core.worker);
      core.snap = await core.worker.snapshot();
      await core.persist();
    });
  }

  /** The files of a served model (tfjs model.json + weights.bin + metadata.json), or null. */
  async exportModel(version: string): Promise<ModelFiles | null> {
    const a = await this.#core.worker.artifactOf(version);
    return a ? toModelFiles(unpackArtifact(a)) : null;
  }

  /** Validates imported model files (the files whole, and the world they were trained in) and ships
   * the model as the challenger; says what was done, or what is wrong and that nothing changed. */
  async importModel(files: ModelFiles): Promise<string> {
    const core = this.#core;
    const r = fromModelFiles(files);
    if (!r.ok) return `Import rejected, nothing changed: ${r.error}.`;
    const world = core.world;
    const mismatch = world ? worldMismatch(r.model, world) : `the model belongs to world “${r.model.world.seed}”, not this one`;
    if (!world || mismatch) return `Import rejected, nothing changed: ${mismatch}.`;
    const art = packArtifact(r.model, r.model.kind);
    const ok = await core.act(this.job, 'deploy', async () => {
      await this.#shipArtifact(world, art, `imported from files (${r.model.version})`);
      await core.persist();
    });
    if (!ok) return `Import failed, nothing changed: ${this.job.error || 'the serving worker did not take the model'}.`;
    return `Imported ${r.model.version}; it is the challenger now (shadow it in ${stepRef('deploy')} or ${stepNumber('business')}).`;
  }
}
