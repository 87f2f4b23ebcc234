// A scrollable region is a tab stop exactly while it overflows (axe: scrollable-region-focusable),
// including when its content arrives after it is mounted: step 11's alert list grows day by day
// inside a fixed height, which resizes nothing, and lost its tab stop until the attachment watched
// for new children too.
import { afterEach, expect, test } from 'vitest';
import { focusWhenScrollable } from '../../src/components/scroll-focus.ts';

/** Waits until the observers have run (they fire asynchronously, before the next frames). */
const settle = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

let box: HTMLUListElement;
let detach: (() => void) | void;
afterEach(() => {
  if (typeof detach === 'function') detach();
  box.remove();
});

test('content added after mounting makes the list a tab stop, and removing it undoes that', async () => {
  box = document.createElement('ul');
  box.style.cssText = 'height: 100px; overflow-y: auto; margin: 0; padding: 0;';
  box.innerHTML = '<li style="height: 20px">day 76</li>';
  document.body.append(box);
  detach = focusWhenScrollable(box);
  await settle();
  expect(box.hasAttribute('tabindex')).toBe(false);
  for (let d = 77; d < 90; d++) {
    const li = document.createElement('li');
    li.style.height = '20px';
    li.textContent = `day ${d}`;
    box.append(li);
  }
  await settle();
  expect(box.getAttribute('tabindex')).toBe('0');
  box.replaceChildren();
  await settle();
  expect(box.hasAttribute('tabindex')).toBe(false);
});
