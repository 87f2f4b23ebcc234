// Gives the event loop a turn so a cancel message can arrive while a long job runs.

const channel = typeof MessageChannel !== 'undefined' && typeof setImmediate === 'undefined' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves on the next macrotask (MessageChannel in browsers, setImmediate in Node), no 4 ms clamp. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (channel) {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    } else setImmediate(resolve);
  });
}

/** Thrown (and rejected across comlink) when a job was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
