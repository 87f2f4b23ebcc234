// The world past day 89: serving (days 90–103) and the policy comparison (104–117) run on days the
// same world generates, with its seasons, mobile growth and concept drift continuing their course.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { CONCEPT_DRIFT_MOVES } from './constants.ts';
import { generate } from './generate.ts';
import { positiveRate } from './threshold.ts';
import { conceptDriftProgress, conceptDriftShare, mobileShare } from './timeline.ts';
import { sampleQuery } from './truth.ts';
import { DEPLOY_DAY, DEV_DAYS, DEV_LAST_DAY, LAST_WORLD_DAY, NUM_DAYS, WORLD_DAYS } from './types.ts';
import { createWorld, DEFAULT_PARAMS, LUT_SIZE } from './world.ts';

const world = createWorld(DEFAULT_PARAMS);
const full = createWorld({ ...DEFAULT_PARAMS, drift: 1 });
/** A drifting query category (electronics) and one that never drifts (travel). */
const DRIFTING = (CONCEPT_DRIFT_MOVES[0] as readonly [number, number])[0];
const STILL = 0;

describe('the timeline', () => {
  it('has development days 0–89, deployment on day 90 and simulated days up to 117', () => {
    expect([DEV_LAST_DAY, DEV_DAYS, NUM_DAYS, DEPLOY_DAY, LAST_WORLD_DAY, WORLD_DAYS]).toEqual([89, 90, 90, 90, 117, 118]);
    expect(world.catProb.length).toBe(118 * 8);
    expect(world.deviceProb.length).toBe(118 * 3);
    expect(world.moveShare.length).toBe(118 * 8);
    expect(world.catLut.length).toBe(118 * LUT_SIZE);
    expect(world.deviceLut.length).toBe(118 * LUT_SIZE);
  });

  it('gives every day a proper category and device distribution', () => {
    for (const w of [world, full]) {
      for (let d = 0; d < WORLD_DAYS; d++) {
        const cats = Array.from(w.catProb.subarray(d * 8, d * 8 + 8));
        const devs = Array.from(w.deviceProb.subarray(d * 3, d * 3 + 3));
        expect(cats.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
        expect(devs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
        expect(Math.min(...cats, ...devs)).toBeGreaterThan(0.04);
      }
    }
  });

  it('keeps the mobile share growing at its rate after day 89', () => {
    // Hand-computed: 0.45 + drift·0.3·d/89; at drift 0.9, day 103: 0.45 + 0.27·103/89 = 0.762472; day 117: 0.804944.
    const m = [0, 89, 103, 117].map((d) => world.deviceProb[d * 3] as number);
    expect(m[0]).toBeCloseTo(0.45, 12);
    expect(m[1]).toBeCloseTo(0.72, 12);
    expect(m[2]).toBeCloseTo(0.762472, 6);
    expect(m[3]).toBeCloseTo(0.804944, 6);
    // At drift 1, day 117: 0.45 + 0.3·117/89 = 0.844382, below the cap 0.85; desktop keeps 1 − 0.844382 − 0.08.
    expect(full.deviceProb[117 * 3]).toBeCloseTo(0.844382, 6);
    expect(full.deviceProb[117 * 3 + 1]).toBeCloseTo(0.075618, 6);
    for (let d = 1; d < WORLD_DAYS; d++) expect(world.deviceProb[d * 3] as number).toBeGreaterThan(world.deviceProb[(d - 1) * 3] as number);
    expect(mobileShare(400, 1)).toBe(0.85);
  });

  it('continues the seasons into their next cycle: day d + 90 has day d’s category mix', () => {
    for (let d = DEPLOY_DAY; d <= LAST_WORLD_DAY; d++) {
      for (let q = 0; q < 8; q++) expect(world.catProb[d * 8 + q] as number).toBeCloseTo(world.catProb[(d - 90) * 8 + q] as number, 12);
    }
    // The season does move over days 90–117 (travel's share changes by more than a tenth of itself).
    const travel = Array.from({ length: 28 }, (_, i) => world.catProb[(90 + i) * 8 + STILL] as number);
    expect(Math.max(...travel) / Math.min(...travel)).toBeGreaterThan(1.1);
  });

  it('runs the concept-drift trend on past day 89 at its pace, then bends towards its ceiling', () => {
    // Ramp (d − 57)/32 up to day 89; after it 1 + h(1 − e^(−(d − 89)/(32h))) with h = 1/0.9 − 1 = 1/9:
    // day 90: 1 + (1/9)(1 − e^(−9/32)) = 1.027240; day 103: 1.108945; day 117: 1.111069 (Python math.exp).
    expect(conceptDriftProgress(57)).toBe(0);
    expect(conceptDriftProgress(58)).toBe(1 / 32);
    expect(conceptDriftProgress(89)).toBe(1);
    expect(conceptDriftProgress(90)).toBeCloseTo(1.02724, 6);
    expect(conceptDriftProgress(103)).toBeCloseTo(1.108945, 6);
    expect(conceptDriftProgress(117)).toBeCloseTo(1.111069, 6);
    // The slope on day 90 is the ramp's (1/32 a day) to within the curvature of one day.
    expect(conceptDriftProgress(90) - 1).toBeGreaterThan(0.85 / 32);
    // At drift 0.9 the share is 0.9·0.9·progress: 0.81 on day 89, 0.898245 on day 103, 0.899966 on day 117, never above 0.9.
    const share = (d: number) => world.moveShare[d * 8 + DRIFTING] as number;
    expect(share(89)).toBeCloseTo(0.81, 6);
    expect(share(103)).toBeCloseTo(0.898245, 6);
    expect(share(117)).toBeCloseTo(0.899966, 5);
    for (let d = DEPLOY_DAY; d < WORLD_DAYS; d++) {
      expect(share(d)).toBeGreaterThan(share(d - 1));
      expect(share(d)).toBeLessThanOrEqual(0.9);
      expect(world.moveShare[d * 8 + STILL]).toBe(0);
    }
    expect(full.moveShare[117 * 8 + DRIFTING] as number).toBeLessThanOrEqual(1);
    expect(conceptDriftShare(117, 1)).toBeCloseTo(0.99996, 4);
  });

  it('is stationary on every day at drift 0', () => {
    const still = createWorld({ ...DEFAULT_PARAMS, drift: 0 });
    for (let d = 0; d < WORLD_DAYS; d++) {
      expect(Array.from(still.catProb.subarray(d * 8, d * 8 + 8))).toEqual(Array.from(still.catProb.subarray(0, 8)));
      expect(still.deviceProb[d * 3]).toBe(0.45);
    }
    expect(still.moveShare.every((v) => v === 0)).toBe(true);
  });

  it('keeps the threshold solved over days 0–89: its positive rate there is the skew', () => {
    const inputs = { ...world, textIntent: world.queryTextIntent, textStart: world.queryTextStart, textCount: world.queryTextCount };
    expect(positiveRate(inputs, world.threshold) / DEFAULT_PARAMS.skew).toBeCloseTo(1, 6);
  });

  it('generates rows on the deployed days, and only within the simulated days', () => {
    const span = (days: Uint8Array) => [days.reduce((m, v) => Math.min(m, v), 255), days.reduce((m, v) => Math.max(m, v), 0)];
    expect(span(generate(world, { rows: 50_000, stream: 'serve', days: [104, 117] }).day)).toEqual([104, 117]);
    expect(span(generate(world, { rows: 20_000, stream: 'late', days: [100, 500] }).day)).toEqual([100, 117]);
    expect(span(generate(world, { rows: 50_000, stream: 'dev' }).day)).toEqual([0, 89]);
    const rng = new Rng('late-queries');
    const q = sampleQuery(world, rng, 117);
    expect(world.queryTextCat[q.queryText]).toBe(q.queryCat);
    expect(() => sampleQuery(world, rng, 118)).toThrow(RangeError);
    expect(() => sampleQuery(world, rng, 89.5)).toThrow(RangeError);
  });

  it('moves as many late electronics queries as the drift share says', () => {
    const rng = new Rng('moved');
    let n = 0;
    let moved = 0;
    for (let i = 0; i < 200_000 && n < 20_000; i++) {
      const q = sampleQuery(world, rng, 110);
      if (q.queryCat !== DRIFTING) continue;
      n++;
      if (q.moved) moved++;
    }
    // Binomial(20,000, 0.8998): standard error 0.0021; four of them is 0.0085.
    expect(Math.abs(moved / n - (world.moveShare[110 * 8 + DRIFTING] as number))).toBeLessThan(0.0085);
  });
});
