// Fuzzed links in the real app: 1,000 hostile query strings (fast-check, fixed seed) reach the app,
// every 100th by a fresh load and the rest by Back/Forward (popstate, which re-parses the link the
// same way). For each: no page error, nothing from the link becomes an element or an attribute, and
// every notice names a parameter. The parser itself is fuzzed with 2,000 links in
// src/lib/url/fuzz.test.ts (validity, round trip); this checks what the page does with them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fc from 'fast-check';
import { launchChromium } from '../support/browser.ts';
import { openApp } from './app.ts';
import { PARAM_NAMES } from '../../src/lib/url/params.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A marker that would show up in the DOM if any part of a link were inserted as markup. */
const MARK = 'zq9fuzz';

const payload = fc.constantFrom(
  `<img src=x id=${MARK} onerror="window.__${MARK}=1">`,
  `"><svg id=${MARK} onload="window.__${MARK}=1">`,
  `<script>window.__${MARK}=1</script>`,
  `' autofocus onfocus='window.__${MARK}=1' x='`,
  `javascript:window.__${MARK}=1`,
  `${MARK}${'A'.repeat(5000)}`,
  `\u0000\u0007\u001b[31m${MARK}`,
  `١٢٣${MARK}𝟘`,
  '1e999',
  '-1e999',
  'NaN',
  '0x7fffffff',
);
const key = fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.constantFrom('__proto__', 'constructor', `<b id=${MARK}>`, `on${MARK}`));
const link = fc.array(fc.tuple(key, payload), { minLength: 1, maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

/** Throws if the page holds an element, attribute or global created from a link. */
async function assertClean(page: Page, q: string): Promise<void> {
  const found = await page.evaluate((mark) => {
    const hits: string[] = [];
    if ((window as unknown as Record<string, unknown>)[`__${mark}`] !== undefined) hits.push('a script from the link ran');
    if (document.getElementById(mark)) hits.push(`element #${mark}`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.includes(mark) || (a.name.startsWith('on') && a.value.includes(mark))) hits.push(`attribute ${a.name} on <${el.tagName.toLowerCase()}>`);
      }
    }
    return hits;
  }, MARK);
  expect(found, q).toEqual([]);
  // Every notice names a parameter (a known one, or the unknown key it is about, quoted).
  const notices = await page.locator('[data-notice] li').allInnerTexts();
  for (const n of notices) expect(PARAM_NAMES.some((p) => n.includes(p)) || n.includes('“'), n).toBe(true);
}

test('hostile links, by load and by Back/Forward, raise notices and insert nothing', async () => {
  const samples = fc.sample(link, { numRuns: 1000, seed: 1128 });
  const { page, errors } = await openApp(browser, samples[0]!);
  await assertClean(page, samples[0]!);
  for (const [i, q] of samples.entries()) {
    if (i % 100 === 0) {
      await page.goto(`${new URL(page.url()).origin}/?${q}`);
      await page.locator('[data-step]').first().waitFor();
    } else {
      await page.evaluate((search) => {
        history.pushState(null, '', `?${search}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, q);
    }
    await page.locator('[data-step]').first().waitFor();
    await assertClean(page, q);
  }
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});
