import { launchChromium } from '/work/wt-labels/test/support/browser.ts';
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 390, height: 1400 } });
for (const f of ['light-5-phone', 'light-8-phone']) {
  await p.goto(`file:///tmp/shots/${f}.png`);
  await p.screenshot({ path: `/tmp/shots/${f}-top.png`, clip: { x: 0, y: 0, width: 390, height: 1400 } });
}
await b.close();
