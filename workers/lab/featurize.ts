// The feature library (src/lib/features) as the worker uses it: toggles → spec → fitted transform.
import { fitFeatures, specFromToggles, transform, type FittedFeatures } from '../../src/lib/features/index.ts';
import type { Columns } from '../../src/lib/sim/types.ts';
import type { World } from '../../src/lib/sim/world.ts';
import type { FeatureToggles } from '../lab-types.ts';

export type { FittedFeatures };
export type { FeatureMatrix } from '../../src/lib/features/index.ts';
export { transform };

/** Fits the toggles' spec on `trainRows` of a world's rows (statistics from those rows only). */
export function fitToggles(t: FeatureToggles, world: World, cols: Columns, trainRows?: Uint32Array): FittedFeatures {
  const tables = { queryTexts: world.queryTexts, adHeadlines: world.ads.map((a) => a.headline) };
  return fitFeatures(specFromToggles(t), cols, tables, trainRows);
}
