import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import type { SparseRows } from '../features/sparse.ts';
import type { DenseLayerData } from '../lab/types.ts';
import { PlainMlp, mlpGrads, mlpLossGrad, predictMlp } from './mlp.ts';

/** A layer of the given shape with seeded normal weights and biases. */
function layer(inDim: number, outDim: number, rng: Rng): DenseLayerData {
  return { inDim, outDim, W: Float32Array.from({ length: inDim * outDim }, () => rng.normal() * 0.7), b: Float32Array.from({ length: outDim }, () => rng.normal() * 0.3) };
}

/** n rows of 6 columns: numerics in columns 0 and 3, two slots over columns 1, 2, 4, 5 (padding 6 when empty), labels and weights. */
function rows(n: number, rng: Rng) {
  const d = 6;
  const slotCols = [1, 2, 4, 5];
  const idx = Int32Array.from({ length: n * 2 }, () => (rng.uniform() < 0.2 ? d : slotCols[Math.floor(rng.uniform() * 4)]!));
  const num = Float32Array.from({ length: n * 2 }, () => rng.normal());
  const x: SparseRows = { n, d, k: 2, idx, q: 2, num, numCols: Int32Array.of(0, 3) };
  const y = Float32Array.from({ length: n }, () => (rng.uniform() < 0.4 ? 1 : 0));
  const w = Float32Array.from({ length: n }, () => 0.5 + rng.uniform() * 2);
  return { x, y, w };
}

describe('mlpLossGrad', () => {
  it('matches a hand computation on one row', () => {
    // Input: slot column 0, numeric 2 in column 1. a0 = 0.125 + 0.5 + 2 · 0.25 = 1.125; z = −1 + 2 · 1.125 = 1.25 (all exact in float32).
    const layers: DenseLayerData[] = [
      { inDim: 2, outDim: 1, W: Float32Array.of(0.5, 0.25), b: Float32Array.of(0.125) },
      { inDim: 1, outDim: 1, W: Float32Array.of(2), b: Float32Array.of(-1) },
    ];
    const x: SparseRows = { n: 1, d: 2, k: 1, idx: Int32Array.of(0), q: 1, num: Float32Array.of(2), numCols: Int32Array.of(1) };
    const g = mlpGrads(layers);
    const loss = mlpLossGrad(layers, x, [1], [3], g);
    const z = 1.25;
    const p = 1 / (1 + Math.exp(-z));
    // ∂(w·BCE)/∂z = w(p − y); it reaches b1 directly, W1 times the hidden activation 1.125, and the first layer through W1 = 2.
    const res = 3 * (p - 1);
    expect(loss).toBeCloseTo(3 * Math.log1p(Math.exp(-z)), 12);
    expect(g.b[1]![0]).toBeCloseTo(res, 12);
    expect(g.W[1]![0]).toBeCloseTo(1.125 * res, 12);
    expect(g.b[0]![0]).toBeCloseTo(2 * res, 12);
    expect(g.W[0]![0]).toBeCloseTo(2 * res, 12);
    expect(g.W[0]![1]).toBeCloseTo(2 * 2 * res, 12);
    expect(predictMlp(layers, x)[0]).toBeCloseTo(p, 12);
  });

  it('agrees with central finite differences on every parameter (seeded net 6-4-3-1, 12 weighted rows)', () => {
    const rng = new Rng('mlp-grad');
    const layers = [layer(6, 4, rng), layer(4, 3, rng), layer(3, 1, rng)];
    const { x, y, w } = rows(12, rng);
    const g = mlpGrads(layers);
    mlpLossGrad(layers, x, y, w, g);
    const h = 1e-3;
    let checked = 0;
    for (let l = 0; l < layers.length; l++) {
      for (const [p, gp] of [[layers[l]!.W, g.W[l]!] as const, [layers[l]!.b, g.b[l]!] as const]) {
        for (let j = 0; j < p.length; j++) {
          const v = p[j]!;
          p[j] = v + h;
          const up = p[j]!;
          const fUp = mlpLossGrad(layers, x, y, w, mlpGrads(layers));
          p[j] = v - h;
          const down = p[j]!;
          const fDown = mlpLossGrad(layers, x, y, w, mlpGrads(layers));
          p[j] = v;
          const numeric = (fUp - fDown) / (up - down);
          expect(Math.abs(gp[j]! - numeric)).toBeLessThan(1e-5 + 1e-4 * Math.abs(numeric));
          checked++;
        }
      }
    }
    // 6·4 + 4 + 4·3 + 3 + 3 + 1 parameters, most of them with a gradient well away from zero (the check is not vacuous).
    expect(checked).toBe(47);
    expect([...g.W, ...g.b].reduce((c, a) => c + a.filter((v) => Math.abs(v) > 1e-3).length, 0)).toBeGreaterThan(35);
  });
});

describe('PlainMlp', () => {
  it('takes Adam steps: the first moves every parameter with a gradient by lr against its sign', () => {
    const rng = new Rng('mlp-adam');
    const layers = [layer(6, 4, rng), layer(4, 3, rng), layer(3, 1, rng)];
    const { x, y, w } = rows(16, rng);
    const before = layers.map((l) => [l.W.slice(), l.b.slice()]);
    const g = mlpGrads(layers);
    mlpLossGrad(layers, x, y, w, g);
    const wsum = w.reduce((s, v) => s + v, 0);
    new PlainMlp(layers).step(x, y, w, wsum, 0.01);
    // Step one of Adam: m̂ = ĝ, v̂ = ĝ², so the move is lr · ĝ / (|ĝ| + 1e-7) ≈ lr · sign(ĝ) when |ĝ| ≫ 1e-7.
    for (let l = 0; l < layers.length; l++) {
      const pairs = [[layers[l]!.W, before[l]![0]!, g.W[l]!] as const, [layers[l]!.b, before[l]![1]!, g.b[l]!] as const];
      for (const [now, was, grad] of pairs) {
        for (let j = 0; j < now.length; j++) {
          const gj = grad[j]! / wsum;
          const expected = Math.abs(gj) > 1e-4 ? -0.01 * Math.sign(gj) : now[j]! - was[j]!;
          expect(now[j]! - was[j]!).toBeCloseTo(expected, 5);
        }
      }
    }
  });

  it('lowers the training loss over repeated steps on a seeded set', () => {
    const rng = new Rng('mlp-train');
    const layers = [layer(6, 8, rng), layer(8, 4, rng), layer(4, 1, rng)];
    const { x, y, w } = rows(200, rng);
    const wsum = w.reduce((s, v) => s + v, 0);
    const mlp = new PlainMlp(layers);
    const first = mlp.step(x, y, w, wsum, 0.01) / wsum;
    let last = first;
    for (let i = 0; i < 300; i++) last = mlp.step(x, y, w, wsum, 0.01) / wsum;
    expect(last).toBeLessThan(first - 0.05);
  });
});
