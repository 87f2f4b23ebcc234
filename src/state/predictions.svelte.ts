// The learner's predictions: which ones were answered (a guess, then revealed) or skipped, kept for
// the browser session per world (sessionStorage) so a reload keeps them and the next class starts
// clean with one action. Guesses count toward nothing.
import { hides, predictionsOfStep, type PredictionSpec } from '../lib/story/predictions.ts';
import type { StepId } from '../lib/story/steps.ts';

/** One prediction's state for one world. */
export interface Answer {
  /** The committed guess (a number on the unit's scale, or a choice id); null when skipped or revealed without one. */
  guess: number | string | null;
  /** Revealed (the truth shown beside the guess) or skipped (shown without a guess). */
  state: 'committed' | 'revealed' | 'skipped';
}

const STORAGE_KEY = 'clickcycle.predictions.v1';

/** Reads the session's answers; anything unreadable is dropped (guesses are worth nothing to keep). */
function load(storage: Storage | null): Record<string, Answer> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, Answer> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const a = v as Partial<Answer> | null;
      if (a && (a.state === 'committed' || a.state === 'revealed' || a.state === 'skipped') && (a.guess === null || typeof a.guess === 'number' || typeof a.guess === 'string')) out[k] = { guess: a.guess, state: a.state };
    }
    return out;
  } catch {
    return {};
  }
}

/** The session's storage, or null where the browser refuses it (some private modes throw on access). */
export function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export class PredictionState {
  #answers = $state<Record<string, Answer>>({});
  #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    this.#answers = load(storage);
  }

  #key(name: string, world: string): string {
    return `${world}|${name}`;
  }

  #save(): void {
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify(this.#answers));
    } catch {
      /* private mode or full: the answers live for this page only */
    }
  }

  answer(name: string, world: string): Answer | undefined {
    return this.#answers[this.#key(name, world)];
  }

  /** The step's prediction waiting for an answer in this world (the first not yet revealed or skipped), or null. */
  open(step: StepId, world: string): PredictionSpec | null {
    return predictionsOfStep(step).find((p) => {
      const a = this.answer(p.name, world);
      return !a || a.state === 'committed';
    }) ?? null;
  }

  /** True when a metric with these attributes is hidden by the step's open prediction. */
  hidden(step: StepId, world: string, attrs: { metric: string; role?: string | undefined; split?: string | undefined; model?: string | undefined }): boolean {
    const p = this.open(step, world);
    return p !== null && hides(p, attrs);
  }

  commit(name: string, world: string, guess: number | string): void {
    this.#answers = { ...this.#answers, [this.#key(name, world)]: { guess, state: 'committed' } };
    this.#save();
  }

  reveal(name: string, world: string): void {
    const a = this.answer(name, world);
    this.#answers = { ...this.#answers, [this.#key(name, world)]: { guess: a?.guess ?? null, state: 'revealed' } };
    this.#save();
  }

  skip(name: string, world: string): void {
    this.#answers = { ...this.#answers, [this.#key(name, world)]: { guess: null, state: 'skipped' } };
    this.#save();
  }

  /** How many answers are kept (for the clear button's label). */
  get count(): number {
    return Object.keys(this.#answers).length;
  }

  /** Forgets every guess, for the next class. */
  clear(): void {
    this.#answers = {};
    this.#save();
  }
}
