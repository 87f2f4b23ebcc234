// Benchmark of the serving worker's code in Node (plain TypeScript, one core; the worker runs the
// same code): scored candidates per second, latency per batch and per request, the 14 simulated
// days flat out, and the click model's training time. Prints its rows and returns them.
import { trainRelevanceModel } from '../../src/lib/market/index.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { initWeights } from '../../workers/lab/model.ts';
import { trainOnLog } from '../../workers/serving/click-model.ts';
import { fromScoringModel, type ServedModel } from '../../workers/serving/scorer.ts';
import { DEFAULT_SESSION, ServingSession } from '../../workers/serving/session.ts';
import { comparePolicies } from '../../workers/serving/compare.ts';
import { attributionArms } from '../../workers/serving/arms.ts';
import { estimateFromExploration } from '../../workers/serving/offpolicy.ts';

/** One row of the serving bench. */
export interface ServingBenchRow {
  model: string;
  candidatesPerSec: number;
  requestsPerSec: number;
  batchP50: number;
  batchP99: number;
  requestP50: number;
  requestP99: number;
  /** Wall time of the 14 simulated days (serving, control, logging, monitoring). */
  fortnightMs: number;
  clickModelMs: number;
}

/** The whole of steps 11–12's work in the serving worker's code at the story's defaults, seconds of wall time by phase. */
export interface ServingStoryBench {
  /** The session: the world, the cohort's warm-up under the baseline. */
  sessionMs: number;
  /** Shipping, the launch test in shadow, the gate. */
  deployMs: number;
  /** The live fortnight (launch day and the kept bar's days, the baseline holdback, logging, monitoring). */
  serveMs: number;
  clickModelMs: number;
  offPolicyMs: number;
  /** The compared fortnight with every arm of the attribution (the fresh model's training included). */
  compareMs: number;
  totalMs: number;
}

/** Runs steps 11–12 as the app does (a relevance model stands in for the step-4 model, trained outside the timing). */
export async function benchServingStory(seed = 'clickcycle'): Promise<ServingStoryBench> {
  const world = { ...DEFAULT_PARAMS, seed };
  const t0 = performance.now();
  const session = new ServingSession({ world, ...DEFAULT_SESSION });
  const t1 = performance.now();
  const S = session.plan.startDay;
  const rel = fromScoringModel(trainRelevanceModel(session.world, { days: [S - 30, S - 1], rows: 1_000_000 }), 'v5', world, [S - 30, S - 1]);
  const t2 = performance.now();
  session.ship(rel, 'bench');
  if (session.shadow('impressions').pass) session.promote('bench');
  const t3 = performance.now();
  session.setSpeed(0);
  await session.run({ yieldNow: () => new Promise((r) => setTimeout(r, 0)) });
  const t4 = performance.now();
  const { model } = trainOnLog(session.chunks, 'live', 'v6', world, [S, S + session.plan.days - 1]);
  const t5 = performance.now();
  estimateFromExploration(session, session.ctrPolicyOf(model));
  const t6 = performance.now();
  session.ship(model, 'bench');
  if (session.shadow('clicks').pass) session.promote('bench');
  const [imp, ctr] = [session.policyFor('v5'), session.policyFor('v6')];
  await comparePolicies(session, imp, ctr, undefined, () => new Promise((r) => setTimeout(r, 0)), attributionArms(session, ctr, imp));
  const t7 = performance.now();
  const r = { sessionMs: t1 - t0, deployMs: t3 - t2, serveMs: t4 - t3, clickModelMs: t5 - t4, offPolicyMs: t6 - t5, compareMs: t7 - t6, totalMs: 0 };
  r.totalMs = r.sessionMs + r.deployMs + r.serveMs + r.clickModelMs + r.offPolicyMs + r.compareMs;
  return r;
}

/** Serves the story's fortnight with a logistic and an MLP model on seed `seed`; writes a table to `out`. */
export async function benchServingNode(out: { write: (s: string) => unknown } = process.stdout, seed = 'clickcycle'): Promise<ServingBenchRow[]> {
  const world = { ...DEFAULT_PARAMS, seed };
  const rows: ServingBenchRow[] = [];
  for (const kind of ['logreg', 'mlp'] as const) {
    const session = new ServingSession({ world, ...DEFAULT_SESSION });
    const S = session.plan.startDay;
    const rel = fromScoringModel(trainRelevanceModel(session.world, { days: [S - 30, S - 1], rows: 1_000_000 }), 'v1', world, [S - 30, S - 1]);
    const model: ServedModel = kind === 'logreg' ? rel : { ...rel, layers: initWeights('mlp', rel.features.d, [32, 16], 'bench', -2).layers };
    // Served directly (no gate: the bench measures scoring, and the random-weight MLP would fail the launch gate).
    session.addModel(model);
    session.restoreDeployments([], session.policyFor(model.version), []);
    session.setSpeed(0);
    const t0 = performance.now();
    await session.run({ yieldNow: () => new Promise((r) => setTimeout(r, 0)) });
    const fortnightMs = performance.now() - t0;
    const reps = session.snapshot().reports;
    const m = reps.map((r) => r.monitor);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const t1 = performance.now();
    trainOnLog(session.chunks, 'live', 'v2', world, [S, S + reps.length - 1]);
    rows.push({
      model: kind === 'logreg' ? 'logistic' : 'MLP 32-16',
      candidatesPerSec: m.reduce((s, x) => s + x.candidates, 0) / m.reduce((s, x) => s + x.candidates / x.candidatesPerSec, 0),
      requestsPerSec: m.reduce((s, x) => s + x.requests, 0) / m.reduce((s, x) => s + x.requests / x.requestsPerSec, 0),
      batchP50: med(m.map((x) => x.batch.p50)),
      batchP99: med(m.map((x) => x.batch.p99)),
      requestP50: med(m.map((x) => x.request.p50)),
      requestP99: med(m.map((x) => x.request.p99)),
      fortnightMs,
      clickModelMs: performance.now() - t1,
    });
  }
  out.write(`\nServing (plain TypeScript, Node, seed ${seed}; 256 requests × 16 candidates a batch)\n`);
  out.write('model       candidates/s  requests/s  batch p50/p99 ms  request p50/p99 ms  14 days s  click model s\n');
  for (const r of rows) {
    out.write(
      `${r.model.padEnd(11)} ${Math.round(r.candidatesPerSec).toLocaleString('en').padStart(12)}  ${Math.round(r.requestsPerSec).toLocaleString('en').padStart(10)}  ` +
        `${`${r.batchP50.toFixed(2)} / ${r.batchP99.toFixed(2)}`.padStart(16)}  ${`${r.requestP50.toFixed(3)} / ${r.requestP99.toFixed(3)}`.padStart(18)}  ` +
        `${(r.fortnightMs / 1000).toFixed(1).padStart(9)}  ${(r.clickModelMs / 1000).toFixed(2).padStart(13)}\n`,
    );
  }
  const st = await benchServingStory(seed);
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  out.write(`\nSteps 11–12 in the serving worker's code at the defaults (${DEFAULT_SESSION.queriesPerDay.toLocaleString('en')} requests a day): session ${sec(st.sessionMs)} s, deploy ${sec(st.deployMs)} s, serve ${sec(st.serveMs)} s, click model ${sec(st.clickModelMs)} s, off-policy ${sec(st.offPolicyMs)} s, compare with every arm ${sec(st.compareMs)} s; total ${sec(st.totalMs)} s\n`);
  return rows;
}

if (process.argv[1]?.endsWith('serving-node.ts')) void benchServingNode(process.stdout, process.argv[2] ?? 'clickcycle');
