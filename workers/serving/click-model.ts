// The step-12 click model: logistic regression (src/lib/market trainClickModel, plain TS, in the
// serving worker) trained on the champion's live log, all days but the last two (it records the
// days it fitted on); its normalized entropy and calibration are measured on those last two days.
// It trains in phases, so the worker can stop between them when Cancel comes.
import { trainClickModel, type ImpressionLog } from '../../src/lib/market/index.ts';
import { calibrationRatio, normalizedEntropy } from '../../src/lib/metrics/index.ts';
import { concatColumns, selectRows } from '../../src/lib/sim/columns.ts';
import type { ClickModelReport } from '../../src/lib/serving/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { fromScoringModel, scoreRows, type ServedModel } from './scorer.ts';

/** Adam updates of the click model (a few passes over a fortnight's log; ~1 s on this machine). */
export const CLICK_MODEL_STEPS = 800;
import { HELD_OUT_DAYS } from '../../src/lib/serving/constants.ts';
/** Days of the log held out to measure the click model (src/lib/serving/constants.ts). */
export { HELD_OUT_DAYS };

/** One log from day chunks (the log's own columns included). */
export function concatLogs(chunks: readonly ImpressionLog[]): ImpressionLog {
  const base = concatColumns(chunks as ImpressionLog[]);
  const cat = <T extends Uint8Array | Uint32Array | Float32Array>(pick: (l: ImpressionLog) => T, make: (n: number) => T): T => {
    const out = make(base.n);
    let o = 0;
    for (const c of chunks) {
      out.set(pick(c), o);
      o += c.n;
    }
    return out;
  };
  return {
    ...base,
    position: cat((l) => l.position, (n) => new Uint8Array(n)),
    clicked: cat((l) => l.clicked, (n) => new Uint8Array(n)),
    query: cat((l) => l.query, (n) => new Uint32Array(n)),
    pClick: cat((l) => l.pClick, (n) => new Float32Array(n)),
  };
}

/** Most logged impressions the click model fits on: beyond this it fits on a sample of the requests (every k-th), which keeps its fit about a second whatever the day's traffic. */
export const CLICK_MODEL_ROWS = 400_000;

/** The impressions of every `stride`-th request of a log (a request's impressions stay together; requests come in random order, so this is a random sample). */
export function sampleRequests(log: ImpressionLog, stride: number): ImpressionLog {
  if (stride <= 1) return log;
  const keep: number[] = [];
  for (let i = 0; i < log.n; i++) if ((log.query[i] as number) % stride === 0) keep.push(i);
  const pick = <T extends Uint8Array | Uint32Array | Float32Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    for (let j = 0; j < keep.length; j++) out[j] = a[keep[j] as number] as number;
    return out;
  };
  return {
    ...selectRows(log, keep),
    position: pick(log.position, (n) => new Uint8Array(n)),
    clicked: pick(log.clicked, (n) => new Uint8Array(n)),
    query: pick(log.query, (n) => new Uint32Array(n)),
    pClick: pick(log.pClick, (n) => new Float32Array(n)),
  };
}

/** A phase of the click model's training as it starts: what it does, and the share of the work done before it. */
export interface ClickPhase {
  stage: string;
  fraction: number;
}

/** The trained click model and its report. */
export interface TrainedClick {
  model: ServedModel;
  report: ClickModelReport;
}

/**
 * Trains the click model on day chunks of a log, in phases: it yields before each one (joining
 * the days, fitting, measuring), so the worker can give the event loop a turn and stop there if
 * Cancel came; returns the model and its report. trainOnLog runs it through in one go.
 */
export function* clickModelPhases(chunks: readonly ImpressionLog[], label: string, version: string, world: WorldParams, days: [number, number]): Generator<ClickPhase, TrainedClick, void> {
  if (chunks.length <= HELD_OUT_DAYS) throw new Error(`the log has ${chunks.length} days; the click model needs more than ${HELD_OUT_DAYS}`);
  const t0 = performance.now();
  yield { stage: 'joining the log’s days', fraction: 0 };
  const fullTrain = concatLogs(chunks.slice(0, chunks.length - HELD_OUT_DAYS));
  const train = sampleRequests(fullTrain, Math.ceil(fullTrain.n / CLICK_MODEL_ROWS));
  const held = concatLogs(chunks.slice(chunks.length - HELD_OUT_DAYS));
  const all = concatLogs(chunks);
  // The fit is one block of work (about 1 s); measuring and the worker's off-policy estimate follow it.
  yield { stage: `fitting on ${train.n.toLocaleString('en')} logged impressions`, fraction: 0.05 };
  const fitted = trainClickModel(train, { seed: `${world.seed}/click-model`, minSteps: CLICK_MODEL_STEPS, batchSize: 1024 });
  yield { stage: `measuring on ${held.n.toLocaleString('en')} held-out impressions`, fraction: 0.8 };
  // The days it was fitted on (the held-out last days measure it but do not train it).
  const dayOf = (c: ImpressionLog | undefined, fallback: number) => (c && c.n > 0 ? (c.day[0] as number) : fallback);
  const fit = chunks.length - HELD_OUT_DAYS;
  const trainDays: [number, number] = [dayOf(chunks[0], days[0]), dayOf(chunks[fit - 1], days[0] + fit - 1)];
  const heldOutDays: [number, number] = [dayOf(chunks[fit], days[0] + fit), dayOf(chunks[chunks.length - 1], days[1])];
  const model = fromScoringModel(fitted, version, world, trainDays);
  // Measured where the model will rank: the held-out impressions, at the slot they were shown in.
  const p = scoreRows(model, held);
  const slotBias = fitted.model.weights.subarray(fitted.features.d);
  const slot0 = slotBias[0] as number;
  for (let i = 0; i < held.n; i++) {
    const s = Math.min(held.position[i] as number, fitted.positions - 1);
    const z = Math.log((p[i] as number) / (1 - (p[i] as number))) - slot0 + (slotBias[s] as number);
    p[i] = 1 / (1 + Math.exp(-z));
  }
  let clicks = 0;
  for (let i = 0; i < all.n; i++) clicks += all.clicked[i] as number;
  const report: ClickModelReport = {
    version,
    log: { label, fromDay: chunks[0]?.day[0] ?? days[0], toDay: chunks[chunks.length - 1]?.day[0] ?? days[1], impressions: all.n, clicks },
    trainRows: fitted.trainRows,
    trainClicks: fitted.trainPositives,
    evalRows: held.n,
    ne: normalizedEntropy(p, held.clicked).value,
    calibration: calibrationRatio(p, held.clicked).value,
    millis: performance.now() - t0,
    trainer: 'serving worker (plain-TypeScript logistic regression)',
    trainDays,
    heldOutDays,
  };
  return { model, report };
}

/** Trains the click model on day chunks of a log in one go; version names it (e.g. v6). */
export function trainOnLog(chunks: readonly ImpressionLog[], label: string, version: string, world: WorldParams, days: [number, number]): TrainedClick {
  const phases = clickModelPhases(chunks, label, version, world, days);
  for (;;) {
    const step = phases.next();
    if (step.done) return step.value;
  }
}
