// The job panel says what happened to a job: a setting too big for the lab (the worker's refusal
// names the limit and the setting) and a job the dead worker took with it, with Retry.
import { afterEach, expect, test } from 'vitest';
import { flushSync, mount, unmount, type ComponentProps } from 'svelte';
import { page } from 'vitest/browser';
import JobPanel from '../../src/components/JobPanel.svelte';

let made: Record<string, unknown> | null = null;
afterEach(() => {
  if (made) unmount(made);
  made = null;
  document.body.innerHTML = '';
});

/** Mounts a job panel showing a job in this state (status, error; other props pass through) and returns its section. */
function panel(props: Record<string, unknown>): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const { status = 'idle', error = '', ...rest } = props;
  const all = { title: 'Training', name: 'training', job: { status, fraction: 0, stage: '', error }, ...rest } as ComponentProps<typeof JobPanel>;
  made = mount(JobPanel, { target, props: all });
  flushSync();
  return target.querySelector('[data-job="training"]')!;
}

test('a refusal for size shows the limit, the setting and what to lower', async () => {
  const error = 'Too big for the lab: rows=2,000,000 with 4,096 hash buckets needs about 900 MB, over the 512 MB limit.';
  const el = panel({ status: 'error', error });
  expect(el.dataset.status).toBe('error');
  const alert = el.querySelector('[role="alert"][data-error="too-big"]') as HTMLElement;
  expect(alert).not.toBeNull();
  expect(alert.innerText).toContain('Too big for the lab');
  expect(alert.innerText).toContain('512 MB');
  expect(alert.innerText).toContain('rows=2,000,000');
  expect(alert.innerText).toMatch(/Lower a setting it names/);
  await page.screenshot({ path: '../../screenshots/job-panel-too-big.png', element: el });
});

test('an interrupted job says why and offers Retry', async () => {
  let retried = 0;
  const el = panel({ status: 'interrupted', error: 'The lab worker stopped (it stopped answering for 20 s).', onRetry: () => retried++ });
  expect(el.dataset.status).toBe('interrupted');
  expect((el.querySelector('[role="alert"]') as HTMLElement).innerText).toMatch(/Interrupted: The lab worker stopped/);
  const retry = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!;
  retry.click();
  expect(retried).toBe(1);
});

test('any other failure reads as before', () => {
  const el = panel({ status: 'error', error: 'unknown dataset d1' });
  expect((el.querySelector('[role="alert"]') as HTMLElement).innerText).toBe('Failed: unknown dataset d1');
  expect(el.querySelector('[data-error="too-big"]')).toBeNull();
});
