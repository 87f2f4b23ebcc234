// The shareable state, kept in the address bar: each step change is a history entry (so Back
// returns to the previous step), and so is each settled change of a step's own control (so Back
// moves it back; src/lib/url/history.ts decides); world, model and view knobs replace the current
// entry. Back and Forward only re-read the link: results are kept per world and setting in the
// state classes, so nothing trains again. Parsing goes through the one codec in src/lib/url, and
// the notices it raises stay visible until dismissed.
import { parseQuery, serialiseState } from '../lib/url/codec.ts';
import { historyWrite, type Burst } from '../lib/url/history.ts';
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
  /** The control whose settled change added the current entry, and when it last moved. */
  #burst: Burst | null = null;

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

  /** Re-reads the address bar; on first load rewrites it to the canonical, validated form. On Back
   * or Forward a pending replace is dropped (it belonged to the entry left) and a new burst begins. */
  #read(first: boolean): void {
    if (!first) {
      if (this.#timer !== undefined) this.#win.clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#burst = null;
    }
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
  #write(mode: 'push' | 'replace', previous: UrlState): void {
    if (mode === 'replace') {
      if (this.#timer === undefined) this.#timer = this.#win.setTimeout(() => this.#flush('replace'), 150);
      return;
    }
    // A replace still pending belongs to the entry being left: write it there first.
    if (this.#timer !== undefined) this.#flush('replace', previous);
    this.#flush('push');
  }

  #flush(mode: 'push' | 'replace', state: UrlState = this.#state): void {
    if (this.#timer !== undefined) this.#win.clearTimeout(this.#timer);
    this.#timer = undefined;
    const loc = this.#win.location;
    const url = `${loc.pathname}${serialiseState(state)}${loc.hash}`;
    if (mode === 'push') this.#win.history.pushState(null, '', url);
    else this.#win.history.replaceState(null, '', url);
  }

  /** Changes knobs: a new history entry for a step change or a settled change of a step's control,
   * else in place. */
  set(patch: Partial<UrlState>): void {
    const previous = this.#state;
    const next = { ...previous, ...patch };
    if (serialiseState(next) === serialiseState(previous)) return;
    const { mode, burst } = historyWrite(previous, next, this.#win.performance.now(), this.#burst);
    this.#burst = burst;
    this.#state = next;
    this.#write(mode, previous);
  }

  /** Goes to a step (1…STEP_COUNT) as a new history entry, so Back returns here. */
  goto(step: number): void {
    const n = Math.min(STEP_COUNT, Math.max(1, Math.round(step)));
    if (n === this.#state.step) return;
    const previous = this.#state;
    this.#state = { ...previous, step: n };
    this.#burst = null;
    this.#write('push', previous);
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
