// Ids stay unique when a worker is replaced: each module instance (a worker) draws its own tag.
import { expect, test, vi } from 'vitest';

test('ids count up per prefix and carry the worker tag', async () => {
  const { freshId, workerTag } = await import('./ids.ts');
  const tag = workerTag();
  expect(tag).toMatch(/^[0-9a-z]{4}$/);
  expect(freshId('m')).toEqual({ id: `m1-${tag}`, n: 1 });
  expect(freshId('m')).toEqual({ id: `m2-${tag}`, n: 2 });
  expect(freshId('d')).toEqual({ id: `d1-${tag}`, n: 1 });
});

test('a fresh worker (a new module instance) names its first model differently', async () => {
  const first = await import('./ids.ts');
  vi.resetModules();
  const second = await import('./ids.ts');
  expect(second).not.toBe(first);
  // 36⁴ ≈ 1.7 million tags: two workers share one with probability ~6e-7.
  const fresh = second.freshId('m');
  expect(fresh.n).toBe(1); // the counter restarts, as it does in a new worker…
  expect(fresh.id).not.toBe(`m1-${first.workerTag()}`); // …but the id does not repeat the old worker's m1

});
