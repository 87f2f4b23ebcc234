// The models a serving session holds and what their launch tests kept: each model by version, the
// bar an impressions model's launch test kept, a click model's CTR launch test (its reserve) or the
// reserve restored from the deployment log, and each model's candidate bars. Plain TypeScript.
import type { DeploymentRecord } from '../../src/lib/serving/types.ts';
import type { CtrLaunch } from './ctr-launch.ts';
import { baselineServed, impressionsServed, type ServedPolicy } from './policies.ts';
import type { ServedModel } from './scorer.ts';

export class ModelShelf {
  #models = new Map<string, ServedModel>();
  /** The bar each impressions model's launch test kept. */
  #bars = new Map<string, number>();
  /** Each click model's CTR launch test (its reserve), run once per model on the shadow requests (see ctr-launch.ts). */
  #ctrLaunch = new WeakMap<ServedModel, CtrLaunch>();
  /** Reserves kept before a reload (from the deployment log), served without running the test again. */
  #reserves = new Map<string, number>();
  /** Each model's candidate bars, fixed at its first shadow or launch (see launchBars). */
  #candidateBars = new Map<string, number[]>();

  add(m: ServedModel): void {
    this.#models.set(m.version, m);
  }

  get(version: string): ServedModel | undefined {
    return this.#models.get(version);
  }

  all(): ServedModel[] {
    return [...this.#models.values()];
  }

  /** Keeps the bar an impressions model's launch test chose. */
  keepBar(version: string, bar: number): void {
    this.#bars.set(version, bar);
  }

  /** A model's candidate bars, computed by `make` the first time they are asked for. */
  candidateBars(version: string, make: () => number[]): number[] {
    return memo(this.#candidateBars, version, make);
  }

  /** A click model's CTR launch test, run by `run` the first time it is asked for. */
  ctrLaunch(model: ServedModel, run: () => CtrLaunch): CtrLaunch {
    return memo(this.#ctrLaunch, model, run);
  }

  /** A click model's reserve: its launch test's, else the one restored from the log, else the test's run now. */
  reserveOf(model: ServedModel, run: () => CtrLaunch): number {
    return this.#ctrLaunch.get(model)?.reserve ?? this.#reserves.get(model.version) ?? this.ctrLaunch(model, run).reserve;
  }

  /** Remembers the reserves the deployment log recorded (after a reload). */
  restoreReserves(records: readonly DeploymentRecord[]): void {
    for (const r of records) if (r.reserve !== undefined) this.#reserves.set(r.version, r.reserve);
  }

  /** A policy for a stored model version: the baseline, a click model's CTR policy (by `ctrPolicy`), or an impressions model at its kept bar. */
  policyFor(version: string, ctrPolicy: (m: ServedModel) => ServedPolicy): ServedPolicy {
    if (version === 'baseline') return baselineServed();
    const m = this.#models.get(version);
    if (!m) throw new Error(`unknown model ${version}`);
    if (m.kind === 'click') return ctrPolicy(m);
    return impressionsServed(m, this.#bars.get(version));
  }
}

/** The value `map` (a Map or WeakMap) holds for `key`, made by `make` and kept the first time it is asked for. */
function memo<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
