// Steps 11–13 through the serving worker's code at the story's defaults on the five story seeds (the checks: serving-checks.ts).
import { describe, it } from 'vitest';
import { checkServingSeed, SERVING_SEEDS } from './serving-checks.ts';

describe('steps 11–13: no leak, the impressions policy decays, the CTR policy wins by more than noise', () => {
  for (const seed of SERVING_SEEDS.slice(0, 5)) it(`seed ${seed}`, () => checkServingSeed(seed));
});
