// The short forms the narrative uses for rates and for the reasons of undefined values.
import { describe, expect, it } from 'vitest';
import { perSecond, shortReason } from './format.ts';

describe('perSecond', () => {
  it('reads millions and thousands with three significant digits', () => {
    expect(perSecond(3_952_569)).toBe('3.95 M/s');
    expect(perSecond(681_000)).toBe('681 k/s');
    expect(perSecond(12)).toBe('12/s');
    expect(perSecond(Number.NaN)).toBe('undefined');
  });
});

describe('shortReason', () => {
  it('drops a closing "…: X is undefined" that the word undefined already says', () => {
    expect(shortReason('no predicted positives at threshold 0.5: precision is undefined')).toBe('no predicted positives at threshold 0.5');
    expect(shortReason('no ad predicted worth showing, so precision is 0 ÷ 0')).toBe('no ad predicted worth showing, so precision is 0 ÷ 0');
  });
});
