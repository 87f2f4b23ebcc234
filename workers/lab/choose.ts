// The backend chooser: inspect the adapters, time the real candidates, self-check the winner,
// and say why in words a student understands.
import type { BackendName, BackendProbe, BackendReport } from '../lab-types.ts';
import { probeWebGl, probeWebGpu } from './adapters.ts';
import { BACKEND_ORDER, microBenchmark, startBackend } from './backends.ts';
import { SELF_CHECK_TOLERANCE, selfCheck } from './selfcheck.ts';
import { factor } from '../../src/lib/story/format.ts';

/** Display names. */
export const LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
/** Time given to each candidate's micro-benchmark (ms, after a warm-up step). */
const BENCH_MS = 40;
/** A backend later in BACKEND_ORDER wins only if it measures this many times faster (a noisy 40 ms timing must not flip the choice, and with it the numbers a seed gives). */
const SWITCH_MARGIN = 1.5;

/** Real candidates, best first: the earliest in BACKEND_ORDER wins unless another measures SWITCH_MARGIN times faster; the rest by speed. */
export function rankBySpeed(names: BackendName[], speed: (n: BackendName) => number): BackendName[] {
  const ordered = BACKEND_ORDER.filter((n) => names.includes(n));
  let best = ordered[0];
  if (best === undefined) return [];
  for (const n of ordered) if (speed(n) > SWITCH_MARGIN * speed(best)) best = n;
  const winner = best;
  return [winner, ...ordered.filter((n) => n !== winner).sort((a, b) => speed(b) - speed(a))];
}

/** Inspects every candidate without starting tfjs on it. */
export async function probeAll(): Promise<BackendProbe[]> {
  return [await probeWebGpu(), probeWebGl(), { name: 'wasm', available: typeof WebAssembly !== 'undefined', software: false }, { name: 'cpu', available: true, software: false }];
}

/** Starts a backend and self-checks it; returns an error message or null. */
async function startChecked(name: BackendName, probe: BackendProbe): Promise<string | null> {
  const err = await startBackend(name);
  if (err) return err;
  const e = await selfCheck();
  probe.note = e <= SELF_CHECK_TOLERANCE ? probe.note : `self-check error ${e.toExponential(1)}`;
  return e <= SELF_CHECK_TOLERANCE ? null : `its results disagree with plain TypeScript (error ${e.toExponential(1)})`;
}

/** Why software adapters were skipped, as a sentence fragment. */
function softwareSentence(probes: BackendProbe[]): string {
  const soft = probes.filter((p) => p.available && p.software).map((p) => LABEL[p.name]);
  if (soft.length === 0) return '';
  const verb = soft.length > 1 ? 'are software emulations' : 'is a software emulation';
  return `${soft.join(' and ')} ${verb} on this machine (the graphics card is simulated on the processor), `;
}

/**
 * Chooses the training backend. `preference` 'auto' measures the real candidates; a named backend
 * is used if it starts (even a software one), else the choice falls back with the reason stated.
 */
export async function chooseBackend(preference: BackendName | 'auto' = 'auto'): Promise<BackendReport> {
  const probes = await probeAll();
  const probe = (n: BackendName) => probes.find((p) => p.name === n)!;
  let fallbackFrom: BackendName | undefined;
  let forcedFail = '';
  if (preference !== 'auto') {
    const p = probe(preference);
    const err = p.available ? await startChecked(preference, p) : (p.note ?? 'unavailable');
    if (!err) {
      const soft = p.software ? ` It is a software emulation here (${p.adapter}), so it is slower than it would be on a graphics card.` : '';
      return { backend: preference, reason: `${LABEL[preference]} was chosen in the link (?backend=${preference}).${soft}`, probes, selfCheckError: await selfCheck() };
    }
    p.note = err;
    fallbackFrom = preference;
    forcedFail = `${LABEL[preference]} was asked for but could not start (${err}). `;
  }
  const candidates = BACKEND_ORDER.filter((n) => probe(n).available && !probe(n).software && n !== fallbackFrom);
  for (const n of candidates) {
    const p = probe(n);
    const err = await startBackend(n);
    if (err) {
      p.available = false;
      p.note = err;
      continue;
    }
    p.examplesPerSec = await microBenchmark(BENCH_MS);
  }
  const ranked = rankBySpeed(
    candidates.filter((n) => probe(n).available),
    (n) => probe(n).examplesPerSec ?? 0,
  );
  const soft = BACKEND_ORDER.filter((n) => probe(n).available && probe(n).software && n !== fallbackFrom);
  for (const n of [...ranked, ...soft]) {
    const p = probe(n);
    const err = await startChecked(n, p);
    if (err) {
      p.note = err;
      continue;
    }
    const runnerUp = ranked.find((r) => r !== n);
    const rivalRate = runnerUp ? (probe(runnerUp).examplesPerSec ?? 0) : 0;
    // The timing is a small dense batch, not the run's sparse rows: the sentence quotes it as a ratio,
    // so it never reads as a rate beside the run's own examples/s (which differs).
    const timing = `in a ${BENCH_MS} ms timing of one small dense batch`;
    const times = (a: number, b: number) => factor(a / b);
    const fastest = !p.examplesPerSec
      ? `${LABEL[n]} is the only backend that works here.`
      : !runnerUp || !rivalRate
        ? `${LABEL[n]} measured the fastest here ${timing}.`
        : p.examplesPerSec >= rivalRate
          ? `${LABEL[n]} measured the fastest here, ${times(p.examplesPerSec, rivalRate)} as fast as ${LABEL[runnerUp]} ${timing}.`
          : `${LABEL[n]} and ${LABEL[runnerUp]} measured about the same here ${timing} (${LABEL[runnerUp]} ${times(rivalRate, p.examplesPerSec)} as fast); ${LABEL[n]} is kept so that the same link gives the same numbers.`;
    const speed = fastest;
    const sw = softwareSentence(probes);
    const why = p.software
      ? `${LABEL[n]} is a software emulation here (${p.adapter ?? 'no graphics card'}), but it is the only backend that started.`
      : `${sw ? `${sw}so training runs on ${LABEL[n]}, which uses the processor directly. ` : ''}${speed}`;
    const reason = `${forcedFail}${why}`;
    return { backend: n, reason, probes, fallbackFrom, selfCheckError: await selfCheck() };
  }
  throw new Error('no tfjs backend could start');
}

/** The backend to try after `failed` broke during training, already started; null if none. */
export async function nextBackend(failed: string, report: BackendReport | null): Promise<BackendName | null> {
  const order = report ? [...report.probes].filter((p) => p.available && !p.software).sort((a, b) => (b.examplesPerSec ?? 0) - (a.examplesPerSec ?? 0)).map((p) => p.name) : [];
  for (const n of [...order, ...BACKEND_ORDER.filter((b) => !order.includes(b))]) {
    if (n === failed) continue;
    if (!(await startBackend(n))) return n;
  }
  return null;
}
