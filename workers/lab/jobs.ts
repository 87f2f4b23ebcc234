// The worker's one job queue: every operation that can take more than ~50 ms runs through runJob,
// one at a time, in the order asked. A new job cancels the ones before it (the latest wins) unless
// it runs in its own lane or is a query that only waits its turn; a cancelled job stops at its next
// poll of `token.cancelled`.
import { CancelledError } from './yield.ts';
import type { LabLane } from '../../src/lib/lanes.ts';

/** What a job may say about itself while it waits or runs. */
export interface JobOptions {
  /** Jobs in other lanes do not cancel each other (default 'main': every plain runJob shares it). */
  lane?: LabLane;
  /** A pinned job (backend init) is never cancelled: later jobs wait for it instead. */
  pinned?: boolean;
  /** False for queries (evaluate, scores, predict): they wait their turn without cancelling the
   * jobs before them, so several can be asked at once; a later superseding job still cancels them. */
  supersede?: boolean;
  /** Short name for the stats ("generate", "train"). */
  label?: string;
  /** Takes hold of what the job will use (its dataset, its model) from the moment it is asked until it
   * settles, so the caches' budget never drops them while it waits or runs; returns the release. */
  hold?: () => () => void;
}

/** Counts the polls of every token: one poll per chunk of work, so a stopped job stops the count. */
let polls = 0;
/** Jobs started, for ids. */
let started = 0;
/** When the latest cancel was asked (ms), until the cancelled job settled. */
let cancelAskedAt: number | null = null;
/** Time from the latest cancel to its job settling (ms). */
let lastCancelMs = Number.NaN;

/** A running job's cancel flag; reading it counts as a poll (a unit of work done). */
export class JobToken {
  readonly id: number;
  readonly lane: LabLane;
  readonly label: string;
  readonly pinned: boolean;
  #cancelled = false;

  constructor(o: JobOptions) {
    this.id = ++started;
    this.lane = o.lane ?? 'main';
    this.label = o.label ?? 'job';
    this.pinned = o.pinned ?? false;
  }

  /** True once the job should stop; jobs poll it between chunks. */
  get cancelled(): boolean {
    polls++;
    return this.#cancelled;
  }

  /** Asks the job to stop (ignored by a pinned job); true if it was not cancelled yet. */
  cancel(): boolean {
    if (this.pinned || this.#cancelled) return false;
    this.#cancelled = true;
    return true;
  }

  /** Reads the flag without counting a poll. */
  get stopped(): boolean {
    return this.#cancelled;
  }
}

/** Jobs started and not yet settled, oldest first (queued ones and the one running). */
const live: JobToken[] = [];
/** The tail of the queue: each job starts when the one before it has settled. */
let tail: Promise<unknown> = Promise.resolve();
/** The job running now. */
let running: JobToken | null = null;

/** Test hook: the next job fails with an allocation error before it starts its work. */
let failNextAllocation = false;

/**
 * Runs `body` after the jobs before it have settled; cancels the earlier jobs of its lane first
 * (the latest wins). `body` polls `token.cancelled` between chunks and throws CancelledError.
 */
export async function runJob<T>(body: (token: JobToken) => Promise<T>, options: JobOptions = {}): Promise<T> {
  const token = new JobToken(options);
  const release = options.hold?.();
  if (options.supersede !== false) for (const j of live) if (j.lane === token.lane) j.cancel();
  live.push(token);
  const previous = tail;
  const job = (async () => {
    await previous.catch(() => undefined);
    if (token.stopped) throw new CancelledError();
    running = token;
    if (__TEST_HOOKS__ && failNextAllocation) {
      failNextAllocation = false;
      // A real allocation the engine cannot satisfy (V8 throws "Array buffer allocation failed");
      // its size is read so a minifier cannot drop it as unused.
      const bytes = new ArrayBuffer(2 ** 52);
      if (bytes.byteLength === 0) throw new Error('allocation failed');
    }
    return body(token);
  })();
  tail = job;
  try {
    return await job;
  } catch (err) {
    throw clearer(err);
  } finally {
    release?.();
    live.splice(live.indexOf(token), 1);
    if (running === token) running = null;
    if (token.stopped && cancelAskedAt !== null) {
      lastCancelMs = performance.now() - cancelAskedAt;
      cancelAskedAt = null;
    }
  }
}

/** Memory errors as V8 words them ("Array buffer allocation failed", "Invalid typed array length: …"). */
const ALLOCATION_ERROR = /array buffer allocation failed|invalid (typed )?array( buffer)? length|out of memory/i;

/** An allocation failure said in words (what failed and what to do); other errors unchanged. */
function clearer(err: unknown): unknown {
  if (!(err instanceof RangeError) || !ALLOCATION_ERROR.test(err.message)) return err;
  return new Error(`The lab could not allocate the memory this job needs (${err.message}); lower the rows or the features and try again.`);
}

/** Cancels the running job and every queued one (of `lane` only, if given); true if any was cancelled. */
export function cancelJobs(lane?: LabLane): boolean {
  let any = false;
  for (const j of live) if ((lane === undefined || j.lane === lane) && j.cancel()) any = true;
  if (any) cancelAskedAt = performance.now();
  return any;
}

/** Cancels the job in flight, if any; true if there was one (kept for older callers). */
export function cancelCurrent(): boolean {
  return cancelJobs();
}

/** Test hook: make the next job fail as an allocation the worker cannot make. */
export function injectAllocationFailure(): void {
  failNextAllocation = true;
}

/** What the queue is doing: polls so far (a work counter), the running job, the queue length, and the last cancel latency. */
export interface QueueStats {
  polls: number;
  running: string | null;
  queued: number;
  lastCancelMs: number;
}

/** The queue's counters (for tests and the bench). */
export function queueStats(): QueueStats {
  return { polls, running: running?.label ?? null, queued: Math.max(0, live.length - (running ? 1 : 0)), lastCancelMs };
}
