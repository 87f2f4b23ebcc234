// Formats the benchmark results as plain-text tables for stdout.
import type { BenchRow, TrainPhases } from '../../src/lib/lab/types.ts';
import type { BenchResult } from './bench-types.ts';

/** Examples or rows per second, short: "7.9 M", "640 k". */
export function fmtRate(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0);
}

/** A padded text table. */
export function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Which of a row's two rates a table shows: the mean over the timed run, or the median of its windows. */
export type RateStat = 'mean' | 'windowMedian';

/** A row's rate by `stat`. */
function rateOf(r: BenchRow | undefined, stat: RateStat): number | undefined {
  return r && (stat === 'mean' ? r.examplesPerSec : r.windowMedianExamplesPerSec);
}

/**
 * Training throughput: one row per backend and one for the plain-TypeScript baselines, one column
 * per model × batch size, then each backend over the baseline of the same model and batch size
 * (the same statistic on both sides).
 */
export function throughputTable(rows: BenchRow[], plain: BenchRow[], batchSizes: number[], stat: RateStat = 'mean'): string {
  const backends = [...new Set(rows.map((r) => r.backend))];
  const models = ['logreg', 'mlp'] as const;
  const head = ['backend', ...batchSizes.map((b) => `LR @${b}`), ...batchSizes.map((b) => `MLP @${b}`)];
  const cells = (f: (m: (typeof models)[number], bs: number) => string) => models.flatMap((m) => batchSizes.map((bs) => f(m, bs)));
  const find = (set: BenchRow[], b: string, m: string, bs: number) => rateOf(set.find((r) => r.backend === b && r.model === m && r.batchSize === bs), stat);
  const base = (m: string, bs: number) => find(plain, 'plain-ts', m, bs);
  const body = backends.map((b) => [b, ...cells((m, bs) => fmtRate(find(rows, b, m, bs)))]);
  body.push(['plain TS (same model, no tfjs)', ...cells((m, bs) => fmtRate(base(m, bs)))]);
  for (const b of backends) {
    body.push([`${b} ÷ plain TS`, ...cells((m, bs) => {
      const ratio = (find(rows, b, m, bs) ?? NaN) / (base(m, bs) ?? NaN);
      return Number.isFinite(ratio) ? ratio.toFixed(2) : '—';
    })]);
  }
  return textTable(head, body);
}

/** A retrain's phases in one cell. */
function phaseCell(p: TrainPhases | undefined): string {
  if (!p) return 'not reported';
  return `steps ${Math.round(p.stepsMs)} ms, validation scoring ${Math.round(p.validationMs)} ms, report ${Math.round(p.reportMs)} ms, features ${Math.round(p.featuresMs)} ms (cached)`;
}

/**
 * The story retrain, generation and main-thread summary. `nodeRowsPerSec`: Node's generation rate,
 * null when test/bench/sim-node.ts gave none, undefined when this run did not measure it (`--story`
 * skips it): then the row is left out rather than blamed on a missing file.
 */
export function summaryTable(r: BenchResult, nodeRowsPerSec: number | null | undefined): string {
  const s = r.story;
  const worst = r.longTasks.filter((t) => t.phase !== 'load').reduce((m, t) => Math.max(m, t.durationMs), 0);
  const during = r.longTasks.filter((t) => t.phase !== 'load');
  const rows: string[][] = [
    ['chosen backend', `${r.chosen.backend}: ${r.chosen.reason}`],
    ['story retrain (features built)', `${Math.round(s.trainMs)} ms best, ${Math.round(s.trainMedianMs)} ms median, on ${s.backend}, ${s.rows.toLocaleString('en')} rows`],
    ['story retrain, time by phase', phaseCell(s.phases)],
    ['story retrain (cold, with features)', `${Math.round(s.coldMs)} ms (features alone ${Math.round(s.featureMs)} ms)`],
    ['story AUC (test stream)', `${s.testAuc.toFixed(4)} vs converged ${s.convergedAuc.toFixed(4)} (${s.convergedEpochs} epochs, best validation epoch kept, ${Math.round(s.convergedMs)} ms): Δ ${(s.testAuc - s.convergedAuc).toFixed(4)}`],
    ['story AUC (gold stream)', `${s.goldAuc.toFixed(4)} vs converged ${s.convergedGoldAuc.toFixed(4)}: Δ ${(s.goldAuc - s.convergedGoldAuc).toFixed(4)}; calibration ${s.calibration.toFixed(3)}`],
    ['MLP story retrain (features built)', `${Math.round(r.mlpStory.trainMs)} ms (cold ${Math.round(r.mlpStory.coldMs)} ms); test AUC ${r.mlpStory.testAuc.toFixed(4)} vs converged ${r.mlpStory.convergedAuc.toFixed(4)} (${r.mlpStory.convergedEpochs} epochs, best validation epoch kept, ${Math.round(r.mlpStory.convergedMs)} ms): Δ ${(r.mlpStory.testAuc - r.mlpStory.convergedAuc).toFixed(4)}`],
    ['MLP story retrain, time by phase', phaseCell(r.mlpStory.phases)],
    ['worker bytes held, story default state', `${((r.memory.heldBytes ?? 0) / 2 ** 20).toFixed(1)} MB (${(r.memory.caches ?? []).map((c) => `${c.name} ${(c.bytes / 2 ** 20).toFixed(1)} MB`).join(', ')}; tensors ${(r.memory.numBytes / 2 ** 20).toFixed(1)} MB)`],
    ['main-thread long tasks while working', `${during.length} (longest ${Math.round(worst)} ms)`],
    ['generation, browser worker', `${fmtRate(r.generation.rowsPerSec)} rows/s (${r.generation.rows.toLocaleString('en')} rows in ${Math.round(r.generation.millis)} ms)`],
  ];
  if (nodeRowsPerSec !== undefined) rows.push(['generation, Node', nodeRowsPerSec === null ? 'no rate (test/bench/sim-node.ts missing or without benchSimNode)' : `${fmtRate(nodeRowsPerSec)} rows/s`]);
  for (const c of r.cancel) rows.push([`cancel: ${c.job}`, `${Math.round(c.medianMs)} ms median, ${Math.round(c.maxMs)} ms worst (${c.repeats} tries)`]);
  for (const [b, why] of Object.entries(r.skipped)) rows.push([`skipped ${b}`, why]);
  return textTable(['measure', 'value'], rows);
}
