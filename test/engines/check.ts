// What a walk must show in every engine: each step's jobs complete, the numbers are those of the
// story's defaults (1,000,000 rows; step 3's cross helps; step 4's model ranks well above chance),
// no page error, and a backend badge that names the backend and why.
import type { WalkResult } from './walk.ts';

/** Floors and ranges of the numbers read, at the story's defaults (seed-independent bounds, loose
 * enough for any backend): step 2's log has the 1,000,000 rows of the default link; its positive rate
 * is near the 0.0001 skew; the cross's validation-AUC gain and the step-4 test AUC floors are the
 * e2e walk's (test/e2e/walk.test.ts), which Chromium meets on the same world. */
export function checkWalk(r: WalkResult): string[] {
  const out: string[] = [];
  const at = (n: number) => r.steps.find((s) => s.step === n)!;
  for (const s of r.steps) if (s.error) out.push(`${r.engine} step ${s.step}: ${s.error}`);
  const rows = at(2).numbers.rows;
  if (!at(2).error && rows !== 1_000_000) out.push(`${r.engine} step 2: rows=${rows}, want 1000000`);
  const rate = at(2).numbers.positive_rate;
  if (!at(2).error && !(rate! > 0 && rate! < 0.01)) out.push(`${r.engine} step 2: positive_rate=${rate}, want in (0, 0.01)`);
  const { auc_cross: cross, auc_no_cross: plain } = at(3).numbers;
  if (!at(3).error && !(cross! > plain!)) out.push(`${r.engine} step 3: the cross's AUC ${cross} is not above ${plain}`);
  const auc = at(4).numbers.auc_test;
  if (!at(4).error && !(auc! > 0.6 && auc! <= 1)) out.push(`${r.engine} step 4: test AUC ${auc}, want above 0.6`);
  for (const e of r.pageErrors) out.push(`${r.engine} page error: ${e}`);
  if (!r.backend) out.push(`${r.engine}: no backend badge`);
  if (!r.backendReason) out.push(`${r.engine}: the backend badge gives no reason`);
  return out;
}

/** Largest difference allowed between two engines' values of one number: the same seed gives the
 * same data and, on the same WASM backend, the same numbers (measured equal to 16 digits across
 * Chromium, Firefox ESR 153 and WebKitGTK 2.50 on seed engines); a different backend (CPU where WASM
 * cannot start) moves float sums in the last digits, far below this. */
export const ACROSS_ENGINES = 0.01;

/** Every number each walk read agrees with the first walk's within ACROSS_ENGINES. */
export function compareWalks(rs: WalkResult[]): string[] {
  const out: string[] = [];
  const [ref, ...rest] = rs;
  if (!ref) return out;
  for (const r of rest) {
    for (const s of r.steps) {
      const base = ref.steps.find((x) => x.step === s.step)?.numbers ?? {};
      for (const [name, v] of Object.entries(s.numbers)) {
        const b = base[name];
        if (b === undefined || !(Math.abs(v - b) <= ACROSS_ENGINES)) out.push(`step ${s.step} ${name}: ${r.engine} reads ${v}, ${ref.engine} ${b}`);
      }
    }
  }
  return out;
}
