// The two engines `npm run test:engines` walks besides the packaged Chromium of `npm test`: Firefox
// ESR over WebDriver BiDi (puppeteer-core) and WebKitGTK's MiniBrowser over W3C WebDriver
// (selenium-webdriver talking to WebKitWebDriver), under Xvfb. Each needs Debian packages, checked
// first: a missing one fails the run with the package to install, never skips it.
import { existsSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Driver } from './walk.ts';

/** The Debian packages of each engine and the files they install. */
export const PACKAGES = {
  'firefox-esr': '/usr/bin/firefox-esr',
  'webkit2gtk-driver': '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
} as const;

/** MiniBrowser, from libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver). */
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'];

/** The missing packages, in words; empty when all are installed. */
export function missingPackages(): string[] {
  const missing = Object.entries(PACKAGES).filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
  if (!missing.includes('webkit2gtk-driver') && !MINIBROWSER.some((f) => existsSync(f))) missing.push('webkit2gtk-driver (its MiniBrowser)');
  return missing;
}

/** Runs `body` (an async function body) as a page script; both protocols take one argument. */
const asFunction = (body: string) => `(async (arg) => { ${body} })`;

/** The packaged Chromium of `npm test` (test/support/chromium.ts) over CDP: the reference the
 * other engines' numbers are compared with. */
export async function chromium(): Promise<Driver> {
  const puppeteer = await import('puppeteer-core');
  const { CHROMIUM_ARGS, resolveChromium } = await import('../support/chromium.ts');
  const browser = await puppeteer.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS, headless: true, protocolTimeout: 900_000 });
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  return {
    name: 'chromium',
    open: async (url) => void (await page.goto(url)),
    run: async <T>(body: string, arg: unknown) => (await page.evaluate(`${asFunction(body)}(${JSON.stringify(arg)})`)) as T,
    close: () => browser.close(),
  };
}

/** Firefox ESR over WebDriver BiDi. */
export async function firefox(): Promise<Driver> {
  const puppeteer = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: PACKAGES['firefox-esr'],
    headless: true,
    protocol: 'webDriverBiDi',
    protocolTimeout: 900_000,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  return {
    name: 'firefox',
    open: async (url) => void (await page.goto(url)),
    run: async <T>(body: string, arg: unknown) => (await page.evaluate(`${asFunction(body)}(${JSON.stringify(arg)})`)) as T,
    close: () => browser.close(),
  };
}

/** Starts Xvfb on a free display unless one is set; returns the display and the process to stop. */
async function xvfb(): Promise<{ display: string; proc: ChildProcess | null }> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, proc: null };
  for (let n = 99; n < 120; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = spawn(PACKAGES.xvfb, [`:${n}`, '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, proc };
    proc.kill();
  }
  throw new Error('Xvfb did not start on any display :99–:119');
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb. */
export async function webkit(): Promise<Driver> {
  const { Builder, Capabilities } = await import('selenium-webdriver');
  const { DriverService } = await import('selenium-webdriver/remote/index.js');
  const x = await xvfb();
  const binary = MINIBROWSER.find((f) => existsSync(f))!;
  const env = { ...process.env, DISPLAY: x.display };
  const service = new DriverService.Builder(PACKAGES['webkit2gtk-driver']).setLoopback(true).setEnvironment(env).build();
  let driver;
  try {
    const url = await service.start(60_000);
    const caps = new Capabilities();
    caps.set('browserName', 'MiniBrowser');
    caps.set('webkitgtk:browserOptions', { binary, args: ['--automation'] });
    driver = await new Builder().usingServer(url).withCapabilities(caps).build();
    await driver.manage().setTimeouts({ script: 900_000, pageLoad: 120_000 });
    await driver.manage().window().setRect({ width: 1366, height: 768 });
  } catch (e) {
    await service.kill();
    x.proc?.kill();
    throw e;
  }
  const d = driver;
  return {
    name: 'webkit',
    open: async (u) => d.get(u),
    // W3C executeAsyncScript: the last argument is the callback; errors come back as { error }.
    run: async <T>(body: string, arg: unknown) => {
      const r = (await d.executeAsyncScript(
        `const done = arguments[arguments.length - 1]; ${asFunction(body)}(arguments[0]).then((v) => done({ ok: v }), (e) => done({ error: String(e && e.message || e) }));`,
        arg,
      )) as { ok?: T; error?: string };
      if (r.error !== undefined) throw new Error(r.error);
      return r.ok as T;
    },
    close: async () => {
      await d.quit().catch(() => undefined);
      await service.kill();
      x.proc?.kill();
    },
  };
}
