// The dashboard's throughput: requests over the total scoring time, the same figure in the headline and the tile.
import { describe, expect, it } from 'vitest';
import { throughput } from './dashboard.ts';

describe('throughput', () => {
  it('is items over the summed scoring time, not the mean of the daily rates', () => {
    // 3,000 requests in 0.01 s, then 3,000 in 0.03 s: 6,000 in 0.04 s.
    expect(throughput([{ count: 3000, perSec: 300_000 }, { count: 3000, perSec: 100_000 }])).toBeCloseTo(150_000, 6);
  });
  it('is NaN with nothing served', () => {
    expect(throughput([])).toBeNaN();
  });
});
