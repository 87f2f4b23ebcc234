// A growable columnar impression log: rows are appended one impression at a time into typed
// arrays that double when full, and trimmed into an ImpressionLog at the end.
import { allocColumns, COLUMN_NAMES } from '../sim/columns.ts';
import type { Columns } from '../sim/types.ts';
import type { ImpressionLog } from './types.ts';

/** Names of the log's columns beyond the generator's. */
const EXTRA = ['position', 'clicked', 'query', 'pClick'] as const;

/** Any typed array column. */
type Col = Uint8Array | Uint16Array | Uint32Array | Float32Array;

/** An empty log with room for `capacity` rows: the generator's columns plus the log's own. */
function alloc(capacity: number): ImpressionLog {
  const n = Math.max(1, capacity);
  return {
    ...allocColumns(n),
    n: 0,
    position: new Uint8Array(n),
    clicked: new Uint8Array(n),
    query: new Uint32Array(n),
    pClick: new Float32Array(n),
  };
}

/** Every column name of a log. */
const ALL = [...COLUMN_NAMES, ...EXTRA] as const;

/** Appends impressions; `finish()` returns the trimmed log. */
export class LogBuilder {
  #log: ImpressionLog;
  #capacity: number;

  constructor(capacity = 1 << 16) {
    this.#capacity = Math.max(1, capacity);
    this.#log = alloc(this.#capacity);
  }

  /** Rows so far. */
  get n(): number {
    return this.#log.n;
  }

  /** Appends candidate row r of `cands`, shown at `position` for query `query`, clicked or not with probability `p`. */
  push(cands: Columns, r: number, position: number, query: number, clicked: boolean, p: number): void {
    if (this.#log.n === this.#capacity) this.#grow();
    const L = this.#log;
    const i = L.n;
    for (const name of COLUMN_NAMES) L[name][i] = cands[name][r] as number;
    L.position[i] = position;
    L.clicked[i] = clicked ? 1 : 0;
    L.label[i] = L.clicked[i] as number;
    L.weight[i] = 1;
    L.buggy[i] = 0;
    L.query[i] = query;
    L.pClick[i] = p;
    L.n = i + 1;
  }

  /** Doubles the capacity, keeping the rows. */
  #grow(): void {
    const bigger = alloc(this.#capacity * 2);
    for (const name of ALL) (bigger[name] as Col).set(this.#log[name] as Col);
    bigger.n = this.#log.n;
    this.#log = bigger;
    this.#capacity *= 2;
  }

  /** The log trimmed to its rows (copies). */
  finish(): ImpressionLog {
    const n = this.#log.n;
    const out = { n } as Record<string, unknown>;
    for (const name of ALL) out[name] = (this.#log[name] as Col).slice(0, n);
    return out as unknown as ImpressionLog;
  }
}
