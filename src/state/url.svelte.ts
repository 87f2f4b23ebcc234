// The shareable state, kept in the address bar: each step change is a history entry (so Back
// returns to the previous step); knob changes replace the current entry. Parsing goes through
// the one codec in src/lib/url, and the notices it raises stay visible until dismissed.
import { parseQuery, serialiseState } from '../lib/url/codec.ts';
import type { ParamNotice, UrlState } from '../lib/url/params.ts';
import { STEP_COUNT } from '../lib/story/steps.ts';

export class UrlStore {
  /** The whole valid state, replaced whole on every change. */
  #state = $state.raw<UrlState>(parseQuery('').state);
  /** Messages about parameters that were clamped, replaced or ignored. */
  #notices = $state.raw<ParamNotice[]>([]);
  /** The hash route ("" for the walkthrough, "data-card" for the data card). */
  #route = $state('');
  #win: Window;
  /** A pending coalesced replaceState (sliders fire many changes; browsers limit history calls). */
  #timer: number | undefined;

  constructor(win: Window) {
    this.#win = win;
    this.#read(true);
    win.addEventListener('popstate', () => this.#read(false));
    win.addEventListener('hashchange', () => {
      this.#route = win.location.hash.replace(/^#/, '');
    });
  }

  get state(): UrlState {
    return this.#state;
  }

  get notices(): ParamNotice[] {
    return this.#notices;
  }

  get route(): string {
    return this.#route;
  }

  /** Re-reads the address bar; on first load rewrites it to the canonical, validated form. */
  #read(first: boolean): void {
    const { state, notices } = parseQuery(this.#win.location.search);
    this.#state = state;
    this.#route = this.#win.location.hash.replace(/^#/, '');
    if (first) {
      this.#notices = notices;
      const canonical = serialiseState(state);
      if (canonical !== this.#win.location.search) this.#flush('replace');
    }
  }

  /** Writes the current state to the address bar: a push at once, replaces at most every 150 ms. */
  #write(mode: 'push' | 'replace'): void {
    if (mode === 'replace') {
      if (this.#timer === undefined) this.#timer = this.#win.setTimeout(() => this.#flush('replace'), 150);
      return;
    }
    this.#flush('push');
  }

  #flush(mode: 'push' | 'replace'): void {
    if (this.#timer !== undefined) this.#win.clearTimeout(this.#timer);
    this.#timer = undefined;
    const loc = this.#win.location;
    const url = `${loc.pathname}${serialiseState(this.#state)}${loc.hash}`;
    if (mode === 'push') this.#win.history.pushState(null, '', url);
    else this.#win.history.replaceState(null, '', url);
  }

  /** Changes knobs in place (a new history entry only if the step changes). */
  set(patch: Partial<UrlState>): void {
    const next = { ...this.#state, ...patch };
    if (serialiseState(next) === serialiseState(this.#state)) return;
    const push = patch.step !== undefined && patch.step !== this.#state.step;
    this.#state = next;
    this.#write(push ? 'push' : 'replace');
  }

  /** Goes to a step (1…STEP_COUNT) as a new history entry, so Back returns here. */
  goto(step: number): void {
    const n = Math.min(STEP_COUNT, Math.max(1, Math.round(step)));
    if (n === this.#state.step) return;
    this.#state = { ...this.#state, step: n };
    this.#write('push');
  }

  /** Leaves a hash route (the data card) for the walkthrough, as a new history entry. */
  closeRoute(): void {
    const loc = this.#win.location;
    this.#win.history.pushState(null, '', `${loc.pathname}${serialiseState(this.#state)}`);
    this.#route = '';
  }

  /** Hides the notices. */
  dismissNotices(): void {
    this.#notices = [];
  }
}
