import { tf } from '/work/main/workers/lab/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { logregBatchGradient } from '/work/main/workers/lab/train-logreg.ts';
import { batchTensors, embedBag } from '/work/main/workers/lab/embed.ts';
import { weightedBceSum } from '/work/main/workers/lab/train-mlp.ts';
setWasmPaths('/work/main/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
await tf.setBackend(process.argv[2] ?? 'wasm'); await tf.ready();
console.log(tf.getBackend());
const n = +(process.argv[3] ?? 16384), d = 92, k = 5, q = 3;
const idx = new Int32Array(n * k); const num = new Float32Array(n * q);
for (let i = 0; i < n; i++) { for (let j = 0; j < k; j++) idx[i * k + j] = Math.random() < 0.05 ? d : j * 18 + Math.floor(Math.random() * 17); for (let j = 0; j < q; j++) num[i * q + j] = Math.random(); }
const x = { n, d, k, q, idx, num, numCols: Int32Array.from([89, 90, 91]) } as any;
const batch = { x, n, d, y: new Float32Array(n).map(() => Math.random() < 0.01 ? 1 : 0), w: new Float32Array(n).fill(1) };
const wt = new Float32Array(d).map(() => Math.random() - 0.5);
async function g2(withLoss: boolean) {
  const out = tf.tidy(() => {
    const xt = batchTensors(batch.x as any);
    const y = tf.tensor2d(batch.y, [n, 1]);
    const sw = tf.tensor2d(batch.w, [n, 1]);
    const z = tf.add(embedBag(tf.tensor2d(wt, [d, 1]), xt), tf.scalar(0.1));
    const r = tf.mul(tf.sub(tf.sigmoid(z), y), sw) as tf.Tensor2D;
    const parts: tf.Tensor[] = [];
    parts.push(tf.denseBincount(xt.idx!, tf.reshape(tf.tile(r, [1, k]), [n * k]), d + 1));
    parts.push(tf.reshape(tf.matMul(tf.transpose(r), xt.num!), [q]));
    parts.push(tf.reshape(tf.sum(r), [1]), withLoss ? tf.reshape(weightedBceSum(z, y, sw), [1]) : tf.tensor1d([NaN]));
    return tf.concat(parts);
  });
  const raw = (await out.data()) as Float32Array; out.dispose();
  const g = new Float32Array(d + 2);
  g.set(raw.subarray(0, d));
  for (let j = 0; j < q; j++) g[x.numCols[j]]! += raw[d + 1 + j]!;
  g[d] = raw[d + 1 + q]!; g[d + 1] = raw[d + 2 + q]!;
  return g;
}
const a = await logregBatchGradient(batch as any, wt, 0.1, true), b = await g2(true);
let md = 0; for (let i = 0; i < a.length; i++) md = Math.max(md, Math.abs(a[i] - b[i])); console.log('maxdiff', md, a[5], b[5]);
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (let i = 0; i < 100; i++) await logregBatchGradient(batch as any, wt, 0, i % 4 === 0);
  console.log('sorted', ((performance.now() - t) / 100).toFixed(3), 'ms');
  t = performance.now();
  for (let i = 0; i < 100; i++) await g2(i % 4 === 0);
  console.log('bincount', ((performance.now() - t) / 100).toFixed(3), 'ms');
}
