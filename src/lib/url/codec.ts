// Parse and serialise the shareable state: the only place where URL text becomes typed values.
// Bad values are clamped or replaced by the default, each with a notice naming the parameter.
import { PARAMS, PARAM_NAMES, defaultState, type ParamName, type ParamNotice, type ParamSpec, type UrlState } from './params.ts';

/** A plain decimal or exponent number, nothing else ("NaN", "Infinity", "0x10", "" fail). */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What a seed may contain: letters, digits and - _ . (so a seed can never be markup). */
const SEED_CHARS = /^[A-Za-z0-9_.-]+$/;

/** The result of parsing a query string. */
export interface ParseResult {
  state: UrlState;
  notices: ParamNotice[];
}

/** Shows a raw URL value in a notice: quoted, shortened, plain text only. */
export function quoteRaw(raw: string): string {
  const short = raw.length > 24 ? `${raw.slice(0, 23)}…` : raw;
  return `“${short}”`;
}

/** Formats a number for a notice without exponent surprises. */
function show(n: number): string {
  return String(n);
}

/** Parses one value against its spec; returns the value and an optional notice text. */
function parseOne(spec: ParamSpec, raw: string): { value: unknown; problem?: string } {
  const text = raw.trim();
  switch (spec.kind) {
    case 'int':
    case 'number': {
      if (!NUMERIC.test(text)) {
        return { value: spec.default, problem: `${quoteRaw(raw)} is not a number; using the default ${show(spec.default)}` };
      }
      // "-0" is zero: a negative zero would serialise as "0" and not round-trip (found by the link fuzzer).
      let v = Number(text) + 0;
      let problem: string | undefined;
      if (!Number.isFinite(v)) {
        return { value: spec.default, problem: `${quoteRaw(raw)} is not a finite number; using the default ${show(spec.default)}` };
      }
      if (spec.kind === 'int' && !Number.isInteger(v)) {
        v = Math.round(v) + 0; // a tiny negative rounds to −0, which would not round-trip
        problem = `${quoteRaw(raw)} is not a whole number; rounded to ${show(v)}`;
      }
      if (v < spec.min || v > spec.max) {
        const c = Math.min(spec.max, Math.max(spec.min, v));
        return { value: c, problem: `${quoteRaw(raw)} is outside ${show(spec.min)}…${show(spec.max)}; clamped to ${show(c)}` };
      }
      return { value: v, problem };
    }
    case 'enum': {
      const v = text.toLowerCase();
      if (spec.values.includes(v)) return { value: v };
      return {
        value: spec.default,
        problem: `${quoteRaw(raw)} is not one of ${spec.values.join(', ')}; using ${spec.default}`,
      };
    }
    case 'bool': {
      const v = text.toLowerCase();
      if (v === '1' || v === 'true' || v === '') return { value: true };
      if (v === '0' || v === 'false') return { value: false };
      return { value: spec.default, problem: `${quoteRaw(raw)} is not 1 or 0; using ${spec.default ? 1 : 0}` };
    }
    case 'seed': {
      if (text.length >= 1 && text.length <= spec.maxLength && SEED_CHARS.test(text)) return { value: text };
      return {
        value: spec.default,
        problem: `${quoteRaw(raw)} is not a seed (1–${spec.maxLength} letters, digits, - _ .); using ${spec.default}`,
      };
    }
    case 'set': {
      const items = text === '' ? [] : text.split(',').map((s) => s.trim().toLowerCase());
      const unknown = items.filter((s) => !spec.values.includes(s));
      const value = spec.values.filter((v) => items.includes(v));
      if (unknown.length === 0) return { value };
      return {
        value,
        problem: `ignored ${unknown.map(quoteRaw).join(', ')}; choose from ${spec.values.join(', ')}`,
      };
    }
  }
}

/** Parses a query string (with or without the leading "?") into a full, valid state. */
export function parseQuery(search: string): ParseResult {
  const state = defaultState() as Record<ParamName, unknown>;
  const notices: ParamNotice[] = [];
  const seen = new Set<string>();
  const query = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const [key, raw] of query) {
    if (!(PARAM_NAMES as string[]).includes(key)) {
      notices.push({ param: quoteRaw(key), message: 'is not a ClickCycle parameter; ignored' });
      continue;
    }
    const name = key as ParamName;
    if (seen.has(name)) {
      notices.push({ param: name, message: `appears more than once; the first value is used` });
      continue;
    }
    seen.add(name);
    const { value, problem } = parseOne(PARAMS[name], raw);
    state[name] = value;
    if (problem) notices.push({ param: name, message: problem });
  }
  return { state: state as UrlState, notices };
}

/** Encodes one value as URL text. */
function encodeValue(spec: ParamSpec, value: unknown): string {
  switch (spec.kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'set':
      return (value as string[]).map(encodeURIComponent).join(',');
    default:
      return encodeURIComponent(String(value));
  }
}

/** True when a value equals its default (then it is left out of the URL). */
function isDefault(spec: ParamSpec, value: unknown): boolean {
  if (spec.kind === 'set') {
    const v = value as string[];
    return v.length === spec.default.length && v.every((x, i) => x === spec.default[i]);
  }
  return value === spec.default;
}

/** Serialises a state to a query string ("" when everything is default, else "?a=1&b=2"). */
export function serialiseState(state: UrlState): string {
  const parts: string[] = [];
  for (const name of PARAM_NAMES) {
    const spec: ParamSpec = PARAMS[name];
    const value = state[name];
    if (!isDefault(spec, value)) parts.push(`${name}=${encodeValue(spec, value)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
