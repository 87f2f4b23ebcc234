import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { advanceBlindness, blindnessFactor, recoverBlindness, BLINDNESS_DAILY_RECOVERY, BLINDNESS_MAX } from './blindness.ts';
import { businessMetrics } from './totals.ts';
import { csvHeader, CSV_COLUMNS, toCsv } from './csv.ts';
import { generate } from './generate.ts';
import { relabel, RELABEL_COST_PER_ROW } from './oracle.ts';
import { clickProbability, drawScoreNoise, sampleQuery, shouldShow, trueScore } from './truth.ts';
import { createWorld, DEFAULT_PARAMS } from './world.ts';
import { readFileSync } from 'node:fs';

const world = createWorld(DEFAULT_PARAMS);
/** A click context at the threshold, top slot, fresh user. */
const atThreshold = { score: world.threshold, quality: 0.5, intent: 0.5, position: 0, device: 1, hour: 20, propensity: 1, blindness: 0 };

describe('click model', () => {
  it('gives relevant ads at the top a real chance of a click that falls with position, irrelevance and blindness', () => {
    const p = clickProbability(world, atThreshold);
    expect(p).toBeGreaterThan(0.02);
    expect(p).toBeLessThan(0.5);
    expect(clickProbability(world, { ...atThreshold, position: 2 })).toBeLessThan(p);
    expect(clickProbability(world, { ...atThreshold, score: world.threshold - 3 })).toBeLessThan(p / 3);
    expect(clickProbability(world, { ...atThreshold, blindness: 0.5 })).toBeCloseTo(p / 2, 10);
  });

  it('samples queries whose scores agree with shouldShow', () => {
    const rng = new Rng('q');
    for (let i = 0; i < 100; i++) {
      const q = sampleQuery(world, rng, 89);
      expect(world.queryTextCat[q.queryText]).toBe(q.queryCat);
      const s = trueScore(world, q, i, drawScoreNoise(rng));
      expect(shouldShow(world, s)).toBe(s >= world.threshold);
    }
  });
});

describe('ads blindness', () => {
  it('rises with irrelevant ads, eases with relevant ones, recovers by its daily rate', () => {
    const b1 = advanceBlindness(0, [-1, -2, -0.5]);
    expect(b1).toBeGreaterThan(0);
    expect(advanceBlindness(b1, [1])).toBeLessThan(b1);
    expect(advanceBlindness(0, new Array(10_000).fill(-1))).toBeLessThanOrEqual(BLINDNESS_MAX);
    expect(recoverBlindness(b1, 1)).toBeLessThan(b1);
    // A day takes off a tenth (the rate tuned so the CTR policy's users recover within the compared fortnight); a week leaves about half.
    expect(recoverBlindness(b1, 1)).toBeCloseTo(b1 * (1 - BLINDNESS_DAILY_RECOVERY), 12);
    expect(recoverBlindness(b1, 7) / b1).toBeCloseTo(0.9 ** 7, 12);
    expect(recoverBlindness(b1, 7)).toBeGreaterThan(0.4 * b1);
    expect(blindnessFactor(0)).toBe(1);
  });
});

describe('oracle, business and CSV', () => {
  it('relabels with the truth at a cost per row', () => {
    const c = generate(world, { rows: 1000, stream: 'o' });
    const r = relabel(world, c, [0, 5, 9]);
    expect(Array.from(r.labels)).toEqual([c.truth[0], c.truth[5], c.truth[9]]);
    expect(r.cost).toBe(3 * RELABEL_COST_PER_ROW);
  });

  it('computes CTR, eCPM and ad load, NaN when undefined', () => {
    const m = businessMetrics({ queries: 100, impressions: 200, clicks: 10, revenue: 15 });
    expect(m.ctr).toBe(0.05);
    expect(m.ecpm).toBe(75);
    expect(m.adsPerQuery).toBe(2);
    expect(businessMetrics({ queries: 0, impressions: 0, clicks: 0, revenue: 0 }).ctr).toBeNaN();
  });

  it('writes a CSV whose header matches the data card', () => {
    const c = generate(world, { rows: 20, stream: 'csv' });
    const lines = toCsv(world, c).trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(csvHeader(false).trimEnd());
    expect(lines[1]?.split(',').length).toBeGreaterThanOrEqual(CSV_COLUMNS.length);
    const card = readFileSync(new URL('../../../data/DATA_CARD.md', import.meta.url), 'utf8');
    for (const col of [...CSV_COLUMNS, 'weight']) expect(card).toContain(`\`${col}\``);
  });
});
