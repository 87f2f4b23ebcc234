// Step 2's "Download the data": the built app exports the dataset it generated as Parquet and CSV;
// the downloaded files, read in Node (hyparquet for Parquet), equal the generator's rows for the
// same seed and knobs, column for column, row for row, with zero CSP violations on the way.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { launchChromium } from '../support/browser.ts';
import { firstMismatch } from '../support/export-rows.ts';
import { openApp, waitForJob } from './app.ts';
import { generate } from '../../src/lib/sim/generate.ts';
import { createWorld, validateParams } from '../../src/lib/sim/world.ts';
import { toCsv } from '../../src/lib/sim/csv.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const knobs = { seed: 'export-e2e', skew: 0.01, noise: 0.1, drift: 0.8 };
const ROWS = 100_000;

/** Presses a download button and returns the file the browser saved, with its suggested name. */
async function downloadBy(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('Download Parquet and Download CSV save the generator’s rows, every column, with no CSP violation', async () => {
  const { page, errors } = await openApp(browser, `step=2&seed=${knobs.seed}&rows=${ROWS}&skew=${knobs.skew}&noise=${knobs.noise}&drift=${knobs.drift}`);
  // Listen from the first byte of the document, then reload.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await waitForJob(page, 'generation');

  const world = createWorld(validateParams(knobs).params);
  const cols = generate(world, { rows: ROWS });

  const pq = await downloadBy(page, 'Download Parquet');
  expect(pq.name).toBe(`clickcycle-${knobs.seed}-${cols.n}.parquet`);
  const buf = pq.bytes.buffer.slice(pq.bytes.byteOffset, pq.bytes.byteOffset + pq.bytes.byteLength) as ArrayBuffer;
  expect(parquetMetadata(buf).row_groups.length).toBeGreaterThan(1);
  const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];
  expect(firstMismatch(world, cols, rows, false)).toBeNull();
  // The panel says what it built: the file's size and rows.
  const panel = page.locator('[data-job="export"]');
  await panel.and(page.locator('[data-status="done"]')).waitFor();
  expect(Number(await panel.locator('[data-metric="export_rows"]').getAttribute('data-value'))).toBe(cols.n);
  expect(Number(await panel.locator('[data-metric="export_mb"]').getAttribute('data-value'))).toBeCloseTo(pq.bytes.byteLength / 2 ** 20, 1);
  expect(await panel.locator('[data-role="export-file"] code').innerText()).toBe(pq.name);

  const csv = await downloadBy(page, 'Download CSV');
  expect(csv.name).toBe(`clickcycle-${knobs.seed}-${cols.n}.csv`);
  expect(csv.bytes.toString('utf8')).toBe(toCsv(world, cols, false));
  expect(pq.bytes.byteLength).toBeLessThan(csv.bytes.byteLength / 2);

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual([]);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});

test('Cancel stops a build and leaves the panel ready', async () => {
  const { page, errors } = await openApp(browser, `step=2&seed=${knobs.seed}&rows=1000000&skew=${knobs.skew}`);
  await waitForJob(page, 'generation');
  const panel = page.locator('[data-job="export"]');
  await page.getByRole('button', { name: 'Download CSV', exact: true }).click();
  await panel.and(page.locator('[data-status="running"]')).waitFor();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.and(page.locator('[data-status="idle"]')).waitFor();
  await expect.poll(() => page.getByRole('button', { name: 'Download Parquet', exact: true }).isEnabled()).toBe(true);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});
