// Screenshots of every step at a projector laptop's size (1366×768) and a phone's (390×844), in
// light, dark and presenter mode, written to screenshots/ (git-ignored) for a person to look at.
// Also checks that no page scrolls sideways at either size, and audits each view with axe-core
// (WCAG 2 A/AA rules): no serious or critical violation in any step, mode or size. In light and dark
// mode each step's explanation opens at a first paragraph of about 60 words (narrative.ts). In
// presenter mode each step must fit one projector screen (firstScreen) at 1366×768, at 1280×720 and
// at 1366×768 with 150% browser zoom (911×512 CSS pixels), and every text in its key charts must be
// at least 20 px at 1366×768 (chartText). Each step is shot and audited after its jobs have run.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf, waitForJob } from './app.ts';
import { STEP_COUNT } from '../../src/lib/story/steps.ts';
import { foldedStory, unfoldStory } from './narrative.ts';

const OUT = fileURLToPath(new URL('../../screenshots/app/', import.meta.url));
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const MODES = [
  { name: 'light', scheme: 'light', query: '' },
  { name: 'dark', scheme: 'dark', query: '' },
  { name: 'presenter', scheme: 'light', query: '&presenter=1' },
] as const;
/** The walks that visit the modes: light and dark differ only in the system's colour scheme, which the app follows
 * live, so one walk trains every step once and shoots and checks it in both; presenter mode walks on its own (its
 * buttons are pressed in presenter mode, the way a presenter runs the class). */
const WALKS = [
  { name: 'light and dark', query: '', modes: [MODES[0], MODES[1]] },
  { name: 'presenter', query: MODES[2].query, modes: [MODES[2]] },
] as const;
/** The default world a newcomer sees (seed, 1,000,000 rows, 0.01% positives), so the screenshots show the real story. */
const WORLD = 'seed=clickcycle';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Sets the step's scene up with live results: the baseline policy at 1, data at 2, the cross comparison at 3, a trained model and its test-set report at 4, the stale model with AUC per day and the drift report at 9, a retrain and the freshness chart at 10. */
async function prepare(page: Page, step: number): Promise<void> {
  if (step === 1) await page.locator('[data-panel="policy"][data-status="done"]').waitFor({ timeout: 60_000 });
  if (step === 2) await waitForJob(page, 'generation');
  if (step === 3) {
    await page.getByRole('button', { name: 'Compare with and without the cross' }).click();
    await page.locator('[data-metric="auc"][data-model="cross"]').first().waitFor({ timeout: 120_000 });
  }
  if (step === 4) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForJob(page, 'training');
    await waitForJob(page, 'evaluation');
  }
  if (step === 5) {
    await waitForJob(page, 'slices', 180_000);
    await page.getByRole('button', { name: 'Find suspects', exact: true }).click();
    await page.locator('[data-job="suspects"][data-status="running"]').waitFor();
    await waitForJob(page, 'suspects', 300_000);
    await page.getByRole('button', { name: 'Relabel', exact: true }).click();
    await waitForJob(page, 'relabel');
  }
  if (step === 6) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])').first().waitFor({ timeout: 300_000 });
    // The grid gains the relabelled model's column once its slices are measured.
    await page.locator('[data-slice] td[data-role="relabelled"]').first().waitFor({ timeout: 180_000 });
    await waitForJob(page, 'slices', 180_000);
  }
  if (step === 7) await waitForJob(page, 'skew', 180_000);
  if (step === 8) {
    await page.getByRole('button', { name: 'Collect more data', exact: true }).click();
    await page.locator('[data-metric="recall"][data-role="rebalanced"]').first().waitFor({ timeout: 300_000 });
    await page.locator('[data-metric="calibration"][data-split="gold-recalibrated"]:not([data-value="NaN"])').first().waitFor({ timeout: 120_000 });
    await page.locator('tr[data-role="rebalanced"] [data-metric="gold_auc"]').first().waitFor({ timeout: 300_000 });
  }
  if (step === 9) {
    await page.getByRole('button', { name: 'Train the stale model' }).click();
    await waitForJob(page, 'stale', 180_000);
    await page.getByRole('button', { name: 'Evaluate per day' }).click();
    await waitForJob(page, 'per-day', 120_000);
    await page.getByRole('button', { name: 'Open the drift report' }).click();
    await waitForJob(page, 'drift-report', 120_000);
  }
  if (step === 10) {
    await page.getByRole('button', { name: 'Last 14 days' }).click();
    await page.getByRole('button', { name: 'Retrain' }).click();
    await waitForJob(page, 'fresh', 180_000);
    await page.getByRole('button', { name: 'Draw the freshness chart' }).click();
    await waitForJob(page, 'freshness', 180_000);
  }
  if (step === 11) await serveFortnight(page);
  if (step === 12) await switchToCtr(page);
}

/** Step 11: deploy, shadow, promote, and serve the fortnight flat out. */
async function serveFortnight(page: Page): Promise<void> {
  const enabled = (name: string) => page.getByRole('button', { name, exact: true }).and(page.locator(':not([disabled])'));
  await enabled('Deploy').click({ timeout: 60_000 });
  await enabled('Start shadow').click({ timeout: 60_000 });
  // At the story's defaults the step-10 fresh model (trained on the 0.02% "show" rate, so its scores
  // are tiny) must pass the impressions gate: its candidate bars start from its own median score.
  const gate = page.locator('[data-gate]');
  await gate.waitFor({ timeout: 60_000 });
  expect(await gate.getAttribute('data-gate'), await gate.innerText()).toBe('pass');
  await enabled('Promote').click({ timeout: 60_000 });
  await page.getByLabel('Speed (days per second)').selectOption('0');
  await waitForJob(page, 'serving');
}

/** Step 12: switch the objective, shadow and promote the click model, replay. */
async function switchToCtr(page: Page): Promise<void> {
  const enabled = (name: string) => page.getByRole('button', { name, exact: true }).and(page.locator(':not([disabled])'));
  await enabled('Switch objective to CTR').click({ timeout: 60_000 });
  await waitForJob(page, 'click-model');
  await enabled('Start shadow').click({ timeout: 60_000 });
  await enabled('Promote').click({ timeout: 60_000 });
  await enabled('Replay').click({ timeout: 60_000 });
  await waitForJob(page, 'replay');
}

/** The projector screens a presenter may have: a laptop, a 720p projector and a laptop at 150% browser zoom; a step must fit each (a screen with must: false would only be logged). */
const PROJECTOR = [
  { name: '1366×768', width: 1366, height: 768, must: true },
  { name: '1280×720', width: 1280, height: 720, must: true },
  { name: '1366×768 at 150%', width: 911, height: 512, must: true },
] as const;

/**
 * Presenter mode, one screen a step (issue 17 §1): with the page at the top, at least three key
 * elements (data-key: the headline, the main chart, the key tiles) are visible and each lies inside
 * the first screen; a key table shows all its columns at 1280 px and wider (step 13's Test AUC column
 * ran off the projector's edge); the header is one row (its visible items' tops within 12 px, and the header no
 * taller than 3 rem: one row takes 2.2–2.6 rem, a second would add a button’s height); no visible text reads "undefined" or
 * "NaN". Logs the page's full height, to compare with the 1,700–4,800 px of the issue. Returns the problems.
 */
async function firstScreen(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const size of PROJECTOR) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    await page.evaluate(() => window.scrollTo(0, 0));
    const seen = await page.evaluate(() => {
      const visible = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      };
      // A key element's extent includes whatever of its content overflows it.
      const keys = [...document.querySelectorAll('[data-key]')].filter(visible).map((e) => {
        const boxes = [e, ...e.querySelectorAll('*')].filter(visible).map((d) => d.getBoundingClientRect());
        return {
          key: `${e.getAttribute('data-key')}${e.getAttribute('data-metric') ? `:${e.getAttribute('data-metric')}` : ''}`,
          top: Math.min(...boxes.map((r) => r.top)),
          bottom: Math.max(...boxes.map((r) => r.bottom)),
        };
      });
      // A key table's columns all in view: its scrolling region is no wider inside than out.
      const clipped = [...document.querySelectorAll<HTMLElement>('[data-key="table"]')].filter(visible).map((e) => e.scrollWidth - e.clientWidth);
      const header = document.querySelector('header')!;
      const tops = [...header.children].filter(visible).map((e) => e.getBoundingClientRect().top);
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return {
        keys,
        clipped,
        headerHeight: header.getBoundingClientRect().height,
        headerSpread: Math.max(...tops) - Math.min(...tops),
        rem,
        text: document.body.innerText,
        height: document.documentElement.scrollHeight,
      };
    });
    const at = `${where} at ${size.name}`;
    console.info(`${at}: page height ${seen.height} px, ${seen.keys.length} key elements (${seen.keys.map((k) => k.key).join(', ')})`);
    const found: string[] = [];
    if (seen.keys.length < 3) found.push(`${at}: ${seen.keys.length} visible data-key elements, want at least 3`);
    for (const k of seen.keys) {
      if (k.top < 0 || k.bottom > size.height) found.push(`${at}: ${k.key} spans ${Math.round(k.top)}–${Math.round(k.bottom)} px, outside the first ${size.height} px`);
    }
    // At 150% zoom a wide table may scroll sideways in its own region (its first columns stay in view).
    for (const px of seen.clipped) {
      if (px > 1 && size.width >= 1280) found.push(`${at}: a key table's columns run ${px} px past its region's right edge`);
      else if (px > 1) console.info(`${at}: a key table scrolls sideways by ${px} px`);
    }
    if (seen.headerSpread > 12 || seen.headerHeight > 3 * seen.rem) found.push(`${at}: the header is not one row (${Math.round(seen.headerHeight)} px tall, its items' tops ${Math.round(seen.headerSpread)} px apart)`);
    const bad = seen.text.match(/.{0,40}\b(undefined|NaN)\b.{0,40}/);
    if (bad) found.push(`${at}: visible text reads “${bad[0]}”`);
    if (size.must) problems.push(...found);
    else for (const f of found) console.info(`does not fit: ${f}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  return problems;
}

/** The smallest text a room must read on a projector (issue "A class can follow it", §4). */
const MIN_PRESENTER_TEXT_PX = 20;

/**
 * Presenter mode at 1366×768: the smallest rendered text inside each visible data-key chart or figure,
 * ticks and legends included, which must be at least MIN_PRESENTER_TEXT_PX. Returns the problems.
 * Rendered size, not the CSS font-size: a chart drawn smaller than its coordinates (a viewBox wider than
 * the box it is drawn in, a CSS transform or zoom) shrinks its text on screen while font-size stays put.
 * The rule: SVG text is its computed font-size times the screen length of one unit of its own y axis
 * (from getScreenCTM(), which holds the viewBox, SVG transforms and CSS transforms around it); HTML text
 * is its computed font-size times the scale its box is drawn at (the on-screen height of the nearest laid-out box over its layout
 * height, offsetHeight, which is what an ancestor's transform or zoom changes).
 */
async function chartText(page: Page, where: string): Promise<string[]> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(150);
  await page.evaluate(() => window.scrollTo(0, 0));
  const found = await page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
    };
    const out: { chart: string; px: number; text: string }[] = [];
    for (const chart of document.querySelectorAll('[data-key="chart"], [data-key="figure"]')) {
      if (!visible(chart)) continue;
      let min = Infinity;
      let text = '';
      for (const e of chart.querySelectorAll('*')) {
        const own = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
        if (!own || !visible(e)) continue;
        let px = parseFloat(getComputedStyle(e).fontSize);
        if (e instanceof SVGGraphicsElement) {
          const ctm = e.getScreenCTM();
          if (ctm) px *= Math.hypot(ctm.c, ctm.d);
        } else {
          let box: Element | null = e;
          while (box && !(box instanceof HTMLElement && box.offsetHeight > 0)) box = box.parentElement;
          if (box instanceof HTMLElement) px *= box.getBoundingClientRect().height / box.offsetHeight;
        }
        if (px < min) {
          min = px;
          text = own.slice(0, 30);
        }
      }
      if (Number.isFinite(min)) out.push({ chart: chart.querySelector('[data-chart], figure, svg')?.getAttribute('data-chart') ?? chart.tagName.toLowerCase(), px: min, text });
    }
    return out;
  });
  for (const f of found) console.info(`${where}: smallest chart text ${f.px.toFixed(1)} px (“${f.text}”)`);
  return found.filter((f) => f.px < MIN_PRESENTER_TEXT_PX - 0.05).map((f) => `${where}: chart text “${f.text}” is ${f.px.toFixed(1)} px, below ${MIN_PRESENTER_TEXT_PX} px`);
}

/** Serious or critical axe-core violations of the page as it is now, one line each. */
async function audit(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Screenshots and audits the page at both sizes; returns the problems (sideways scroll, axe violations). */
async function shoot(page: Page, file: string): Promise<string[]> {
  const overflow: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) {
      // Name the innermost elements that reach past the screen's right edge, so the fix is findable.
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((e) => {
            const past = (x: Element) => x.getBoundingClientRect().right > window.innerWidth + 0.5;
            // An element inside a scrolling box does not widen the page: skip those.
            for (let a = e.parentElement; a; a = a.parentElement) if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return false;
            return past(e) && ![...e.children].some(past);
          })
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} “${(e.textContent ?? '').trim().slice(0, 40)}”`),
      );
      overflow.push(`${file} at ${size.name} is ${wide}px too wide (${culprits.join('; ') || 'none found'})`);
    }
    await page.screenshot({ path: `${OUT}${file}-${size.name}.png`, fullPage: true });
    overflow.push(...(await audit(page, `${file} at ${size.name}`)));
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  return overflow;
}

test.each(WALKS)('every step, lab mode and the data card in $name mode, at both sizes', async (walk) => {
  const presenter = walk.name === 'presenter';
  const { page, errors } = await openApp(browser, `${WORLD}${walk.query}`, { colorScheme: walk.modes[0].scheme, reducedMotion: 'reduce' });
  const overflow: string[] = [];
  /** Shows the page in a mode's colour scheme (the app follows the system's preference as it changes). */
  const scheme = (mode: (typeof MODES)[number]) => page.emulateMedia({ colorScheme: mode.scheme });
  for (let n = 1; n <= STEP_COUNT; n++) {
    if (n > 1) {
      await focusPage(page);
      await page.keyboard.press('ArrowRight');
    }
    expect(await stepOf(page)).toBe(n);
    // Presenter mode folds what is not on the first screen; the walk runs the step unfolded (D), as
    // the waits below look for results a folded screen keeps in the page but does not show, then folds it.
    if (presenter) {
      await focusPage(page);
      await page.keyboard.press('d');
    }
    await prepare(page, n);
    if (presenter) {
      await focusPage(page);
      await page.keyboard.press('d');
      overflow.push(...(await firstScreen(page, `presenter step ${n}`)));
      overflow.push(...(await chartText(page, `presenter step ${n}`)));
    }
    // The normal modes are shot as a reader first sees them: the explanation at its first paragraph
    // (checked here, in each mode, with the step's live numbers in), then opened again for the next step's waits.
    for (const mode of walk.modes) {
      await scheme(mode);
      if (!presenter) overflow.push(...(await foldedStory(page, `${mode.name} step ${n}`)));
      overflow.push(...(await shoot(page, `${mode.name}-step${String(n).padStart(2, '0')}`)));
    }
    await scheme(walk.modes[0]);
    if (!presenter) await unfoldStory(page);
  }
  // Presenter mode hides the view toggles (keyboard only), so the link opens lab mode there.
  if (presenter) await page.goto(`${page.url()}&lab=1`);
  else await page.getByRole('button', { name: 'Lab mode' }).click();
  await page.locator('[data-lab]').waitFor();
  for (const mode of walk.modes) {
    await scheme(mode);
    overflow.push(...(await shoot(page, `${mode.name}-lab`)));
  }
  await page.goto(`${page.url().split('#')[0]}#data-card`);
  await page.getByRole('article', { name: 'Data card' }).waitFor();
  for (const mode of walk.modes) {
    await scheme(mode);
    overflow.push(...(await shoot(page, `${mode.name}-datacard`)));
  }
  expect(overflow).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 900_000);
