// The supervisor of a worker (the lab's and the serving's alike): starts the worker, watches it (its
// `error` and `messageerror` events, and a heartbeat that tells a busy worker from a dead one), and
// when it dies rejects every call in flight, starts a fresh worker (unless it keeps dying) and tells
// its listeners, who mark their lanes' jobs interrupted and restore what they saved.
// The page reaches a worker through one gateway of one shape: `Gateway<Api, K>`, the methods K of the
// worker's comlink Remote, each call going to the worker alive at that moment.
import { proxy, type Remote } from 'comlink';

/** What every supervised worker answers: a heartbeat, as soon as its event loop is free. */
export interface Pingable {
  ping(): unknown;
}

/** A started worker and its comlink handle. */
export interface WorkerHandle<Api> {
  api: Remote<Api>;
  worker: Worker;
}

/** The methods `K` of a worker's API, as the page calls them (each call reaches the live worker). */
export type Gateway<Api, K extends keyof Api = keyof Api> = Pick<Remote<Api>, K>;

/** A supervised worker as a state class holds it: its gateway, and the supervisor's death notices. */
export interface Supervised<G> {
  gateway(): G;
  watch(l: LossListener): () => void;
}

/** Thrown into every call in flight when the worker dies. */
export class WorkerLostError extends Error {
  constructor(worker: string, reason: string) {
    super(`the ${worker} worker stopped: ${reason}`);
    this.name = 'WorkerLostError';
  }
}

/** Told when the worker dies (the fresh one is already started, unless the supervisor gave up). */
export interface LossListener {
  lost(reason: string): void;
}

/** The workers' log (restarts, slow heartbeats, and the lab worker's evictions), newest last, at most
 * LOG_LINES lines; kept on the page as `__clickcycleWorkerLog` so a walk in any engine can read it. */
const LOG_LINES = 200;
export function workerLogLines(): string[] {
  const g = globalThis as { __clickcycleWorkerLog?: string[] };
  g.__clickcycleWorkerLog ??= [];
  return g.__clickcycleWorkerLog;
}
function logLine(worker: string, line: string): void {
  const lines = workerLogLines();
  lines.push(worker === 'lab' ? line : `${worker} ${line}`);
  if (lines.length > LOG_LINES) lines.splice(0, lines.length - LOG_LINES);
  console.info(`${worker}: ${line}`);
}

/** Heartbeat period (ms). */
const PING_EVERY_MS = 1000;
/** The shortest silence taken for death (ms): longer than any synchronous stretch measured in the
 * lab worker at the story's defaults (featurising 1,000,000 rows is the longest, ~1–3 s here). */
export const MIN_STALL_MS = 20_000;
/** A silence this many times the slowest heartbeat answer seen is also taken for death, if longer. */
const STALL_FACTOR = 8;
/** More deaths than this within RESTART_WINDOW_MS and the supervisor stops restarting. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
/** A fresh worker after the k-th death in the window starts after BACKOFF_MS · 2^(k-1) ms (0 for the first). */
const BACKOFF_MS = 500;

export class Supervisor<Api extends Pingable> {
  /** The worker's name in messages ('lab', 'serving'). */
  readonly name: string;
  #start: () => WorkerHandle<Api>;
  /** The worker running now (null until the first call of a lazy supervisor). */
  #handle: WorkerHandle<Api> | null = null;
  /** Rejects when the current worker dies; every call races it. */
  #death!: Promise<never>;
  #kill!: (err: Error) => void;
  /** Resolves once the fresh worker is started (at once, or after the backoff). */
  #ready: Promise<void> = Promise.resolve();
  #listeners: LossListener[] = [];
  /** Last sign of life (an answer, a progress message, a ping reply), ms. */
  #lastSign = performance.now();
  /** When the outstanding ping was sent, or null. */
  #pingSentAt: number | null = null;
  /** Slowest ping answer seen (ms): a long synchronous chunk in the worker shows up here. */
  #slowestPing = 0;
  /** The shortest silence taken for death (ms; MIN_STALL_MS unless a test shortens it). */
  minStallMs = MIN_STALL_MS;
  #timer: ReturnType<typeof setInterval> | null = null;
  #deaths: number[] = [];
  /** Increments on every fresh worker. */
  #incarnation = 0;
  /** Set once the worker kept dying and no fresh one was started. */
  #givenUp = '';
  #disposed = false;

  /** `lazy`: the worker starts on the first call, not now. */
  constructor(name: string, start: () => WorkerHandle<Api>, { lazy = false } = {}) {
    this.name = name;
    this.#start = start;
    if (!lazy) this.#handle = this.#launch();
  }

  /** Which worker this is (1 for the first, 2 after one restart, …). */
  get incarnation(): number {
    return this.#incarnation;
  }
  /** Why the supervisor stopped restarting, or ''. */
  get givenUp(): string {
    return this.#givenUp;
  }
  /** The silence after which the worker counts as dead (ms). */
  get stallTimeoutMs(): number {
    return Math.max(this.minStallMs, STALL_FACTOR * this.#slowestPing);
  }

  /** Listens for deaths; returns the unsubscribe function. */
  watch(l: LossListener): () => void {
    this.#listeners.push(l);
    return () => (this.#listeners = this.#listeners.filter((x) => x !== l));
  }

  /** Calls the current worker; rejects with WorkerLostError if it dies first. Any answer is a sign of life. */
  async call<T>(f: (api: Remote<Api>) => Promise<T> | T): Promise<T> {
    await this.#ready;
    if (this.#givenUp) throw new WorkerLostError(this.name, this.#givenUp);
    const h = this.#started();
    const death = this.#death;
    const result = await Promise.race([Promise.resolve(f(h.api)), death]);
    this.alive();
    return result;
  }

  /** The one gateway to the worker: its typed API, each call going to the worker alive at that
   * moment (rejecting with WorkerLostError if it dies first); every function argument (a progress
   * callback) crosses as a comlink proxy and is a heartbeat. */
  gateway(): Remote<Api> {
    return new Proxy({} as Remote<Api>, {
      get: (_, op: string | symbol) => {
        if (typeof op !== 'string' || op === 'then') return undefined;
        const live = (a: unknown) => {
          if (typeof a !== 'function') return a;
          const f = a as (...xs: unknown[]) => unknown;
          return proxy((...xs: unknown[]) => {
            this.alive();
            return f(...xs);
          });
        };
        return (...args: unknown[]) => this.call((api) => (api[op as keyof Remote<Api>] as (...a: unknown[]) => Promise<unknown>)(...args.map(live)));
      },
    });
  }

  /** Records a sign of life (progress messages call it). */
  alive(): void {
    this.#lastSign = performance.now();
  }

  /** The worker running now. */
  get worker(): Worker {
    return this.#started().worker;
  }

  /** The worker running now, started if none was yet. */
  #started(): WorkerHandle<Api> {
    this.#handle ??= this.#launch();
    return this.#handle;
  }

  /** Stops watching and ends the worker. */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#handle?.worker.terminate();
  }

  /** Starts a worker, arms its death promise and listeners, and the heartbeat. */
  #launch(): WorkerHandle<Api> {
    const h = this.#start();
    this.#incarnation++;
    this.#death = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#death.catch(() => undefined);
    h.worker.addEventListener('error', (e) => this.#lost(h, `an uncaught error (${(e as ErrorEvent).message || 'no message'})`));
    h.worker.addEventListener('messageerror', () => this.#lost(h, 'a message could not be read'));
    const n = this.#incarnation;
    h.worker.addEventListener('message', (e: MessageEvent) => {
      const line = (e.data as { labLog?: unknown } | null)?.labLog;
      if (typeof line === 'string') logLine(this.name, `worker ${n}: ${line}`);
    });
    this.#lastSign = performance.now();
    this.#pingSentAt = null;
    // The slowest heartbeat seen is kept across restarts: a fresh worker does the same work on the
    // same machine (the serving worker's open warms a month of traffic up in one stretch), and
    // forgetting it declared the fresh worker dead during that stretch.
    this.#timer ??= setInterval(() => this.#beat(), PING_EVERY_MS);
    return h;
  }

  /** One heartbeat: a dead worker is one silent for longer than the stall timeout while a ping waits. */
  #beat(): void {
    const now = performance.now();
    if (this.#pingSentAt !== null) {
      if (now - this.#pingSentAt > this.stallTimeoutMs && now - this.#lastSign > this.stallTimeoutMs) {
        if (this.#handle) this.#lost(this.#handle, `it stopped answering for ${Math.round((now - this.#pingSentAt) / 1000)} s`);
      }
      return;
    }
    const h = this.#handle;
    if (!h) return;
    const sent = now;
    this.#pingSentAt = sent;
    Promise.resolve(h.api.ping()).then(
      () => {
        if (h !== this.#handle) return;
        const t = performance.now();
        if (t - sent > Math.max(2000, 2 * this.#slowestPing)) logLine(this.name, `worker ${this.#incarnation}: a heartbeat took ${((t - sent) / 1000).toFixed(1)} s`);
        this.#slowestPing = Math.max(this.#slowestPing, t - sent);
        this.#pingSentAt = null;
        this.#lastSign = t;
      },
      () => undefined,
    );
  }

  /** The worker `h` died: fail its calls, start a fresh one (after a backoff that doubles with each
   * death in the window; none when it keeps dying), tell the listeners. */
  #lost(h: WorkerHandle<Api>, reason: string): void {
    if (h !== this.#handle) return;
    logLine(this.name, `worker ${this.#incarnation} lost: ${reason}`);
    h.worker.terminate();
    this.#kill(new WorkerLostError(this.name, reason));
    const now = performance.now();
    this.#deaths = [...this.#deaths.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.#deaths.length > MAX_RESTARTS) {
      this.#givenUp = `it failed ${this.#deaths.length} times within a minute (last: ${reason}); reload the page to try again`;
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
    } else {
      const wait = this.#deaths.length > 1 ? BACKOFF_MS * 2 ** (this.#deaths.length - 2) : 0;
      // A fresh worker at once after a first death; later ones wait, so a worker that dies on start
      // does not spin. Calls made meanwhile wait for it (#ready).
      if (wait === 0) this.#handle = this.#launch();
      else {
        if (this.#timer) clearInterval(this.#timer);
        this.#timer = null;
        this.#ready = new Promise((resolve) =>
          setTimeout(() => {
            if (!this.#disposed) this.#handle = this.#launch();
            resolve();
          }, wait),
        );
      }
    }
    for (const l of this.#listeners) l.lost(reason);
  }
}
