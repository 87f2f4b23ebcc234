// npm run test:engines names the Debian packages it needs and fails, never skips, when one is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { missingPackages, PACKAGES } from '../engines/drivers.ts';
import { checkWalk, compareWalks } from '../engines/check.ts';
import type { WalkResult } from '../engines/walk.ts';

const saved = { ...PACKAGES };
afterEach(() => Object.assign(PACKAGES, saved));

describe('the engines command', () => {
  it('names each missing package by its Debian name', () => {
    const p = PACKAGES as Record<keyof typeof PACKAGES, string>;
    p.xvfb = '/nonexistent/Xvfb';
    p['firefox-esr'] = '/nonexistent/firefox-esr';
    const missing = missingPackages();
    expect(missing).toContain('xvfb');
    expect(missing).toContain('firefox-esr');
  });

  /** A walk without step errors whose step 4 read `auc` as its test AUC (the other numbers pass the checks). */
  const walk = (engine: string, auc: number, errors: string[] = []): WalkResult => ({
    engine,
    steps: Array.from({ length: 13 }, (_, i) => ({
      step: i + 1,
      seconds: 1,
      error: '',
      numbers: ([{}, { rows: 1_000_000, positive_rate: 0.000164 }, { auc_no_cross: 0.8, auc_cross: 0.95 }, { auc_test: auc }] as Record<string, number>[])[i] ?? {},
    })),
    pageErrors: errors,
    backend: 'wasm',
    backendReason: 'WASM measured the fastest here',
    labLog: [],
    totalSeconds: 13,
  });

  it('fails a walk on a page error, a low test AUC, or an engine whose numbers differ from the first', () => {
    expect(checkWalk(walk('webkit', 0.93))).toEqual([]);
    expect(checkWalk(walk('webkit', 0.93, ['step 12: error: x']))).toEqual(['webkit page error: step 12: error: x']);
    expect(checkWalk(walk('webkit', 0.5))).toEqual(['webkit step 4: test AUC 0.5, want above 0.6']);
    // 0.9369814 against 0.9369814 + 1e-8 (a backend's float sums) passes; 0.02 apart fails.
    expect(compareWalks([walk('chromium', 0.9369814), walk('firefox', 0.9369814 + 1e-8)])).toEqual([]);
    expect(compareWalks([walk('chromium', 0.93), walk('webkit', 0.95)])).toHaveLength(1);
  });
});
