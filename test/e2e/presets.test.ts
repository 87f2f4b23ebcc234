// Lab mode's preset picker loads an instructor preset from data/scenarios into the link.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { openApp } from './app.ts';
import heavy from '../../data/scenarios/heavy-drift.json';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('picking the heavy-drift preset sets its knobs in the URL and the sliders', async () => {
  const { page, errors } = await openApp(browser, 'lab=1');
  const preset = page.getByLabel('Preset');
  await expect(preset.inputValue()).resolves.toBe('default');
  await preset.selectOption('heavy-drift');
  await page.waitForURL(/drift=1/);
  const params = new URL(page.url()).searchParams;
  expect(Number(params.get('noise'))).toBe(heavy.params.noise);
  expect(Number(params.get('drift'))).toBe(heavy.params.drift);
  await expect(preset.inputValue()).resolves.toBe('heavy-drift');
  // Moving a knob away from the preset says so.
  const moved = new URL(page.url());
  moved.searchParams.set('noise', '0.3');
  await page.goto(moved.toString());
  await expect(page.getByLabel('Preset').inputValue()).resolves.toBe('');
  expect(errors).toEqual([]);
});
