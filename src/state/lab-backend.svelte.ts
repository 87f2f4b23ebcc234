// Which tfjs backend the lab worker trains on, and why; asked again of a fresh worker after a crash.
import type { BackendName, BackendReport } from '../lib/lab/types.ts';
import type { LabGateway } from './lab-port.ts';
import { messageOf } from './runner.ts';

export class BackendState {
  #port: LabGateway | null;
  /** Which backend trains and why; null until the worker answers. */
  #report = $state.raw<BackendReport | null>(null);
  #error = $state('');
  /** The preference asked for last ('' before the first init). */
  #requested: BackendName | 'auto' | '' = '';

  constructor(port: LabGateway | null) {
    this.#port = port;
  }

  get report(): BackendReport | null {
    return this.#report;
  }
  get error(): string {
    return this.#error;
  }
  /** The backend preference asked for last ('' before the first init). */
  get requested(): BackendName | 'auto' | '' {
    return this.#requested;
  }

  /** Starts (or restarts) the worker's backend; only when the requested backend changes. */
  async init(requested: BackendName | 'auto'): Promise<void> {
    if (!this.#port || requested === this.#requested) return;
    await this.#start(requested);
  }

  /** A fresh worker: the same preference is asked again (the report stays until the new one lands). */
  async restart(): Promise<void> {
    if (this.#requested) await this.#start(this.#requested);
  }

  async #start(requested: BackendName | 'auto'): Promise<void> {
    if (!this.#port) return;
    this.#requested = requested;
    this.#error = '';
    try {
      const report = await this.#port.init(requested);
      if (requested === this.#requested) this.#report = report;
    } catch (err) {
      if (requested === this.#requested) this.#error = messageOf(err);
    }
  }
}
