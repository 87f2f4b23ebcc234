// Builds the app and serves it with `vite preview`: the production build, as readers get it, which
// every walk uses; and the test build (the lab worker's hooks that break it built in, vite.config.ts),
// which only the suites that break the worker on purpose build and use.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { TEST_HOOKS_MODE } from '../../vite.config.ts';

/** The project's root. */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Where each build goes: the production build where `npm run build` puts it, the test build beside it.
 * CLICKCYCLE_E2E_SUFFIX gives a run folders of its own (dist-<suffix>/), so two e2e runs in one
 * checkout do not empty each other's build while it is being served. */
const SUFFIX = process.env.CLICKCYCLE_E2E_SUFFIX ? `-${process.env.CLICKCYCLE_E2E_SUFFIX.replace(/[^\w-]/g, '')}` : '';
export const OUT_DIRS = { production: resolve(ROOT, `dist${SUFFIX}`), test: resolve(ROOT, `dist-test-hooks${SUFFIX}`) } as const;

/** A served build. */
export interface ServedBuild {
  /** Its origin, without a trailing slash. */
  url: string;
  /** The folder that holds the built files. */
  outDir: string;
  close(): Promise<void>;
}

/** Builds the production app or the test build and serves it on a free port. */
export async function buildAndServe(kind: keyof typeof OUT_DIRS): Promise<ServedBuild> {
  const mode = kind === 'test' ? TEST_HOOKS_MODE : 'production';
  const outDir = OUT_DIRS[kind];
  // Built as users get it (minified, Svelte's production mode): under vitest NODE_ENV is 'test',
  // which would make Vite build with import.meta.env.DEV = true and Svelte's dev-mode checks.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  const server = await preview({ root: ROOT, mode, logLevel: 'warn', build: { outDir }, preview: { port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url: url.replace(/\/$/, ''), outDir, close: () => server.close() };
}
