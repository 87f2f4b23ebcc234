import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// tfjs and comlink are pre-bundled so Vite does not re-optimise (and reload) mid-session.
export const optimizeDepsInclude = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-wasm',
  'comlink',
];

/**
 * The production Content Security Policy: everything from this origin only; WebAssembly may be
 * compiled (tfjs' WASM backend needs 'wasm-unsafe-eval'); no eval, no inline script or style, no
 * plugins, no base rewriting. Styles need no 'unsafe-inline': Svelte 5 writes dynamic styles through
 * the CSSOM (element.style), which CSP allows, and component CSS is emitted as a file.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the CSP into the built index.html as a meta tag (for static hosts that cannot set headers). */
function cspMeta(): Plugin {
  return {
    name: 'clickcycle-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** The build mode of a test build: the same app with the test hooks built in (`vite build --mode test-hooks`). */
export const TEST_HOOKS_MODE = 'test-hooks';
/** The build mode of the benchmark page (test/bench/run.ts): the lab worker's bench and inspection methods, no test hooks. */
export const BENCH_MODE = 'bench';

/**
 * `__TEST_HOOKS__` and `__LAB_SEAMS__`, replaced at build time. `__TEST_HOOKS__` is true only in a
 * test build, so a production build (and `vite dev`) contains no test hook (the lab worker's
 * `injectFault` and `breakWorker`, the fault checks in its jobs, `window.__clickcycleLab`);
 * `__LAB_SEAMS__` (on in a test build and the bench's) adds the lab worker's methods only tests and
 * the bench call (workers/lab/seams-api.ts). test/e2e/no-test-hooks.test.ts searches the build for both.
 */
export function testHooksDefine(on: boolean, seams = on): Record<string, string> {
  return { __TEST_HOOKS__: JSON.stringify(on), __LAB_SEAMS__: JSON.stringify(seams) };
}

export default defineConfig(({ mode }) => ({
  define: testHooksDefine(mode === TEST_HOOKS_MODE, mode === TEST_HOOKS_MODE || mode === BENCH_MODE),
  plugins: [
    svelte(),
    cspMeta(),
    // Offline after the first load: precache the app, the worker chunks and the WASM binaries; a new
    // version waits for the reader's "Reload to update" (src/state/app-update.svelte.ts).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'ClickCycle',
        short_name: 'ClickCycle',
        description: 'The production cycle of an ad-click model, trained live in your browser.',
        theme_color: '#1f5fbf',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,wasm,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  optimizeDeps: { include: optimizeDepsInclude },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  // `vite preview` serves the built app with the CSP as a header too.
  preview: { port: 4173, headers: { 'Content-Security-Policy': CSP } },
}));
