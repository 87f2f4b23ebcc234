// One walk of the production build, steps 1 → 13 at the story's defaults (predictions off), that
// every engine runs the same way: each action is a small script run in the page (clicking a button
// by its name, waiting for a contract attribute), so a driver only has to open a URL and run a script.
// It mirrors the main actions of test/e2e/screenshots.test.ts and reads the contract's numbers.
import { STEP_COUNT } from '../../src/lib/story/steps.ts';

/** What a browser driver must do for the walk. */
export interface Driver {
  /** The engine's name in the report ("firefox", "webkit"). */
  name: string;
  open(url: string): Promise<void>;
  /** Runs `body` (the source of an async function of one argument) in the page and returns its JSON result. */
  run<T>(body: string, arg: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The page-side helpers every script starts with (plain JS: it runs in the engine as written). */
const HELPERS = `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nameOf = (el) => (el.getAttribute('aria-label') ?? el.innerText ?? '').trim();
async function until(what, f, timeout) {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error('timed out after ' + Math.round(timeout / 1000) + ' s waiting for ' + what);
    await sleep(100);
  }
}
function failed() {
  const bad = document.querySelector('[data-job][data-status="error"], [data-job][data-status="interrupted"]');
  return bad ? bad.getAttribute('data-job') + ' ' + bad.getAttribute('data-status') + ': ' + bad.textContent.replace(/\\s+/g, ' ').slice(0, 400) : '';
}
async function click(name, timeout = 120000) {
  const b = await until('an enabled button named ' + name, () => [...document.querySelectorAll('button')].find((b) => !b.disabled && nameOf(b) === name), timeout);
  b.click();
}
async function job(name, timeout = 300000) {
  await sleep(50);
  await until('[data-job="' + name + '"]', () => { const f = failed(); if (f) throw new Error(f); return document.querySelector('[data-job="' + name + '"]'); }, timeout);
  const sel = '[data-job="' + name + '"]';
  await until(sel + ' done', () => {
    const el = document.querySelector(sel);
    const s = el && el.getAttribute('data-status');
    if (s === 'error' || s === 'interrupted') throw new Error(name + ' ended ' + s + ': ' + el.textContent.replace(/\\s+/g, ' ').slice(0, 400));
    return s === 'done';
  }, timeout);
}
async function seen(sel, timeout = 300000) {
  await until(sel, () => { const f = failed(); if (f) throw new Error(f); return document.querySelector(sel); }, timeout);
}
function value(sel) {
  const el = document.querySelector(sel);
  return el ? Number(el.getAttribute('data-value')) : NaN;
}
`;

/** Each step's main actions, as the body of an async page function; returns the numbers it read. */
const STEPS: Record<number, string> = {
  1: `await seen('[data-panel="policy"][data-status="done"]'); return { ads: value('[data-metric="ads"]') };`,
  2: `await job('generation'); return { rows: value('[data-metric="rows"]'), positive_rate: value('[data-metric="positive_rate"]') };`,
  3: `await click('Compare with and without the cross'); await seen('[data-metric="auc"][data-model="cross"]'); await job('feature-trial');
      return { auc_no_cross: value('[data-metric="auc"][data-model="no-cross"]'), auc_cross: value('[data-metric="auc"][data-model="cross"]') };`,
  4: `await click('Train'); await job('training'); await job('evaluation');
      return { auc_test: value('[aria-label^="Model v"] [data-metric="auc"][data-split="test"]') };`,
  5: `await job('slices'); await click('Find suspects'); await seen('[data-job="suspects"]'); await job('suspects'); await click('Relabel'); await job('relabel');
      return {};`,
  6: `await click('Train'); await seen('[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])');
      await seen('[data-slice] td[data-role="relabelled"]'); await job('slices');
      return { gold_auc_relabelled: value('[data-metric="gold_auc"][data-role="relabelled"]') };`,
  7: `await job('skew'); return { recall_relabelled: value('[data-metric="recall"][data-role="relabelled"]') };`,
  8: `await click('Collect more data'); await seen('[data-metric="recall"][data-role="rebalanced"]');
      await seen('[data-metric="calibration"][data-split="gold-recalibrated"]:not([data-value="NaN"])');
      await seen('tr[data-role="rebalanced"] [data-metric="gold_auc"]');
      return { recall_rebalanced: value('[data-metric="recall"][data-role="rebalanced"]'), gold_auc_rebalanced: value('tr[data-role="rebalanced"] [data-metric="gold_auc"]') };`,
  9: `await click('Train the stale model'); await job('stale'); await click('Evaluate per day'); await job('per-day');
      await click('Open the drift report'); await job('drift-report'); return {};`,
  10: `await click('Last 14 days'); await click('Retrain'); await job('fresh'); await click('Draw the freshness chart'); await job('freshness'); return {};`,
  11: `await click('Deploy'); await click('Start shadow'); await seen('[data-gate]');
      const gate = document.querySelector('[data-gate]').getAttribute('data-gate');
      if (gate !== 'pass') throw new Error('the impressions gate reads ' + gate + ': ' + document.querySelector('[data-gate]').innerText.slice(0, 200));
      await click('Promote');
      const speed = [...document.querySelectorAll('select')].find((s) => (s.labels && s.labels[0] && s.labels[0].innerText.trim()) === 'Speed (days per second)' || s.getAttribute('aria-label') === 'Speed (days per second)');
      if (!speed) throw new Error('no Speed (days per second) control');
      speed.value = '0'; speed.dispatchEvent(new Event('change', { bubbles: true }));
      await job('serving'); return {};`,
  // The CTR gate compares the challenger with the champion in shadow on the quantity its rule names
  // (the first two shadow metrics of the gate's sentence): the reader promotes and replays only when
  // it passes; a held-back CTR model is the gate's verdict, read and compared across engines.
  12: `await click('Switch objective to CTR'); await job('click-model'); await click('Start shadow');
      const ctr = '[data-gate] > p:not(.rule) [data-metric][data-split="shadow"]';
      await seen(ctr);
      const pass = document.querySelector('[data-gate]').getAttribute('data-gate') === 'pass';
      const read = { ctr_gate_pass: pass ? 1 : 0, ctr_gate_challenger: value(ctr), ctr_gate_champion: Number(document.querySelectorAll(ctr)[1]?.getAttribute('data-value')) };
      if (!pass) return read;
      await click('Promote'); await click('Replay'); await job('replay'); return read;`,
  13: `await sleep(500); return {};`,
};

/** Wraps a step body so it throws with the page's state on failure and returns JSON. */
function script(body: string): string {
  return `${HELPERS}\nreturn (async () => { ${body} })();`;
}

/** What one step of a walk gave. */
export interface StepResult {
  step: number;
  seconds: number;
  numbers: Record<string, number>;
  error: string;
}

/** What a walk gave: per-step results, the page errors, the backend badge, and the lab's log. */
export interface WalkResult {
  engine: string;
  steps: StepResult[];
  pageErrors: string[];
  backend: string;
  backendReason: string;
  labLog: string[];
  totalSeconds: number;
}

/** Installs the page-error collector (run after each navigation). */
const WATCH_ERRORS = `window.__walkErrors ??= []; if (!window.__walkWatching) { window.__walkWatching = true;
  const step = () => 'step ' + (document.querySelector('[data-step]')?.getAttribute('data-step') ?? '?') + ': ';
  // "ResizeObserver loop completed with undelivered notifications" is the notification the Resize
  // Observer spec itself reports when a layout settles over two frames: no script failed.
  window.addEventListener('error', (e) => { if (!/^ResizeObserver loop/.test(e.message)) window.__walkErrors.push(step() + 'error: ' + e.message + (e.error && e.error.stack ? ' at ' + String(e.error.stack).split('\\n').slice(0, 3).join(' | ') : '')); });
  window.addEventListener('unhandledrejection', (e) => window.__walkErrors.push(step() + 'unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
  const ce = console.error.bind(console); console.error = (...a) => { window.__walkErrors.push(step() + 'console.error: ' + a.map((x) => x && x.stack ? String(x.stack).split('\\n').slice(0, 4).join(' | ') : String(x)).join(' ')); ce(...a); }; }
  return true;`;

/** Walks steps 1 → 13 from `baseUrl` with `query`, logging as it goes. */
export async function walk(d: Driver, baseUrl: string, query: string, log: (s: string) => void = console.info): Promise<WalkResult> {
  const started = Date.now();
  await d.open(`${baseUrl}/?${query}`);
  await d.run(script(`await until('the app', () => document.querySelector('[data-step]'), 60000); ${WATCH_ERRORS}`), null);
  const steps: StepResult[] = [];
  for (let n = 1; n <= STEP_COUNT; n++) {
    const t0 = Date.now();
    let error = '';
    let numbers: Record<string, number> = {};
    try {
      if (n > 1) {
        await d.run(script(`(document.activeElement)?.blur(); window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
          await until('step ${n}', () => document.querySelector('[data-step]')?.getAttribute('data-step') === '${n}', 10000); return true;`), null);
      }
      numbers = await d.run<Record<string, number>>(script(STEPS[n]!), null);
    } catch (e) {
      error = (e as Error).message.replace(/\s+/g, ' ').slice(0, 500);
    }
    const seconds = (Date.now() - t0) / 1000;
    steps.push({ step: n, seconds, numbers, error });
    log(`${d.name} step ${n}: ${seconds.toFixed(1)} s ${error ? `FAILED ${error}` : JSON.stringify(numbers)}`);
  }
  const end = await d.run<{ errors: string[]; backend: string; reason: string; labLog: string[] }>(
    script(`const b = document.querySelector('[data-backend]');
      return { errors: window.__walkErrors || [], backend: b ? b.getAttribute('data-backend') : '', reason: b ? (b.getAttribute('title') || '') : '', labLog: (window.__clickcycleWorkerLog || []).slice() };`),
    null,
  );
  return { engine: d.name, steps, pageErrors: end.errors, backend: end.backend, backendReason: end.reason, labLog: end.labLog, totalSeconds: (Date.now() - started) / 1000 };
}
