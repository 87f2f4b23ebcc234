// The prediction table and how a guess is read and judged.
import { describe, expect, it } from 'vitest';
import { PREDICTIONS, hides, judge, parseGuess, predictionOf, predictionsOfStep } from './predictions.ts';

describe('predictions', () => {
  it('at least eight, uniquely named, each hiding the metric it reveals', () => {
    expect(PREDICTIONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(PREDICTIONS.map((p) => p.name)).size).toBe(PREDICTIONS.length);
    for (const p of PREDICTIONS) expect(p.hides.length).toBeGreaterThan(0);
    // Where the honest answer can be "no difference", it is a choice.
    for (const name of ['cross-gain', 'yesterday-auc', 'fresh-recovery', 'first-alert', 'live-revenue', 'policy-winner']) {
      const p = predictionOf(name)!;
      expect(p.input.kind).toBe('choice');
      if (p.input.kind === 'choice') expect(p.input.choices.some((c) => /noise|No real difference|none/i.test(c.label))).toBe(true);
    }
    expect(predictionsOfStep('business').map((p) => p.name)).toEqual(['live-revenue', 'policy-winner', 'switch-source']);
    expect(predictionsOfStep('deploy').map((p) => p.name)).toEqual(['first-alert']);
  });

  it('a percent is typed as a percent and read as a rate', () => {
    const p = predictionOf('dummy-accuracy')!;
    expect(parseGuess(p, '99.99')).toBeCloseTo(0.9999, 12);
    expect(parseGuess(p, ' 99.9 % ')).toBeCloseTo(0.999, 12);
    expect(parseGuess(p, '')).toBeNull();
    expect(parseGuess(p, '101')).toBeNull();
    expect(parseGuess(p, 'lots')).toBeNull();
    expect(parseGuess(predictionOf('yesterday-auc')!, 'down')).toBe('down');
    expect(parseGuess(predictionOf('yesterday-auc')!, 'sideways')).toBeNull();
  });

  it('judging: within the band is right, within twice it close, else off', () => {
    const p = predictionOf('dummy-accuracy')!; // band 0.5 percentage points
    expect(judge(p, 0.9995, 0.9999)).toBe('right'); // 0.04 points
    expect(judge(p, 0.992, 0.9999)).toBe('close'); // 0.79 points
    expect(judge(p, 0.9, 0.9999)).toBe('off');
    expect(judge(predictionOf('yesterday-auc')!, 'down', 'down')).toBe('right');
    expect(judge(predictionOf('yesterday-auc')!, 'same', 'down')).toBe('off');
    // Alerts raised together when a day closes: each of them is a right answer.
    const alert = predictionOf('first-alert')!;
    expect(judge(alert, 'ctr_drop', 'feature_drift', ['ctr_drop'])).toBe('right');
    expect(judge(alert, 'latency', 'feature_drift', ['ctr_drop'])).toBe('off');
  });

  it('hides match on the contract attributes that are given', () => {
    const p = predictionOf('yesterday-auc')!;
    expect(hides(p, { metric: 'auc', role: 'stale', split: 'yesterday', model: 'v3' })).toBe(true);
    expect(hides(p, { metric: 'auc', role: 'stale', split: 'old_test' })).toBe(false);
    expect(hides(p, { metric: 'auc_gap', role: 'stale' })).toBe(true);
    expect(hides(predictionOf('dummy-accuracy')!, { metric: 'accuracy', role: 'relabelled', split: 'gold' })).toBe(false);
  });
});
