// The Node test projects' worker count (test/support/workers.ts): one a core, so a two-core machine runs
// two files at a time instead of Vitest's default of one; an explicit count overrides it.
import { describe, expect, it } from 'vitest';
import { nodeTestWorkers } from '../support/workers.ts';

describe('node test workers', () => {
  it('one a core: two on a two-core machine, one on one core', () => {
    expect(nodeTestWorkers({}, 2)).toBe(2);
    expect(nodeTestWorkers({}, 8)).toBe(8);
    expect(nodeTestWorkers({}, 1)).toBe(1);
  });

  it('CLICKCYCLE_NODE_WORKERS sets the count; a value that is not a positive integer is ignored', () => {
    expect(nodeTestWorkers({ CLICKCYCLE_NODE_WORKERS: '1' }, 2)).toBe(1);
    expect(nodeTestWorkers({ CLICKCYCLE_NODE_WORKERS: '3' }, 2)).toBe(3);
    expect(nodeTestWorkers({ CLICKCYCLE_NODE_WORKERS: '0' }, 2)).toBe(2);
    expect(nodeTestWorkers({ CLICKCYCLE_NODE_WORKERS: 'many' }, 2)).toBe(2);
  });
});
