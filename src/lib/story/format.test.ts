// The short forms the narrative uses for rates and for the reasons of undefined values.
import { describe, expect, it } from 'vitest';
import { duration, perSecond, shortReason } from './format.ts';

describe('perSecond', () => {
  it('reads millions and thousands with three significant digits', () => {
    expect(perSecond(3_952_569)).toBe('3.95 M/s');
    expect(perSecond(681_000)).toBe('681 k/s');
    expect(perSecond(12)).toBe('12/s');
    expect(perSecond(Number.NaN)).toBe('—');
  });
});

describe('duration', () => {
  it('reads one decimal below 10 ms, none from 10 ms, seconds from 1,000 ms', () => {
    expect(duration(1.8)).toBe('1.8 ms');
    expect(duration(0.042)).toBe('42 µs');
    expect(duration(0.0037)).toBe('3.7 µs');
    expect(duration(0)).toBe('0.0 ms');
    expect(duration(9.94)).toBe('9.9 ms');
    expect(duration(320.4)).toBe('320 ms');
    expect(duration(1400)).toBe('1.4 s');
    expect(duration(Number.NaN)).toBe('—');
  });
});

describe('shortReason', () => {
  it('drops a closing "…: X is undefined" that the word undefined already says', () => {
    expect(shortReason('no predicted positives at threshold 0.5: precision is undefined')).toBe('no predicted positives at threshold 0.5');
    expect(shortReason('no ad predicted worth showing, so precision is 0 ÷ 0')).toBe('no ad predicted worth showing, so precision is 0 ÷ 0');
  });
});
