// Ids of what a lab worker stores (datasets, models): a counter plus a tag drawn once per worker, so
// an id handed out before a worker crash never names a different object in the worker that replaces it.

/** Four base-36 characters drawn when this worker module loads (ids are names, not numbers on screen: no seed needed). */
const TAG = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (b) => (b % 36).toString(36)).join('');

const counters = new Map<string, number>();

/** The next id with this prefix: "m1-k3x9", "m2-k3x9", … (the counter is per prefix). */
export function freshId(prefix: string): { id: string; n: number } {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return { id: `${prefix}${n}-${TAG}`, n };
}

/** This worker's tag (tests compare it across workers). */
export function workerTag(): string {
  return TAG;
}
