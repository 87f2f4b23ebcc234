import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.ts';

/** Launches the same headless Chromium the browser tests use. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS, headless: true });
}
