// Number formats for the narrative: sentences read live numbers, so the formats must be honest
// for tiny rates (0.01%) as well as big counts (1,000,000), and say "undefined" for NaN.
import { format } from 'd3-format';

const INT = format(',d');
const SI = format('.3~s');

/** A whole count with thousands separators ("1,000,000"). */
export function count(n: number): string {
  return Number.isFinite(n) ? INT(Math.round(n)) : 'undefined';
}

/** A count in short form ("1.2M", "20k"). */
export function shortCount(n: number): string {
  return Number.isFinite(n) ? SI(n).replace('G', 'B') : 'undefined';
}

/** A rate as a percentage with enough significant digits to stay non-zero (0.0001 → "0.01%"). */
export function percent(rate: number, digits = 2): string {
  if (!Number.isFinite(rate)) return 'undefined';
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
  return Number.isFinite(v) ? v.toFixed(decimals) : 'undefined';
}

/** Money in dollars ("$1,234", "$0.42", "−$71.36": the minus sign before the dollar sign). */
export function dollars(v: number): string {
  if (!Number.isFinite(v)) return 'undefined';
  const a = Math.abs(v);
  const s = a >= 100 ? `$${INT(Math.round(a))}` : `$${a.toFixed(2)}`;
  return v < 0 && s !== '$0.00' ? `−${s}` : s;
}

/** A duration in ms as seconds or ms ("1.4 s", "320 ms"). */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return 'undefined';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A threshold on a log scale ("0.5", "0.0012"). */
export function threshold(t: number): string {
  if (!Number.isFinite(t)) return 'undefined';
  return t >= 0.01 ? format('.2~f')(t) : format('.2~r')(t);
}

/** A per-second rate in short form with three significant digits ("3.95 M/s", "681 k/s"). */
export function perSecond(n: number): string {
  if (!Number.isFinite(n)) return 'undefined';
  const s = format('.3~s')(n);
  const m = /^(-?[\d.]+)([a-zA-Z]?)$/.exec(s);
  return m ? `${m[1]}${m[2] ? ' ' + m[2].replace('G', 'B') : ''}/s` : `${s}/s`;
}

/** Why a value is undefined, without a closing "…: X is undefined" the word itself already says. */
export function shortReason(reason: string): string {
  return reason.replace(/:\s*[^:]*\bis undefined\s*$/, '').trim();
}

/** A small positive quantity: three decimals from 0.1 up, else three significant digits ("0.000770"). */
export function small(v: number): string {
  if (!Number.isFinite(v)) return 'undefined';
  return Math.abs(v) >= 0.1 ? v.toFixed(3) : v.toPrecision(3);
}
