// The built app under its Content Security Policy: every step (and lab mode, the data card,
// presenter mode) opens and the worker trains with zero policy violations and zero requests to
// any other origin. The policy comes as a header from `vite preview` and as a meta tag in index.html.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openApp, waitForJob } from './app.ts';
import { STEPS } from '../../src/lib/story/steps.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the production build carries the CSP as a header and a meta tag', async () => {
  const res = await fetch(`${inject('baseUrl')}/`);
  const header = res.headers.get('content-security-policy') ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("object-src 'none'");
  expect(header).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(header).not.toMatch(/'unsafe-eval'/);
  const html = await res.text();
  expect(html).toContain('http-equiv="Content-Security-Policy"');
});

test('every step opens and trains with no CSP violation and no request to another origin', async () => {
  const { page, errors } = await openApp(browser, 'rows=100000&skew=0.01');
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.context().on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
  });
  // Listen from the first byte of the document (violations during load count too), then reload.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await page.locator('[data-step]').first().waitFor();
  for (const s of STEPS) {
    await page.evaluate((n) => {
      const q = new URLSearchParams(location.search);
      q.set('step', String(n));
      history.pushState(null, '', `?${q}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, s.n);
    await page.locator(`[data-step="${s.n}"]`).waitFor();
    if (s.n === 4) {
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await waitForJob(page, 'training');
    }
  }
  for (const q of ['lab=1', 'presenter=1&step=4', 'theme=dark&step=2']) {
    await page.evaluate((search) => {
      history.pushState(null, '', `?rows=100000&skew=0.01&${search}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, q);
    await page.locator('[data-step]').first().waitFor();
  }
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});
