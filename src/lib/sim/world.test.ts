import { describe, expect, it } from 'vitest';
import { NUM_ADS } from './constants.ts';
import { normalQuantile, normalTail, fastNormalQuantile } from './normal.ts';
import { SCENARIOS, parseScenario } from './scenarios.ts';
import { CATEGORIES, NUM_DAYS } from './types.ts';
import { createWorld, DEFAULT_PARAMS, validateParams } from './world.ts';

describe('world', () => {
  it('is deterministic from its params', () => {
    const a = createWorld(DEFAULT_PARAMS);
    const b = createWorld(DEFAULT_PARAMS);
    expect(b.threshold).toBe(a.threshold);
    expect(b.ads).toEqual(a.ads);
    expect(createWorld({ ...DEFAULT_PARAMS, seed: 'other' }).ads).not.toEqual(a.ads);
  });

  it('has an inventory with readable headlines and category-dependent bids', () => {
    const w = createWorld(DEFAULT_PARAMS);
    expect(w.ads).toHaveLength(NUM_ADS);
    const mean = (cat: number) => {
      const bids = w.ads.filter((a) => a.category === cat).map((a) => a.bid);
      return bids.reduce((s, v) => s + v, 0) / bids.length;
    };
    expect(mean(CATEGORIES.indexOf('finance'))).toBeGreaterThan(5 * mean(CATEGORIES.indexOf('food')));
    for (const ad of w.ads.slice(0, 20)) {
      expect(ad.headline.length).toBeGreaterThan(5);
      expect(ad.quality).toBeGreaterThan(0);
      expect(ad.quality).toBeLessThan(1);
    }
    expect(w.queryTexts).toContain('cheap flights to lisbon');
    expect(w.queryTextCat.length).toBe(w.queryTexts.length);
  });

  it('raises the threshold as skew falls', () => {
    const t = [0.5, 0.01, 1e-4, 1e-5].map((skew) => createWorld({ ...DEFAULT_PARAMS, skew }).threshold);
    for (let i = 1; i < t.length; i++) expect(t[i] as number).toBeGreaterThan(t[i - 1] as number);
  });

  it('is stationary at drift 0 and drifts otherwise', () => {
    const still = createWorld({ ...DEFAULT_PARAMS, drift: 0 });
    const moving = createWorld(DEFAULT_PARAMS);
    const last = (NUM_DAYS - 1) * 8;
    expect(Array.from(still.catProb.subarray(0, 8))).toEqual(Array.from(still.catProb.subarray(last, last + 8)));
    expect(still.deviceProb[0]).toBe(still.deviceProb[(NUM_DAYS - 1) * 3]);
    expect(still.moveShare.every((v) => v === 0)).toBe(true);
    expect(moving.deviceProb[(NUM_DAYS - 1) * 3]).toBeGreaterThan(moving.deviceProb[0] as number);
    expect(Math.max(...moving.moveShare)).toBeGreaterThan(0.5);
    expect(moving.moveShare.subarray(0, 50 * 8).every((v) => v === 0)).toBe(true);
  });

  it('sets class-dependent noise and a buggy flip rate proportional to skew', () => {
    const w = createWorld(DEFAULT_PARAMS);
    expect(w.missRate).toBe(0.1);
    expect(w.falseShowRate).toBeCloseTo((0.1 * 1e-4) / (1 - 1e-4), 12);
    const w2 = createWorld({ ...DEFAULT_PARAMS, skew: 2e-4 });
    expect(w2.buggyFlipRate / w.buggyFlipRate).toBeCloseTo(2, 1);
  });
});

describe('validateParams', () => {
  it('clamps out-of-range knobs with a notice and keeps good ones silently', () => {
    expect(validateParams(DEFAULT_PARAMS)).toEqual({ params: DEFAULT_PARAMS, notices: [] });
    const r = validateParams({ skew: 2, noise: -1, drift: Number.NaN, seed: 'x'.repeat(100) });
    expect(r.params.skew).toBe(0.5);
    expect(r.params.noise).toBe(0);
    expect(r.params.drift).toBe(DEFAULT_PARAMS.drift);
    expect(r.params.seed).toHaveLength(64);
    expect(r.notices).toHaveLength(4);
    const hostile = validateParams({ skew: '<script>' as unknown as number });
    expect(hostile.params.skew).toBe(DEFAULT_PARAMS.skew);
    expect(hostile.notices).toHaveLength(1);
  });
});

describe('scenarios', () => {
  it('loads every bundled preset without a notice', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(3);
    expect(SCENARIOS[0]?.params).toEqual(DEFAULT_PARAMS);
    for (const s of SCENARIOS) expect(s.name.length).toBeGreaterThan(0);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('validates a hostile scenario into a safe one with notices', () => {
    const r = parseScenario({ id: '<img onerror=x>', name: 42, params: { skew: 9 } });
    expect(r.scenario.id).toBe('custom');
    expect(r.scenario.params.skew).toBe(0.5);
    expect(r.notices.length).toBeGreaterThanOrEqual(3);
    expect(parseScenario(null).scenario.params).toEqual(DEFAULT_PARAMS);
  });
});

describe('normal distribution helpers', () => {
  it('match reference values', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 7);
    expect(normalTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalTail(-1.959964)).toBeCloseTo(0.975, 6);
    expect(normalTail(3.719016) / 1e-4).toBeCloseTo(1, 4);
    for (const p of [1e-6, 0.001, 0.02, 0.3, 0.5, 0.9, 0.999]) {
      expect(normalTail(-normalQuantile(p)) / p).toBeCloseTo(1, 4);
      expect(fastNormalQuantile(p)).toBeCloseTo(normalQuantile(p), 4);
    }
  });
});
