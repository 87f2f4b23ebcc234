// Test helpers: a seeded uniform generator from the one RNG family (src/lib/rng.ts; never Math.random)
// and the unweighted equivalent of a weighted set.
import { Rng } from '../rng.ts';

/** A uniform [0, 1) generator for a numbered test seed (the sfc32 stream "test/<seed>"). */
export function seeded(seed: number): () => number {
  const rng = new Rng(`test/${seed}`);
  return () => rng.uniform();
}

/** Repeats row i of each array weights[i] times (integer weights): the unweighted equivalent of a weighted set. */
export function repeatRows(pred: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): { pred: number[]; labels: number[] } {
  const p: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < pred.length; i++) {
    for (let k = 0; k < (weights[i] as number); k++) {
      p.push(pred[i] as number);
      y.push(labels[i] as number);
    }
  }
  return { pred: p, labels: y };
}
