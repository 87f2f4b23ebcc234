import { describe, expect, test } from 'vitest';
import { ENTRY_PARAMS, SETTLE_MS, changedParams, historyWrite } from './history.ts';
import { defaultState, type UrlState } from './params.ts';

const base: UrlState = { ...defaultState(), step: 7 };

describe('history writes', () => {
  test('the steps’ own controls add entries; world, model and view knobs do not', () => {
    for (const n of ['skew_lab', 'keep', 'upweight', 'pos_weight', 'window_first', 'window_last', 'suspects', 'relabel', 'threshold', 'cost_ratio', 'speed']) expect(ENTRY_PARAMS).toContain(n);
    for (const n of ['seed', 'step', 'rows', 'skew', 'noise', 'drift', 'model', 'features', 'epochs', 'backend', 'objective', 'presenter', 'theme', 'lab']) expect(ENTRY_PARAMS).not.toContain(n);
  });

  test('a step change pushes and ends any burst', () => {
    expect(historyWrite(base, { ...base, step: 8 }, 0, { keys: 'keep', at: 0 })).toEqual({ mode: 'push', burst: null });
  });

  test('a world knob replaces the entry (Back to another world would make its data again)', () => {
    expect(historyWrite(base, { ...base, skew: 0.01 }, 0, null)).toEqual({ mode: 'replace', burst: null });
    expect(historyWrite(base, { ...base, epochs: 3 }, 0, null).mode).toBe('replace');
  });

  test('a control pushes once per settled change: a burst of moves updates the entry it added', () => {
    const a = { ...base, keep: 0.002 };
    const first = historyWrite(base, a, 1000, null);
    expect(first).toEqual({ mode: 'push', burst: { keys: 'keep', at: 1000 } });
    // Key presses 100 ms apart: the same entry, and the burst goes on.
    const b = { ...a, keep: 0.003 };
    const second = historyWrite(a, b, 1100, first.burst);
    expect(second).toEqual({ mode: 'replace', burst: { keys: 'keep', at: 1100 } });
    // A later move, after a quiet second, is a new settled change.
    expect(historyWrite(b, { ...b, keep: 0.004 }, 1100 + SETTLE_MS, second.burst).mode).toBe('push');
    // Another control within the burst is its own entry.
    expect(historyWrite(b, { ...b, upweight: true }, 1200, second.burst)).toEqual({ mode: 'push', burst: { keys: 'upweight', at: 1200 } });
  });

  test('the changed parameters are compared by value (sets too)', () => {
    expect(changedParams(base, { ...base, features: [...base.features] })).toEqual([]);
    expect(changedParams(base, { ...base, window_first: 60, window_last: 80 })).toEqual(['window_first', 'window_last']);
  });
});
