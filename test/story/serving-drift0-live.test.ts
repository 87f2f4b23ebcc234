// Steps 11–13 through the serving worker's code at drift = 0 (the checks: serving-checks.ts): the live
// lesson holds without the season, and the switch's claim follows its interval. The gate's own case at
// drift 0 is serving-drift0.test.ts.
import { describe, it } from 'vitest';
import { checkDrift0Seed } from './serving-checks.ts';

describe('steps 11–13 at drift = 0: the live lesson holds, and the claim follows the interval', () => {
  for (const seed of ['clickcycle', 'paris']) it(`seed ${seed}`, () => checkDrift0Seed(seed));
});
