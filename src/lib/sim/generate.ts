// The row generator: streams candidate (query, ad) rows of a world into columnar typed arrays.
// One named stream ('log', 'test', 'gold', 'yesterday', 'collect', …) is one independent RNG
// sub-stream, so sets drawn from different streams never share rows. With negKeep < 1 every
// positive is kept and each negative with probability negKeep, carrying weight 1/negKeep.
import { Rng } from '../rng.ts';
import {
  AFFINITY_WEIGHT,
  BUGGY_AD_CAT,
  BUGGY_DAYS,
  BUGGY_DEVICE,
  BUGGY_QUERY_CAT,
  INTENT_TEMPLATE_SHARE,
  INTENT_WEIGHT,
  NUM_ADS,
  NUM_USERS,
  QUALITY_WEIGHT,
} from './constants.ts';
import { fastNormalQuantile } from './normal.ts';
import { CATEGORIES, DEV_LAST_DAY, LAST_WORLD_DAY, type Columns } from './types.ts';
import { allocColumns, concatColumns, sliceColumns, viewColumns } from './columns.ts';
import { LUT_BITS, LUT_SIZE, type World } from './world.ts';

/** How to draw a set of rows. */
export interface GenerateOptions {
  /** Candidate rows streamed (the kept count is smaller when negKeep < 1). */
  rows: number;
  /** Name of the independent sub-stream (default 'log'). */
  stream?: string;
  /** Inclusive day range within 0…LAST_WORLD_DAY (default the development days [0, DEV_LAST_DAY]); days are drawn uniformly within it. */
  days?: [number, number];
  /** Fraction of negatives kept (default 1); kept negatives get weight 1/negKeep. */
  negKeep?: number;
  /** Which label decides "positive" for keeping: the observed label (default) or the truth. */
  keepBy?: 'label' | 'truth';
}

/** Candidate rows per chunk by default. */
export const DEFAULT_CHUNK_ROWS = 1 << 20;
/** 2^-32. */
const INV32 = 1 / 4294967296;
/** Number of category codes. */
const K = CATEGORIES.length;
/** Right shift that turns a uint32 into a lookup-table bucket. */
const LUT_SHIFT = 32 - LUT_BITS;

/** Uniform uint32 words each candidate row consumes (fixed, so streams stay aligned). */
const WORDS_PER_ROW = 12;
/** Candidate rows per block of pre-drawn random words. */
const BLOCK_ROWS = 2048;

/** The running state of one stream. */
interface StreamState {
  rng: Rng;
  /** Pre-drawn random words for one block of rows. */
  words: Uint32Array;
  /** Next unread word of `words` (words.length when the block is used up). */
  wordAt: number;
  d0: number;
  nd: number;
  negKeep: number;
  byTruth: boolean;
}

/** Normalises options and seeds the stream's RNG. */
function openStream(world: World, opts: GenerateOptions): StreamState {
  const [a, b] = opts.days ?? [0, DEV_LAST_DAY];
  const d0 = Math.max(0, Math.min(LAST_WORLD_DAY, Math.floor(a)));
  const d1 = Math.max(d0, Math.min(LAST_WORLD_DAY, Math.floor(b)));
  const negKeep = Math.min(1, Math.max(1e-9, opts.negKeep ?? 1));
  const rng = new Rng(`${world.params.seed}/rows/${opts.stream ?? 'log'}`);
  return { rng, words: new Uint32Array(BLOCK_ROWS * WORDS_PER_ROW), wordAt: BLOCK_ROWS * WORDS_PER_ROW, d0, nd: d1 - d0 + 1, negKeep, byTruth: opts.keepBy === 'truth' };
}

/** Draws `count` candidates into `out` from index 0; returns how many rows were kept. */
function fill(world: World, st: StreamState, out: Columns, count: number): number {
  const { rng, words, d0, nd, negKeep, byTruth } = st;
  const downsample = negKeep < 1;
  const negWeight = 1 / negKeep;
  const { catLut, deviceLut, hourLut, queryTextStart, queryTextCount, queryTextIntent, adCat, adQuality, adBid, affinity, moveShare, moveTarget } =
    world;
  const threshold = world.threshold;
  const missRate = world.missRate;
  const falseShowRate = world.falseShowRate;
  const buggyFlipRate = world.buggyFlipRate;
  // Imported constants copied to locals (module bindings can be getters under some loaders).
  const noiseShare = 1 - INTENT_TEMPLATE_SHARE;
  const templateShare = INTENT_TEMPLATE_SHARE;
  const wAff = AFFINITY_WEIGHT;
  const wIntent = INTENT_WEIGHT;
  const wQuality = QUALITY_WEIGHT;
  const nAds = NUM_ADS;
  const nUsers = NUM_USERS;
  const bugQ = BUGGY_QUERY_CAT;
  const bugA = BUGGY_AD_CAT;
  const bugDev = BUGGY_DEVICE;
  const bugD0 = BUGGY_DAYS[0];
  const bugD1 = BUGGY_DAYS[1];
  const nQ = K;
  const lutSize = LUT_SIZE;
  const lutShift = LUT_SHIFT;
  const inv32 = INV32;
  const normalQ = fastNormalQuantile;
  const oDay = out.day;
  const oHour = out.hour;
  const oQc = out.queryCat;
  const oText = out.queryText;
  const oIntent = out.intent;
  const oDevice = out.device;
  const oUser = out.user;
  const oAd = out.adId;
  const oAc = out.adCat;
  const oQuality = out.quality;
  const oBid = out.bid;
  const oScore = out.trueScore;
  const oTruth = out.truth;
  const oLabel = out.label;
  const oBuggy = out.buggy;
  const oWeight = out.weight;
  let k = 0;
  let w = st.wordAt;
  for (let i = 0; i < count; i++) {
    if (w === words.length) {
      rng.fillU32(words);
      w = 0;
    }
    const day = d0 + (((words[w] as number) * inv32 * nd) | 0);
    const qc = catLut[day * lutSize + ((words[w + 1] as number) >>> lutShift)] as number;
    const text = (queryTextStart[qc] as number) + (((words[w + 2] as number) * inv32 * (queryTextCount[qc] as number)) | 0);
    const intent = templateShare * (queryTextIntent[text] as number) + noiseShare * (words[w + 3] as number) * inv32;
    const device = deviceLut[day * lutSize + ((words[w + 4] as number) >>> lutShift)] as number;
    const ad = ((words[w + 5] as number) * inv32 * nAds) | 0;
    const ac = adCat[ad] as number;
    const quality = adQuality[ad] as number;
    const eff = (words[w + 6] as number) * inv32 < (moveShare[day * nQ + qc] as number) ? (moveTarget[qc] as number) : qc;
    const eps = normalQ(((words[w + 7] as number) + 0.5) * inv32);
    const score = wAff * (affinity[eff * nQ + ac] as number) + wIntent * intent + wQuality * quality + eps;
    const truth = score >= threshold ? 1 : 0;
    const buggy = qc === bugQ && ac === bugA && device === bugDev && day >= bugD0 && day <= bugD1 ? 1 : 0;
    const u = (words[w + 8] as number) * inv32;
    const label = truth === 1 ? (u < missRate ? 0 : 1) : u < (buggy === 1 ? buggyFlipRate : falseShowRate) ? 1 : 0;
    const keepU = (words[w + 9] as number) * inv32;
    const hourWord = words[w + 10] as number;
    const userWord = words[w + 11] as number;
    w += WORDS_PER_ROW;
    let weight = 1;
    if (downsample && (byTruth ? truth : label) === 0) {
      if (keepU >= negKeep) continue;
      weight = negWeight;
    }
    oDay[k] = day;
    oHour[k] = hourLut[hourWord >>> lutShift] as number;
    oQc[k] = qc;
    oText[k] = text;
    oIntent[k] = intent;
    oDevice[k] = device;
    oUser[k] = (userWord * inv32 * nUsers) | 0;
    oAd[k] = ad;
    oAc[k] = ac;
    oQuality[k] = quality;
    oBid[k] = adBid[ad] as number;
    oScore[k] = score;
    oTruth[k] = truth;
    oLabel[k] = label;
    oBuggy[k] = buggy;
    oWeight[k] = weight;
    k++;
  }
  st.wordAt = w;
  return k;
}

/** Streams the rows in chunks of `chunkRows` candidates; chunks never share memory. */
export function* generateChunks(world: World, opts: GenerateOptions, chunkRows = DEFAULT_CHUNK_ROWS): Generator<Columns> {
  const st = openStream(world, opts);
  const total = Math.max(0, Math.floor(opts.rows));
  const size = Math.max(1, Math.floor(chunkRows));
  const scratch = st.negKeep < 1 ? allocColumns(Math.min(size, total)) : null;
  for (let done = 0; done < total; done += size) {
    const count = Math.min(size, total - done);
    if (scratch) {
      const kept = fill(world, st, scratch, count);
      yield sliceColumns(scratch, 0, kept);
    } else {
      const out = allocColumns(count);
      fill(world, st, out, count);
      yield out;
    }
  }
}

/** Generates all rows of a stream into one block (progress reported per chunk, 0…1). */
export function generate(world: World, opts: GenerateOptions, onProgress?: (fraction: number) => void): Columns {
  const total = Math.max(0, Math.floor(opts.rows));
  const st = openStream(world, opts);
  if (st.negKeep >= 1) {
    const out = allocColumns(total);
    for (let done = 0; done < total; done += DEFAULT_CHUNK_ROWS) {
      const count = Math.min(DEFAULT_CHUNK_ROWS, total - done);
      fill(world, st, viewColumns(out, done, done + count), count);
      onProgress?.((done + count) / total);
    }
    if (total === 0) onProgress?.(1);
    return out;
  }
  const chunks: Columns[] = [];
  let done = 0;
  for (const c of generateChunks(world, opts)) {
    chunks.push(c);
    done = Math.min(total, done + DEFAULT_CHUNK_ROWS);
    onProgress?.(total === 0 ? 1 : done / total);
  }
  if (total === 0) onProgress?.(1);
  return chunks.length === 1 ? (chunks[0] as Columns) : concatColumns(chunks);
}
