// `npm run bench`: the training benchmark in headless Chromium (through the real lab worker) and
// the simulator's speed in Node. Prints tables and writes results/bench.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { BENCH_MODE } from '../../vite.config.ts';
import { launchChromium } from '../support/browser.ts';
import type { BenchOptions, BenchResult } from './bench-types.ts';
import { summaryTable, throughputTable } from './table.ts';
import { COLLECT_TRAIN } from '../../src/lib/labels/story.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/lib/lab/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `--quick` runs a small smoke version (seconds instead of minutes); `--story` only the story
 * retrains on the chosen backend and the WASM throughput rows (for tuning them). */
const quick = process.argv.includes('--quick');
const storyOnly = process.argv.includes('--story');
/** Batch sizes timed: the one steps 7 and 8 train with (256), two between, and the story's default (16,384). */
const BATCH_SIZES = [COLLECT_TRAIN.batchSize ?? 256, 1024, 4096, DEFAULT_TRAIN_CONFIG.batchSize];
const FULL: BenchOptions = { rows: 200_000, batchSizes: BATCH_SIZES, budgetMs: 1500, backends: ['webgpu', 'webgl', 'wasm', 'cpu'], hidden: [32, 16], storyRows: 1_000_000, generateRows: 1_000_000 };
const OPTIONS: BenchOptions = quick
  ? { rows: 20_000, batchSizes: [256, 4096], budgetMs: 300, backends: ['wasm', 'cpu'], hidden: [32, 16], storyRows: 100_000, generateRows: 100_000 }
  : storyOnly
    ? { ...FULL, backends: ['wasm'], cancelRepeats: 0 }
    : FULL;

/** Node rows/s from the simulator helper's bench, if it exists. */
async function nodeGeneration(): Promise<{ rowsPerSec: number; [k: string]: unknown } | null> {
  const file = resolve(root, 'test/bench/sim-node.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(file)) as { benchSimNode?: () => unknown };
  if (!mod.benchSimNode) return null;
  const r = (await mod.benchSimNode()) as Record<string, unknown>;
  const rate = typeof r.rowsPerSec === 'number' ? r.rowsPerSec : typeof r.rowsPerSecond === 'number' ? r.rowsPerSecond : NaN;
  return { ...r, rowsPerSec: rate };
}

/** Where the production build of the bench page goes (git-ignored). */
const OUT_DIR = resolve(root, 'results/bench-dist');

/**
 * Builds the bench page with the app's Vite config (production, minified, as users get it) and
 * serves it: a dev server would reload the page whenever someone edits a file mid-run.
 */
async function browserBench(): Promise<BenchResult> {
  const input = resolve(root, 'test/bench/bench.html');
  await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: BENCH_MODE, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, rollupOptions: { input } } });
  const server = await preview({ root, configFile: resolve(root, 'vite.config.ts'), mode: BENCH_MODE, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: 4191, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview reported no URL');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('[bench]')) process.stdout.write(`${m.text()}\n`);
    });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(new URL('test/bench/bench.html', url).href);
    await page.waitForFunction(() => 'runBench' in globalThis, undefined, { timeout: 120_000 });
    return await page.evaluate((o) => (globalThis as unknown as { runBench: (o: BenchOptions) => Promise<BenchResult> }).runBench(o), OPTIONS);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/** What every throughput cell is, printed above the tables. */
function throughputLegend(o: BenchOptions): string {
  return [
    `Training throughput, examples/s: ${o.rows.toLocaleString('en')} generated rows (all used as training rows), default features, MLP hidden ${o.hidden.join('-')}, learning rate 0.01, Adam on both sides.`,
    `Each cell: one model at one batch size, from the same initial weights, over the same batches in order; an untimed warm-up (≥ 1 batch and ≥ 150 ms), then steps for ${o.budgetMs} ms.`,
    `tfjs rows: the app's steppers (workers/lab/train-logreg.ts, train-mlp.ts) on that backend. plain TS: the same model, update and loss in plain TypeScript on typed arrays (src/lib/learn/logreg-step.ts, mlp.ts), no tfjs.`,
    `Training loss computed on every 4th batch for LR (LOSS_EVERY) and on every batch for the MLP, on both sides.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const node = storyOnly ? null : await nodeGeneration();
  const serving = storyOnly ? [] : await (await import('./serving-node.ts')).benchServingNode(process.stdout);
  const result = await browserBench();
  const out = { date: new Date().toISOString(), options: OPTIONS, node, serving, ...result, totalSeconds: (performance.now() - t0) / 1000 };
  mkdirSync(resolve(root, 'results'), { recursive: true });
  const file = storyOnly ? 'results/bench-story.json' : 'results/bench.json';
  writeFileSync(resolve(root, file), JSON.stringify(out, null, 2));
  process.stdout.write(`\n${throughputLegend(OPTIONS)}\n`);
  process.stdout.write(`\nMean examples/s over the timed run (ratios: mean ÷ mean)\n${throughputTable(result.throughput, result.plain, OPTIONS.batchSizes, 'mean')}\n`);
  process.stdout.write(`\nMedian of the run's 150 ms windows, examples/s (ratios: median ÷ median)\n${throughputTable(result.throughput, result.plain, OPTIONS.batchSizes, 'windowMedian')}\n\n`);
  // With --story Node's generation is not measured, so the table leaves its row out.
  process.stdout.write(`${summaryTable(result, storyOnly ? undefined : (node?.rowsPerSec ?? null))}\n`);
  process.stdout.write(`\nWrote ${file} (${out.totalSeconds.toFixed(0)} s).\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
