// `npm run test:engines`: builds the production app, serves it, and walks steps 1 → 13 at the
// story's defaults (predictions off) in the packaged Chromium, Firefox ESR and WebKit
// (test/engines/walk.ts), asserting every step's job completes, the contract's numbers are sane and
// the same in every engine, and no page error occurs. Needs the
// Debian packages firefox-esr, webkit2gtk-driver and xvfb; fails (never skips) when one is missing.
// CLICKCYCLE_ENGINES=webkit (or chromium, firefox, a comma-separated list) walks those engines; CLICKCYCLE_WALK_SEED picks the seed.
import { buildAndServe } from '../e2e/serve.ts';
import { chromium, firefox, missingPackages, webkit } from './drivers.ts';
import { walk, type Driver, type WalkResult } from './walk.ts';
import { checkWalk, compareWalks } from './check.ts';

const missing = missingPackages();
if (missing.length) {
  console.error(`test:engines needs the Debian packages firefox-esr, webkit2gtk-driver and xvfb; missing: ${missing.join(', ')}.\nInstall them with: apt-get install -y firefox-esr webkit2gtk-driver xvfb`);
  process.exit(1);
}

const engines: Record<string, () => Promise<Driver>> = { chromium, firefox, webkit };
const wanted = (process.env.CLICKCYCLE_ENGINES ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
const seed = process.env.CLICKCYCLE_WALK_SEED ?? 'engines';

const served = await buildAndServe('production');
const results: WalkResult[] = [];
const problems: string[] = [];
try {
  for (const name of wanted) {
    const start = engines[name];
    if (!start) throw new Error(`unknown engine ${name} (chromium, firefox, webkit)`);
    const d = await start();
    try {
      const r = await walk(d, served.url, `seed=${seed}&predict=0&more=1`);
      results.push(r);
      console.info(`${name}: ${r.totalSeconds.toFixed(0)} s, backend ${r.backend} (${r.backendReason})`);
      for (const line of r.labLog) console.info(`${name} lab log: ${line}`);
      problems.push(...checkWalk(r));
    } finally {
      await d.close();
    }
  }
} finally {
  await served.close();
}
problems.push(...compareWalks(results));
console.info('per-step seconds:');
for (const r of results) console.info(`  ${r.engine}: ${r.steps.map((s) => `${s.step}:${s.seconds.toFixed(0)}`).join(' ')} (total ${r.totalSeconds.toFixed(0)})`);
if (problems.length) {
  console.error(`test:engines failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.info(`test:engines passed: ${results.map((r) => r.engine).join(', ')}`);
process.exit(0);
