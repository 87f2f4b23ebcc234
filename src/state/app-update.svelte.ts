// The offline copy of the app: a service worker precaches every file (app, worker chunks, WASM),
// so a reload without network opens any step and trains. A new version waits until the reader
// asks for it ("reload to update"): code is never swapped under a running job.
import { registerSW } from 'virtual:pwa-register';

export class AppUpdate {
  /** True when a newer version has been downloaded and waits for a reload. */
  #ready = $state(false);
  /** True once every file is cached: the app now works offline. */
  #offline = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  /** Registers the service worker (the plugin's module is a no-op outside production builds). */
  start(): void {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    this.#update = registerSW({
      onNeedRefresh: () => (this.#ready = true),
      onOfflineReady: () => (this.#offline = true),
    });
  }

  get updateReady(): boolean {
    return this.#ready;
  }
  get offlineReady(): boolean {
    return this.#offline;
  }

  /** Activates the waiting version and reloads the page (only when the reader asks). */
  async reload(): Promise<void> {
    await this.#update?.(true);
  }

  /** Hides the prompt until the next update. */
  later(): void {
    this.#ready = false;
  }
}
