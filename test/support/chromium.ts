import { existsSync } from 'node:fs';

/**
 * Flags that run headless Chromium as root on a machine with no GPU and no network (PLATFORM.md).
 * The last three pin WebGL to ANGLE on SwiftShader: without them the packaged Chromium (147)
 * offers WebGL to a page but tfjs's WebGL backend cannot start in a worker.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
  '--ignore-gpu-blocklist',
  '--use-gl=angle',
  '--use-angle=swiftshader',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Path of the Chromium the tests drive: $CHROMIUM_PATH, else a system Chromium, else the one that
 * ships inside the @sparticuz/chromium npm package (unpacked to the temp folder on first use).
 * Throws with instructions when none can be had: browser tests are never skipped silently.
 */
export async function resolveChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  for (const p of SYSTEM_CHROMIUMS) if (existsSync(p)) return p;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    const p = await packaged.executablePath();
    if (p && existsSync(p)) return p;
  } catch (err) {
    throw new Error(
      `No Chromium for the browser tests: ${(err as Error).message}. ` +
        'Run `npm ci` (it installs @sparticuz/chromium, Linux x64), set CHROMIUM_PATH, ' +
        'or install one (Debian: apt-get install chromium).',
    );
  }
  throw new Error('No Chromium for the browser tests: set CHROMIUM_PATH or run `npm ci`.');
}
