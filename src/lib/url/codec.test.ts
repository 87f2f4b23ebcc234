import { describe, expect, test } from 'vitest';
import { parseQuery, serialiseState } from './codec.ts';
import { PARAMS, PARAM_NAMES, defaultState, type UrlState } from './params.ts';

describe('parameter table', () => {
  test('has every parameter the design promises, each with a default inside its range', () => {
    for (const name of ['seed', 'step', 'rows', 'skew', 'noise', 'drift', 'model', 'backend', 'objective', 'presenter', 'theme', 'lab']) {
      expect(PARAM_NAMES).toContain(name);
    }
    for (const name of PARAM_NAMES) {
      const spec = PARAMS[name];
      if (spec.kind === 'int' || spec.kind === 'number') {
        expect(spec.default).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default).toBeLessThanOrEqual(spec.max);
      }
    }
  });
});

describe('round trip', () => {
  test('the default state serialises to an empty query and back', () => {
    expect(serialiseState(defaultState())).toBe('');
    expect(parseQuery('')).toEqual({ state: defaultState(), notices: [] });
  });

  test('a state with every parameter changed survives parse(serialise(state)) exactly', () => {
    const s: UrlState = {
      ...defaultState(),
      seed: 'class-2026_a.b',
      step: 4,
      rows: 20_000,
      skew: 0.00001,
      noise: 0.125,
      drift: 0,
      model: 'mlp',
      features: ['numeric', 'hashed'],
      buckets: 1024,
      epochs: 7,
      batch: 512,
      lr: 0.0003,
      hidden: 64,
      threshold: 0.000123,
      backend: 'wasm',
      objective: 'clicks',
      presenter: true,
      theme: 'dark',
      lab: true,
    };
    const q = serialiseState(s);
    const back = parseQuery(q);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
    expect(serialiseState(back.state)).toBe(q);
  });

  test('awkward but valid numbers round-trip exactly', () => {
    for (const skew of [0.1 + 0.2 - 0.2, 1 / 3, 0.5, 1e-5, 0.000123456789]) {
      const s = { ...defaultState(), skew };
      expect(parseQuery(serialiseState(s)).state.skew).toBe(skew);
    }
  });

  test('an empty feature set is kept, not replaced by the default', () => {
    const s = { ...defaultState(), features: [] };
    expect(serialiseState(s)).toBe('?features=');
    expect(parseQuery('?features=').state.features).toEqual([]);
  });
});

describe('hostile and invalid input', () => {
  test('text, NaN and Infinity where a number belongs fall back to the default with a notice', () => {
    const r = parseQuery('?rows=lots&skew=NaN&drift=Infinity&noise=0x10');
    const d = defaultState();
    expect(r.state.rows).toBe(d.rows);
    expect(r.state.skew).toBe(d.skew);
    expect(r.state.drift).toBe(d.drift);
    expect(r.state.noise).toBe(d.noise);
    expect(r.notices.map((n) => n.param).sort()).toEqual(['drift', 'noise', 'rows', 'skew']);
  });

  test('out-of-range numbers are clamped and say so', () => {
    const r = parseQuery('?rows=1e12&skew=-0.3&step=99');
    expect(r.state.rows).toBe(PARAMS.rows.max);
    expect(r.state.skew).toBe(PARAMS.skew.min);
    expect(r.state.step).toBe(13);
    expect(r.notices.find((n) => n.param === 'rows')?.message).toMatch(/clamped to 2000000/);
  });

  test('a fractional step is rounded', () => {
    const r = parseQuery('?step=2.6');
    expect(r.state.step).toBe(3);
    expect(r.notices[0]?.param).toBe('step');
  });

  test('unknown model, backend and theme are replaced by the default', () => {
    const r = parseQuery('?model=transformer&backend=quantum&theme=neon');
    expect(r.state.model).toBe('logreg');
    expect(r.state.backend).toBe('auto');
    expect(r.state.theme).toBe('auto');
    expect(r.notices).toHaveLength(3);
  });

  test('markup in the seed is rejected, and the notice quotes it only as shortened text', () => {
    const r = parseQuery('?seed=' + encodeURIComponent('<img src=x onerror=alert(1)>'));
    expect(r.state.seed).toBe(PARAMS.seed.default);
    expect(r.notices[0]?.param).toBe('seed');
    expect(r.notices[0]?.message.length).toBeLessThan(200);
  });

  test('unknown parameters and duplicates are ignored with a notice', () => {
    const r = parseQuery('?foo=1&step=2&step=5');
    expect(r.state.step).toBe(2);
    expect(r.notices.map((n) => n.param)).toEqual(['“foo”', 'step']);
  });

  test('unknown feature names are dropped, known ones kept in canonical order', () => {
    const r = parseQuery('?features=cross,bogus,onehot');
    expect(r.state.features).toEqual(['onehot', 'cross']);
    expect(r.notices[0]?.param).toBe('features');
  });

  test('booleans accept 1/0/true/false and nothing else', () => {
    expect(parseQuery('?presenter=1').state.presenter).toBe(true);
    expect(parseQuery('?presenter=false').state.presenter).toBe(false);
    const r = parseQuery('?presenter=maybe');
    expect(r.state.presenter).toBe(false);
    expect(r.notices[0]?.param).toBe('presenter');
  });

  test('every parsed state is valid whatever the input', () => {
    const junk = ['%', '&&&', '?=', '?step=', '?seed=', '?rows=--1', '?skew=1e-400', '?lr=1e400'];
    for (const q of junk) {
      const { state } = parseQuery(q);
      expect(state.step).toBeGreaterThanOrEqual(1);
      expect(Number.isFinite(state.skew)).toBe(true);
      expect(Number.isFinite(state.lr)).toBe(true);
      expect(state.seed).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
  });
});
