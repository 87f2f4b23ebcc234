// The forms every number on screen takes (issue 17 §3): digits by quantity, a real minus, a dash
// for a missing value. Each expected string is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { average, count, dollars, duration, factor, fixed, metric, percent, percents, perSecond, shortReason, significant, small, threshold } from './format.ts';

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
    // A difference of durations: the typographic minus, the same digits as its size.
    expect(duration(-5)).toBe('−5.0 ms');
    expect(duration(-320.4)).toBe('−320 ms');
    expect(duration(Number.NaN)).toBe('—');
  });
});

describe('shortReason', () => {
  it('drops a closing "…: X is undefined" that the word undefined already says', () => {
    expect(shortReason('no predicted positives at threshold 0.5: precision is undefined')).toBe('no predicted positives at threshold 0.5');
    expect(shortReason('no ad predicted worth showing, so precision is 0 ÷ 0')).toBe('no ad predicted worth showing, so precision is 0 ÷ 0');
  });
});

describe('percent', () => {
  it('shows two significant digits of the distance from 0 or from 1, the same rule on both sides', () => {
    // 0.00018 = 0.018%: two significant digits of the distance from 0.
    expect(percent(0.00018)).toBe('0.018%');
    // 0.99982 = 100% − 0.018%: the same two digits of the distance from 1 (was "99.98%").
    expect(percent(0.99982)).toBe('99.982%');
    // 0.9999 = 100% − 0.010%; the trailing zero drops as it does for 0.0001 → "0.01%".
    expect(percent(0.9999)).toBe('99.99%');
    expect(percent(0.0001)).toBe('0.01%');
    // 0.99 is a whole 1% from 100%, as 0.01 is a whole 1% from 0%.
    expect(percent(0.99)).toBe('99%');
    expect(percent(0.01)).toBe('1%');
  });
  it('no longer rounds 98.5%–99% to "99%" (those were 0 decimals; 1.1% and 1.5% from 1 need one)', () => {
    expect(percent(0.989)).toBe('98.9%');
    expect(percent(0.985)).toBe('98.5%');
    // 4.5% from 1, like 0.045 → "4.5%".
    expect(percent(0.955)).toBe('95.5%');
    expect(percent(0.045)).toBe('4.5%');
  });
  it('reads whole percents between 10% and 90%, and never rounds to 0% or 100%', () => {
    expect(percent(0.784)).toBe('78%');
    expect(percent(0.25)).toBe('25%');
    // With digits 0 (whole percents) a rate near an end still keeps one significant digit.
    expect(percent(0.003, 0)).toBe('0.3%');
    expect(percent(0.9996, 0)).toBe('99.96%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
  it('writes a negative rate with the typographic minus', () => {
    expect(percent(-0.05)).toBe('−5%');
  });
});

describe('percents', () => {
  it('gives rates read side by side the decimals the most demanding one needs', () => {
    // 99.982% needs 3 decimals, so 0.99 reads 99.000% beside it (not "99%" beside "99.982%").
    expect(percents([0.99, 0.99982])).toEqual(['99.000%', '99.982%']);
    // 0.018% needs 3 decimals; 0.0012 → 0.120%.
    expect(percents([0.0012, 0.00018])).toEqual(['0.120%', '0.018%']);
    expect(percents([0.5, 0.25])).toEqual(['50%', '25%']);
    expect(percents([Number.NaN, 0, 0.3])).toEqual(['—', '0%', '30%']);
    // A trailing zero all of them share is dropped: 99.990% and 0.010% → 99.99% and 0.01%.
    expect(percents([0.9999, 0.0001])).toEqual(['99.99%', '0.01%']);
    // Histogram shares: 9.8% needs one decimal, so 14% reads 14.0% beside it; 0.079 → 7.9% makes 59.1% and 33.0%.
    expect(percents([0.14, 0.098])).toEqual(['14.0%', '9.8%']);
    expect(percents([0.591, 0.33, 0.079])).toEqual(['59.1%', '33.0%', '7.9%']);
    // 59.0%, 33.0% and 8.0% share their trailing zero, so they read whole.
    expect(percents([0.59, 0.33, 0.08])).toEqual(['59%', '33%', '8%']);
  });
});

describe('metric', () => {
  it('reads AUC and its differences with three decimals and a real minus', () => {
    expect(metric(0.87345)).toBe('0.873');
    // A negative difference of AUCs: U+2212, not a hyphen.
    expect(metric(-0.0012)).toBe('−0.001');
    // A difference that rounds to nothing has no sign.
    expect(metric(-0.0001)).toBe('0.000');
    expect(metric(Number.NaN)).toBe('—');
  });
});

describe('average, significant, small, factor', () => {
  it('reads an average of counts with two decimals', () => {
    // 6.754 ads a query (step 12) → 6.75.
    expect(average(6.754)).toBe('6.75');
    expect(average(0.8449)).toBe('0.84');
    expect(average(1234.5)).toBe('1,235');
    expect(average(Number.NaN)).toBe('—');
  });
  it('reads a measured amount with three significant digits', () => {
    expect(significant(12.34)).toBe('12.3');
    expect(significant(0.04219)).toBe('0.0422');
    expect(significant(1234.5)).toBe('1,230');
  });
  it('uses the typographic minus for small quantities and factors', () => {
    // d3-format's counts already write U+2212.
    expect(count(-1234)).toBe('−1,234');
    expect(small(-0.05)).toBe('−0.0500');
    expect(factor(-0.5)).toBe('−0.50×');
    expect(factor(407.058)).toBe('407×');
  });
  it('keeps money to the cent below $1,000', () => {
    expect(dollars(999.504)).toBe('$999.50');
    expect(dollars(-71.364)).toBe('−$71.36');
  });
});

describe('fixed and threshold', () => {
  it('reads a feature value with fixed decimals and a real minus, no sign on a zero', () => {
    expect(fixed(0.734, 2)).toBe('0.73');
    expect(fixed(-1.2, 2)).toBe('−1.20');
    expect(fixed(-0.001, 2)).toBe('0.00');
  });
  it('reads a threshold as the sentences write it: two decimals from 0.01, two significant digits below', () => {
    // The operating-point tile once read 0.0196 beside a sentence's 0.02.
    expect(threshold(0.0196)).toBe('0.02');
    expect(threshold(0.5)).toBe('0.5');
    expect(threshold(0.00123)).toBe('0.0012');
  });
});
