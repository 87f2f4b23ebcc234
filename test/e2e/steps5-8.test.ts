// Keyboard-only walk of steps 5–8 at the story's defaults (seed clickcycle, 1,000,000 rows, 0.01%
// worth showing): find suspects, relabel, retrain, move the skew slider, collect more data, and
// compare the three story models. Checks the contract (data-role, metric names, data-slice) and
// the story's numbers as they come out of the app.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf, tabTo, waitForJob } from './app.ts';
import { CALIBRATION_TOLERANCE } from '../../src/lib/labels/story.ts';

/** The story models of step 8, in order. */
const ROLES = ['noisy', 'relabelled', 'rebalanced'] as const;
/** The columns of step 8's table. */
const COLUMNS = ['gold_auc', 'pr_auc', 'recall', 'precision', 'calibration', 'normalized_entropy'] as const;
/** One model's row of the table, by column. */
type Row = Record<(typeof COLUMNS)[number], number>;
/** Smallest gold-AUC gain of relabelling, steps 6 and 8 (test/story/labels.test.ts measured 0.026–0.039 on five seeds, 0.032 at clickcycle). */
const MIN_RELABEL_GAIN = 0.015;
/** Smallest gold-AUC gain of the rebalanced model over the relabelled one (measured 0.013–0.021, 0.020 at clickcycle). */
const MIN_COLLECT_GAIN = 0.005;
/** Smallest ratio of the rebalanced model's PR-AUC to the noisy model's (measured 4.5–5.1; PR-AUC at 0.01% positives moves by ±40% with training settings). */
const MIN_PR_AUC_RATIO = 2;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The numeric value of the first element matching `selector`, once it exists. */
async function valueOf(page: Page, selector: string, timeout = 180_000): Promise<number> {
  const el = page.locator(selector).first();
  await el.waitFor({ timeout });
  return Number(await el.getAttribute('data-value'));
}

/** Presses Enter on the control named `name` (reached with Tab). */
async function press(page: Page, name: RegExp): Promise<void> {
  await focusPage(page);
  await tabTo(page, name, 200);
  await page.keyboard.press('Enter');
}

describe('steps 5–8', () => {
  test('keyboard only: suspects, relabel, retrain, skew slider, collection, three models', { timeout: 900_000 }, async () => {
    const { page, errors } = await openApp(browser, 'seed=clickcycle&step=4&backend=wasm');
    await press(page, /^Train$/);
    await page.locator('[data-job="training"][data-status="running"], [data-job="training"][data-status="done"]').first().waitFor();
    await waitForJob(page, 'training', 180_000);

    // Step 5: the slice table, suspects, relabelling.
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(5);
    await waitForJob(page, 'slices', 180_000);
    const first = page.locator('[data-slice]').first();
    expect(await first.getAttribute('data-slice')).toBe('cell:travel×finance');
    expect(Number(await first.locator('[data-metric="error_rate"]').getAttribute('data-value'))).toBeGreaterThan(0);
    await press(page, /^Find suspects$/);
    await page.locator('[data-job="suspects"][data-status="running"]').waitFor();
    await waitForJob(page, 'suspects', 300_000);
    const wrong = await valueOf(page, '[data-metric="wrong_positive_share"]');
    expect(wrong).toBeGreaterThan(0.35);
    expect(wrong).toBeLessThan(0.65);
    const precision = await valueOf(page, '[data-metric="suspect_precision"]');
    // Day folds with a 15-day buffer keep each fold model away from the buggy batch it scores (test/story/labels.test.ts: 0.69–0.79 on five seeds).
    expect(precision).toBeGreaterThanOrEqual(0.5);
    await page.locator('[data-metric="relabel_quote"]').first().waitFor();
    // The rows for the expert are in the link: the top 100 suspects are quoted as 100 rows; choosing
    // the slice again (the default) leaves the parameter out of the link and quotes the slice.
    const sliceRows = await valueOf(page, '[data-metric="relabel_quote_rows"]');
    await page.getByRole('radio', { name: /the top suspects/ }).check();
    await page.waitForURL(/relabel=suspects(&|$)/);
    await page.locator('[data-metric="relabel_quote_rows"][data-value="100"]').waitFor();
    await page.getByRole('radio', { name: /the “show” labels of/ }).check();
    await page.waitForURL((u) => !u.searchParams.has('relabel'));
    await page.locator(`[data-metric="relabel_quote_rows"][data-value="${sliceRows}"]`).waitFor();
    await press(page, /^Relabel$/);
    await waitForJob(page, 'relabel');
    expect(await valueOf(page, '[data-job="relabel"] [data-metric="labels_changed"]')).toBeGreaterThan(10);
    expect(await valueOf(page, '[data-job="relabel"] [data-metric="relabel_cost"]')).toBeGreaterThan(0);

    // Step 6: retrain on the relabelled data; gold AUC rises.
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(6);
    await press(page, /^Train$/);
    const fixedAuc = await valueOf(page, '[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])', 300_000);
    const noisyAuc = await valueOf(page, '[data-metric="gold_auc"][data-role="noisy"]');
    expect(fixedAuc - noisyAuc, 'gold AUC gain of relabelling').toBeGreaterThanOrEqual(MIN_RELABEL_GAIN);

    // Step 7: the silent model and the skew slider.
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(7);
    expect(await valueOf(page, '[data-metric="recall"][data-role="relabelled"]')).toBe(0);
    expect(await page.locator('[data-metric="precision"][data-role="relabelled"]').first().getAttribute('data-value')).toBe('NaN');
    const acc = await valueOf(page, '[data-metric="accuracy"][data-role="relabelled"]');
    const dummy = await valueOf(page, '[data-metric="accuracy"][data-model="dummy"]');
    expect(Math.abs(acc - dummy)).toBeLessThan(1e-3);
    await waitForJob(page, 'skew', 180_000);
    await focusPage(page);
    await tabTo(page, /^Skew/, 200);
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    // Each key press asks for a retrain; the latest position wins, and its run joins the chart.
    await page.locator('[data-job="skew"] circle[data-skew]').nth(1).waitFor({ timeout: 180_000 });
    // The skew lab's position is in the link (skew_lab), not only in memory.
    await page.waitForURL(/skew_lab=/);
    await waitForJob(page, 'skew', 180_000);
    // Step 7 diagnoses; the collection is step 8's fix.
    expect(await page.locator('[data-job="collect"]').count(), 'no collection panel on step 7').toBe(0);

    // Step 8: collect, train and recalibrate, then compare the three.
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(8);
    await press(page, /^Collect more data$/);
    // Done means every number is final: once the collection panel reads done, the rebalanced model's
    // gold numbers and its recalibrated calibration are all in, with nothing left "being measured".
    await page.locator('[data-job="collect"][data-status="running"]').waitFor();
    await waitForJob(page, 'collect', 300_000);
    const finalNow = await page.locator('[data-job="collect"] [data-metric]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-metric')}@${e.getAttribute('data-split') ?? ''}=${e.getAttribute('data-value')}`));
    expect(finalNow.filter((m) => m.startsWith('calibration@gold-recalibrated=')), finalNow.join(' ')).toHaveLength(1);
    expect(finalNow.find((m) => m.startsWith('calibration@gold-recalibrated=')), 'recalibrated calibration when the panel is done').not.toMatch(/=NaN$/);
    expect(await page.getByText('being measured').count(), 'nothing "being measured" after done').toBe(0);
    const recall = await valueOf(page, '[data-metric="recall"][data-role="rebalanced"]', 300_000);
    expect(recall).toBeGreaterThanOrEqual(0.5);

    const table = {} as Record<(typeof ROLES)[number], Row>;
    for (const role of ROLES) {
      const row = {} as Row;
      for (const name of COLUMNS) row[name] = await valueOf(page, `tr[data-role="${role}"] [data-metric="${name}"][data-role="${role}"]`, 120_000);
      table[role] = row;
    }
    const { noisy: n, relabelled: c, rebalanced: r } = table;
    console.info(`step 8: ${JSON.stringify(table)}`);
    for (const role of ROLES) {
      const t = table[role];
      for (const name of ['gold_auc', 'pr_auc', 'calibration', 'normalized_entropy'] as const) expect(Number.isFinite(t[name]), `${role} ${name}=${t[name]}`).toBe(true);
      expect(t.gold_auc, `${role} gold AUC`).toBeGreaterThan(0.5);
      expect(t.gold_auc, `${role} gold AUC`).toBeLessThanOrEqual(1);
      expect(t.pr_auc, `${role} PR-AUC`).toBeGreaterThan(0);
      expect(t.pr_auc, `${role} PR-AUC`).toBeLessThanOrEqual(1);
      expect(t.calibration, `${role} calibration`).toBeGreaterThan(0);
      expect(t.normalized_entropy, `${role} normalized entropy`).toBeGreaterThan(0);
      // Every number the step quotes about a model (headline, narrative) is the table's.
      const quoted = await page.locator(`[data-metric="gold_auc"][data-role="${role}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
      expect(new Set(quoted), `${role} gold AUC quoted as ${quoted.join(', ')}`).toEqual(new Set([String(t.gold_auc)]));
    }
    // The noisy and relabelled models are step 6's, on the same gold stream.
    expect(n.gold_auc).toBe(noisyAuc);
    expect(c.gold_auc).toBe(fixedAuc);
    // Ranking: fixing the labels helps, the collected positives help again (margins above).
    expect(c.gold_auc - n.gold_auc, 'gold AUC gain of relabelling').toBeGreaterThanOrEqual(MIN_RELABEL_GAIN);
    expect(r.gold_auc - c.gold_auc, 'gold AUC gain of collection').toBeGreaterThanOrEqual(MIN_COLLECT_GAIN);
    expect(r.pr_auc / n.pr_auc, 'PR-AUC of the rebalanced model over the noisy one').toBeGreaterThanOrEqual(MIN_PR_AUC_RATIO);
    // At 0.5 the relabelled model never says "show" (precision undefined); the rebalanced one finds most positives.
    expect(c.recall).toBe(0);
    expect(c.precision).toBeNaN();
    expect(r.recall).toBeGreaterThanOrEqual(0.5);
    expect(r.recall).toBeLessThanOrEqual(1);
    expect(r.precision).toBeGreaterThan(0);
    expect(r.precision).toBeLessThan(1);
    // Trained without weights on a 0.1% sample of negatives, it over-predicts by hundreds; recalibrated, it is calibrated
    // (test/story/labels.test.ts: 407× → 0.96 at seed clickcycle) and its log loss falls below the as-trained one.
    expect(r.calibration).toBeGreaterThan(50);
    expect(r.normalized_entropy).toBeGreaterThan(1);
    const recal = await valueOf(page, '[data-metric="calibration"][data-role="rebalanced"][data-split="gold-recalibrated"]');
    const recalNe = await valueOf(page, '[data-metric="normalized_entropy"][data-role="rebalanced"][data-split="gold-recalibrated"]');
    expect(Math.abs(recal - 1), `recalibrated calibration ${recal}`).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    expect(recalNe).toBeLessThan(r.normalized_entropy);
    expect(recalNe).toBeGreaterThan(0);

    // The operating threshold comes from the cost ratio (default 0.001): r / (1 + r) on calibrated probabilities.
    const op = await valueOf(page, '[data-metric="operating_threshold"][data-role="rebalanced"]');
    expect(op).toBeCloseTo(0.001 / 1.001, 12);
    for (const role of ['relabelled', 'rebalanced'] as const) {
      const rec = await valueOf(page, `[data-metric="recall"][data-role="${role}"][data-split="operating"]`);
      const prec = await valueOf(page, `[data-metric="precision"][data-role="${role}"][data-split="operating"]`);
      const shown = await valueOf(page, `[data-metric="shown_ads"][data-role="${role}"][data-split="operating"]`);
      console.info(`step 8 operating point, ${role}: recall ${rec}, precision ${prec}, shown ${shown}`);
      expect(rec, `${role} recall at the operating threshold`).toBeGreaterThanOrEqual(0);
      expect(rec).toBeLessThanOrEqual(1);
      // Precision is defined exactly when something is shown.
      if (shown > 0) expect(prec).toBeGreaterThan(0);
      else expect(prec).toBeNaN();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
