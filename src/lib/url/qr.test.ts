// The QR code of a link: the version grows with the text (ISO/IEC 18004: version v has 17 + 4v
// modules a side), the three finder patterns sit in their corners, and the same text always gives
// the same code. A short link (only non-default parameters) stays at a size a phone reads from afar.
import { describe, expect, it } from 'vitest';
import { darkAt, qrOf } from './qr.ts';
import { serialiseState } from './codec.ts';
import { defaultState } from './params.ts';

/** The 7×7 finder pattern at (r0, c0): a dark ring, a light ring, a dark 3×3 centre. */
function finderAt(code: ReturnType<typeof qrOf>, r0: number, c0: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      const dark = ring !== 2;
      if (darkAt(code, r0 + r, c0 + c) !== dark) return false;
    }
  }
  return true;
}

describe('qrOf', () => {
  it('draws the three finder patterns and sizes the grid as 17 + 4·version', () => {
    const code = qrOf('https://example.org/?seed=lisbon&step=7');
    expect((code.size - 17) % 4).toBe(0);
    expect(finderAt(code, 0, 0)).toBe(true);
    expect(finderAt(code, 0, code.size - 7)).toBe(true);
    expect(finderAt(code, code.size - 7, 0)).toBe(true);
    expect(finderAt(code, code.size - 7, code.size - 7)).toBe(false);
  });

  it('is deterministic and grows with the text', () => {
    expect(qrOf('abc').path).toBe(qrOf('abc').path);
    expect(qrOf('x'.repeat(200)).size).toBeGreaterThan(qrOf('x').size);
  });

  it('keeps a typical shared state at version 4 or below (33 modules or fewer) with only non-default parameters', () => {
    const state = { ...defaultState(), seed: 'week-3', step: 9, drift: 0.5 };
    const link = `http://192.168.1.20:4173/${serialiseState(state)}`;
    expect(link.length).toBeLessThan(60);
    expect(qrOf(link).size).toBeLessThanOrEqual(33);
  });
});
