// Chart components rendered in Chromium from small fixed inputs; the assertions read back values
// (path vertices mapped through the plot size, printed numbers, data attributes), not just presence.
import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount, type Component } from 'svelte';
import { page } from 'vitest/browser';
import LossChart from '../../src/components/charts/LossChart.svelte';
import RocChart from '../../src/components/charts/RocChart.svelte';
import ConfusionMatrix from '../../src/components/charts/ConfusionMatrix.svelte';
import ThresholdSlider from '../../src/components/charts/ThresholdSlider.svelte';
import Histogram from '../../src/components/charts/Histogram.svelte';
import HistogramGrid from '../../src/components/charts/HistogramGrid.svelte';
import PrChart from '../../src/components/charts/PrChart.svelte';
import ReliabilityChart from '../../src/components/charts/ReliabilityChart.svelte';
import AucBars from '../../src/components/charts/AucBars.svelte';
import RateToScale from '../../src/components/charts/RateToScale.svelte';
import DayBars from '../../src/components/charts/DayBars.svelte';
import Metric from '../../src/components/Metric.svelte';
import { confusionNear } from '../../src/components/charts/threshold.ts';
import { fmtDecade, fmtPct, fmtProb, spreadLabels, wrapWords } from '../../src/components/charts/axes.ts';
import type { ConfusionAt, LossPoint } from '../../src/components/charts/types.ts';

const mounted: { c: Record<string, unknown>; el: HTMLElement }[] = [];

/** Mounts a component into a fixed-width div and waits until it has measured itself. */
async function render<P extends Record<string, any>>(Comp: Component<P>, props: NoInfer<P>, width = 600): Promise<HTMLElement> {
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  document.body.append(el);
  const c = mount(Comp, { target: el, props });
  mounted.push({ c, el });
  flushSync();
  await frames();
  return el;
}

/** Lets ResizeObserver callbacks (bind:clientWidth) run, then flushes Svelte updates. */
async function frames(n = 2) {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
  flushSync();
}

afterEach(() => {
  for (const { c, el } of mounted.splice(0)) {
    unmount(c);
    el.remove();
  }
});

/** Vertices of an SVG path made of M/L commands, as [x, y] pairs. */
function vertices(d: string): [number, number][] {
  const nums = d.match(/-?\d*\.?\d+(?:e-?\d+)?/g)?.map(Number) ?? [];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!]);
  return out;
}

/** Plot width and height as the chart reports them on its plot group. */
function plotSize(el: HTMLElement): { w: number; h: number } {
  const g = el.querySelector('[data-plot]')!;
  return { w: Number(g.getAttribute('data-inner-w')), h: Number(g.getAttribute('data-inner-h')) };
}

/** The text alternative of the chart's SVG. */
function desc(el: HTMLElement): string {
  return el.querySelector('svg desc')?.textContent ?? '';
}

describe('helpers', () => {
  test('formats keep tiny rates readable', () => {
    expect(fmtPct(0.0001)).toBe('0.01%');
    expect(fmtPct(0.25)).toBe('25%');
    expect(fmtPct(0.9999)).toBe('99.99%');
    expect(fmtPct(0.99996)).toBe('99.996%');
    expect(fmtPct(0.995)).toBe('99.5%');
    expect(fmtProb(0.001)).toBe('0.001');
    expect(fmtProb(0.5)).toBe('0.5');
  });
  test('powers of ten are short on axes, and long labels wrap between words', () => {
    expect(fmtDecade(1e-5)).toBe('10⁻⁵');
    expect(fmtDecade(0.001)).toBe('0.001');
    expect(wrapWords('one-hots + numerics + category cross', 20)).toEqual(['one-hots + numerics', '+ category cross']);
  });
  test('spreadLabels pushes close labels apart within bounds', () => {
    const [a, b] = spreadLabels([50, 52], 20, 0, 100);
    expect(Math.abs(b! - a!)).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(spreadLabels([99, 100], 20, 0, 100)[1]).toBeLessThanOrEqual(100);
  });
  test('confusionNear picks the closest threshold on a log scale', () => {
    const table: ConfusionAt[] = [1e-4, 1e-3, 1e-2].map((t) => ({ threshold: t, tp: t, fp: 0, tn: 0, fn: 0 }));
    expect(confusionNear(table, 0.002)?.threshold).toBe(1e-3);
    expect(confusionNear(table, 0.005)?.threshold).toBe(1e-2);
    expect(confusionNear([], 0.1)).toBeNull();
  });
});

describe('LossChart', () => {
  const history: LossPoint[] = [
    { epoch: 1, trainLoss: 0.02, valLoss: 0.021 },
    { epoch: 2, trainLoss: 0.012, valLoss: 0.0135 },
    { epoch: 3, trainLoss: 0.01, valLoss: 0.0123 },
  ];

  test('draws both losses, labels the line ends and states the numbers', async () => {
    const el = await render(LossChart, { history, epochs: 3 });
    const val = vertices(el.querySelector('[data-series="val"]')!.getAttribute('d')!);
    expect(val).toHaveLength(3);
    const { w } = plotSize(el);
    expect(val[0]![0]).toBeCloseTo(0, 3);
    expect(val[2]![0]).toBeCloseTo(w, 3);
    // Lower loss is drawn lower down (larger y).
    expect(val[2]![1]).toBeGreaterThan(val[0]![1]);
    expect(el.querySelector('[data-label="val"]')!.textContent).toContain('0.0123');
    expect(el.querySelector('[data-label="train"]')!.textContent).toContain('0.01');
    expect(desc(el)).toContain('0.02');
    expect(desc(el)).toContain('0.0123');
  });

  test('grows live as epochs are appended and keeps the x axis at the planned epochs', async () => {
    const props = $state({ history: history.slice(0, 1), epochs: 4 });
    const el = await render(LossChart, props);
    expect(vertices(el.querySelector('[data-series="val"]')!.getAttribute('d')!)).toHaveLength(1);
    props.history = [...history, { epoch: 4, trainLoss: 0.009, valLoss: 0.0119 }];
    flushSync();
    const val = vertices(el.querySelector('[data-series="val"]')!.getAttribute('d')!);
    expect(val).toHaveLength(4);
    expect(val[3]![0]).toBeCloseTo(plotSize(el).w, 3);
    expect(el.querySelector('[data-label="val"]')!.getAttribute('data-value')).toBe('0.0119');
  });

  test('a stale chart says so in words, not only by dimming', async () => {
    const el = await render(LossChart, { history, stale: true });
    expect(el.querySelector('[data-chart="loss"]')!.getAttribute('aria-busy')).toBe('true');
    expect(el.textContent).toContain('outdated');
  });

  test('draws a previous run muted and shows an empty state without data', async () => {
    const el = await render(LossChart, { history, previous: history.map((p) => ({ ...p, valLoss: p.valLoss * 1.5 })), previousLabel: 'v1' });
    expect(el.querySelector('[data-series="prev-val"]')).not.toBeNull();
    expect(desc(el)).toContain('v1');
    const empty = await render(LossChart, { history: [] });
    expect(empty.querySelector('svg')).toBeNull();
    expect(empty.textContent).toContain('No training yet');
  });
});

describe('RocChart', () => {
  // Trapezoid area of this curve is 0.5·0.75 + 0.5·1 = 0.875.
  const roc = [
    { fpr: 0, tpr: 0 },
    { fpr: 0, tpr: 0.5 },
    { fpr: 0.5, tpr: 1 },
    { fpr: 1, tpr: 1 },
  ];

  test('the curve passes through the given points and the AUC is printed', async () => {
    const el = await render(RocChart, {
      current: { name: 'v2', roc, auc: 0.875 },
      previous: [{ name: 'v1', roc: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }], auc: 0.5 }],
    });
    const { w, h } = plotSize(el);
    const pts = vertices(el.querySelector('[data-series="current"]')!.getAttribute('d')!);
    expect(pts).toHaveLength(roc.length);
    pts.forEach(([px, py], i) => {
      expect(px / w).toBeCloseTo(roc[i]!.fpr, 3);
      expect(1 - py / h).toBeCloseTo(roc[i]!.tpr, 3);
    });
    const chance = vertices(el.querySelector('[data-series="chance"]')!.getAttribute('d')!);
    expect(chance[0]![0]).toBeCloseTo(0, 3);
    expect(chance[0]![1]).toBeCloseTo(h, 3);
    expect(chance.at(-1)![0]).toBeCloseTo(w, 3);
    expect(chance.at(-1)![1]).toBeCloseTo(0, 3);
    expect(el.querySelector('[data-model="v2"][data-auc]')!.textContent).toContain('0.875');
    expect(el.querySelector('.prev-label')!.textContent).toContain('0.500');
    expect(desc(el)).toContain('AUC 0.875');
    expect(desc(el)).toContain('v1: AUC 0.500');
  });

  test('log x axis spreads out the few-false-positives end', async () => {
    const pts = [{ fpr: 0, tpr: 0 }, { fpr: 0.0001, tpr: 0.3 }, { fpr: 0.01, tpr: 0.7 }, { fpr: 1, tpr: 1 }];
    const el = await render(RocChart, { current: { name: 'v3', roc: pts, auc: 0.95 }, logX: true });
    const { w } = plotSize(el);
    const xs = vertices(el.querySelector('[data-series="current"]')!.getAttribute('d')!).map(([px]) => px / w);
    // Axis from 1e-4 to 1 (four decades); fpr 0 sits on the left edge.
    expect(xs[0]).toBeCloseTo(0, 3);
    expect(xs[1]).toBeCloseTo(0, 3);
    expect(xs[2]).toBeCloseTo(0.5, 3);
    expect(xs[3]).toBeCloseTo(1, 3);
    expect(el.textContent).toContain('log scale');
  });

  test('unsorted points are drawn in curve order; empty input shows a message', async () => {
    const el = await render(RocChart, { current: { name: 'v1', roc: [...roc].reverse(), auc: 0.875 } });
    const pts = vertices(el.querySelector('[data-series="current"]')!.getAttribute('d')!);
    expect(pts[0]![0]).toBeCloseTo(0, 3);
    const empty = await render(RocChart, { current: null });
    expect(empty.textContent).toContain('No ROC curve yet');
    const noPts = await render(RocChart, { current: { name: 'v1', roc: [], auc: NaN } });
    expect(noPts.querySelector('svg')).toBeNull();
  });
});

describe('ConfusionMatrix', () => {
  const at: ConfusionAt = { threshold: 0.001, tp: 40, fn: 11, fp: 1204, tn: 9998745 };

  test('shows the four weighted counts with words and the derived rates', async () => {
    const el = await render(ConfusionMatrix, { at });
    const cell = (k: string) => el.querySelector(`[data-cell="${k}"]`)!;
    expect(cell('tp').querySelector('.count')!.textContent).toBe('40');
    expect(cell('fn').querySelector('.count')!.textContent).toBe('11');
    expect(cell('fp').querySelector('.count')!.textContent).toBe('1,204');
    expect(cell('tn').querySelector('.count')!.textContent).toBe('9,998,745');
    expect(cell('tp').textContent).toContain('shown & worth showing');
    expect(cell('fn').textContent).toContain('hidden but worth showing');
    expect(cell('fp').textContent).toContain('shown but not worth showing');
    expect(cell('tn').textContent).toContain('hidden & not worth showing');
    // Right and wrong are marked by a symbol, not by colour alone.
    expect(cell('tp').textContent).toContain('✓');
    expect(cell('fp').textContent).toContain('✗');
    const text = el.textContent ?? '';
    expect(text).toContain('threshold 0.001');
    expect(text).toContain('recall 78%');
    expect(text).toContain('3.2%');
    // The grid is a table for assistive technology, named by its threshold line.
    expect(page.getByRole('table', { name: /Counts at threshold 0.001/ }).elements()).toHaveLength(1);
    expect(page.getByRole('rowheader', { name: 'Labelled worth showing' }).elements()).toHaveLength(1);
  });

  test('says precision is not defined (0 ÷ 0) when nothing is shown, never "undefined", and handles no data', async () => {
    const el = await render(ConfusionMatrix, { at: { threshold: 0.9, tp: 0, fp: 0, tn: 100, fn: 3 } });
    expect(el.textContent).toContain('precision is not defined (0 ÷ 0)');
    expect(el.textContent).not.toContain('undefined');
    const empty = await render(ConfusionMatrix, { at: null });
    expect(empty.textContent).toContain('No confusion matrix yet');
  });
});

describe('ThresholdSlider', () => {
  test('maps slider positions to log-scaled thresholds, both ways, with keyboard steps', async () => {
    let value = $state(0.5);
    // Reads the bound value now (inside a closure, so it is the live state, not its initial value).
    const current = () => value;
    const props = {
      get value() {
        return value;
      },
      set value(v: number) {
        value = v;
      },
    };
    const el = await render(ThresholdSlider, props);
    const input = page.getByRole('slider', { name: 'Threshold' }).element() as HTMLInputElement;
    expect(input.min).toBe('-6');
    expect(input.max).toBe('0');
    expect(Number(input.value)).toBeCloseTo(Math.log10(0.5), 1);
    input.value = '-3';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(current()).toBe(0.001);
    expect(el.querySelector('output')!.textContent).toContain('0.001');
    expect(el.querySelector('output')!.textContent).toContain('0.1%');
    input.value = '-4.5';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(current()).toBeCloseTo(10 ** -4.5, 12);
    // Page Up jumps to the next power of ten.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    flushSync();
    expect(current()).toBe(0.0001);
    // Arrow keys move by one native step: a tenth of a power of ten.
    expect(input.step).toBe('0.1');
    // A value set from outside moves the thumb.
    value = 0.01;
    flushSync();
    expect(Number(input.value)).toBeCloseTo(-2, 6);
    expect(input.getAttribute('aria-valuetext')).toContain('0.01');
  });
});

describe('Histogram', () => {
  test('categorical bins show each share, even a tiny one', async () => {
    const el = await render(Histogram, { hist: { column: 'label', kind: 'categorical', labels: ['no-show', 'show'], counts: [999900, 100] } }, 300);
    const bins = [...el.querySelectorAll('[data-bin]')];
    expect(bins.map((b) => b.getAttribute('data-bin'))).toEqual(['no-show', 'show']);
    expect(bins[1]!.textContent).toContain('0.01%');
    expect(bins[0]!.textContent).toContain('99.99%');
    expect(desc(el)).toContain('show 0.01%');
  });

  test('numeric bins are drawn to scale with the range at the ends', async () => {
    const el = await render(Histogram, { hist: { column: 'intent', kind: 'numeric', labels: ['0–0.25', '0.25–0.5', '0.5–0.75', '0.75–1'], counts: [10, 40, 30, 20] } }, 300);
    const rects = [...el.querySelectorAll('rect[data-bin]')];
    expect(rects).toHaveLength(4);
    const hs = rects.map((r) => Number(r.getAttribute('height')));
    expect(hs[1]! / hs[0]!).toBeCloseTo(4, 3);
    expect(hs[2]! / hs[3]!).toBeCloseTo(1.5, 3);
    const text = el.textContent ?? '';
    expect(text).toContain('0');
    expect(text).toContain('1');
    expect(desc(el)).toContain('0.25–0.5');
  });

  test('number-like categories (hour of day) keep their order as columns instead of collapsing', async () => {
    const labels = ['2', '0', '1', '10', '3', '4', '5', '6', '7', '8', '9'];
    const el = await render(Histogram, { hist: { column: 'hour', kind: 'categorical', labels, counts: labels.map((l) => Number(l) + 1) } }, 300);
    const rects = [...el.querySelectorAll('rect[data-bin]')];
    expect(rects.map((r) => r.getAttribute('data-bin'))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(el.querySelector('[data-bin="other"]')).toBeNull();
  });

  test('many categories collapse into "other"; a grid renders one histogram per column; empty is fine', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const el = await render(HistogramGrid, {
      histograms: [
        { column: 'cat', kind: 'categorical', labels, counts: labels.map((_, i) => 12 - i) },
        { column: 'empty', kind: 'numeric', labels: [], counts: [] },
      ],
    });
    expect(el.querySelectorAll('[data-column]')).toHaveLength(2);
    const cat = el.querySelector('[data-column="cat"]')!;
    expect(cat.querySelectorAll('[data-bin]')).toHaveLength(8);
    expect(cat.querySelector('[data-bin="other"]')!.getAttribute('data-count')).toBe(String(5 + 4 + 3 + 2 + 1));
    expect(el.querySelector('[data-column="empty"]')!.textContent).toContain('No values');
    const none = await render(HistogramGrid, { histograms: [] });
    expect(none.textContent).toContain('No data yet');
  });
});

describe('PrChart', () => {
  const pr = [
    { recall: 0.1, precision: 0.5 },
    { recall: 0.5, precision: 0.01 },
    { recall: 1, precision: 0.0001 },
  ];

  test('log precision axis: points and the base-rate line sit where they belong', async () => {
    const el = await render(PrChart, { current: { name: 'v1', pr, prAuc: 0.123 }, baseRate: 0.0001 });
    expect(el.querySelector('[data-plot]')!.getAttribute('data-log')).toBe('true');
    const { w, h } = plotSize(el);
    // The axis runs from 1e-5 (a power of ten below the base rate) to 1: five decades.
    const pts = vertices(el.querySelector('[data-series="current"]')!.getAttribute('d')!);
    pts.forEach(([px, py], i) => {
      expect(px / w).toBeCloseTo(pr[i]!.recall, 3);
      expect((1 - py / h) * 5 - 5).toBeCloseTo(Math.log10(pr[i]!.precision), 3);
    });
    const base = el.querySelector('[data-series="base-rate"]')!;
    expect(1 - Number(base.getAttribute('y1')) / h).toBeCloseTo(0.2, 3);
    expect(el.textContent).toContain('base rate 0.01%');
    expect(el.textContent).toContain('log scale');
    expect(desc(el)).toContain('0.123');
    expect(desc(el)).toContain('0.01%');
  });

  test('linear option and precision 0 on a log axis are handled honestly; empty is fine', async () => {
    const lin = await render(PrChart, { current: { name: 'v1', pr, prAuc: 0.2 }, baseRate: 0.3, logY: false });
    const { h } = plotSize(lin);
    const pts = vertices(lin.querySelector('[data-series="current"]')!.getAttribute('d')!);
    expect(1 - pts[0]![1] / h).toBeCloseTo(0.5, 3);
    const zero = await render(PrChart, { current: { name: 'v1', pr: [...pr, { recall: 1, precision: 0 }], prAuc: 0.2 }, baseRate: 0.0001 });
    expect(desc(zero)).toContain('1 points with precision 0');
    const empty = await render(PrChart, { current: null, baseRate: 0.0001 });
    expect(empty.textContent).toContain('No precision–recall curve yet');
  });
});

describe('ReliabilityChart', () => {
  const bins = [
    { meanPredicted: 0.0001, observedRate: 0.0001, weight: 1000 },
    { meanPredicted: 0.001, observedRate: 0.002, weight: 100 },
    { meanPredicted: 0.01, observedRate: 0, weight: 10 },
  ];

  test('log–log: bins placed by predicted and observed rate, size by weight, zero rates hollow on the edge', async () => {
    const el = await render(ReliabilityChart, { bins, name: 'v1' });
    const { w } = plotSize(el);
    const dots = [...el.querySelectorAll('circle.bin')];
    expect(dots).toHaveLength(3);
    // Axes run 1e-5 … 1e-2 (three decades).
    const cx = dots.map((d) => Number(d.getAttribute('cx')) / w);
    expect(cx[0]).toBeCloseTo(1 / 3, 3);
    expect(cx[1]).toBeCloseTo(2 / 3, 3);
    // The calibrated bin lies on the diagonal.
    expect(Number(dots[0]!.getAttribute('cy'))).toBeCloseTo(w - Number(dots[0]!.getAttribute('cx')), 3);
    expect(Number(dots[1]!.getAttribute('cy')) / w).toBeCloseTo(1 - (Math.log10(0.002) + 5) / 3, 3);
    // A bin with no observed positive cannot sit on a log axis: it goes, hollow, in the strip under the plot.
    expect(dots[2]!.classList.contains('hollow')).toBe(true);
    expect(Number(dots[2]!.getAttribute('cy'))).toBeGreaterThan(w);
    expect(el.textContent).toContain('none observed');
    const r = dots.map((d) => Number(d.getAttribute('r')));
    expect(r[0]).toBeGreaterThan(r[1]!);
    expect(r[1]).toBeGreaterThan(r[2]!);
    expect(Number(dots[0]!.getAttribute('r'))).toBeGreaterThan(0);
    const text = desc(el);
    expect(text).toContain('3 bins');
    expect(text).toContain('no observed positives');
    expect(text).toContain('strip marked 0');
    // Weighted means: predicted (0.1 + 0.1 + 0.1) / 1110, observed (0.1 + 0.2) / 1110.
    expect(text).toContain('ratio 1.00');
  });

  test('empty bins show a message', async () => {
    const el = await render(ReliabilityChart, { bins: [] });
    expect(el.textContent).toContain('No calibration data yet');
  });
});

describe('AucBars', () => {
  test('bars run from chance to each AUC; the highlighted one is marked', async () => {
    const items = [
      { label: 'one-hots + numerics', auc: 0.62 },
      { label: '+ query×ad category cross', auc: 0.91, highlight: true },
      { label: 'broken', auc: NaN },
    ];
    const el = await render(AucBars, { items });
    const { w } = plotSize(el);
    const bars = [...el.querySelectorAll('[data-bar]')];
    expect(bars).toHaveLength(3);
    const bw = (i: number) => Number(bars[i]!.querySelector('rect')!.getAttribute('width')) / w;
    expect(bw(0)).toBeCloseTo(0.24, 3);
    expect(bw(1)).toBeCloseTo(0.82, 3);
    expect(bars[1]!.classList.contains('hl')).toBe(true);
    expect(bars[1]!.textContent).toContain('0.910');
    expect(bars[2]!.textContent).toContain('not defined');
    expect(bars[2]!.textContent).not.toContain('undefined');
    expect(Number(el.querySelector('[data-series="chance"]')!.getAttribute('x1'))).toBeCloseTo(0, 3);
    expect(desc(el)).toContain('+ query×ad category cross: 0.910 (highlighted)');
    const empty = await render(AucBars, { items: [] });
    expect(empty.textContent).toContain('No feature sets tried yet');
  });
});

describe('RateToScale', () => {
  /** Coloured area of the main waffle, in squares. */
  function colouredSquares(el: HTMLElement): number {
    const g = el.querySelector('[data-waffle]')!;
    const c = Number(g.getAttribute('data-cell-size'));
    return [...g.querySelectorAll('[data-on]')].reduce((a, r) => a + (Number(r.getAttribute('width')) * Number(r.getAttribute('height'))) / (c * c), 0);
  }

  test.each([
    [0.5, 5000],
    [0.25, 2500],
    [0.0123, 123],
    [0.0001, 1],
    [0.00001, 0.1],
    [0, 0],
  ])('rate %s colours exactly %s of the 10,000 squares', async (rate, k) => {
    const el = await render(RateToScale, { rate });
    expect(colouredSquares(el)).toBeCloseTo(k, 6);
    expect(Number(el.querySelector('[data-waffle]')!.getAttribute('data-cells'))).toBeCloseTo(k, 9);
  });

  test('small rates get a magnified view and honest words', async () => {
    const el = await render(RateToScale, { rate: 0.0001 });
    expect(el.querySelector('[data-zoom]')).not.toBeNull();
    expect(el.textContent).toContain('1 in 10,000');
    expect(el.textContent).toContain('0.01%');
    const tiny = await render(RateToScale, { rate: 0.00001 });
    expect(tiny.textContent).toContain('1 in 100,000');
    expect(tiny.textContent).toContain('a tenth of one of these 10,000 squares');
    const big = await render(RateToScale, { rate: 0.5 });
    expect(big.querySelector('[data-zoom]')).toBeNull();
    const bad = await render(RateToScale, { rate: NaN });
    expect(bad.textContent).toContain('No rate to show yet');
  });
});

describe('DayBars', () => {
  const values = [0, 1, 2, 3, 4].map((day) => ({ day, value: (day + 1) * 100 }));

  test('bars from zero with heights in proportion, unit on the axis, numbers in the text', async () => {
    const el = await render(DayBars, { values, metric: 'Revenue', unit: '$ per day', valueFormat: '$,.0f' });
    const rects = [...el.querySelectorAll('rect[data-day]')];
    expect(rects).toHaveLength(5);
    const hs = rects.map((r) => Number(r.getAttribute('height')));
    expect(hs[4]! / hs[0]!).toBeCloseTo(5, 3);
    expect(el.textContent).toContain('Revenue ($ per day)');
    expect(desc(el)).toContain('total $1,500');
    expect(desc(el)).toContain('$100 on day 0');
  });

  test('a difference below zero stays inside the plot: negative bars hang from a zero line above the day labels', async () => {
    // −50, +100, +200: the scale runs from −50 (niced) to 200, so the zero line sits a fifth of the way up.
    const diff = [-50, 100, 200].map((value, day) => ({ day, value }));
    const el = await render(DayBars, { values: diff, metric: 'Revenue difference', unit: '$ per day', valueFormat: '$,.0f' });
    const innerH = Number(el.querySelector('[data-plot]')!.getAttribute('data-inner-h'));
    const zero = Number(el.querySelector('line.zero')!.getAttribute('y1'));
    expect(zero / innerH).toBeCloseTo(200 / 250, 6);
    const [neg, , top] = [...el.querySelectorAll('rect[data-day]')].map((r) => ({ y: Number(r.getAttribute('y')), h: Number(r.getAttribute('height')) }));
    // The negative bar starts at zero and ends at the plot's bottom; the bars keep their proportions.
    expect(neg!.y).toBeCloseTo(zero, 6);
    expect(neg!.y + neg!.h).toBeCloseTo(innerH, 6);
    expect(top!.h / neg!.h).toBeCloseTo(4, 6);
    // All positive: no zero line (the axis is zero).
    const plain = await render(DayBars, { values, metric: 'Revenue', unit: '$ per day' });
    expect(plain.querySelector('line.zero')).toBeNull();
  });

  test('a line with a muted comparison series; empty shows a message', async () => {
    const el = await render(DayBars, {
      values,
      metric: 'CTR',
      unit: 'clicks per impression',
      valueFormat: '.1%',
      kind: 'line',
      seriesLabel: 'CTR policy',
      previous: { label: 'impressions policy', values: values.map((d) => ({ ...d, value: d.value / 2 })) },
    });
    expect(vertices(el.querySelector('[data-series="current"]')!.getAttribute('d')!)).toHaveLength(5);
    expect(el.querySelector('[data-series="prev"]')).not.toBeNull();
    expect(el.textContent).toContain('impressions policy');
    // The series names sit in a legend above the plot, never on the lines.
    const legend = [...el.querySelectorAll('[data-plot] g.legend')];
    expect(legend.map((g) => g.textContent)).toEqual(['CTR policy', 'impressions policy']);
    for (const g of legend) expect(Number(/,\s*(-?[\d.]+)\)/.exec(g.getAttribute('transform')!)![1])).toBeLessThan(0);
    const empty = await render(DayBars, { values: [], metric: 'Clicks', unit: 'clicks per day' });
    expect(empty.textContent).toContain('No clicks yet');
  });
});

describe('motion', () => {
  // Every chart's CSS source, to check where motion is declared.
  const sources = import.meta.glob('../../src/components/charts/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

  test('animations and transitions exist only inside a prefers-reduced-motion: no-preference block', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const [file, src] of Object.entries(sources)) {
      const css = src.slice(src.indexOf('<style>'));
      let depth = 0;
      let motionOkDepth = -1;
      for (const lineText of css.split('\n')) {
        if (/@media\s*\(prefers-reduced-motion:\s*no-preference\)/.test(lineText)) motionOkDepth = depth;
        if (/^\s*(animation|transition)\s*:/.test(lineText)) {
          expect(motionOkDepth >= 0 && depth > motionOkDepth, `${file}: ${lineText.trim()}`).toBe(true);
        }
        depth += (lineText.match(/{/g) ?? []).length - (lineText.match(/}/g) ?? []).length;
        if (motionOkDepth >= 0 && depth <= motionOkDepth) motionOkDepth = -1;
      }
    }
  });
});

describe('Metric inline', () => {
  test('an undefined value reads "not defined (reason)" once, with the full reason as its title (where "undefined" reads "not defined" too)', async () => {
    const el = await render(Metric, { name: 'precision', value: Number.NaN, inline: true, reason: 'no predicted positives at threshold 0.5: precision is undefined' });
    const m = el.querySelector('[data-metric="precision"]') as HTMLElement;
    expect(m.dataset.value).toBe('NaN');
    expect(m.textContent).toBe('not defined (no predicted positives at threshold 0.5)');
    expect(m.title).toBe('no predicted positives at threshold 0.5: precision is not defined');
  });

  test('a value not there yet reads "— (why)", a tile too, and never the word undefined', async () => {
    const el = await render(Metric, { name: 'examples_per_s', value: Number.NaN, inline: true, kind: 'speed', missing: 'no run yet' });
    const m = el.querySelector('[data-metric="examples_per_s"]') as HTMLElement;
    expect(m.dataset.value).toBe('NaN');
    expect(m.textContent).toBe('— (no run yet)');
    const tile = await render(Metric, { name: 'examples_per_s', label: 'Examples / s', value: Number.NaN, kind: 'speed', missing: 'no run yet' });
    expect(tile.querySelector('.value')!.textContent).toBe('—');
    expect(tile.textContent).toContain('no run yet');
    expect(tile.textContent).not.toMatch(/undefined|NaN/);
  });

  test('a percent read beside others takes their decimals, and the contract keeps the raw value', async () => {
    const el = await render(Metric, { name: 'accuracy', value: 0.99, inline: true, kind: 'percent', alongside: [0.99982] });
    const m = el.querySelector('[data-metric="accuracy"]') as HTMLElement;
    expect(m.textContent).toBe('99.000%');
    expect(m.dataset.value).toBe('0.99');
    const alone = await render(Metric, { name: 'accuracy', value: 0.99, inline: true, kind: 'percent' });
    expect(alone.textContent).toBe('99%');
  });

  test('a rate in short form keeps the raw value', async () => {
    const el = await render(Metric, { name: 'examples_per_s', label: 'Examples / s', value: 3_952_569, kind: 'speed' });
    const m = el.querySelector('[data-metric="examples_per_s"]') as HTMLElement;
    expect(m.dataset.value).toBe('3952569');
    expect(m.querySelector('.value')?.textContent).toBe('3.95 M/s');
  });

  test('drift measures read "< 0.001" and "≈ 0" and keep their raw values', async () => {
    const p = await render(Metric, { name: 'chi2_p', value: 1e-12, inline: true, kind: 'pvalue' });
    const d = await render(Metric, { name: 'psi', value: 2.81e-9, inline: true, kind: 'distance' });
    const j = await render(Metric, { name: 'jensenshannon', value: 0.008834, inline: true, kind: 'distance' });
    expect(p.querySelector('[data-metric="chi2_p"]')?.textContent).toBe('< 0.001');
    expect((p.querySelector('[data-metric="chi2_p"]') as HTMLElement).dataset.value).toBe('1e-12');
    expect(d.querySelector('[data-metric="psi"]')?.textContent).toBe('≈ 0');
    expect(j.querySelector('[data-metric="jensenshannon"]')?.textContent).toBe('0.00883');
  });
});
