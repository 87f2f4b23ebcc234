// How much of a 100 × 100 waffle a rate fills, in squares and in words. No DOM.
import { format } from 'd3-format';

/** Squares of the 10,000 that a rate fills, possibly fractional, with words for the caption. */
export interface WaffleFill {
  /** rate × 10,000, not rounded (a rate of 1e-5 fills a tenth of one square). */
  cells: number;
  /** The number of squares, written readably ("2,500", "1.2"). */
  cellsText: string;
  /** For less than one square, the fraction in words ("a tenth", "half"). */
  fractionWords: string;
}

const named: [number, string][] = [
  [0.5, 'half'],
  [0.25, 'a quarter'],
  [0.2, 'a fifth'],
  [0.1, 'a tenth'],
  [0.05, 'a twentieth'],
  [0.01, 'a hundredth'],
];

/** Fill of a 10,000-square waffle for a rate in 0…1 (clamped). */
export function waffleFill(rate: number): WaffleFill {
  const r = Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
  const cells = +(r * 10_000).toPrecision(10);
  const cellsText = Number.isInteger(cells) ? format(',')(cells) : format(',.3~r')(cells);
  const name = named.find(([v]) => Math.abs(cells - v) < 1e-9)?.[1];
  const fractionWords = cells < 1 ? (name ?? format('.2~r')(cells)) : '';
  return { cells, cellsText, fractionWords };
}
