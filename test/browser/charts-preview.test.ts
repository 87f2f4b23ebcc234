// A visual preview that also asserts what it shows: renders every chart with realistic data in
// light, dark and presenter (high-contrast, ×1.5 type) themes at laptop and phone widths, checks
// that each card draws something of a real size with no NaN in its markup and the number its data
// implies, and saves screenshots to screenshots/charts-*.png (git-ignored) for a person to look at.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flushSync, mount, unmount, type Component } from 'svelte';
import { page } from 'vitest/browser';
import LossChart from '../../src/components/charts/LossChart.svelte';
import RocChart from '../../src/components/charts/RocChart.svelte';
import ConfusionMatrix from '../../src/components/charts/ConfusionMatrix.svelte';
import ThresholdSlider from '../../src/components/charts/ThresholdSlider.svelte';
import HistogramGrid from '../../src/components/charts/HistogramGrid.svelte';
import PrChart from '../../src/components/charts/PrChart.svelte';
import ReliabilityChart from '../../src/components/charts/ReliabilityChart.svelte';
import AucBars from '../../src/components/charts/AucBars.svelte';
import RateToScale from '../../src/components/charts/RateToScale.svelte';
import DayBars from '../../src/components/charts/DayBars.svelte';
import SliceBars from '../../src/components/charts/SliceBars.svelte';
import SliceGrid from '../../src/components/charts/SliceGrid.svelte';
import ModelsCompare from '../../src/components/charts/ModelsCompare.svelte';
import type { EvalReport, SliceReport } from '../../src/lib/lab/types.ts';
import type { ColumnHistogram, ConfusionAt, LossPoint } from '../../src/components/charts/types.ts';

/** One chart to preview: a heading, the component and its props. */
interface PreviewItem {
  title: string;
  /** File name part of its screenshot. */
  slug: string;
  component: Component<any>;
  props: Record<string, unknown>;
  /** Text the card must show, read from its data (a highlighted number, a label). */
  shows?: string[];
}

/** A ROC curve tpr = fpr^a sampled on a log grid; its AUC is 1 / (1 + a). */
function powerRoc(a: number): { fpr: number; tpr: number }[] {
  const pts = [{ fpr: 0, tpr: 0 }];
  for (let e = -6; e <= 0; e += 0.1) {
    const fpr = 10 ** e;
    pts.push({ fpr, tpr: fpr ** a });
  }
  return pts;
}

/** A loss history that falls fast then flattens, with validation a little above training. */
function lossHistory(epochs: number, scale: number): LossPoint[] {
  return Array.from({ length: epochs }, (_, i) => {
    const e = i + 1;
    return { epoch: e, trainLoss: scale * (1 + 2.5 * Math.exp(-e / 3)), valLoss: scale * (1.08 + 2.3 * Math.exp(-e / 3.3)) };
  });
}

const cats = ['travel', 'shoes', 'electronics', 'finance', 'food', 'games', 'health', 'home'];

/** Histograms like the data card's: categories, a device mix, a numeric score, the rare label. */
function histograms(): ColumnHistogram[] {
  const bump = (n: number, c: number, w: number) => Array.from({ length: n }, (_, i) => Math.round(1e5 * Math.exp(-(((i - c) / w) ** 2))) + 500);
  return [
    { column: 'query_category', kind: 'categorical', labels: cats, counts: [180, 120, 150, 90, 160, 70, 110, 120].map((c) => c * 1000) },
    { column: 'device', kind: 'categorical', labels: ['mobile', 'desktop', 'tablet'], counts: [560000, 360000, 80000] },
    { column: 'intent', kind: 'numeric', labels: Array.from({ length: 20 }, (_, i) => `${(i / 20).toFixed(2)}–${((i + 1) / 20).toFixed(2)}`), counts: bump(20, 7, 4) },
    { column: 'bid', kind: 'numeric', labels: Array.from({ length: 16 }, (_, i) => `${(i * 0.5).toFixed(1)}–${((i + 1) * 0.5).toFixed(1)}`), counts: bump(16, 3, 3) },
    { column: 'label', kind: 'categorical', labels: ['no-show', 'show'], counts: [999900, 100] },
    { column: 'hour', kind: 'categorical', labels: Array.from({ length: 24 }, (_, h) => String(h)), counts: Array.from({ length: 24 }, (_, h) => 1000 + Math.round(900 * Math.sin((Math.PI * h) / 24) ** 2)) },
  ];
}

/** Confusion counts at log-spaced thresholds for 10,000,000 rows with 1,000 positives. */
function confusionTable(): ConfusionAt[] {
  const out: ConfusionAt[] = [];
  for (let e = -6; e <= 0; e += 0.25) {
    const t = 10 ** e;
    const fpr = Math.min(1, (t / 1e-6) ** -0.9);
    const tpr = fpr ** (1 / 7);
    out.push({ threshold: t, tp: Math.round(1000 * tpr), fn: 1000 - Math.round(1000 * tpr), fp: Math.round(9999000 * fpr), tn: 9999000 - Math.round(9999000 * fpr) });
  }
  return out;
}

/** The PR curve implied by a ROC curve at base rate p. */
function prFromRoc(roc: { fpr: number; tpr: number }[], p: number): { recall: number; precision: number }[] {
  return roc.filter((r) => r.tpr > 0).map((r) => ({ recall: r.tpr, precision: (r.tpr * p) / (r.tpr * p + r.fpr * (1 - p)) }));
}

/** Reliability bins of a model that is a little overconfident at the top and under at the bottom. */
function reliability(): { meanPredicted: number; observedRate: number; weight: number }[] {
  return Array.from({ length: 10 }, (_, i) => {
    const pred = 10 ** (-6 + i * 0.55);
    return { meanPredicted: pred, observedRate: i < 4 ? 0 : pred * (1.4 - i * 0.08), weight: 1e6 / 2 ** i };
  });
}

/** A month of a daily metric with a weekly rhythm and a trend. */
function daily(n: number, base: number, trend: number): { day: number; value: number }[] {
  return Array.from({ length: n }, (_, d) => ({ day: d, value: base * (1 + trend * d) * (1 + 0.12 * Math.sin((2 * Math.PI * d) / 7)) }));
}

/** A slice report: eight slices, worst first, error rates falling from 4% by `scale`. */
function sliceReport(modelId: string, scale: number): SliceReport {
  const names: [string, string][] = [['cell', 'travel×finance'], ['query', 'travel'], ['ad', 'finance'], ['device', 'mobile'], ['days', 'days 15–29'], ['query', 'shoes'], ['ad', 'games'], ['device', 'tablet']];
  const slices = names.map(([family, name], i) => {
    const errorRate = (0.04 * scale) / (1 + i);
    return { slice: `${family}:${name}`, family, name, rows: 20_000, weight: 200_000, positiveRate: 1e-3, meanPrediction: 1.2e-3, errorRate, falsePositives: 200_000 * errorRate, fpShare: 0.3 / (1 + i) };
  });
  return { modelId, split: 'test', topShare: 0.001, threshold: 0.02, slices };
}

/** A gold-stream report with the given AUC and recall, its confusion table at 0.5 alone. */
function goldReport(modelId: string, auc: number, recall: number, calibration: number): EvalReport {
  const pos = 1000;
  const tp = Math.round(pos * recall);
  const fp = Math.round(tp * 3);
  const v = (value: number) => ({ value });
  return {
    modelId, split: 'gold', rows: 1_000_000, positives: pos, auc: v(auc), prAuc: v(auc / 20), logLoss: v(0.002), ne: v(0.6 + (1 - auc)), calibration: v(calibration), meanPrediction: 1e-3,
    accuracy: v(0.999), precision: v(tp / (tp + fp)), recall: v(recall), f1: v(0.1), roc: [], pr: [], reliability: [],
    confusion: [{ threshold: 0.5, tp, fn: pos - tp, fp, tn: 999_000 - fp }],
  };
}

/** Every chart with realistic inputs. */
function previewCharts(): PreviewItem[] {
  const table = confusionTable();
  return [
    { title: 'Loss (training live, v1 muted)', slug: 'loss', component: LossChart, props: { history: lossHistory(14, 0.0011), epochs: 20, previous: lossHistory(20, 0.0013), previousLabel: 'v1' } },
    { title: 'ROC', slug: 'roc', component: RocChart, props: { current: { name: 'v2', roc: powerRoc(1 / 7), auc: 0.875 }, previous: [{ name: 'v1', roc: powerRoc(0.5), auc: 2 / 3 }] }, shows: ['0.875', 'v2'] },
    { title: 'ROC, log false-positive axis', slug: 'roc-log', component: RocChart, props: { current: { name: 'v2', roc: powerRoc(1 / 7), auc: 0.875 }, previous: [{ name: 'v1', roc: powerRoc(0.5), auc: 2 / 3 }], logX: true } },
    { title: 'Confusion matrix', slug: 'confusion', component: ConfusionMatrix, props: { at: table.find((c) => Math.abs(Math.log10(c.threshold) + 3) < 0.01) ?? null } },
    { title: 'Threshold', slug: 'threshold', component: ThresholdSlider, props: { value: 0.001 }, shows: ['0.001'] },
    { title: 'Data card', slug: 'histograms', component: HistogramGrid, props: { histograms: histograms() } },
    { title: 'Precision–recall', slug: 'pr', component: PrChart, props: { current: { name: 'v2', pr: prFromRoc(powerRoc(1 / 7), 1e-4), prAuc: 0.0412 }, previous: [{ name: 'v1', pr: prFromRoc(powerRoc(0.5), 1e-4), prAuc: 0.0031 }], baseRate: 1e-4 } },
    { title: 'Reliability', slug: 'reliability', component: ReliabilityChart, props: { bins: reliability(), name: 'v2' }, shows: ['perfectly calibrated'] },
    { title: 'AUC per feature set', slug: 'aucbars', component: AucBars, props: { items: [{ label: 'one-hots', auc: 0.58 }, { label: 'one-hots + numerics', auc: 0.63 }, { label: 'one-hots + numerics + category cross', auc: 0.91, highlight: true }, { label: '+ hashed tokens (2^12 buckets)', auc: 0.915 }] }, shows: ['0.91'] },
    { title: 'Rate 0.01%', slug: 'rate-1e-4', component: RateToScale, props: { rate: 1e-4 } },
    { title: 'Rate 0.001%', slug: 'rate-1e-5', component: RateToScale, props: { rate: 1e-5 } },
    { title: 'Rate 25%', slug: 'rate-25', component: RateToScale, props: { rate: 0.25, label: 'on mobile' } },
    { title: 'Revenue per day', slug: 'days-revenue', component: DayBars, props: { values: daily(30, 4200, -0.01), metric: 'Revenue', unit: '$ per day', valueFormat: '$,.0f' } },
    { title: 'CTR per day', slug: 'days-ctr', component: DayBars, props: { values: daily(30, 0.031, 0.004), metric: 'CTR', unit: 'clicks per impression', valueFormat: '.1%', kind: 'line', seriesLabel: 'CTR policy', previous: { label: 'impressions policy', values: daily(30, 0.03, -0.012) } } },
    { title: 'Stale confusion matrix', slug: 'confusion-stale', component: ConfusionMatrix, props: { at: table[10] ?? null, stale: true } },
    { title: 'Stale data card', slug: 'histograms-stale', component: HistogramGrid, props: { histograms: histograms().slice(0, 2), stale: true }, shows: ['outdated'] },
    { title: 'Empty data card', slug: 'histograms-empty', component: HistogramGrid, props: { histograms: [] }, shows: ['No data yet'] },
    { title: 'Error rate by slice', slug: 'slice-bars', component: SliceBars, props: { report: sliceReport('m1', 1), limit: 6, open: 'query:travel' }, shows: ['Worst slice: query × ad travel×finance'] },
    { title: 'Slices × versions', slug: 'slice-grid', component: SliceGrid, props: { columns: [{ version: 'v1', role: 'noisy', report: sliceReport('m1', 1) }, { version: 'v2', role: 'relabelled', report: sliceReport('m2', 0.25) }], slices: ['cell:travel×finance', 'query:travel', 'days:days 15–29'] } },
    { title: 'Models compared', slug: 'models-compare', component: ModelsCompare, props: { threshold: 0.5, rows: [{ role: 'noisy', version: 'v1', report: goldReport('m1', 0.82, 0.1, 0.4) }, { role: 'relabelled', version: 'v2', report: goldReport('m2', 0.9, 0.2, 0.8) }, { role: 'rebalanced', version: 'v3', report: goldReport('m3', 0.91, 0.6, 12) }] }, shows: ['0.910'] },
    { title: 'Empty loss', slug: 'empty', component: LossChart, props: { history: [] }, shows: ['No training yet'] },
  ];
}

// The app's real theme when it exists; otherwise a minimal copy of its tokens.
const themes = import.meta.glob('/src/styles/{theme,base}.css', { eager: true });
const FALLBACK = `:root{--bg:#fbfbf8;--surface:#fff;--fg:#1b1d21;--muted:#5a606b;--border:#d5d8de;--grid:#e8eaee;
--accent:#0072b2;--accent-2:#d55e00;--prev:#9aa0aa;--pos:#009e73;--neg:#d55e00;--warn:#9a6700;--error:#b3261e;
--okabe-0:#000;--okabe-1:#e69f00;--okabe-2:#56b4e9;--okabe-3:#009e73;--okabe-4:#f0e442;--okabe-5:#0072b2;--okabe-6:#d55e00;--okabe-7:#cc79a7;
--font-body:system-ui,sans-serif;--font-mono:ui-monospace,monospace;--step-1:.82rem;--step-2:1rem;--space-1:.25rem;--space-2:.5rem;--space-4:1rem;--space-5:1.5rem}
html{font-size:106.25%}html[data-presenter]{font-size:159.375%}
:root[data-theme='dark']{--bg:#15171b;--surface:#1d2026;--fg:#e9ebee;--muted:#a4abb6;--border:#3a3f48;--grid:#2a2e35;--accent:#56b4e9;--accent-2:#f0a05a;--prev:#767d89;--pos:#3fc79a;--neg:#f0884a}
:root[data-theme='contrast']{--bg:#fff;--fg:#000;--muted:#262626;--border:#000;--grid:#bdbdbd;--accent:#0050a0;--accent-2:#b84400;--prev:#6b6b6b}`;

const PAGE_CSS = `body{background:var(--bg);color:var(--fg);font-family:var(--font-body);margin:0}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:2rem;padding:1rem}
.card{background:var(--surface);border:1px solid var(--border);border-radius:6px;padding:1rem;min-width:0}
.card h3{margin:0 0 .5rem;font-size:1rem}`;

let style: HTMLStyleElement;
let previewSlugs: string[] = [];
beforeAll(() => {
  style = document.createElement('style');
  style.textContent = (Object.keys(themes).length ? '' : FALLBACK) + PAGE_CSS;
  document.head.append(style);
});
afterAll(() => style.remove());

/** Lets ResizeObserver callbacks run and Svelte flush. */
async function settle() {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
  flushSync();
}

const modes = [
  { name: 'light', theme: 'light', presenter: false },
  { name: 'dark', theme: 'dark', presenter: false },
  { name: 'presenter', theme: 'contrast', presenter: true },
] as const;
const sizes = [
  { name: 'laptop', w: 1280, h: 720 },
  { name: 'phone', w: 390, h: 720 },
] as const;

for (const size of sizes) {
  // Presenter mode is for projector laptops; phones get the light and dark themes.
  for (const mode of modes.filter((m) => size.name === 'laptop' || m.name !== 'presenter')) {
    test(`preview ${size.name} ${mode.name}`, async () => {
      await page.viewport(size.w, size.h);
      const root = document.documentElement;
      root.dataset.theme = mode.theme;
      if (mode.presenter) root.dataset.presenter = '';
      else delete root.dataset.presenter;
      const sheet = document.createElement('div');
      sheet.className = 'sheet';
      document.body.append(sheet);
      const made: Record<string, unknown>[] = [];
      const items = previewCharts();
      const expected = items.map((it) => it.shows ?? []);
      previewSlugs = items.map((it) => it.slug);
      for (const { title, component, props } of items) {
        const card = document.createElement('section');
        card.className = 'card';
        card.innerHTML = '<h3></h3>';
        card.querySelector('h3')!.textContent = title;
        sheet.append(card);
        made.push(mount(component as Component<Record<string, unknown>>, { target: card, props }));
      }
      flushSync();
      await settle();
      // Let the ≤ 200 ms entry animations finish.
      await new Promise((r) => setTimeout(r, 300));
      // One screenshot per card: the tester iframe is shown at scale 1 only while it fits the
      // browser window (1280×720), so the viewport stays within it and each card is shot alone.
      for (const [i, card] of [...sheet.children].entries()) {
        const slug = previewSlugs[i] ?? String(i);
        // It draws something of a real size, with no NaN anywhere in its markup, and the numbers its data implies.
        const drawn = card.querySelector('svg, canvas, input, table, [role="img"], [role="table"], [data-slice]');
        if (!slug.endsWith('empty')) expect(drawn, `${slug} draws nothing`).not.toBeNull();
        expect(card.getBoundingClientRect().height, slug).toBeGreaterThan(40);
        expect(card.innerHTML, `${slug} has NaN in its markup`).not.toMatch(/NaN/);
        for (const text of expected[i] ?? []) expect((card as HTMLElement).innerText, slug).toContain(text);
        card.scrollIntoView();
        await settle();
        await page.screenshot({ path: `../../screenshots/charts-${size.name}-${mode.name}-${slug}.png`, element: card });
      }
      made.forEach((c) => unmount(c));
      sheet.remove();
      delete root.dataset.presenter;
      delete root.dataset.theme;
    });
  }
}
