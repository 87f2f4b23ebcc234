// The knob sweep (issue 16 §2): the app's own pipeline (the lab worker's and the serving worker's
// modules, imported directly, tfjs on its CPU backend) at one setting of the world's knobs, each
// step's claims computed by the functions the step components render (src/lib/story/step-claims.ts),
// and every claim's evidence re-checked. A claim that contradicts its own numbers is a failure.
import { createDataset, disposeDataset } from '../../workers/lab/datasets.ts';
import { runTraining } from '../../workers/lab/train-job.ts';
import { getModel, removeModel } from '../../workers/lab/models.ts';
import { evalSet } from '../../workers/lab/evalsets.ts';
import { report, scoreSet } from '../../workers/lab/evaluate.ts';
import { freshness } from '../../workers/lab/freshness.ts';
import { sliceReport } from '../../workers/lab/slices.ts';
import { relabelDataset } from '../../workers/lab/relabel.ts';
import { collect } from '../../workers/lab/collect.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { staleEval } from '../../workers/lab/drift-api.ts';
import { aucPerDay } from '../../workers/lab/perday.ts';
import { driftReport } from '../../workers/lab/drift.ts';
import { outOfFold } from '../../workers/lab/oof.ts';
import { suspectReport } from '../../workers/lab/suspects.ts';
import { PSI_ALERT } from '../../workers/serving/drift.ts';
import { CTR_DROP, DEFAULT_SESSION } from '../../workers/serving/session.ts';
import { labelsContradictions, retrainClaim, suspectClaim } from '../../src/lib/story/labels-claim.ts';
import { monitorClaim, monitorContradictions } from '../../src/lib/story/monitor-claim.ts';
import { STEADY_AUC, aucOn, aucSteadiness } from '../../src/lib/story/noise.ts';
import { recalibrateAll } from '../../src/lib/labels/recalibrate.ts';
import { PARAMS } from '../../src/lib/url/params.ts';
import { operatingPoint } from '../../src/lib/labels/operating.ts';
import { confusionNear } from '../../src/lib/metrics/at-threshold.ts';
import { summarizeFreshness } from '../../src/lib/drift/freshness.ts';
import { freshClaim, freshContradictions } from '../../src/lib/story/fresh-claim.ts';
import { halfClaim, halfContradictions, operatingClaim, operatingContradictions } from '../../src/lib/story/operating-claim.ts';
import { historyContradictions, loopClaim } from '../../src/lib/story/history-claim.ts';
import { blindnessTrend, liveClaim } from '../../src/lib/story/live-claim.ts';
import { holdbackClaim } from '../../src/lib/story/holdback-claim.ts';
import { leadClaim, leadContradictions } from '../../src/lib/story/lead-claim.ts';
import { offPolicyCheckClaim, overtakeClaim, replayContradictions, replayTrendClaim } from '../../src/lib/story/replay-claim.ts';
import { explorationClaim, explorationContradictions } from '../../src/lib/story/exploration-claim.ts';
import { GRID_SLICES, sliceContradictions, sliceMarkClaim } from '../../src/lib/story/slice-claim.ts';
import { COLLECT_KEEP, COLLECT_ROWS, COLLECT_TRAIN, OOF_FOLDS, OOF_TRAIN } from '../../src/lib/labels/story.ts';
import { STALE_DAYS, WINDOW_PRESETS } from '../../src/lib/drift/windows.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { WINDOW_DAYS, aloneReports, pairedRevenue } from '../../src/lib/serving/dashboard.ts';
import type { PolicyDay } from '../../src/lib/market/types.ts';
import { DEFAULT_TRAIN_CONFIG, type EvalReport, type TrainConfig } from '../../src/lib/lab/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { negativeWeight, labContradictions, businessContradictions, STEP_CLAIMS } from '../../src/lib/story/step-claims.ts';
import { runServingStory } from './serving-story.ts';
import { createRng } from '../../src/lib/rng.ts';
import { calibrationClaim, calibrationContradictions, entropyClaim } from '../../src/lib/story/calibration-claim.ts';
import { precisionClaim, precisionContradictions } from '../../src/lib/story/precision-claim.ts';

/** One point of the knob space. */
export interface Setting {
  name: string;
  seed: string;
  skew: number;
  noise: number;
  drift: number;
}

/** How big each stream is: the story's sizes, or reduced ones for `npm test`. */
export interface Size {
  /** The step-4 log. */
  rows: number;
  /** Candidates streamed by step 7's collection. */
  collectRows: number;
  /** Candidates streamed for each training window of steps 9–10. */
  windowRows: number;
  /** Rows the impressions-era model of step 11 trains on. */
  relevanceRows: number;
  /** Whether to draw step 10's freshness chart (four more window models). */
  freshness: boolean;
  /** Requests a simulated day of steps 11–12's serving. */
  servingQueries: number;
}

export const FULL: Size = { rows: 1_000_000, collectRows: COLLECT_ROWS, windowRows: 6_000_000, relevanceRows: 2_000_000, freshness: true, servingQueries: DEFAULT_SESSION.queriesPerDay };
export const REDUCED: Size = { rows: 200_000, collectRows: 3_000_000, windowRows: 2_000_000, relevanceRows: 500_000, freshness: true, servingQueries: 10_000 };

/** The knob ranges a link allows (src/lib/url/params.ts) that the sweep draws from. */
export const RANGES = { skew: [1e-5, 0.5], noise: [0, 0.5], drift: [0, 1] } as const;

/** The outcomes each step's claims reached, one short word each, for the table. */
export interface SweepRow {
  setting: Setting;
  outcomes: Record<string, string>;
  contradictions: string[];
  seconds: number;
}

const never = () => false;
/** Revenue over some days. */
const sumOf = (days: readonly PolicyDay[]) => days.reduce((s, d) => s + d.revenue, 0);
/** The operating point's cost ratio at its default (the link's cost_ratio). */
const COST_RATIO = PARAMS.cost_ratio.default;

async function gold(modelId: string): Promise<EvalReport> {
  const m = getModel(modelId);
  return report(m, await evalSet(m, 'gold'));
}

/** Runs steps 4–12 at one setting and checks every claim against its evidence. */
export async function sweepOne(setting: Setting, size: Size, serving = true): Promise<SweepRow> {
  const t0 = performance.now();
  const params: WorldParams = { ...DEFAULT_PARAMS, seed: setting.seed, skew: setting.skew, noise: setting.noise, drift: setting.drift };
  const out: Record<string, string> = {};
  const contradictions: string[] = [];
  const made: string[] = [];
  const datasets: string[] = [];
  try {
    // Steps 4–6: the step-4 model, the worst cell's "show" labels relabelled, the relabelled model (as labels.buildRelabelled).
    const ds = await createDataset({ params, rows: size.rows });
    datasets.push(ds.id);
    const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, seed: setting.seed, datasetId: ds.id };
    const noisy = await runTraining(cfg, {});
    made.push(noisy.modelId);
    // Step 4: whether the validation rows' AUC is steady (twice its Hanley–McNeil error at most 0.01).
    const steady = aucSteadiness(aucOn(noisy.validation));
    out.steady4 = steady.outcome;
    if ((steady.outcome === 'steady') !== (steady.noise <= STEADY_AUC)) contradictions.push(`step 4: validation AUC '${steady.outcome}' with twice its error ${steady.noise}`);
    // Step 5: confident learning on out-of-fold predictions (as the Find suspects button).
    const oof = await outOfFold({ ...cfg, ...OOF_TRAIN }, OOF_FOLDS);
    const sus = suspectReport(ds, oof, OOF_FOLDS, 0);
    const c5 = suspectClaim(sus, size.rows, aucOn(noisy.validation), setting.noise);
    out.wrong = c5.wrong;
    out.oof = c5.oof;
    const slices = await sliceReport(noisy.modelId);
    const cell = slices.slices.find((s) => s.family === 'cell');
    const rl = cell ? relabelDataset(ds.id, { slice: cell.slice, positivesOnly: true }) : null;
    const clean = await runTraining({ ...cfg, datasetId: rl ? rl.datasetId : ds.id }, {});
    made.push(clean.modelId);
    if (rl) datasets.push(rl.datasetId);
    const gNoisy = await gold(noisy.modelId);
    const gClean = await gold(clean.modelId);
    // Step 6: gold AUC and the step-4 model's worst slice, before and after (as Step6Relabelled reads them).
    const worst = slices.slices[0];
    const slicesAfter = await sliceReport(clean.modelId);
    const worstAfter = worst ? slicesAfter.slices.find((s) => s.slice === worst.slice) : undefined;
    // Step 6's slice grid: each of the worst slices' mark, from the step-4 model to the relabelled one.
    const pairs = slices.slices.slice(0, GRID_SLICES).flatMap((b) => {
      const a = slicesAfter.slices.find((s) => s.slice === b.slice);
      return a ? [{ before: b, after: a, claim: sliceMarkClaim(b, a) }] : [];
    });
    out.slices = ['better', 'worse', 'same', 'few'].map((m) => `${m[0]}${pairs.filter((p) => p.claim.mark === m).length}`).join('');
    contradictions.push(...sliceContradictions(pairs).map((s) => `step 6: ${s}`));
    const c6 = retrainClaim(aucOn(gNoisy), aucOn(gClean), rl?.labelsChanged ?? 0, worst, worstAfter, setting.noise);
    out.gold6 = c6.gold;
    contradictions.push(...labelsContradictions({ suspects: c5, retrain: c6 }).map((s) => `steps 5–6: ${s}`));
    // Steps 7–8: collection with downsampled negatives, unweighted (as step 8 builds it), then the rebalanced model.
    const col = await collect({ params, rows: size.collectRows, keep: COLLECT_KEEP, upweight: false, positiveWeight: 1 });
    datasets.push(col.datasetId);
    const rebal = await runTraining({ ...cfg, ...COLLECT_TRAIN, datasetId: col.datasetId } as TrainConfig, {});
    made.push(rebal.modelId);
    const gRebal = await gold(rebal.modelId);
    const c7 = STEP_CLAIMS.imbalance(gClean, gRebal);
    // Steps 7–8's operating point (cost ratio at its default) and step 8's recalibrated model at 0.5, both paired on the gold positives.
    const mRebal = getModel(rebal.modelId);
    const goldSet = await evalSet(mRebal, 'gold');
    const qRebal = await report(mRebal, goldSet, recalibrateAll(await scoreSet(mRebal, goldSet), COLLECT_KEEP));
    const opClean = operatingPoint(gClean.confusion, COST_RATIO);
    const opRebal = operatingPoint(gRebal.confusion, COST_RATIO, COLLECT_KEEP);
    if (opClean && opRebal) {
      const op = operatingClaim(opClean.at, opRebal.at, gRebal.confusion);
      out.operating = op.outcome;
      contradictions.push(...operatingContradictions(op, opClean.at, gRebal.confusion).map((s) => `step 8: ${s}`));
    }
    const halfClean = confusionNear(gClean.confusion, 0.5);
    const halfRecal = confusionNear(qRebal.confusion, 0.5);
    if (halfClean && halfRecal) {
      const h = halfClaim(halfClean, halfRecal);
      out.half = h.outcome;
      contradictions.push(...halfContradictions(h, halfClean, halfRecal).map((s) => `step 8: ${s}`));
    }
    // Steps 7–8's probabilities: the recalibrated calibration and the trained model's NE by the gold positives' noise, precision at 0.5 and at the operating point.
    const cal = calibrationClaim(qRebal.calibration.value, qRebal.positives, qRebal.rows, negativeWeight(qRebal));
    const ne = entropyClaim(gRebal.ne.value, gRebal.positives);
    out.calibration = cal.outcome;
    out.ne = ne.outcome;
    contradictions.push(...calibrationContradictions(cal, ne).map((s) => `steps 7–8: ${s}`));
    const halfRebal = confusionNear(gRebal.confusion, 0.5);
    if (halfRebal) {
      const pr = precisionClaim(halfRebal, negativeWeight(gRebal));
      out.precision = pr.outcome;
      contradictions.push(...precisionContradictions(pr, halfRebal, negativeWeight(gRebal)).map((s) => `step 7: ${s}`));
    }
    if (opRebal) {
      const pr = precisionClaim(opRebal.at, negativeWeight(gRebal));
      out.precisionOp = pr.outcome;
      contradictions.push(...precisionContradictions(pr, opRebal.at, negativeWeight(gRebal)).map((s) => `step 8: ${s}`));
    }
    const c8 = STEP_CLAIMS.compare(gNoisy, gClean, gRebal);
    if (c7) {
      out.show = c7.imbalance.show;
      out.dummy = c7.imbalance.dummy;
      out.collect = c7.collect?.recall ?? '—';
    }
    out.relabel = c8.compare.relabelling;
    // Steps 9–10: the stale model on its first days, per day, its drift report; a fresh model on the default window.
    const stale = await trainWindow({ params, days: STALE_DAYS, rows: size.windowRows }, {});
    made.push(stale.modelId);
    const e = await staleEval(stale.modelId, never);
    const days = await aucPerDay(getModel(stale.modelId), never);
    const drift = await driftReport(getModel(stale.modelId), never);
    const c9 = e.oldTest ? STEP_CLAIMS.drift(e.oldTest, e.yesterday, days, drift) : null;
    if (c9) {
      out.stale = c9.stale.outcome;
      out.trend = c9.trend?.outcome ?? '—';
      out.report = c9.report?.outcome ?? '—';
    }
    const window = WINDOW_PRESETS[1]!.days;
    const fresh = await trainWindow({ params, days: window, rows: size.windowRows }, {});
    made.push(fresh.modelId);
    const f = await staleEval(fresh.modelId, never, false);
    const c10 = STEP_CLAIMS.fresh(e.yesterday, f.yesterday, e.oldTest);
    out.recovery = c10.outcome;
    // Step 10's freshness chart: each line's first and last 5-day means, judged by their standard errors.
    if (size.freshness) {
      const fc = freshClaim((await freshness(params, never)).map((c) => summarizeFreshness(c)));
      out.fresh = `${fc.outcome} ${fc.lines.map((l) => (l.change === 'down' ? '↓' : l.change === 'up' ? '↑' : '=')).join('')}`;
      contradictions.push(...freshContradictions(fc).map((s) => `step 10: ${s}`));
    }
    contradictions.push(...labContradictions({ imbalance: c7, compare: c8, drift: c9, fresh: c10 }));
    for (const r of [gNoisy, gClean, gRebal, e.yesterday, f.yesterday]) {
      for (const v of [r.auc.value, r.accuracy.value]) if (!Number.isFinite(v)) contradictions.push(`a report of ${r.split} has a non-finite AUC or accuracy`);
    }
    // Steps 11–12: the serving story on this world.
    if (serving) {
      const story = await runServingStory(params, size.relevanceRows, size.servingQueries);
      const summary = story.compared.at(-1)?.summary ?? null;
      // Step 11: the live days' CTR and alerts, as the monitoring dashboard reads them (Step11Deploy.svelte):
      // the CTR over the days the kept policy served alone (the launch test's day mixes every arm's ads), the alerts of every day.
      const reports = story.session.snapshot().reports;
      const c11 = monitorClaim(
        aloneReports(reports).map((r) => ({ clicks: r.served.clicks, impressions: r.served.impressions, psi: r.monitor.drift })),
        reports.flatMap((r) => r.alerts),
        { psi: PSI_ALERT, ctrDrop: CTR_DROP },
        setting.drift,
      );
      out.ctr = c11.ctr;
      out.alerts = c11.driftReading;
      contradictions.push(...monitorContradictions(c11).map((s) => `step 11: ${s}`));
      const c12 = STEP_CLAIMS.business(story.served, summary);
      out.lesson = c12.live?.lesson ?? '—';
      out.switch = c12.switched?.outcome ?? '—';
      contradictions.push(...businessContradictions(c12, story.served).map((s) => `step 12: ${s}`));
      // Step 12's price of exploring, from the off-policy report's own numbers.
      if (story.click.offPolicy) {
        const ex = explorationClaim(story.click.offPolicy);
        out.explore = ex.outcome;
        contradictions.push(...explorationContradictions(ex).map((s) => `step 12: ${s}`));
      }
      // Step 12's lead over the baseline (the holdback), and the compared fortnight beyond its total (ReplayText.svelte's reading).
      const hold = holdbackClaim(story.served, story.control);
      const liveBlind = blindnessTrend(story.served);
      const lead = leadClaim(sumOf(story.served.slice(0, WINDOW_DAYS)) / sumOf(story.control.slice(0, WINDOW_DAYS)), sumOf(story.served.slice(-WINDOW_DAYS)) / sumOf(story.control.slice(-WINDOW_DAYS)), hold, liveBlind);
      out.lead = lead.outcome;
      contradictions.push(...leadContradictions(lead, hold, liveBlind).map((s) => `step 12: ${s}`));
      const replay = story.compared;
      const other = replay.flatMap((d) => (d.other ? [d.other] : []));
      const replayBlind = blindnessTrend(replay);
      const switched = c12.switched?.outcome ?? null;
      const perRequest = sumOf(replay) / replay.reduce((n, d) => n + d.queries, 0);
      const check = story.click.offPolicy ? offPolicyCheckClaim(perRequest, story.click.offPolicy.ips.ci, replayBlind) : undefined;
      const trend = replayTrendClaim(liveClaim(replay)?.revenue ?? null, replayBlind, replay.map((d) => d.adsPerQuery), other.map((d) => d.adsPerQuery));
      const overtake = overtakeClaim(pairedRevenue(other, replay).diffs, WINDOW_DAYS, switched, replayBlind, replay.length);
      out.ope = check?.outcome ?? '—';
      out.replay = trend.outcome;
      out.overtake = overtake.outcome;
      contradictions.push(...replayContradictions({ check, trend, overtake }, replayBlind, switched).map((s) => `step 12: ${s}`));
      // Step 13: what the loop showed about the impressions metric, and whether the users paid with their attention.
      const loop = loopClaim(c12.live, c12.switched?.outcome ?? null, blindnessTrend(story.served));
      out.loop = `${loop.outcome}${loop.attention ? ' +attention' : ''}`;
      contradictions.push(...historyContradictions({ loop }).map((s) => `step 13: ${s}`));
    }
  } finally {
    for (const id of made) removeModel(id);
    for (const id of datasets) disposeDataset(id);
  }
  return { setting, outcomes: out, contradictions, seconds: (performance.now() - t0) / 1000 };
}

/** The four presets (data/scenarios) × the given seeds. */
export async function presetSettings(seeds: readonly string[]): Promise<Setting[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = new URL('../../data/scenarios/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out: Setting[] = [];
  for (const file of files) {
    const p = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as { params?: Partial<WorldParams> } & Partial<WorldParams>;
    const w = { ...DEFAULT_PARAMS, ...(p.params ?? p) };
    for (const seed of seeds) out.push({ name: `${file.replace('.json', '')}/${seed}`, seed, skew: w.skew, noise: w.noise, drift: w.drift });
  }
  return out;
}

/** `n` settings drawn over the whole range a link allows (skew on a log scale), from a fixed generator seed. */
export function randomSettings(n: number, generatorSeed = 'sweep'): Setting[] {
  const rng = createRng(generatorSeed);
  const rand = () => rng.uniform();
  const [s0, s1] = RANGES.skew;
  return Array.from({ length: n }, (_, i) => {
    const skew = +(10 ** (Math.log10(s0) + rand() * (Math.log10(s1) - Math.log10(s0)))).toPrecision(3);
    const noise = +(rand() * RANGES.noise[1]).toFixed(3);
    const drift = +(rand() * RANGES.drift[1]).toFixed(3);
    return { name: `random-${i + 1}`, seed: `sweep-${i + 1}`, skew, noise, drift };
  });
}

/** The sweep's table, one row a setting. */
export function table(rows: readonly SweepRow[]): string {
  const cols = ['steady4', 'wrong', 'oof', 'gold6', 'slices', 'show', 'dummy', 'collect', 'relabel', 'operating', 'half', 'calibration', 'ne', 'precision', 'precisionOp', 'stale', 'trend', 'report', 'recovery', 'fresh', 'ctr', 'alerts', 'lesson', 'lead', 'switch', 'ope', 'replay', 'overtake', 'explore', 'loop'];
  const head = ['setting', 'skew', 'noise', 'drift', ...cols, 'contradictions', 's'];
  const lines = rows.map((r) => [r.setting.name, String(r.setting.skew), String(r.setting.noise), String(r.setting.drift), ...cols.map((c) => r.outcomes[c] ?? '—'), String(r.contradictions.length), r.seconds.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
