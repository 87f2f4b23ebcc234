import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the built app mounts in Chromium', async () => {
  const page = await browser.newPage();
  await page.goto(inject('baseUrl'));
  await expect(page.locator('[data-step]').getAttribute('data-step')).resolves.toBe('1');
  await page.close();
});
