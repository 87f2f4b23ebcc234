// The knobs of a world: defaults, ranges, and validation that clamps a bad value and says so.
import type { WorldParams } from './types.ts';

/** The default world: the story's 99.99% no-show, 10% annotator misses, strong drift. */
export const DEFAULT_PARAMS: WorldParams = { seed: 'clickcycle', skew: 1e-4, noise: 0.1, drift: 0.9 };

/** Range of each numeric knob, inclusive. */
export const PARAM_RANGES = {
  skew: [1e-5, 0.5],
  noise: [0, 0.5],
  drift: [0, 1],
} as const satisfies Record<Exclude<keyof WorldParams, 'seed'>, readonly [number, number]>;

/** Longest accepted seed string. */
export const MAX_SEED_LENGTH = 64;

/** Clamps each knob into its range (missing or non-numeric values take the default) and explains every change. */
export function validateParams(p: Partial<WorldParams>): { params: WorldParams; notices: string[] } {
  const notices: string[] = [];
  const params: WorldParams = { ...DEFAULT_PARAMS };
  const rawSeed: unknown = p.seed;
  if (rawSeed !== undefined) {
    if (typeof rawSeed !== 'string' || rawSeed.length === 0) {
      notices.push(`seed must be a non-empty string; using "${DEFAULT_PARAMS.seed}"`);
    } else if (rawSeed.length > MAX_SEED_LENGTH) {
      params.seed = rawSeed.slice(0, MAX_SEED_LENGTH);
      notices.push(`seed was longer than ${MAX_SEED_LENGTH} characters and was cut`);
    } else {
      params.seed = rawSeed;
    }
  }
  for (const key of ['skew', 'noise', 'drift'] as const) {
    const raw: unknown = p[key];
    if (raw === undefined) continue;
    const [lo, hi] = PARAM_RANGES[key];
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      notices.push(`${key} must be a number in [${lo}, ${hi}]; using ${DEFAULT_PARAMS[key]}`);
      continue;
    }
    const v = Math.min(hi, Math.max(lo, raw));
    if (v !== raw) notices.push(`${key} ${raw} is outside [${lo}, ${hi}]; clamped to ${v}`);
    params[key] = v;
  }
  return { params, notices };
}
