// The lab worker's entry: a loader and nothing else, so no other chunk ever imports it. The tfjs
// backends are loaded on demand (workers/lab/backends.ts); when the entry itself held tfjs and the
// API, the bundler made those backend chunks import the entry back, and WebKit (WebKitGTK 2.50)
// evaluates a module worker's entry a second time when a chunk imports it: a second API answered
// every message with datasets and models of its own ("unknown dataset d1-…" right after step 2
// generated it). Here the API is a chunk of its own, loaded once; messages that arrive while it
// loads are held and handed to it in order.
export type { LabApi, LabSeamsApi, LabTestApi } from './lab/api.ts';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  dispatchEvent(e: Event): boolean;
};
const held: MessageEvent[] = [];
const hold = (e: MessageEvent) => {
  held.push(e);
  e.stopImmediatePropagation();
};
scope.addEventListener('message', hold);
void import('./lab/api.ts').then((m) => {
  scope.removeEventListener('message', hold);
  m.start();
  for (const e of held) scope.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
  held.length = 0;
});
