import { describe, expect, it } from 'vitest';
import { NUM_ADS, NUM_USERS } from './constants.ts';
import { concatColumns } from './columns.ts';
import { generate, generateChunks } from './generate.ts';
import { relevanceMean } from './truth.ts';
import { CATEGORIES, NUM_DAYS } from './types.ts';
import { createWorld, DEFAULT_PARAMS } from './world.ts';

const world = createWorld(DEFAULT_PARAMS);

describe('generate', () => {
  it('generates 1,000,000 rows with every column in range', () => {
    const c = generate(world, { rows: 1_000_000 });
    expect(c.n).toBe(1_000_000);
    let maxDay = 0;
    let maxHour = 0;
    let maxCat = 0;
    let maxAd = 0;
    let maxUser = 0;
    let minW = Infinity;
    let bad = 0;
    for (let i = 0; i < c.n; i++) {
      maxDay = Math.max(maxDay, c.day[i] as number);
      maxHour = Math.max(maxHour, c.hour[i] as number);
      maxCat = Math.max(maxCat, c.queryCat[i] as number, c.adCat[i] as number);
      maxAd = Math.max(maxAd, c.adId[i] as number);
      maxUser = Math.max(maxUser, c.user[i] as number);
      minW = Math.min(minW, c.weight[i] as number);
      if (world.queryTextCat[c.queryText[i] as number] !== c.queryCat[i]) bad++;
      if (world.adCat[c.adId[i] as number] !== c.adCat[i]) bad++;
      if (((c.trueScore[i] as number) >= world.threshold ? 1 : 0) !== c.truth[i]) bad++;
    }
    expect(bad).toBe(0);
    expect(maxDay).toBe(NUM_DAYS - 1);
    expect(maxHour).toBe(23);
    expect(maxCat).toBe(CATEGORIES.length - 1);
    expect(maxAd).toBeLessThan(NUM_ADS);
    expect(maxUser).toBeLessThan(NUM_USERS);
    expect(minW).toBe(1);
  });

  it('gives the same rows in chunks as in one block, and other rows for another stream', () => {
    const whole = generate(world, { rows: 30_000, stream: 'x' });
    const parts = concatColumns([...generateChunks(world, { rows: 30_000, stream: 'x' }, 7_000)]);
    expect(parts.n).toBe(whole.n);
    expect(Array.from(parts.trueScore)).toEqual(Array.from(whole.trueScore));
    expect(Array.from(parts.user)).toEqual(Array.from(whole.user));
    const other = generate(world, { rows: 30_000, stream: 'y' });
    expect(Array.from(other.trueScore.subarray(0, 100))).not.toEqual(Array.from(whole.trueScore.subarray(0, 100)));
  });

  it('keeps every positive and weights kept negatives by 1/negKeep', () => {
    const full = generate(world, { rows: 2_000_000, stream: 'k' });
    const kept = generate(world, { rows: 2_000_000, stream: 'k', negKeep: 0.01 });
    const fullPos = full.label.reduce((s, v) => s + v, 0);
    let keptPos = 0;
    let keptNegWeight = 0;
    for (let i = 0; i < kept.n; i++) {
      if (kept.label[i] === 1) {
        keptPos++;
        expect(kept.weight[i]).toBe(1);
      } else keptNegWeight += kept.weight[i] as number;
    }
    expect(keptPos).toBe(fullPos);
    expect(keptNegWeight / (full.n - fullPos)).toBeCloseTo(1, 1);
    const byTruth = generate(world, { rows: 2_000_000, stream: 'k', negKeep: 0.01, keepBy: 'truth' });
    expect(byTruth.truth.reduce((s, v) => s + v, 0)).toBe(full.truth.reduce((s, v) => s + v, 0));
  });

  it('respects a day range', () => {
    const c = generate(world, { rows: 50_000, days: [89, 89], stream: 'yesterday' });
    expect(c.day.every((d) => d === 89)).toBe(true);
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    generate(world, { rows: 3_000_000, stream: 'p' }, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('draws the unobserved part of the score as a standard normal around relevanceMean', () => {
    const c = generate(world, { rows: 200_000, days: [0, 40], stream: 'eps' });
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < c.n; i++) {
      const m = relevanceMean(world, c.queryCat[i] as number, c.adCat[i] as number, c.intent[i] as number, c.quality[i] as number);
      const e = (c.trueScore[i] as number) - m;
      s += e;
      s2 += e * e;
    }
    expect(s / c.n).toBeCloseTo(0, 1);
    expect(s2 / c.n).toBeCloseTo(1, 1);
  });
});
