// The launch test's candidate bars follow the model's calibration: a model that predicts the 0.02%
// "show" rate gets bars low enough to fill the page; a model scored around 1% keeps the grid from 0.001.
import { describe, expect, it } from 'vitest';
import { BAR_COUNT, BAR_GRID, launchBars } from './launch.ts';

const constant = (v: number, n = 101) => new Float32Array(n).fill(v);

describe('launchBars', () => {
  it('starts at 0.001 when the median score is at or above it', () => {
    expect(launchBars(constant(0.02))).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3]);
    expect(launchBars(constant(0.001))).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3]);
  });
  it('starts at the grid value just below a low median', () => {
    // Median 0.00025: the largest grid value ≤ 0.00025 is 0.0001.
    expect(launchBars(constant(0.00025))).toEqual([1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03]);
    // Median 0.0003 exactly: 0.0003 itself.
    expect(launchBars(constant(0.0003))).toEqual([3e-4, 0.001, 0.003, 0.01, 0.03, 0.1]);
  });
  it('reads the median, not the mean: a few high scores do not move the start', () => {
    const s = constant(0.00005, 1001);
    for (let i = 0; i < 400; i++) s[i] = 0.5; // 40% high: the median is still 0.00005
    expect(launchBars(s)[0]).toBe(3e-5);
  });
  it('never leaves the grid, and always gives BAR_COUNT bars', () => {
    for (const v of [0, 1e-9, 2e-6, 0.004, 0.9]) {
      const bars = launchBars(constant(v));
      expect(bars).toHaveLength(BAR_COUNT);
      for (const b of bars) expect(BAR_GRID).toContain(b);
    }
    expect(launchBars(constant(0))[0]).toBe(1e-6);
    expect(launchBars(new Float32Array(0))[0]).toBe(0.001);
  });
});
