// Helpers for walking the built app: open it, wait for a job, read the contract attributes.
import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** A small, quick world: enough positives that every metric is defined, few enough rows to train in a second. */
export const QUICK = 'rows=100000&skew=0.01';

/** Opens the app at `query` in a fresh context (the production build unless `baseUrl` says another);
 * page errors fail the test through `errors`. Walks that do not say otherwise pass `predict=0`: the
 * predictions (test/e2e/predict.test.ts answers them) would otherwise hold back each step's lesson;
 * and `more=1`, as they read the whole explanation (a step opens at its first paragraph; the
 * screenshot walk and test/e2e/more.test.ts look at that). */
export async function openApp(browser: Browser, query: string, options: BrowserContextOptions = {}, baseUrl = inject('baseUrl')): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const extra = [/(^|&)predict=/.test(query) ? '' : 'predict=0', /(^|&)more=/.test(query) ? '' : 'more=1'].filter(Boolean);
  const q = [query, ...extra].filter(Boolean).join('&');
  await page.goto(`${baseUrl}/?${q}`);
  await page.locator('[data-step]').first().waitFor();
  return { page, errors };
}

/** The step number the page shows. */
export async function stepOf(page: Page): Promise<number> {
  return Number(await page.locator('[data-step]').first().getAttribute('data-step'));
}

/** Waits until a job panel ("generation", "training", "feature-trial") is done; throws on error. */
export async function waitForJob(page: Page, job: string, timeout = 120_000): Promise<void> {
  const panel = page.locator(`[data-job="${job}"]`);
  await panel.and(page.locator('[data-status="done"], [data-status="error"]')).waitFor({ timeout });
  const status = await panel.getAttribute('data-status');
  if (status !== 'done') throw new Error(`${job} ended with status ${status}: ${await panel.innerText()}`);
}

/** Every displayed metric as name (+ model/split) → raw value text. */
export async function metrics(page: Page, within = 'body'): Promise<{ key: string; name: string; value: string; text: string }[]> {
  return page.locator(within).first().locator('[data-metric]').evaluateAll((els) =>
    els.map((e) => {
      const name = e.getAttribute('data-metric') ?? '';
      const model = e.getAttribute('data-model');
      const split = e.getAttribute('data-split');
      return {
        key: [name, model, split].filter(Boolean).join('@'),
        name,
        value: e.getAttribute('data-value') ?? '',
        text: (e as HTMLElement).innerText,
      };
    }),
  );
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches `name` (keyboard only). First
 * waits, as a keyboard user would, until such a control is enabled: a disabled button (Train while
 * the data is still being generated) is skipped by Tab, and fast tabbing would run past it.
 */
export async function tabTo(page: Page, name: RegExp, maxTabs = 80, key = 'Tab'): Promise<void> {
  await page.waitForFunction(
    ({ source, flags }) => {
      const re = new RegExp(source, flags);
      return [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex]')].some((el) => {
        if ((el as HTMLButtonElement).disabled) return false;
        const labelled = (el as HTMLInputElement).labels?.[0]?.innerText;
        return re.test((el.getAttribute('aria-label') ?? labelled ?? el.innerText ?? '').trim());
      });
    },
    { source: name.source, flags: name.flags },
    { timeout: 180_000 },
  );
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press(key);
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      const labelled = el.labels?.[0]?.innerText;
      return (el.getAttribute('aria-label') ?? labelled ?? el.innerText ?? '').trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`no focusable element named ${name} within ${maxTabs} tabs`);
}

/** Moves focus to the page body so arrow keys belong to the page, not to a control. */
export async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
