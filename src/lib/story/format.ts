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

/** The typographic minus (U+2212) in place of a leading hyphen: "−0.001", never "-0.001". */
function minus(s: string): string {
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * Decimals a rate needs as a percent so that `digits` significant digits show its distance from the
 * nearer of 0% and 100% (0.00018 → 3 for "0.018%", 0.99982 → 3 for "99.982%"); between 10% and 90%,
 * `digits − 2` (whole percents by default: "23%", "77%").
 */
function percentDecimals(rate: number, digits: number): number {
  const p = Math.abs(rate) * 100;
  const d = p > 90 && p < 100 ? 100 - p : p;
  if (d >= 10) return Math.max(0, digits - 2);
  // At least one significant digit near the ends, so a rate never rounds to 0% or 100%.
  return Math.max(0, Math.max(1, digits) - 1 - Math.floor(Math.log10(d) + 1e-9));
}

/** A percent with this many decimals and the typographic minus, trailing zeros dropped when `trim` ("5%", not "5.0%"). */
function percentWith(rate: number, decimals: number, trim: boolean): string {
  const s = format(`.${decimals}f`)(rate * 100);
  return `${minus(trim && s.includes('.') ? s.replace(/\.?0+$/, '') : s)}%`;
}

/**
 * A rate as a percent whose digits show its distance from 0 or from 1, with `digits` significant
 * digits of that distance: "0.018%", "3.4%", "50%", "98.9%", "99.982%", "99.99%". The same rule
 * holds on both sides, so 0.01 reads "1%" and 0.99 reads "99%" (its distance from 1 is a whole
 * 1%); a rate never rounds to 0% or 100% unless it is one. Rates compared side by side go through
 * `percents`, which gives them the same decimals.
 */
export function percent(rate: number, digits = 2): string {
  if (!Number.isFinite(rate)) return NO_VALUE;
  if (rate === 0) return '0%';
  return percentWith(rate, percentDecimals(rate, digits), true);
}

/**
 * Rates read side by side (a table column, two accuracies in one sentence): each with the
 * decimals the most demanding of them needs, so their digits line up ("99.000%" beside "99.982%",
 * not "99%" beside "99.982%"), less any trailing zero they all share. Missing values read as a dash.
 */
export function percents(rates: readonly number[], digits = 2): string[] {
  const shown = rates.filter((r) => Number.isFinite(r) && r !== 0);
  let decimals = shown.reduce((m, r) => Math.max(m, percentDecimals(r, digits)), 0);
  // A trailing zero every one of them has says nothing: "99.99%" beside "0.01%", not "99.990%" beside "0.010%".
  while (decimals > 0 && shown.every((r) => percentWith(r, decimals, false).endsWith('0%'))) decimals--;
  return rates.map((r) => (!Number.isFinite(r) ? NO_VALUE : r === 0 ? '0%' : percentWith(r, decimals, false)));
}

/** A plain number with fixed decimals and the real minus: a feature's value as stored ("0.73", "−1.20"). */
export function fixed(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  const s = v.toFixed(decimals);
  // A value that rounds to zero reads without a sign ("0.00", not "−0.00").
  return Number(s) === 0 ? s.replace('-', '') : minus(s);
}

/** A metric in [0, 1] or near it (an AUC, a difference of AUCs), with three decimals and a real minus ("0.873", "−0.001"). */
export function metric(v: number, decimals = 3): string {
  return fixed(v, decimals);
}

/** A measured amount with three significant digits ("12.3" MB, "0.042" s, "1,230"), trailing zeros dropped. */
export function significant(v: number): string {
  return Number.isFinite(v) ? format(',.3~r')(v) : NO_VALUE;
}

/** An average of counts (ads a query, rows a day): two decimals ("6.75", "0.84"), separators from 1,000 ("1,234"). */
export function average(v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  return minus(Math.abs(v) >= 1000 ? INT(Math.round(v)) : v.toFixed(2));
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
  // A negative duration (a difference of two) keeps the digits of its size and takes the typographic minus.
  if (ms < 0) return `−${duration(-ms)}`;
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
  return minus(Math.abs(v) >= 0.1 ? v.toFixed(3) : v.toPrecision(3));
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A small whole number in words for prose ("eight"), digits from 21 up or for non-integers ("45"). */
export function inWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? (WORDS[n] as string) : count(n);
}

/** A ratio read as a factor: "407×" from 10 up, "2.02×" below. */
export function factor(v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  return `${v >= 10 ? count(v) : minus(v.toFixed(2))}×`;
}

/** A relative change in words by its sign, as a number is read (the verdict on it comes from its claim): "up 12%", "down 3.4%". */
export function signedChange(x: number): string {
  return `${x >= 0 ? 'up' : 'down'} ${percent(Math.abs(x))}`;
}
