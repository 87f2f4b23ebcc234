import { describe, expect, it } from 'vitest';
import { featureCount, featureNames, fnv1a32, specFromToggles, tokenize, type FeatureSpec } from './index.ts';

const ALL_ON = { oneHots: true, numerics: true, cross: true, hashed: true, hashBuckets: 16 };

describe('specs and names', () => {
  it('specFromToggles turns every toggle into its blocks', () => {
    expect(specFromToggles(ALL_ON)).toEqual({
      oneHot: ['queryCat', 'adCat', 'device', 'hourBucket'],
      numeric: ['intent', 'quality', 'logBid'],
      cross: true,
      hashed: { buckets: 16, query: true, headline: true, queryTokenAdCat: false },
    });
    expect(featureCount(specFromToggles({ ...ALL_ON, oneHots: false, numerics: false, cross: false, hashed: false }))).toBe(0);
  });

  it('featureCount: 8 + 8 + 3 + 6 one-hots, 3 numerics, 64 cross cells, 2 × buckets hashed', () => {
    expect(featureCount(specFromToggles(ALL_ON))).toBe(25 + 3 + 64 + 32);
    expect(featureCount(specFromToggles({ ...ALL_ON, hashed: false }))).toBe(92);
    expect(featureCount(specFromToggles({ ...ALL_ON, oneHots: false, numerics: false, hashed: false }))).toBe(64);
  });

  it('readable names in column order', () => {
    const names = featureNames(specFromToggles(ALL_ON));
    expect(names.length).toBe(124);
    expect(names.slice(0, 2)).toEqual(['queryCat=travel', 'queryCat=shoes']);
    expect(names[8]).toBe('adCat=travel');
    expect(names.slice(16, 19)).toEqual(['device=mobile', 'device=desktop', 'device=tablet']);
    expect(names[19]).toBe('hour=00–03');
    expect(names[24]).toBe('hour=20–23');
    expect(names.slice(25, 28)).toEqual(['intent (std)', 'quality (std)', 'log bid (std)']);
    // cross cell (travel, finance) = 28 + 0·8 + 3
    expect(names[28 + 3]).toBe('cross:travel×finance');
    expect(names[28 + 63]).toBe('cross:home×home');
    expect(names[92]).toBe('qtok#0');
    expect(names[108]).toBe('adtok#0');
  });

  it('the optional query-token × ad-category block', () => {
    const spec: FeatureSpec = { oneHot: [], numeric: [], cross: false, hashed: { buckets: 8, query: false, headline: false, queryTokenAdCat: true } };
    expect(featureNames(spec)).toEqual(Array.from({ length: 8 }, (_, k) => `qtok×adCat#${k}`));
  });

  it('rejects invalid specs', () => {
    expect(() => specFromToggles({ ...ALL_ON, hashBuckets: 0 })).toThrow(/hash buckets/);
    expect(() => specFromToggles({ ...ALL_ON, hashBuckets: 2.5 })).toThrow(/hash buckets/);
    expect(() => featureCount({ oneHot: ['device', 'device'], numeric: [], cross: false, hashed: null })).toThrow(/twice/);
    expect(() => featureCount({ oneHot: ['colour' as 'device'], numeric: [], cross: false, hashed: null })).toThrow(/unknown/);
  });
});

describe('hashing and tokens', () => {
  it('FNV-1a 32-bit matches the published test vectors', () => {
    // From the FNV reference test suite: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // UTF-8 bytes: "é" = C3 A9, so its hash equals the hash of those two bytes as latin-1 chars would not.
    expect(fnv1a32('é')).toBe(Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0);
  });

  it('is stable (hard-coded values, so a change of hash breaks saved models loudly)', () => {
    // Reference: node -e "let h=0x811c9dc5; for (const b of Buffer.from('cheap')) h = Math.imul(h ^ b, 0x01000193) >>> 0"
    expect(fnv1a32('cheap')).toBe(0x906ad500);
    expect(fnv1a32('flights')).toBe(0xf0f10610);
  });

  it('tokenize lower-cases and splits on anything that is not a letter or digit', () => {
    expect(tokenize('Flights to New York from $49 · Roamly')).toEqual(['flights', 'to', 'new', 'york', 'from', '49', 'roamly']);
    expect(tokenize('Top-rated 4k TV')).toEqual(['top', 'rated', '4k', 'tv']);
    expect(tokenize('  ')).toEqual([]);
  });
});
