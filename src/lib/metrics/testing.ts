// Test helpers: a tiny seeded PRNG (mulberry32) so property tests are reproducible; never Math.random.

/** A uniform [0, 1) generator from a 32-bit seed (mulberry32, public domain). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
