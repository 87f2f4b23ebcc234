// The app's one IndexedDB database ("clickcycle") and its versioned schema. Each version's
// upgrade step runs in order, so a database written by any earlier version opens in this one:
//   v1: runs (the run history)
//   v2: + artifacts (served models), logs (serving log, one columnar chunk per day), serving (deployments and session state)
// Records carry `schema`; a reader accepts the versions it knows and skips (and counts) the rest.
import { openDB, type IDBPDatabase } from 'idb';

export const DB_NAME = 'clickcycle';
/** The current schema version. */
export const DB_VERSION = 2;
/** Object stores of the current schema. */
export const STORES = ['runs', 'artifacts', 'logs', 'serving'] as const;
export type StoreName = (typeof STORES)[number];

/** The upgrade steps, by the version they lead to. */
const MIGRATIONS: Record<number, (db: IDBPDatabase) => void> = {
  1: (db) => {
    if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs', { keyPath: 'id' });
  },
  2: (db) => {
    for (const s of ['artifacts', 'logs', 'serving'] as const) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s, { keyPath: 'key' });
  },
};

let db: Promise<IDBPDatabase> | null = null;

/** The open database at the current version (migrated on open); rejected when IndexedDB is unavailable. */
export function openAppDb(): Promise<IDBPDatabase> {
  db ??= (async () => {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    return openDB(DB_NAME, DB_VERSION, {
      upgrade(d, oldVersion) {
        for (let v = oldVersion + 1; v <= DB_VERSION; v++) MIGRATIONS[v]?.(d as unknown as IDBPDatabase);
      },
      blocking() {
        void db?.then((x) => x.close());
        db = null;
      },
    });
  })();
  db.catch(() => (db = null));
  return db;
}

/** Closes the shared connection (tests that reopen the database). */
export async function closeAppDb(): Promise<void> {
  const d = db;
  db = null;
  if (d) (await d).close();
}

/** Storage used and available, bytes (NaN when the browser does not say). */
export async function storageEstimate(): Promise<{ usage: number; quota: number }> {
  const e = typeof navigator !== 'undefined' && navigator.storage?.estimate ? await navigator.storage.estimate() : {};
  return { usage: e.usage ?? Number.NaN, quota: e.quota ?? Number.NaN };
}
