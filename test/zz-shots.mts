import { launchChromium } from '/work/wt-labels/test/support/browser.ts';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
const done = (job: string) => page.locator(`[data-job="${job}"][data-status="done"], [data-job="${job}"][data-status="error"]`).first().waitFor({ timeout: 300000 });
const next = async () => { await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); await page.keyboard.press('ArrowRight'); await page.waitForTimeout(500); };
await page.goto('http://localhost:4317/?seed=lisbon&step=4&backend=wasm');
await page.locator('[data-step]').waitFor();
await page.waitForTimeout(3000);
await page.getByRole('button', { name: 'Train', exact: true }).click();
await page.waitForTimeout(500); await done('training');
await next(); await done('slices');
await page.getByRole('button', { name: 'Open slice cell:travel×finance' }).click();
await page.getByRole('button', { name: 'Find suspects' }).click(); await page.waitForTimeout(500); await done('suspects');
await page.getByRole('button', { name: 'Relabel', exact: true }).click(); await done('relabel');
await next(); await page.getByRole('button', { name: 'Train', exact: true }).click();
await page.locator('[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])').first().waitFor({ timeout: 120000 });
await page.waitForTimeout(4000);
await next(); await done('skew');
const slider = page.getByRole('slider', { name: 'Skew' });
for (const n of [25, 20, 15]) { await slider.focus(); for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight'); await page.waitForTimeout(300); await page.locator('[data-job="skew"][data-status="done"]').waitFor({ timeout: 120000 }); }
await page.getByRole('button', { name: 'Collect more data' }).click(); await page.waitForTimeout(500); await done('collect');
await page.locator('[data-metric="calibration"][data-split="gold-recalibrated"]:not([data-value="NaN"])').first().waitFor({ timeout: 120000 });
await next(); await page.getByRole('button', { name: 'Train', exact: true }).click(); await page.waitForTimeout(500); await done('training');
await page.waitForTimeout(4000);
const base = page.url().replace(/step=\d+/, '');
for (const step of [5, 6, 7, 8]) {
  await page.evaluate((s) => { const u = new URL(location.href); u.searchParams.set('step', String(s)); history.pushState({}, '', u); dispatchEvent(new PopStateEvent('popstate')); }, step);
  await page.waitForTimeout(1500);
  for (const [w, h, size] of [[1366, 768, 'laptop'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) console.log(`step ${step} ${size} ${wide}px too wide`);
    await page.screenshot({ path: `/tmp/shots/light-${step}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
await page.emulateMedia({ colorScheme: 'dark' });
for (const step of [5, 7]) {
  await page.evaluate((s) => { const u = new URL(location.href); u.searchParams.set('step', String(s)); history.pushState({}, '', u); dispatchEvent(new PopStateEvent('popstate')); }, step);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/dark-${step}.png`, fullPage: true });
}
await page.emulateMedia({ colorScheme: 'light' });
await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
await page.keyboard.press('p');
await page.waitForTimeout(800);
for (const step of [6, 8]) {
  await page.evaluate((s) => { const u = new URL(location.href); u.searchParams.set('step', String(s)); history.pushState({}, '', u); dispatchEvent(new PopStateEvent('popstate')); }, step);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/presenter-${step}.png`, fullPage: true });
}
console.log('done', base);
await browser.close();
