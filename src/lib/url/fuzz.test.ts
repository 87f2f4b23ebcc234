// Fuzzed links (property-based, fast-check, fixed seed): whatever a link carries — wrong types, huge
// and negative numbers, unicode and control characters, repeated and unknown keys, prototype-polluting
// names, markup and script fragments, very long values — parsing never throws, the state it yields is
// valid and round-trips exactly, every notice names its parameter, and no prototype is touched.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery, serialiseState } from './codec.ts';
import { PARAMS, PARAM_NAMES, type ParamSpec, type UrlState } from './params.ts';

/** Keys a hostile link may use: every real parameter, prototype names, case and space variants, junk. */
const key = fc.oneof(
  fc.constantFrom(...PARAM_NAMES),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'),
  fc.constantFrom('SEED', 'Step', ' rows', 'skew ', 'step[]', 'seed[0]', ''),
  fc.string({ maxLength: 12 }),
);

/** Values a hostile link may carry. */
const value = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e-320', '-0', '0x10', '0b1', '1_000', '٣', '１２', ' 5 ', '5e', '.', '-', '+'),
  fc.double().map(String),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map(String),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert('x')", '{{constructor.constructor("x")()}}', '${7*7}', '</title><svg onload=alert(1)>'),
  fc.constantFrom('onehot,cross,,cross', 'hashed,HASHED,evil', 'mlp', 'LOGREG', 'wasm', 'webgpu', 'dark', '1', '0', 'true', ''),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** A query string of up to 12 pairs, encoded as a browser would (or left raw, as a hand-typed link). */
const query = fc
  .tuple(fc.array(fc.tuple(key, value), { maxLength: 12 }), fc.boolean())
  .map(([pairs, raw]) => '?' + pairs.map(([k, v]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&'));

/** True when `v` is a value the spec allows. */
function allowed(spec: ParamSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max;
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v);
    case 'bool':
      return typeof v === 'boolean';
    case 'seed':
      return typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v) && v.length <= spec.maxLength;
    case 'set':
      return Array.isArray(v) && v.every((x) => spec.values.includes(x)) && new Set(v).size === v.length;
  }
}

describe('fuzzed links', () => {
  it('parse to a valid state that round-trips, with every notice naming its parameter (2,000 links)', () => {
    fc.assert(
      fc.property(query, (q) => {
        const keysBefore = Object.getOwnPropertyNames(Object.prototype).length;
        const { state, notices } = parseQuery(q);
        // Exactly the known parameters, each within its spec.
        expect(Object.keys(state).sort()).toEqual([...PARAM_NAMES].sort());
        for (const name of PARAM_NAMES) expect(allowed(PARAMS[name], state[name]), `${name} = ${String(state[name])}`).toBe(true);
        // The state serialises and parses back to itself, with nothing to complain about.
        const again = parseQuery(serialiseState(state));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(state);
        // Every notice names a parameter: a known name, or the quoted unknown key it is about.
        const keys = [...new URLSearchParams(q.slice(1)).keys()];
        for (const n of notices) {
          const known = (PARAM_NAMES as string[]).includes(n.param);
          const quoted = /^“.*”$/su.test(n.param) && keys.some((k) => n.param === `“${k.length > 24 ? `${k.slice(0, 23)}…` : k}”`);
          expect(known || quoted, `notice ${JSON.stringify(n)}`).toBe(true);
          expect(n.message.length).toBeLessThan(400);
        }
        // Nothing was added to any prototype.
        expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(keysBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('serialise is the inverse of parse on every valid state (1,000 states)', () => {
    const stateArb: fc.Arbitrary<UrlState> = fc.record(
      Object.fromEntries(
        PARAM_NAMES.map((name) => {
          const spec: ParamSpec = PARAMS[name];
          switch (spec.kind) {
            case 'int':
              return [name, fc.integer({ min: spec.min, max: spec.max })];
            case 'number':
              return [name, fc.double({ min: spec.min, max: spec.max, noNaN: true })];
            case 'enum':
              return [name, fc.constantFrom(...spec.values)];
            case 'bool':
              return [name, fc.boolean()];
            case 'seed':
              return [name, fc.stringMatching(/^[A-Za-z0-9_.-]{1,24}$/)];
            case 'set':
              return [name, fc.subarray([...spec.values])];
          }
        }),
      ) as Record<string, fc.Arbitrary<unknown>>,
    ) as unknown as fc.Arbitrary<UrlState>;
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state, notices } = parseQuery(serialiseState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
