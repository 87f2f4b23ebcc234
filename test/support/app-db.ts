// The app's IndexedDB database in browser tests: deleted between tests, and written raw as an
// earlier version of the app left it.
import { closeAppDb, DB_NAME } from '../../src/state/db.ts';

/** Closes the app's connection and deletes the database. */
export async function wipeAppDb(): Promise<void> {
  await closeAppDb();
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
}

/** Writes `runs` into a fresh database at `version` with `stores` (runs keyed by id, the rest by key), as that version of the app did. */
export async function writeOldDb(version: number, stores: readonly string[], runs: readonly unknown[]): Promise<void> {
  await wipeAppDb();
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, version);
    r.onupgradeneeded = () => {
      for (const s of stores) r.result.createObjectStore(s, { keyPath: s === 'runs' ? 'id' : 'key' });
    };
    r.onsuccess = () => {
      const tx = r.result.transaction('runs', 'readwrite');
      for (const run of runs) tx.objectStore('runs').put(run);
      tx.oncomplete = () => {
        r.result.close();
        resolve();
      };
    };
    r.onerror = () => reject(r.error);
  });
}
