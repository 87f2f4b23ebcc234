// A worker that dies comes back: killing the lab worker mid-training shows the lab notice, marks
// the run interrupted with Retry, and Retry (in a fresh worker, same backend setting) yields a
// model and its test report while the run history keeps the earlier run. An allocation that fails
// inside the worker is a clear error in the training panel, and the next run works. Killing the
// serving worker mid-fortnight: the live panel says so and offers Resume serving, the days served
// and the deployment come back from storage in a fresh worker, and the fortnight finishes.
// These walk the test build (the hooks that break the worker built in, test/e2e/serve.ts), built
// here so that runs without this suite build only the production app.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { QUICK, openApp, waitForJob } from './app.ts';
import { buildAndServe, type ServedBuild } from './serve.ts';

const HISTORY = '[aria-label="Run history"]';
let browser: Browser;
let testBuild: ServedBuild;
beforeAll(async () => {
  [browser, testBuild] = await Promise.all([launchChromium(), buildAndServe('test')]);
});
afterAll(async () => {
  await browser?.close();
  await testBuild?.close();
});

/** Calls one of the test build's lab test hooks (window.__clickcycleLab). */
async function hook(page: Page, name: 'terminate' | 'allocation', stallMs = 0): Promise<void> {
  await page.evaluate(
    async ([n, ms]) => {
      const h = (window as unknown as { __clickcycleLab: { terminate(): void; setMinStallMs(ms: number): void; breakWorker(how: string): Promise<void> } }).__clickcycleLab;
      if (ms) h.setMinStallMs(ms as number);
      if (n === 'terminate') h.terminate();
      else await h.breakWorker('allocation');
    },
    [name, stallMs] as const,
  );
}

test('killing the worker mid-training: notice, Retry, a model, and the history kept', async () => {
  // A wide MLP on small batches: one epoch takes a few seconds, fifty take minutes.
  const { page, errors } = await openApp(browser, `seed=crash&${QUICK}&step=4&backend=wasm&model=mlp&hidden=128&batch=64&epochs=1`, {}, testBuild.url);
  const training = page.locator('[data-job="training"]');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const epochs = page.getByLabel('Epochs', { exact: true });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  await train.click();
  await page.locator(`${HISTORY} [data-metric="auc"][data-model="v1"][data-split="test"]`).waitFor({ timeout: 120_000 });
  const backend = await page.locator('[data-backend]').first().getAttribute('data-backend');

  // Fifty epochs: the knob change retrains (v2), and the worker is killed once the run is under way.
  await epochs.fill('49');
  await page.waitForURL(/epochs=50/);
  await training.and(page.locator('[data-status="running"]')).waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-job="training"] progress')?.getAttribute('value') ?? 0) >= 1, null, { timeout: 60_000 });
  await hook(page, 'terminate', 2000);

  // The heartbeat notices the silence (after 8× the slowest answer seen, at least 2 s here), a notice
  // says so, and the run is interrupted with Retry.
  const notice = page.locator('[data-lab-notice]');
  await notice.waitFor({ timeout: 120_000 });
  expect(await notice.innerText()).toMatch(/stopped answering/);
  await training.and(page.locator('[data-status="interrupted"]')).waitFor();
  // The earlier run is still in the history, and the fresh worker runs on the same backend setting.
  expect(await page.locator(`${HISTORY} [data-metric="auc"][data-model="v1"][data-split="test"]`).count()).toBe(1);
  await page.locator(`[data-backend="${backend}"]`).waitFor();

  // Retry (a quick logistic regression this time) trains again in the fresh worker and measures the model.
  await epochs.fill('0');
  await page.waitForURL(/epochs=1(&|$)/);
  await page.getByLabel('Model', { exact: true }).selectOption('logreg');
  await page.waitForURL((u) => !u.searchParams.has('model'));
  await training.getByRole('button', { name: 'Retry' }).click();
  await page
    .locator(`${HISTORY} [data-metric="auc"][data-model="v2"][data-split="test"]`)
    .waitFor({ timeout: 180_000 })
    .catch(async (e) => {
      throw new Error(`${e}\n${await page.locator('main').innerText()}`);
    });
  await waitForJob(page, 'training');
  await waitForJob(page, 'evaluation');
  expect(await page.locator(`${HISTORY} tbody tr`).count()).toBe(2);
  expect(Number(await page.locator('[aria-label="Model v2 on the test set"] [data-metric="auc"][data-split="test"]').first().getAttribute('data-value'))).toBeGreaterThan(0.8); // the same quick logistic regression scores about 0.88
  expect(errors).toEqual([]);
  await page.context().close();
});

test('an allocation that fails inside the worker is a clear error, and the worker stays alive', async () => {
  const { page, errors } = await openApp(browser, `seed=alloc&${QUICK}&step=4&backend=wasm&epochs=1`, {}, testBuild.url);
  const training = page.locator('[data-job="training"]');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  await hook(page, 'allocation');
  await train.click();
  await training.and(page.locator('[data-status="error"]')).waitFor({ timeout: 60_000 });
  expect(await training.getByRole('alert').innerText()).toMatch(/could not allocate the memory this job needs/);
  expect(await page.locator('[data-lab-notice]').count()).toBe(0);
  await train.click();
  await waitForJob(page, 'training');
  await waitForJob(page, 'evaluation');
  expect(errors).toEqual([]);
  await page.context().close();
});

/** The days the live panel says were served ("N of 14 days served"). */
async function served(page: Page): Promise<number> {
  const m = /(\d+) of 14 days served/.exec(await page.locator('[data-job="serving"]').innerText());
  return m ? Number(m[1]) : -1;
}

test('killing the serving worker mid-fortnight: the step says so, offers to go on, and nothing saved is lost', { timeout: 900_000 }, async () => {
  const { page, errors } = await openApp(browser, `seed=servekill&skew=0.01&noise=0&rows=200000&step=11&backend=wasm&speed=1`, {}, testBuild.url);
  const press = async (name: string, timeout = 120_000) => {
    const b = page.getByRole('button', { name, exact: true }).and(page.locator(':not([disabled])'));
    await b.first().waitFor({ timeout });
    await b.first().click();
  };
  await press('Train the step-4 model');
  await press('Deploy', 300_000);
  await press('Start shadow');
  await page.locator('[data-gate="pass"]').waitFor({ timeout: 120_000 });
  await press('Promote');
  const live = page.locator('[data-job="serving"]');
  await live.and(page.locator('[data-status="running"]')).waitFor({ timeout: 60_000 });
  const champion = await page.locator('[data-job="serving"] .body > p').first().innerText();
  // A few days in (one a second), the serving worker dies as a crash would: its heartbeat must notice.
  await page.waitForFunction(() => /\b([3-9]|1[0-3]) of 14 days served/.test(document.querySelector('[data-job="serving"]')?.textContent ?? ''), null, { timeout: 60_000 });
  // The heartbeat takes it for dead after 8× the slowest answer seen (at least 2 s here): opening the
  // session held one back for seconds, so the wait is that bound plus time to restore, not a constant.
  const stallMs = await page.evaluate(() => {
    const h = (window as unknown as { __clickcycleServing: { terminate(): void; setMinStallMs(ms: number): void; stallMs(): number } }).__clickcycleServing;
    h.setMinStallMs(2000);
    h.terminate();
    return h.stallMs();
  });
  const before = await served(page);
  expect(before).toBeGreaterThanOrEqual(3);

  // The live panel says the worker stopped and was restarted, and offers to go on.
  await live
    .and(page.locator('[data-status="error"]'))
    .waitFor({ timeout: stallMs + 120_000 })
    .catch(async (e) => {
      const log = await page.evaluate(() => (window as unknown as { __clickcycleWorkerLog?: string[] }).__clickcycleWorkerLog ?? []);
      throw new Error(`${e}\n${await live.innerText()}\nworker log: ${log.join(' | ')}\nerrors: ${errors.join(' | ')}`);
    });
  const said = await live.getByRole('alert').first().innerText();
  expect(said).toMatch(/serving worker stopped \(it stopped answering/);
  expect(said).toMatch(/A fresh one was started .*press Resume serving to go on/);
  expect(await page.evaluate(() => (window as unknown as { __clickcycleServing: { incarnation(): number } }).__clickcycleServing.incarnation())).toBe(2);
  // Every day served before the kill came back from storage, served by the same champion.
  const restored = await served(page);
  expect(restored).toBeGreaterThanOrEqual(before);
  expect(said).toContain(`(${restored} day${restored === 1 ? '' : 's'} served)`);
  expect(await page.locator('[data-job="serving"] .body > p').first().innerText()).toBe(champion.replace(/^\d+ of/, `${restored} of`));

  // Resume serving finishes the fortnight in the fresh worker, and a reload keeps it.
  await page.getByRole('button', { name: 'Resume serving', exact: true }).click();
  await waitForJob(page, 'serving', 120_000);
  expect(await served(page)).toBe(14);
  await page.reload();
  await live.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
  expect(await served(page)).toBe(14);
  expect(errors).toEqual([]);
  await page.context().close();
});
