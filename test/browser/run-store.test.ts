// Runs stored before steps had ids: a database written by the app at version 2, whose run records
// name their step by its number in the 13-step tour, opens with every run kept, each now naming its
// step by id, and the records are written back that way. The fixture's records pass the validator
// of the code that wrote them (isStoredRun before this change accepted all four).
import { afterEach, describe, expect, test } from 'vitest';
import fixture from '../fixtures/clickcycle-db-v2-step-numbers.json';
import { openAppDb } from '../../src/state/db.ts';
import { wipeAppDb, writeOldDb } from '../support/app-db.ts';
import { loadRuns } from '../../src/state/run-store.ts';
import { RunHistory } from '../../src/state/runs.svelte.ts';

afterEach(wipeAppDb);

/** Writes the fixture as the app wrote it: database version 2, its four stores, the runs as they are. */
const writeFixture = (extra: unknown[] = []) => writeOldDb(fixture.dbVersion, fixture.stores, [...fixture.runs, ...extra]);

describe('runs stored with step numbers', () => {
  test('every run is kept, its step named by id (4 → train, 6 → relabelled, 9 → drift, 10 → fresh), and written back so', async () => {
    await writeFixture();
    const { runs, skipped } = await loadRuns();
    expect(skipped).toBe(0);
    expect(runs.map((r) => [r.version, r.step, r.role])).toEqual([
      ['v1', 'train', 'noisy'],
      ['v2', 'relabelled', 'relabelled'],
      ['v3', 'drift', 'stale'],
      ['v4', 'fresh', 'fresh'],
    ]);
    // Nothing else of a record changes.
    const { step: _a, ...before } = fixture.runs[2]!;
    const { step: _b, ...after } = runs[2]!;
    expect(after).toEqual(before);
    const raw = (await (await openAppDb()).getAll('runs')) as { step: unknown }[];
    expect(raw.map((r) => r.step).sort()).toEqual(['drift', 'fresh', 'relabelled', 'train']);
  });

  test('a number outside the 13-step tour is no step: that record is skipped and counted, the rest kept', async () => {
    await writeFixture([{ ...fixture.runs[0]!, id: 'run-1-v9', version: 'v9', step: 14 }]);
    const { runs, skipped } = await loadRuns();
    expect(skipped).toBe(1);
    expect(runs).toHaveLength(4);
  });

  test('the history shows a migrated run at the step it was trained at, and its link opens that step', async () => {
    await writeFixture();
    const history = new RunHistory();
    await history.load();
    const stale = history.runs.find((r) => r.version === 'v3')!;
    expect(stale.step).toBe('drift');
    expect(stale.restored).toBe(true);
    // Its stored link is rebuilt from the run (the fixture's short query is not canonical): step 9, as the number shows.
    expect(new URLSearchParams(stale.query).get('step')).toBe('9');
  });
});
