// Which GPU backends the test browser is declared to lack. The packaged headless Chromium offers
// WebGL and WebGPU as software, so a browser test fails when either is missing, unless
// CLICKCYCLE_NO_GPU_BACKENDS names it (e.g. "webgl,webgpu" on a GPU server whose headless
// Chromium starts no GPU process). vitest.config.ts hands the variable to the browser through `provide`.
import type { BackendName } from '../../src/lib/lab/types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The raw value of CLICKCYCLE_NO_GPU_BACKENDS ('' when unset). */
    noGpuBackends: string;
  }
}

/** The environment variable that declares missing GPU backends. */
export const NO_GPU_BACKENDS_VAR = 'CLICKCYCLE_NO_GPU_BACKENDS';

/** The backends a comma-separated value names; throws on a name that is not a GPU backend. */
export function parseNoGpuBackends(value: string): Set<BackendName> {
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const n of names) if (n !== 'webgl' && n !== 'webgpu') throw new Error(`${NO_GPU_BACKENDS_VAR}=${value}: "${n}" is not webgl or webgpu`);
  return new Set(names as BackendName[]);
}
