// Benchmark: rows per second of the simulator generating 1,000,000 candidate rows in Node (one core).
import { generate } from '../../src/lib/sim/generate.ts';
import { createWorld, DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';

/** Rows generated per measurement. */
const ROWS = 1_000_000;
/** Measurements taken after one warm-up; the best is reported. */
const REPEATS = 5;

/** Generates 1,000,000 rows of the default world; reports the best of five timed runs. */
export async function benchSimNode(): Promise<{ rowsPerSec: number; rows: number; millis: number }> {
  const world = createWorld(DEFAULT_PARAMS);
  generate(world, { rows: ROWS, stream: 'bench-warmup' });
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    const c = generate(world, { rows: ROWS, stream: `bench-${r}` });
    const ms = performance.now() - t0;
    if (c.n !== ROWS) throw new Error(`generated ${c.n} rows, expected ${ROWS}`);
    best = Math.min(best, ms);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { rowsPerSec: (ROWS / best) * 1000, rows: ROWS, millis: best };
}
