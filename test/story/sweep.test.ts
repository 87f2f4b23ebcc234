// The knob sweep in `npm test` (issue 16 §2): the app's pipeline at eight settings across the knob
// space, at a reduced size (200,000 log rows, smaller collection and window streams) where the
// claims do not depend on size, and no claim may contradict the numbers it was computed from.
// `npm run sweep` runs the whole sweep (four presets × five seeds and twenty random settings) at the
// story's sizes. CLICKCYCLE_SWEEP=full selects it; CLICKCYCLE_SWEEP_ONLY=name runs one setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { FULL, REDUCED, presetSettings, randomSettings, sweepOne, table, type Setting, type SweepRow } from './sweep.ts';
import { SEEDS } from './support.ts';

const full = process.env.CLICKCYCLE_SWEEP === 'full';
const only = process.env.CLICKCYCLE_SWEEP_ONLY;

/** Eight settings for `npm test`: the corners the issue names, the presets' worlds on a seed no other test uses, and random draws. */
const QUICK: Setting[] = [
  { name: 'skew 1%', seed: 'knob-a', skew: 0.01, noise: 0.1, drift: 0.9 },
  { name: 'drift 0', seed: 'knob-b', skew: 0.0001, noise: 0.1, drift: 0 },
  { name: 'noise 0', seed: 'knob-c', skew: 0.0001, noise: 0, drift: 0.9 },
  { name: 'skew 50%', seed: 'knob-d', skew: 0.5, noise: 0.5, drift: 1 },
  { name: 'skew 0.001%', seed: 'knob-e', skew: 0.00001, noise: 0.25, drift: 1 },
  ...randomSettings(3, 'npm-test'),
];

async function settings(): Promise<Setting[]> {
  const all = full ? [...(await presetSettings(SEEDS)), ...randomSettings(20)] : QUICK;
  return only ? all.filter((s) => s.name === only) : all;
}

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

const ALL = await settings();
const rows: SweepRow[] = [];

describe(`knob sweep (${full ? 'full, story sizes' : 'reduced'})`, () => {
  // One test a setting, so a slow one does not time the others out; each at most 20 minutes.
  for (const s of ALL) {
    it(`${s.name} (skew ${s.skew}, noise ${s.noise}, drift ${s.drift}): no claim contradicts its own numbers`, { timeout: 1_200_000 }, async () => {
      const r = await sweepOne(s, full ? FULL : REDUCED);
      rows.push(r);
      console.info(`sweep ${s.name}: ${JSON.stringify(r.outcomes)} ${r.contradictions.length} contradictions, ${r.seconds.toFixed(0)} s`);
      expect(r.contradictions).toEqual([]);
    });
  }

  afterAll(() => {
    console.info(`knob sweep:\n${table(rows)}`);
  });

  // The sweep reaches more than one outcome of the claims that depend on the knobs (else it tests one story only).
  // Registered only for a whole sweep (not when CLICKCYCLE_SWEEP_ONLY picks one setting), so no run reports it skipped.
  if (!only) {
    it('the settings reach more than one outcome where the knobs decide it', () => {
      expect(rows.length).toBe(ALL.length);
      for (const k of ['show', 'stale', 'recovery']) expect(new Set(rows.map((r) => r.outcomes[k])).size, `outcomes of ${k}`).toBeGreaterThan(1);
    });
  }
});
