// A small weighted ROC AUC (ties count half) for tests, the benchmark and quick checks.

/** Weighted AUC = P(score of a positive > score of a negative); NaN when one class is missing. */
export function weightedAuc(p: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): number {
  const n = p.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let negBelow = 0;
  let area = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let tiePos = 0;
    let tieNeg = 0;
    while (j < n && p[idx[j]!] === p[idx[i]!]) {
      const k = idx[j]!;
      const wk = w ? w[k]! : 1;
      if (y[k]) tiePos += wk;
      else tieNeg += wk;
      j++;
    }
    area += tiePos * (negBelow + tieNeg / 2);
    negBelow += tieNeg;
    pos += tiePos;
    i = j;
  }
  return pos > 0 && negBelow > 0 ? area / (pos * negBelow) : NaN;
}
