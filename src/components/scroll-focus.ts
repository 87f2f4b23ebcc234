// A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable):
// this attachment makes the element a tab stop exactly while its content overflows it.
import type { Attachment } from 'svelte/attachments';

/** Adds tabindex="0" while the element scrolls (sideways or down), removes it otherwise. */
export const focusWhenScrollable: Attachment<HTMLElement> = (el) => {
  const update = (): void => {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls) el.setAttribute('tabindex', '0');
    else el.removeAttribute('tabindex');
  };
  const ro = new ResizeObserver(update);
  ro.observe(el);
  for (const child of el.children) ro.observe(child);
  // Content added later (alerts streaming into a fixed-height list) overflows without resizing the
  // element itself: watch for new children too, and observe them.
  const mo = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) ro.observe(n);
    update();
  });
  mo.observe(el, { childList: true, subtree: true, characterData: true });
  update();
  return () => {
    ro.disconnect();
    mo.disconnect();
  };
};
