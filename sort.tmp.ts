import { slotsByColumn } from '/work/main/workers/lab/embed.ts';
const n = 16384, d = 92, k = 5, q = 3;
const idx = new Int32Array(n * k);
for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) idx[i * k + j] = Math.random() < 0.05 ? d : j * 18 + Math.floor(Math.random() * 17);
const x = { n, d, k, q, idx, num: new Float32Array(n * q), numCols: Int32Array.from([89, 90, 91]) } as any;
function v2(x: any) {
  const { n, k, d, idx } = x; const m = n * k;
  const start = new Int32Array(d + 2);
  for (let s = 0; s < m; s++) start[idx[s] + 1]++;
  for (let c = 0; c <= d; c++) start[c + 1] += start[c];
  const used = start[d]; // slots before padding
  const rows = new Int32Array(used);
  const cols = new Int32Array(used);
  for (let c = 0; c < d; c++) cols.fill(c, start[c], start[c + 1]);
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++, s++) { const c = idx[s]; if (c < d) rows[start[c]++] = i; }
  return { rows, cols };
}
for (let r = 0; r < 4; r++) {
  let t = performance.now(); for (let i = 0; i < 200; i++) slotsByColumn(x); console.log('v1', ((performance.now() - t) / 200).toFixed(3));
  t = performance.now(); for (let i = 0; i < 200; i++) v2(x); console.log('v2', ((performance.now() - t) / 200).toFixed(3));
}
