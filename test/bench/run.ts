// `npm run bench`: the training benchmark in headless Chromium (through the real lab worker) and
// the simulator's speed in Node. Prints tables and writes results/bench.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { launchChromium } from '../support/browser.ts';
import type { BenchOptions, BenchResult } from './bench-types.ts';
import { summaryTable, throughputTable } from './table.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `--quick` runs a small smoke version (seconds instead of minutes); `--story` only the story
 * retrains on the chosen backend and the WASM throughput rows (for tuning them). */
const quick = process.argv.includes('--quick');
const storyOnly = process.argv.includes('--story');
const FULL: BenchOptions = { rows: 200_000, batchSizes: [1024, 4096, 16384], budgetMs: 1500, backends: ['webgpu', 'webgl', 'wasm', 'cpu'], hidden: [32, 16], storyRows: 1_000_000, generateRows: 1_000_000 };
const OPTIONS: BenchOptions = quick
  ? { rows: 20_000, batchSizes: [1024, 4096], budgetMs: 300, backends: ['wasm', 'cpu'], hidden: [32, 16], storyRows: 100_000, generateRows: 100_000 }
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
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, rollupOptions: { input } } });
  const server = await preview({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: 4191, strictPort: false } });
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

async function main(): Promise<void> {
  const t0 = performance.now();
  const node = storyOnly ? null : await nodeGeneration();
  const serving = storyOnly ? [] : await (await import('./serving-node.ts')).benchServingNode(process.stdout);
  const result = await browserBench();
  const out = { date: new Date().toISOString(), options: OPTIONS, node, serving, ...result, totalSeconds: (performance.now() - t0) / 1000 };
  mkdirSync(resolve(root, 'results'), { recursive: true });
  const file = storyOnly ? 'results/bench-story.json' : 'results/bench.json';
  writeFileSync(resolve(root, file), JSON.stringify(out, null, 2));
  process.stdout.write(`\nTraining throughput, examples/s (${OPTIONS.rows.toLocaleString('en')} rows, default features, MLP hidden ${OPTIONS.hidden.join('-')}, each cell: best 150 ms window of a ${OPTIONS.budgetMs} ms run)\n`);
  process.stdout.write(`${throughputTable(result.throughput, result.plain, OPTIONS.batchSizes)}\n\n`);
  process.stdout.write(`${summaryTable(result, node?.rowsPerSec ?? null)}\n`);
  process.stdout.write(`\nWrote ${file} (${out.totalSeconds.toFixed(0)} s).\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
