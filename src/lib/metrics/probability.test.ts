import { describe, expect, it } from 'vitest';
import { calibrationRatio, LOG_LOSS_EPS, logLoss, meanPrediction, normalizedEntropy, reliabilityBins } from './index.ts';

const P = [0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1];
const Y = [1, 1, 0, 1, 1, 0, 0, 0];
const W = [1, 2, 1, 1, 3, 1, 2, 1];

describe('log loss', () => {
  it('unit weights', () => {
    // −(1/8)[ln .9 + ln .8 + ln .3 + ln .6 + ln .4 + ln .6 + ln .7 + ln .9] = 0.49155678878758…
    // sklearn: log_loss(Y, P) = 0.4915567887875834
    expect(logLoss(P, Y).value).toBeCloseTo(0.4915567887875834, 12);
  });

  it('weighted', () => {
    // −(1/12)[1·ln .9 + 2·ln .8 + 1·ln .3 + 1·ln .6 + 3·ln .4 + 1·ln .6 + 2·ln .7 + 1·ln .9] = 0.52873785577516
    // sklearn: log_loss(Y, P, sample_weight=W) = 0.5287378557751599
    expect(logLoss(P, Y, W).value).toBeCloseTo(0.5287378557751599, 12);
  });

  it('clips at eps = 2⁻²³: a certain wrong answer costs 23·ln 2 ≈ 15.94 nats, not Infinity', () => {
    expect(LOG_LOSS_EPS).toBe(2 ** -23);
    expect(logLoss([0], [1]).value).toBeCloseTo(23 * Math.LN2, 9);
    expect(logLoss([1], [0]).value).toBeCloseTo(23 * Math.LN2, 9);
    expect(logLoss([1, 0], [1, 0]).value).toBeCloseTo(-Math.log(1 - 2 ** -23), 12);
    // A custom eps: −ln(1e-15) = 34.538…
    expect(logLoss([0], [1], undefined, 1e-15).value).toBeCloseTo(-Math.log(1e-15), 9);
  });
});

describe('normalized entropy (He et al. 2014)', () => {
  it('unit weights: log loss ÷ H(0.5) = 0.49156/ln 2', () => {
    // base rate 4/8 = 0.5, H = ln 2 = 0.693147 → NE = 0.4915567887875834/0.6931471805599453 = 0.70916654…
    expect(normalizedEntropy(P, Y).value).toBeCloseTo(0.7091665414991503, 12);
  });

  it('weighted: base rate 7/12', () => {
    // H(7/12) = −(7/12)ln(7/12) − (5/12)ln(5/12) = 0.679193266; NE = 0.528737856/0.679193266 = 0.778479237
    expect(normalizedEntropy(P, Y, W).value).toBeCloseTo(0.7784792374277705, 12);
  });

  it('predicting the base rate gives NE = 1', () => {
    expect(normalizedEntropy([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]).value).toBeCloseTo(1, 14);
  });

  it('one class → undefined', () => {
    const ne = normalizedEntropy([0.1, 0.2], [0, 0]);
    expect(ne.value).toBeNaN();
    expect(ne.reason).toMatch(/one class/);
  });
});

describe('calibration ratio (He et al. 2014)', () => {
  it('mean prediction ÷ observed rate', () => {
    // Σp = 4.2 over 8 rows → 0.525; observed 4/8 → ratio 1.05
    expect(meanPrediction(P, Y)).toBeCloseTo(0.525, 12);
    expect(calibrationRatio(P, Y).value).toBeCloseTo(1.05, 12);
    // weighted: Σw·p = .9 + 1.6 + .7 + .6 + 1.2 + .4 + .6 + .1 = 6.1, Σw·y = 7 → 6.1/7 = 0.871428…
    expect(calibrationRatio(P, Y, W).value).toBeCloseTo(6.1 / 7, 12);
  });

  it('no positives → undefined', () => {
    expect(calibrationRatio([0.1], [0]).value).toBeNaN();
  });
});

describe('reliability bins', () => {
  const p = [0.05, 0.15, 0.15, 0.45, 0.55, 0.95, 0.95, 0.95];
  const y = [0, 0, 1, 0, 1, 1, 1, 0];

  it('uniform: equal-width bins, empty bins omitted', () => {
    // 5 bins of width 0.2: [0,.2) holds .05 .15 .15 (1 positive); [.4,.6) holds .45 .55 (1); [.8,1] holds .95×3 (2).
    // sklearn: calibration_curve(y, p, n_bins=5) → prob_true [1/3, 1/2, 2/3], prob_pred [0.11667, 0.5, 0.95]
    const bins = reliabilityBins(p, y, undefined, { bins: 5, strategy: 'uniform' });
    expect(bins.map((b) => b.weight)).toEqual([3, 2, 3]);
    expect(bins[0]?.meanPredicted).toBeCloseTo(0.35 / 3, 12);
    expect(bins[0]?.observedRate).toBeCloseTo(1 / 3, 12);
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.5, 12);
    expect(bins[2]?.observedRate).toBeCloseTo(2 / 3, 12);
    expect([bins[2]?.lo, bins[2]?.hi]).toEqual([0.95, 0.95]);
  });

  it('uniform puts 1 in the last bin', () => {
    expect(reliabilityBins([1, 0], [1, 0], undefined, { bins: 4 }).map((b) => b.weight)).toEqual([1, 1]);
  });

  it('quantile: equal weight per bin, ties never split', () => {
    // 4 bins → close at cumulative weight 2, 4, 6, 8 walking up: .05 (1), .15×2 (3 ≥ 2: close);
    // .45 (4 ≥ 4: close); .55 (5), .95×3 (8: close). Three bins: {.05,.15,.15} {.45} {.55,.95,.95,.95}.
    const bins = reliabilityBins(p, y, undefined, { bins: 4, strategy: 'quantile' });
    expect(bins.map((b) => b.weight)).toEqual([3, 1, 4]);
    expect(bins[2]?.meanPredicted).toBeCloseTo((0.55 + 3 * 0.95) / 4, 12);
    expect(bins[2]?.observedRate).toBeCloseTo(3 / 4, 12);
    expect([bins[0]?.lo, bins[0]?.hi]).toEqual([0.05, 0.15]);
  });

  it('weights count in both strategies', () => {
    // Row .05 with weight 5 outweighs the rest (3): 2 quantile bins close at 4 and 8 → {.05} then {.15, .15, .45}.
    const bins = reliabilityBins([0.05, 0.15, 0.15, 0.45], [0, 1, 0, 1], [5, 1, 1, 1], { bins: 2, strategy: 'quantile' });
    expect(bins.map((b) => b.weight)).toEqual([5, 3]);
    expect(bins[1]?.observedRate).toBeCloseTo(2 / 3, 12);
    const uni = reliabilityBins([0.05, 0.15, 0.15, 0.45], [0, 1, 0, 1], [5, 1, 1, 1], { bins: 2 });
    // [0, .5): all four; weighted mean p = (.25 + .15 + .15 + .45)/8 = 0.125, observed 2/8.
    expect(uni).toHaveLength(1);
    expect(uni[0]?.meanPredicted).toBeCloseTo(0.125, 12);
    expect(uni[0]?.observedRate).toBeCloseTo(0.25, 12);
  });
});
