// The serving data in IndexedDB: a database written by schema v1 (runs only) opens in v2 with its
// runs intact; a day of the serving log round-trips column for column; a malformed record is
// skipped and counted; a quota error on a new write leaves the stored days intact.
import { afterEach, describe, expect, test } from 'vitest';
import fixture from '../fixtures/clickcycle-db-v1.json';
import { DB_VERSION, openAppDb } from '../../src/state/db.ts';
import { wipeAppDb, writeOldDb } from '../support/app-db.ts';
import { loadRuns } from '../../src/state/run-store.ts';
import { loadSession, saveDay, saveMeta, worldKey, type SessionMeta } from '../../src/state/serving-store.ts';
import { simulatePolicy, baselinePolicy, type PolicyDay } from '../../src/lib/market/index.ts';
import { createWorld, DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import type { DayReport } from '../../src/lib/serving/types.ts';

const params = { ...DEFAULT_PARAMS, seed: 'store' };
const lat = { p50: 1, p95: 2, p99: 3, count: 4 };

afterEach(wipeAppDb);

/** One simulated day of the baseline with its log, as a DayReport. */
function day(index: number): { report: DayReport; log: NonNullable<ReturnType<typeof simulatePolicy>['log']> } {
  const r = simulatePolicy(createWorld(params), baselinePolicy(), { startDay: 60 + index, days: 1, queriesPerDay: 300, seed: 'store' });
  const served = r.days[0] as PolicyDay;
  const monitor = { day: served.day, champion: 'v1', requests: 300, candidates: 4800, requestsPerSec: 1, candidatesPerSec: 1, batch: lat, request: lat, prediction: { p10: 0, p50: 0, p90: 0, mean: 0 }, drift: { device: 0 } };
  return { report: { index, served, control: served, monitor, alerts: [] }, log: r.log! };
}

const meta: SessionMeta = { champion: 'baseline', previous: [], deployments: [], replay: [], replayOf: '', running: false };

describe('serving store', () => {
  test('a v1 database (runs only) migrates to v2 with its runs intact', async () => {
    await writeOldDb(fixture.dbVersion, ['runs'], fixture.runs);
    const { runs, skipped } = await loadRuns();
    expect(skipped).toBe(0);
    expect(runs.map((r) => r.version)).toEqual(['v1']);
    expect(runs[0]?.role).toBe('noisy');
    const d = await openAppDb();
    expect(d.version).toBe(DB_VERSION);
    expect([...d.objectStoreNames].sort()).toEqual(['artifacts', 'logs', 'runs', 'serving']);
  });

  test('a day of the serving log round-trips; a malformed record is skipped and counted', async () => {
    const a = day(0);
    await saveMeta(params, meta);
    await saveDay(params, a.report, a.log);
    await (await openAppDb()).put('logs', { key: `${worldKey(params)}/001`, schema: 99, junk: true });
    const { session, skipped } = await loadSession(params);
    expect(skipped).toBe(1);
    expect(session?.reports).toEqual([a.report]);
    const back = session!.chunks[0]!.log;
    expect(back.n).toBe(a.log.n);
    for (const k of ['adId', 'clicked', 'position', 'bid', 'user', 'pClick'] as const) expect(Array.from(back[k]), k).toEqual(Array.from(a.log[k]));
  });

  test('a quota error on a new day leaves the stored days intact', async () => {
    const a = day(0);
    await saveMeta(params, meta);
    await saveDay(params, a.report, a.log);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const b = day(1);
      await expect(saveDay(params, b.report, b.log)).rejects.toThrow(/quota/i);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const { session } = await loadSession(params);
    expect(session?.reports.map((r) => r.index)).toEqual([0]);
    expect(session?.chunks[0]?.log.n).toBe(a.log.n);
  });
});
