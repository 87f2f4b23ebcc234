// Starting tfjs backends, watching for device loss, and timing a training step on each.
import { tf } from './tf.ts';
import type { BackendName } from '../lab-types.ts';
import { IN_NODE } from './adapters.ts';
import { logregBatchGradient } from './train-logreg.ts';
import { syntheticMatrix } from './synthetic.ts';

/** Fastest-first on real hardware. */
export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Set when the running backend reports a lost device or context. */
let lostReason: string | null = null;
/** Test hook: the next start of this backend fails as if the device were missing. */
let failNextStart: BackendName | null = null;

/** The reason the current backend was lost, or null. */
export function backendLost(): string | null {
  return lostReason;
}

/** Test hook: make the next start of `name` fail. */
export function failNextStartOf(name: BackendName | null): void {
  failNextStart = name;
}

/** Imports a backend's registration (and configures WASM) on first use. */
async function register(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!IN_NODE) wasm.setWasmPaths((await import('./wasm-urls.ts')).WASM_PATHS);
  }
}

/** Makes `name` the active backend; resolves to an error message, or null on success. */
export async function startBackend(name: BackendName): Promise<string | null> {
  try {
    if (__TEST_HOOKS__ && failNextStart === name) {
      failNextStart = null;
      throw new Error('injected start failure');
    }
    await register(name);
    if (!(await tf.setBackend(name))) return `${name} did not initialise`;
    await tf.ready();
    lostReason = null;
    watchLoss(name);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Listens for the GPU device or WebGL context being lost. */
function watchLoss(name: BackendName): void {
  const b = tf.backend() as unknown as {
    device?: { lost?: Promise<{ message?: string }> };
    gpgpu?: { gl?: { canvas?: EventTarget } };
  };
  if (name === 'webgpu')
    void b.device?.lost?.then((info) => {
      lostReason = `the WebGPU device was lost (${info.message || 'no reason given'})`;
    });
  if (name === 'webgl')
    b.gpgpu?.gl?.canvas?.addEventListener?.('webglcontextlost', () => {
      lostReason = 'the WebGL context was lost';
    });
}

/** Rows and width of the micro-benchmark batch (a logistic-regression gradient step). */
const BENCH_ROWS = 4096;
const BENCH_DIM = 64;

/**
 * Times logistic-regression gradient steps on the active backend for about `budgetMs` after one
 * warm-up step (which compiles kernels); returns examples per second.
 */
export async function microBenchmark(budgetMs: number): Promise<number> {
  const m = syntheticMatrix({ n: BENCH_ROWS, d: BENCH_DIM, seed: 'bench' });
  const wt = new Float32Array(BENCH_DIM);
  await logregBatchGradient(m, wt, 0);
  const t0 = performance.now();
  let reps = 0;
  let elapsed = 0;
  do {
    await logregBatchGradient(m, wt, 0);
    reps++;
    elapsed = performance.now() - t0;
  } while (elapsed < budgetMs && reps < 50);
  return (reps * BENCH_ROWS) / (elapsed / 1000);
}
