// One long job at a time: starting a job cancels the one in flight (the latest wins).
import { CancelledError } from './yield.ts';

/** A running job's cancel flag. */
export interface JobToken {
  cancelled: boolean;
}

let current: JobToken | null = null;
let running: Promise<unknown> = Promise.resolve();

/** Runs `body` after cancelling and awaiting the previous job; `body` polls `token.cancelled`. */
export async function runJob<T>(body: (token: JobToken) => Promise<T>): Promise<T> {
  if (current) current.cancelled = true;
  const token: JobToken = { cancelled: false };
  current = token;
  const previous = running;
  const job = (async () => {
    await previous.catch(() => undefined);
    if (token.cancelled) throw new CancelledError();
    return body(token);
  })();
  running = job;
  try {
    return await job;
  } finally {
    if (current === token) current = null;
  }
}

/** Cancels the job in flight, if any; true if there was one. */
export function cancelCurrent(): boolean {
  if (!current) return false;
  current.cancelled = true;
  return true;
}
