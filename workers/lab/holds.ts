// What a job holds while it waits and runs (JobOptions.hold): its datasets and models, which the
// caches' budget then never drops (src/lib/lab/lru.ts, ByteLru.pin).
import { holdDataset } from './datasets.ts';
import { holdModel } from './models.ts';

/** A hold on these datasets and models (a model holds its training dataset too). */
export function holding(what: { datasets?: (string | undefined)[]; models?: (string | undefined)[] }): () => () => void {
  return () => {
    const releases = [
      ...(what.datasets ?? []).filter((id): id is string => !!id).map(holdDataset),
      ...(what.models ?? []).filter((id): id is string => !!id).map((id) => holdModel(id, holdDataset)),
    ];
    return () => releases.forEach((r) => r());
  };
}
