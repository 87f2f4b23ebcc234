// The skew knob changes which pairs are *labelled* worth showing, not how users click: click
// probabilities and blindness are measured against the threshold at the reference skew 1e-4.
import { describe, expect, it } from 'vitest';
import { createWorld, DEFAULT_PARAMS } from './world.ts';
import { clickProbability, type ClickContext } from './truth.ts';
import { CLICK_REFERENCE_SKEW } from './constants.ts';

describe('click reference', () => {
  it('equals the label threshold at the reference skew and stays put when skew moves', () => {
    const base = createWorld({ ...DEFAULT_PARAMS, skew: CLICK_REFERENCE_SKEW });
    expect(base.clickReference).toBe(base.threshold);
    for (const skew of [0.5, 0.1, 0.01, 1e-5]) {
      const w = createWorld({ ...DEFAULT_PARAMS, skew });
      // The label threshold moves (lower for more positives) …
      if (skew > CLICK_REFERENCE_SKEW) expect(w.threshold).toBeLessThan(base.threshold - 0.5);
      else expect(w.threshold).toBeGreaterThan(base.threshold);
      // … while the click reference is the same number, so a given ad draws the same click probability.
      expect(w.clickReference).toBeCloseTo(base.clickReference, 9);
      const c: ClickContext = { score: base.threshold + 0.3, quality: 0.6, intent: 0.7, position: 0, device: 1, hour: 20, propensity: 1, blindness: 0.1 };
      expect(clickProbability(w, c)).toBeCloseTo(clickProbability(base, c), 12);
    }
  });
});
