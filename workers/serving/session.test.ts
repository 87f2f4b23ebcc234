// The serving worker's code in Node: its scores equal the lab's predictions for the same rows
// (tfjs on the cpu backend and the lab's plain reference), a shadow never serves, and a rollback
// restores the previous champion's decisions exactly.
import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_QUERY, MODEL_FEATURES, selectAds, trainRelevanceModel } from '../../src/lib/market/index.ts';
import { fitFeatures, transformSparse } from '../../src/lib/features/index.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { tf } from '../lab/tf.ts';
import { initWeights, predictPlain } from '../lab/model.ts';
import { predictTf } from '../lab/predict.ts';
import { Rng } from '../../src/lib/rng.ts';
import { packArtifact, unpackArtifact } from '../../src/lib/serving/artifact.ts';
import { fromScoringModel, scoreRows, type ServedModel } from './scorer.ts';
import { ServingSession } from './session.ts';

const world = { ...DEFAULT_PARAMS, seed: 'clickcycle' };
/** A small session: 3 live days of 400 queries. */
const session = new ServingSession({ world, startDay: 60, days: 3, queriesPerDay: 400, seed: 'unit', warmupDays: 3 });

/** An MLP "lab model" with seeded random weights on the session's features (a lab export's shape). */
function labModel(version: string, salt: string): ServedModel {
  const s = session.stream(0);
  const features = fitFeatures(MODEL_FEATURES, s.cands, { queryTexts: [], adHeadlines: [] });
  const w = initWeights('mlp', features.d, [16, 8], salt, -1);
  const rng = new Rng(salt);
  for (const l of w.layers) for (let i = 0; i < l.b.length; i++) l.b[i] = (rng.uniform() - 0.5) * 0.5;
  return { version, kind: 'relevance', layers: w.layers, features, world, days: [30, 59] };
}

/** A small real relevance model (logistic, days 30–59): it passes the launch gate, as a random one does not. */
function relevance(version: string, stream: string): ServedModel {
  const m = trainRelevanceModel(session.world, { days: [30, 59], rows: 200_000, stream });
  return fromScoringModel(m, version, world, [30, 59]);
}
const real = { v1: relevance('v1', 'relevance'), v2: relevance('v2', 'relevance-b') };

/** Rows shown for every query of a stream under the current champion (slot order). */
function decisions(s: ServingSession, k: number): number[] {
  const st = s.stream(k);
  const scores = s.championScores(st);
  const out: number[] = [];
  const shown = new Uint32Array(CANDIDATES_PER_QUERY);
  for (let q = 0; q < st.queries; q++) {
    const n = selectAds(s.champion.policy, st.cands, scores, q * CANDIDATES_PER_QUERY, CANDIDATES_PER_QUERY, shown);
    out.push(-1, ...shown.subarray(0, n));
  }
  return out;
}

describe('serving worker', () => {
  it('scores equal the lab predictions for the same rows (1e-5), after the artifact round trip', async () => {
    const m = unpackArtifact(packArtifact(labModel('v1', 'a')));
    const s = session.stream(1);
    const ours = scoreRows(m, s.cands);
    const x = transformSparse(m.features, s.cands);
    const plain = predictPlain({ kind: 'mlp', layers: m.layers }, x);
    await tf.setBackend('cpu');
    const viaTf = await predictTf({ kind: 'mlp', layers: m.layers }, x);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs((ours[i] as number) - (plain[i] as number)), Math.abs((ours[i] as number) - (viaTf[i] as number)));
    expect(ours.length).toBe(s.cands.n);
    expect(worst).toBeLessThan(1e-5);
  });

  it('a shadow never serves: the same day with and without a challenger in shadow gives the same log', async () => {
    const a = new ServingSession(session.config);
    const b = new ServingSession(session.config);
    for (const s of [a, b]) {
      s.ship(real.v1, 'test');
      s.shadow('impressions');
      s.promote('test');
    }
    b.ship(real.v2, 'challenger');
    b.shadow('impressions');
    const ra = a.serveNext();
    const rb = b.serveNext();
    expect(rb.served).toEqual(ra.served);
    const la = a.chunks[0]!;
    const lb = b.chunks[0]!;
    expect(Array.from(lb.adId)).toEqual(Array.from(la.adId));
    expect(Array.from(lb.clicked)).toEqual(Array.from(la.clicked));
    expect(rb.monitor.champion).toBe('v1');
  });

  it('rollback restores the previous champion’s decisions exactly', () => {
    const s = new ServingSession(session.config);
    const before = decisions(s, 2);
    s.ship(real.v1, 'test');
    expect(s.shadow('impressions').pass).toBe(true);
    s.promote('first');
    s.serveNext();
    expect(decisions(s, 2)).not.toEqual(before);
    s.rollback('test');
    expect(s.champion.label).toBe('baseline');
    expect(decisions(s, 2)).toEqual(before);
    expect(s.snapshot().deployments.map((d) => d.action).slice(-2)).toEqual(['promote', 'rollback']);
  });

  it('the gate refuses a challenger whose extra ads earn less than the champion', () => {
    const s = new ServingSession(session.config);
    // A random-weight network shows eight ads on every query at every bar, and they earn less per query than the baseline's two.
    s.ship(labModel('v1', 'a'), 'random weights');
    const g = s.shadow('impressions');
    expect(g.arms?.slice(1).every((a) => a.impressionsPerQuery > (g.arms?.[0]?.impressionsPerQuery ?? 0))).toBe(true);
    expect(g.pass).toBe(false);
    expect(() => s.promote('x')).toThrow(/gate/);
  });
});

describe('serving worker after a reload', () => {
  it('restored days put the users where they were: the next day serves exactly as without the reload', () => {
    const a = new ServingSession(session.config);
    a.ship(real.v1, 'test');
    a.shadow('impressions');
    a.promote('test');
    a.serveNext();
    const b = new ServingSession(session.config);
    b.addModel(real.v1);
    b.restoreDeployments(a.snapshot().deployments, b.policyFor('v1'), [b.policyFor('baseline')]);
    b.restoreDays(a.snapshot().reports, [...a.chunks]);
    expect(b.serveNext().served).toEqual(a.serveNext().served);
  });
});
