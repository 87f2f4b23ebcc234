// Plain helpers shared by the charts: tick lists, number formats, label spreading. No DOM.
import { format } from 'd3-format';
import { NO_VALUE, percent } from '../../lib/story/format.ts';

/** One tick: its position in pixels along the axis and its printed label. */
export interface Tick {
  pos: number;
  label: string;
  value: number;
}

/** Any continuous d3 scale we draw ticks from. */
export interface TickScale {
  (v: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, spec?: string): (v: number) => string;
}

/** A few nicely rounded ticks of a linear scale, labelled with the scale's own format or `fmt`. */
export function linearTicks(scale: TickScale, count = 5, fmt?: (v: number) => string): Tick[] {
  const f = fmt ?? scale.tickFormat(count, '~');
  return scale.ticks(count).map((value) => ({ value, pos: scale(value), label: f(value) }));
}

/** Powers of ten between lo and hi (both > 0), thinned so at most `max` are kept. */
export function decadeValues(lo: number, hi: number, max = 6): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const all: number[] = [];
  for (let e = a; e <= b; e++) all.push(+(10 ** e).toPrecision(12));
  const stride = Math.max(1, Math.ceil(all.length / max));
  return all.filter((_, i) => (all.length - 1 - i) % stride === 0);
}

/** Ticks at powers of ten for a log scale. */
export function logTicks(scale: (v: number) => number, lo: number, hi: number, max = 6): Tick[] {
  return decadeValues(lo, hi, max).map((value) => ({ value, pos: scale(value), label: fmtDecade(value) }));
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten, short: 0.001 … 1000 written out, smaller ones as 10⁻⁴. */
export function fmtDecade(v: number): string {
  if (!(v > 0)) return fmtProb(v);
  const e = Math.round(Math.log10(v));
  if (e >= -3) return fmtProb(v);
  return `10${[...String(e)].map((c) => SUP[c] ?? c).join('')}`;
}

/** The power of ten at or below v (v > 0). */
export function floorDecade(v: number): number {
  return +(10 ** Math.floor(Math.log10(v) + 1e-9)).toPrecision(12);
}

const prob2 = format('.2~r');
const prob3 = format('.3~r');

/** A probability or rate written plainly: 0.5, 0.012, 0.0001 (never exponent notation above 1e-7). */
export function fmtProb(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  if (Math.abs(v) < 1e-7) return format('.1~e')(v);
  return (Math.abs(v) >= 0.01 ? prob3 : prob2)(v);
}

/** A percentage by the app's one rule (format.ts `percent`): 25%, 1.2%, 0.01%, 99.99%. */
export function fmtPct(v: number): string {
  return percent(v);
}

const countBig = format(',.0f');
const countSmall = format(',.3~r');

/** A (possibly weighted, fractional) count with thousands separators: 9,998,950 or 3.5. */
export function fmtCount(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 ? countBig(v) : countSmall(v);
}

const loss3 = format('.3~r');

/** A loss value with four significant digits: 0.6931, 0.001234. */
export function fmtLoss(v: number): string {
  return Number.isFinite(v) ? loss3(v) : '—';
}

const aucFmt = format('.3f');

/** An AUC with three decimals (0.875), or a dash when it cannot be computed. */
export function fmtAuc(v: number): string {
  return Number.isFinite(v) ? aucFmt(v) : NO_VALUE;
}

/** "1 in 10,000" for small rates; "25 in 100" for large ones. */
export function oneIn(rate: number): string {
  if (!(rate > 0)) return 'none';
  if (rate >= 0.1) return `${format('.3~r')(rate * 100)} in 100`;
  return `1 in ${format(',.0f')(Math.round(1 / rate))}`;
}

/**
 * Moves label positions (sorted or not) apart so neighbours are at least `gap` pixels apart,
 * keeping them inside [lo, hi]; returns the new positions in the input order.
 */
export function spreadLabels(pos: number[], gap: number, lo: number, hi: number): number[] {
  const order = pos.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = order.map((o) => o.p);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + gap);
  const over = (out[out.length - 1] ?? lo) - hi;
  if (over > 0) for (let k = 0; k < out.length; k++) out[k] = out[k]! - over;
  for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k]!, out[k + 1]! - gap);
  for (let k = 0; k < out.length; k++) out[k] = Math.max(lo, out[k]!);
  const res = new Array<number>(pos.length);
  order.forEach((o, k) => (res[o.i] = out[k]!));
  return res;
}

/** Plot margins in pixels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margins given in multiples of the root font size, so presenter mode enlarges them with the text. */
export function emMargin(em: number, top: number, right: number, bottom: number, left: number): Margin {
  return { top: top * em, right: right * em, bottom: bottom * em, left: left * em };
}

/** Keeps finite numbers only. */
export function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The first of several titles (longest first) whose estimated width fits in `px` at 0.9375rem bold. */
export function fitTitle(options: string[], px: number, em: number): string {
  const fits = options.find((t) => t.length * 0.6 * 0.9375 * em <= px);
  return fits ?? options.at(-1) ?? '';
}

/** Splits text into lines of at most about `maxChars` characters, breaking between words. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > maxChars) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}
