// The one pool over the lab worker's caches (see CachePool in src/lib/lab/lru.ts).
import { CachePool } from '../../src/lib/lab/lru.ts';
import { CACHE_POOL_BYTES } from '../../src/lib/lab/budget.ts';
import { labLog } from './log.ts';

/** Every cache of this worker joins it: datasets and models hold, rebuildable caches shed. */
export const LAB_POOL = new CachePool(CACHE_POOL_BYTES);

LAB_POOL.onEvict = (cache, key, bytes, why) => labLog(`evicted ${cache} ${key} (${(bytes / 2 ** 20).toFixed(1)} MB): ${why}; the pool holds ${(LAB_POOL.bytes / 2 ** 20).toFixed(1)} MB`);
