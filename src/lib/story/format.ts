// Number formats for the narrative: sentences read live numbers, so the formats must be honest
// for tiny rates (0.01%) as well as big counts (1,000,000). A value that is not a number reads as
// a dash (the reason beside it says whether it is missing or not defined); the bare word
// "undefined" never reaches the screen.
import { format } from 'd3-format';

/** What a missing or undefined number reads as. */
export const NO_VALUE = '—';

const INT = format(',d');
const SI = format('.3~s');

/** A whole count with thousands separators ("1,000,000"). */
export function count(n: number): string {
  return Number.isFinite(n) ? INT(Math.round(n)) : NO_VALUE;
}

/** A count in short form ("1.2M", "20k"). */
export function shortCount(n: number): string {
  return Number.isFinite(n) ? SI(n).replace('G', 'B') : NO_VALUE;
}

/** A rate as a percentage with enough significant digits to stay non-zero (0.0001 → "0.01%"). */
export function percent(rate: number, digits = 2): string {
  if (!Number.isFinite(rate)) return NO_VALUE;
  if (rate === 0) return '0%';
  const p = rate * 100;
  const abs = Math.abs(p);
  if (rate > 0.99 && rate < 1) {
    // Keep the digits that tell 99.98% from 100%.
    const decimals = Math.max(0, Math.ceil(-Math.log10(1 - rate) - 1e-6) - 2);
    return `${format(`.${decimals}f`)(p)}%`;
  }
  if (abs >= 10) return `${format(`.${Math.max(0, digits - 2)}f`)(p)}%`;
  return `${format(`.${digits}~r`)(p)}%`;
}

/** A metric in [0, 1] or near it, with three decimals ("0.873"). */
export function metric(v: number, decimals = 3): string {
  return Number.isFinite(v) ? v.toFixed(decimals) : NO_VALUE;
}

/** Money in dollars: to the cent below $1,000 ("$999.50", "$0.42"), whole dollars above ("$1,234"); the minus sign before the dollar sign ("−$71.36"). */
export function dollars(v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  const a = Math.abs(v);
  const s = a >= 1000 ? `$${INT(Math.round(a))}` : `$${a.toFixed(2)}`;
  return v < 0 && s !== '$0.00' ? `−${s}` : s;
}

/** A duration in ms as seconds, ms or µs: "1.4 s", "320 ms", one decimal below 10 ms ("1.8 ms"), µs below 0.1 ms ("42 µs"). */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return NO_VALUE;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  // Below a tenth of a millisecond (one request's scoring) the microseconds keep the number from reading 0.0 ms.
  if (ms > 0 && ms < 0.1) return `${format('.2~r')(ms * 1000)} µs`;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A threshold on a log scale ("0.5", "0.0012"). */
export function threshold(t: number): string {
  if (!Number.isFinite(t)) return NO_VALUE;
  return t >= 0.01 ? format('.2~f')(t) : format('.2~r')(t);
}

/** A per-second rate in short form with three significant digits ("3.95 M/s", "681 k/s"). */
export function perSecond(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  const s = format('.3~s')(n);
  const m = /^(-?[\d.]+)([a-zA-Z]?)$/.exec(s);
  return m ? `${m[1]}${m[2] ? ' ' + m[2].replace('G', 'B') : ''}/s` : `${s}/s`;
}

/** Why a value is not defined, without a closing "…: X is undefined" the words "not defined" already say. */
export function shortReason(reason: string): string {
  return reason.replace(/:\s*[^:]*\bis (?:undefined|not defined)\s*$/, '').trim();
}

/** A small positive quantity: three decimals from 0.1 up, else three significant digits ("0.000770"). */
export function small(v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  return Math.abs(v) >= 0.1 ? v.toFixed(3) : v.toPrecision(3);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A small whole number in words for prose ("eight"), digits from 21 up or for non-integers ("45"). */
export function inWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? (WORDS[n] as string) : count(n);
}

/** A ratio read as a factor: "407×" from 10 up, "2.02×" below. */
export function factor(v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  return `${v >= 10 ? count(v) : v.toFixed(2)}×`;
}
