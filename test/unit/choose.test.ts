// The backend ranking keeps the canonical order unless a later backend is clearly faster, so a
// noisy 40 ms timing cannot flip the backend (and with it the numbers a seed gives).
import { describe, expect, it } from 'vitest';
import { rankBySpeed } from '../../workers/lab/choose.ts';
import type { BackendName } from '../../src/lib/lab/types.ts';

const speeds = (m: Partial<Record<BackendName, number>>) => (n: BackendName) => m[n] ?? 0;

describe('rankBySpeed', () => {
  it('keeps WASM ahead of CPU when CPU is only a little faster (1.4×)', () => {
    expect(rankBySpeed(['cpu', 'wasm'], speeds({ wasm: 1e6, cpu: 1.4e6 }))).toEqual(['wasm', 'cpu']);
  });
  it('switches to CPU when it is more than 1.5× faster', () => {
    expect(rankBySpeed(['wasm', 'cpu'], speeds({ wasm: 1e6, cpu: 1.6e6 }))).toEqual(['cpu', 'wasm']);
  });
  it('prefers a hardware WebGL over WASM unless WASM is 1.5× faster; the rest by speed', () => {
    expect(rankBySpeed(['webgl', 'wasm', 'cpu'], speeds({ webgl: 5e6, wasm: 6e6, cpu: 3e6 }))).toEqual(['webgl', 'wasm', 'cpu']);
    expect(rankBySpeed(['webgl', 'wasm', 'cpu'], speeds({ webgl: 1e6, wasm: 6e6, cpu: 3e6 }))).toEqual(['wasm', 'cpu', 'webgl']);
  });
  it('returns nothing for no candidates', () => {
    expect(rankBySpeed([], speeds({}))).toEqual([]);
  });
});
