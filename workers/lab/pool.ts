// The one pool over the lab worker's caches (see CachePool in src/lib/lab/lru.ts).
import { CachePool } from '../../src/lib/lab/lru.ts';
import { CACHE_POOL_BYTES } from '../../src/lib/lab/budget.ts';

/** Every cache of this worker joins it: datasets and models hold, rebuildable caches shed. */
export const LAB_POOL = new CachePool(CACHE_POOL_BYTES);
