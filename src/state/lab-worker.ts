// The lab worker's supervisor: starts the worker, watches it (its `error` and `messageerror`
// events, and a heartbeat that tells a busy worker from a dead one), and when it dies rejects every
// call in flight, starts a fresh worker and tells its listeners, who re-init and mark jobs interrupted.
import { proxy, wrap, type Remote } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';

/** A started worker and its comlink handle. */
export interface WorkerHandle {
  lab: Remote<LabApi>;
  worker: Worker;
}

/** Starts a lab worker and wraps it. */
export function startWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  return { lab: wrap<LabApi>(worker), worker };
}

/** Thrown into every call in flight when the worker dies. */
export class WorkerLostError extends Error {
  constructor(reason: string) {
    super(`the lab worker stopped: ${reason}`);
    this.name = 'WorkerLostError';
  }
}

/** Told when the worker dies (before the fresh one is used) and when the fresh one is ready. */
export interface LossListener {
  lost(reason: string): void;
}

/** The lab's log (restarts, slow heartbeats, and the worker's evictions), newest last, at most LOG_LINES
 * lines; kept on the page as `__clickcycleWorkerLog` so a walk in any engine can read it. */
const LOG_LINES = 200;
export function labLogLines(): string[] {
  const g = globalThis as { __clickcycleWorkerLog?: string[] };
  g.__clickcycleWorkerLog ??= [];
  return g.__clickcycleWorkerLog;
}
function logLine(line: string): void {
  const lines = labLogLines();
  lines.push(line);
  if (lines.length > LOG_LINES) lines.splice(0, lines.length - LOG_LINES);
  console.info(`lab: ${line}`);
}

/** Heartbeat period (ms). */
const PING_EVERY_MS = 1000;
/** The shortest silence taken for death (ms): longer than any synchronous stretch measured in the
 * worker at the story's defaults (featurising 1,000,000 rows is the longest, ~1–3 s here). */
export const MIN_STALL_MS = 20_000;
/** A silence this many times the slowest heartbeat answer seen is also taken for death, if longer. */
const STALL_FACTOR = 8;
/** More deaths than this within RESTART_WINDOW_MS and the supervisor stops restarting. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export class LabWorker {
  #start: () => WorkerHandle;
  #handle: WorkerHandle;
  /** Rejects when the current worker dies; every call races it. */
  #death!: Promise<never>;
  #kill!: (err: Error) => void;
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

  constructor(start: () => WorkerHandle = startWorker) {
    this.#start = start;
    this.#handle = this.#launch();
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
  async call<T>(f: (lab: Remote<LabApi>) => Promise<T> | T): Promise<T> {
    if (this.#givenUp) throw new WorkerLostError(this.#givenUp);
    const death = this.#death;
    const result = await Promise.race([Promise.resolve(f(this.#handle.lab)), death]);
    this.alive();
    return result;
  }

  /** The one gateway to the worker: its typed API, each call going to the worker alive at that
   * moment (rejecting with WorkerLostError if it dies first); every function argument (a progress
   * callback) crosses as a comlink proxy and is a heartbeat. */
  wrap(): Remote<LabApi> {
    return new Proxy({} as Remote<LabApi>, {
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
        return (...args: unknown[]) => this.call((lab) => (lab[op as keyof LabApi] as (...a: unknown[]) => Promise<unknown>)(...args.map(live)));
      },
    });
  }

  /** Records a sign of life (progress messages call it). */
  alive(): void {
    this.#lastSign = performance.now();
  }

  /** The worker running now. */
  get worker(): Worker {
    return this.#handle.worker;
  }

  /** Stops watching and ends the worker. */
  dispose(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#handle.worker.terminate();
  }

  /** Starts a worker, arms its death promise and listeners, and (in a browser) the heartbeat. */
  #launch(): WorkerHandle {
    const h = this.#start();
    this.#incarnation++;
    this.#death = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#death.catch(() => undefined);
    h.worker.addEventListener('error', (e) => this.#lost(h, `an uncaught error (${(e as ErrorEvent).message || 'no message'})`));
    h.worker.addEventListener('messageerror', () => this.#lost(h, 'a message could not be read'));
    const n = this.#incarnation;
    h.worker.addEventListener('message', (e: MessageEvent) => {
      const line = (e.data as { labLog?: unknown } | null)?.labLog;
      if (typeof line === 'string') logLine(`worker ${n}: ${line}`);
    });
    this.#lastSign = performance.now();
    this.#pingSentAt = null;
    this.#slowestPing = 0;
    this.#timer ??= setInterval(() => this.#beat(), PING_EVERY_MS);
    return h;
  }

  /** One heartbeat: a dead worker is one silent for longer than the stall timeout while a ping waits. */
  #beat(): void {
    const now = performance.now();
    if (this.#pingSentAt !== null) {
      if (now - this.#pingSentAt > this.stallTimeoutMs && now - this.#lastSign > this.stallTimeoutMs) {
        this.#lost(this.#handle, `it stopped answering for ${Math.round((now - this.#pingSentAt) / 1000)} s`);
      }
      return;
    }
    const h = this.#handle;
    const sent = now;
    this.#pingSentAt = sent;
    h.lab.ping().then(
      () => {
        if (h !== this.#handle) return;
        const t = performance.now();
        if (t - sent > Math.max(2000, 2 * this.#slowestPing)) logLine(`worker ${this.#incarnation}: a heartbeat took ${((t - sent) / 1000).toFixed(1)} s`);
        this.#slowestPing = Math.max(this.#slowestPing, t - sent);
        this.#pingSentAt = null;
        this.#lastSign = t;
      },
      () => undefined,
    );
  }

  /** The worker `h` died: fail its calls, start a fresh one (unless it keeps dying), tell the listeners. */
  #lost(h: WorkerHandle, reason: string): void {
    if (h !== this.#handle) return;
    logLine(`worker ${this.#incarnation} lost: ${reason}`);
    h.worker.terminate();
    this.#kill(new WorkerLostError(reason));
    const now = performance.now();
    this.#deaths = [...this.#deaths.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.#deaths.length > MAX_RESTARTS) {
      this.#givenUp = `it failed ${this.#deaths.length} times within a minute (last: ${reason}); reload the page to try again`;
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
    } else this.#handle = this.#launch();
    for (const l of this.#listeners) l.lost(reason);
  }
}

let shared: LabWorker | null = null;

/** The app's one supervised lab worker, started on first use. */
export function sharedLabWorker(): LabWorker {
  shared ??= new LabWorker();
  return shared;
}
