// What steps 5–10's jobs do when the lab worker no longer holds a dataset or model they name (a
// fresh worker after a restart, or the caches' budget dropped it between two jobs): each dataset
// and model the UI was given comes with the recipe that made it (the link's settings: the world,
// the training config, the relabel choice, the collection request), so the job makes it again,
// inside itself, with its progress and Cancel, and runs on the new one. Later calls that still name
// the old id are sent to the new one. Plain TypeScript: the state classes record recipes and wrap
// their lane jobs' worker calls in `run`.
import type { Ticket } from './runner.ts';

/** Makes a dataset or model again (reading the ids it starts from through `id`); resolves with its new id. */
export type Recipe = (t: Ticket, id: (x: string) => string, gone: string) => Promise<string>;

interface Entry {
  /** What it is, in words ("the relabelled data", "model v3"). */
  what: string;
  make: Recipe;
}

/** The worker's words for a dataset or model it does not hold (workers/lab/datasets.ts, models.ts). */
const GONE = /\bunknown (dataset|model) (\S+)/;

/** The id of the dataset or model `err` says the worker no longer holds, or null. */
export function goneId(err: unknown): { kind: 'dataset' | 'model'; id: string } | null {
  const m = GONE.exec(err instanceof Error ? err.message : String(err));
  return m ? { kind: m[1] as 'dataset' | 'model', id: m[2]! } : null;
}

/** What a rebuilding job shows while it makes something again. */
export function rebuildingWords(what: string): string {
  return `the lab no longer holds ${what}: making it again from the link’s settings`;
}

/** How many things one job may make again before it gives up (a model, its data, that data's source…). */
const MAX_REBUILDS = 6;

export class Rebuilder {
  #recipes = new Map<string, Entry>();
  /** Old id → the id made in its place. */
  #alias = new Map<string, string>();
  /** Used for a dataset with no recipe of its own: the step-2 log of the world asked last. */
  #fallbackDataset: Entry | null = null;

  /** Records how `id` was made. */
  record(id: string, what: string, make: Recipe): void {
    this.#recipes.set(id, { what, make });
  }

  /** The step-2 log's recipe, for a dataset the UI got without one. */
  setFallbackDataset(what: string, make: Recipe): void {
    this.#fallbackDataset = { what, make };
  }

  /** The id to send to the worker for `id` (the one made in its place, if it was made again). */
  resolve(id: string): string {
    let at = id;
    for (let i = 0; i < 32; i++) {
      const next = this.#alias.get(at);
      if (next === undefined || next === at) return at;
      at = next;
    }
    return at;
  }

  /** Runs `call` (which reads its ids through the resolver it is given); if the worker no longer
   * holds one of them, makes it again with the ticket's progress and Cancel, then calls again. */
  async run<T>(t: Ticket, call: (id: (x: string) => string) => Promise<T>, depth = 0): Promise<T> {
    for (let made = 0; ; made++) {
      try {
        return await call((x) => this.resolve(x));
      } catch (err) {
        const gone = goneId(err);
        if (!gone || !t.current || made >= MAX_REBUILDS || depth > MAX_REBUILDS) throw err;
        const entry = this.#recipes.get(gone.id) ?? (gone.kind === 'dataset' ? this.#fallbackDataset : null);
        if (!entry) throw err;
        const words = rebuildingWords(entry.what);
        t.progress(0, words);
        // The recipe's own calls may find their inputs gone too: they are made again first.
        const inner: Ticket = {
          progress: (f, stage) => t.progress(f, `${words} · ${stage}`),
          get current() {
            return t.current;
          },
        };
        const fresh = await this.run(inner, (id) => entry.make(inner, id, gone.id), depth + 1);
        if (!t.current) throw err;
        if (fresh !== gone.id) this.#alias.set(gone.id, fresh);
        if (!this.#recipes.has(fresh)) this.#recipes.set(fresh, entry);
      }
    }
  }
}
