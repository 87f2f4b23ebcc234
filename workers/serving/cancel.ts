// Cancel for the serving worker's long jobs (the click model, the replay), the way its live run
// honours Stop: a flag per job, raised by a cancel message, read at the job's next break (between
// phases, between days) after it gave the event loop a turn so that the message could get in.

/** Thrown (and rejected across comlink) by a job that was cancelled; its message says how far it got. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** One job's cancel flag. */
export class CancelFlag {
  #raised = false;

  /** True once the job should stop. */
  get raised(): boolean {
    return this.#raised;
  }

  raise(): void {
    this.#raised = true;
  }

  /** Throws CancelledError(message) if the flag is raised. */
  check(message: string): void {
    if (this.#raised) throw new CancelledError(message);
  }
}

/** The flags of the jobs in flight, one per lane ('click', 'replay'): the latest job of a lane wins. */
export class CancelFlags {
  #flags = new Map<string, CancelFlag>();

  /** A fresh flag for a new job of the lane; the lane's job in flight, if any, is cancelled. */
  begin(lane: string): CancelFlag {
    this.#flags.get(lane)?.raise();
    const flag = new CancelFlag();
    this.#flags.set(lane, flag);
    return flag;
  }

  /** The job of this flag settled. */
  end(lane: string, flag: CancelFlag): void {
    if (this.#flags.get(lane) === flag) this.#flags.delete(lane);
  }

  /** Cancels the lane's job in flight; true if there was one. */
  cancel(lane: string): boolean {
    const flag = this.#flags.get(lane);
    flag?.raise();
    return flag !== undefined;
  }

  /** Cancels every job in flight (a new session makes them moot). */
  cancelAll(): void {
    for (const f of this.#flags.values()) f.raise();
  }
}
