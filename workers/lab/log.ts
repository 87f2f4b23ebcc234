// The lab worker's log of what it drops and why: each line goes to the console and, as a plain
// message comlink ignores (it has no call id), to the page, whose supervisor keeps the lines
// (src/state/lab-worker.ts) so a walk in any engine can read them.

/** The message that carries one log line. */
export interface LabLogMessage {
  labLog: string;
}

/** Logs one line with the time since the worker started. */
export function labLog(line: string): void {
  const text = `${(performance.now() / 1000).toFixed(1)} s: ${line}`;
  console.info(`lab worker: ${text}`);
  // Only inside a worker: a page's postMessage would need a target origin.
  if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined') return;
  (globalThis as unknown as { postMessage: (m: LabLogMessage) => void }).postMessage({ labLog: text });
}
