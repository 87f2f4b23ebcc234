// Solves the relevance threshold: the score above which an ad "should show", chosen so that the
// true positive rate over the development days 0–89 equals `skew` (later days do not move it). The
// rate is computed exactly (no sampling): trueScore = mean + ε with ε ~ N(0, 1), so P(show) =
// E[Q(threshold − mean)] over the world's distribution of (day, query category, drift move, ad,
// intent, quality), discretised finely.
import { AFFINITY_WEIGHT, INTENT_TEMPLATE_SHARE, INTENT_WEIGHT, QUALITY_WEIGHT } from './constants.ts';
import { normalTail } from './normal.ts';
import { CATEGORIES, DEV_DAYS } from './types.ts';

/** Grid step of the distribution of INTENT_WEIGHT·intent + QUALITY_WEIGHT·quality. */
const GRID = 0.005;
/** Number of category codes. */
const K = CATEGORIES.length;

/** What the solver needs to know about a world under construction. */
export interface ThresholdInputs {
  /** affinity[q·K + a]: affinity of query category q with ad category a. */
  affinity: Float32Array;
  /** Template intent of each query text, and the first index and count of each category's texts. */
  textIntent: Float32Array;
  textStart: Uint16Array;
  textCount: Uint16Array;
  /** Category and quality of every ad (candidates are drawn uniformly from the inventory). */
  adCat: Uint8Array;
  adQuality: Float32Array;
  /** catProb[d·K + q]: probability of query category q on day d (only days 0…DEV_LAST_DAY are read). */
  catProb: Float64Array;
  /** moveShare[d·K + q]: probability that a query of category q on day d has drifted. */
  moveShare: Float32Array;
  /** moveTarget[q]: the category whose affinity row a drifted query takes (q itself if none). */
  moveTarget: Uint8Array;
}

/** Histogram on the grid of a weighted sum of values: mass[i] at i·GRID. */
function intentMass(inp: ThresholdInputs, q: number): Float64Array {
  const bins = Math.ceil(INTENT_WEIGHT / GRID) + 2;
  const mass = new Float64Array(bins);
  const start = inp.textStart[q] as number;
  const count = inp.textCount[q] as number;
  const noise = (1 - INTENT_TEMPLATE_SHARE) * INTENT_WEIGHT;
  // intent = share·template + (1 − share)·u: each text adds a uniform block; integrate it on the grid.
  const sub = 64;
  for (let t = start; t < start + count; t++) {
    const base = INTENT_TEMPLATE_SHARE * (inp.textIntent[t] as number) * INTENT_WEIGHT;
    for (let s = 0; s < sub; s++) {
      const x = base + noise * ((s + 0.5) / sub);
      const b = Math.round(x / GRID);
      mass[b] = (mass[b] as number) + 1 / (count * sub);
    }
  }
  return mass;
}

/** Histogram on the grid of QUALITY_WEIGHT·quality over the ads of one category. */
function qualityMass(inp: ThresholdInputs, a: number): Float64Array {
  const bins = Math.ceil(QUALITY_WEIGHT / GRID) + 2;
  const mass = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < inp.adCat.length; i++) if (inp.adCat[i] === a) n++;
  for (let i = 0; i < inp.adCat.length; i++) {
    if (inp.adCat[i] !== a) continue;
    const b = Math.round(((inp.adQuality[i] as number) * QUALITY_WEIGHT) / GRID);
    mass[b] = (mass[b] as number) + 1 / n;
  }
  return mass;
}

/** Convolution of two grid histograms. */
function convolve(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length - 1);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    for (let j = 0; j < y.length; j++) out[i + j] = (out[i + j] as number) + xi * (y[j] as number);
  }
  return out;
}

/** A mixture of shifted standard normals: Σ weight·Q(t − shift − i·GRID) over grid masses. */
interface Component {
  weight: number;
  shift: number;
  mass: Float64Array;
}

/** P(trueScore ≥ t) for the mixture. */
function tail(components: Component[], t: number): number {
  let p = 0;
  for (const c of components) {
    let s = 0;
    const m = c.mass;
    const base = t - c.shift;
    for (let i = 0; i < m.length; i++) {
      const w = m[i] as number;
      if (w !== 0) s += w * normalTail(base - i * GRID);
    }
    p += c.weight * s;
  }
  return p;
}

/** The components of the distribution over days 0–89 of the true score (each: its weight and mean shift). */
function components(inp: ThresholdInputs): Component[] {
  const nAds = inp.adCat.length;
  const adShare = new Float64Array(K);
  for (let i = 0; i < nAds; i++) adShare[inp.adCat[i] as number] = (adShare[inp.adCat[i] as number] as number) + 1 / nAds;
  const out: Component[] = [];
  for (let q = 0; q < K; q++) {
    const im = intentMass(inp, q);
    let stay = 0;
    let moved = 0;
    for (let d = 0; d < DEV_DAYS; d++) {
      const pq = (inp.catProb[d * K + q] as number) / DEV_DAYS;
      const sh = inp.moveShare[d * K + q] as number;
      stay += pq * (1 - sh);
      moved += pq * sh;
    }
    const tgt = inp.moveTarget[q] as number;
    for (let a = 0; a < K; a++) {
      const pa = adShare[a] as number;
      if (pa === 0) continue;
      const mass = convolve(im, qualityMass(inp, a));
      out.push({ weight: stay * pa, shift: AFFINITY_WEIGHT * (inp.affinity[q * K + a] as number), mass });
      if (moved > 0) out.push({ weight: moved * pa, shift: AFFINITY_WEIGHT * (inp.affinity[tgt * K + a] as number), mass });
    }
  }
  return out;
}

/** The threshold t with P(trueScore ≥ t) = skew over days 0–89 (bisection, to 1e-9). */
export function solveThreshold(inp: ThresholdInputs, skew: number): number {
  const comps = components(inp);
  let lo = -10;
  let hi = 20;
  for (let it = 0; it < 60 && hi - lo > 1e-9; it++) {
    const mid = 0.5 * (lo + hi);
    if (tail(comps, mid) > skew) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** P(trueScore ≥ t) over days 0–89, for checks. */
export function positiveRate(inp: ThresholdInputs, t: number): number {
  return tail(components(inp), t);
}
