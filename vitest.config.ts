import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, resolveChromium } from './test/support/chromium.ts';
import { optimizeDepsInclude, testHooksDefine } from './vite.config.ts';
import { NO_GPU_BACKENDS_VAR } from './test/support/gpu-backends.ts';
import { nodeTestWorkers } from './test/support/workers.ts';

// Four test projects: fast Node unit tests, the slow story properties of the simulated world,
// tests inside real Chromium (workers, tfjs backends, components), and end-to-end walks of the built app.
// The first three run the source with the test hooks on; the end-to-end walks build the app themselves.
export default defineConfig(async () => {
  const executablePath = await resolveChromium();
  // The two Node projects run in one pool (`npm run test:node`), so they share this count (Vitest requires it).
  const nodeWorkers = nodeTestWorkers();
  return {
    test: {
      projects: [
        {
          define: testHooksDefine(true),
          test: {
            name: 'unit',
            environment: 'node',
            maxWorkers: nodeWorkers,
            include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/unit/**/*.test.ts'],
            testTimeout: 60_000,
          },
        },
        {
          define: testHooksDefine(true),
          test: {
            name: 'story',
            environment: 'node',
            maxWorkers: nodeWorkers,
            include: ['test/story/**/*.test.ts'],
            testTimeout: 600_000,
            hookTimeout: 600_000,
          },
        },
        {
          plugins: [svelte()],
          define: testHooksDefine(true),
          worker: { format: 'es' as const },
          optimizeDeps: { include: optimizeDepsInclude },
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            // Its own pool after the Node projects' when all run in one command: Vitest refuses projects of one
            // group order with different worker counts, and the browser files keep the default count.
            sequence: { groupOrder: 1 },
            // GPU backends this browser is declared to lack (test/support/gpu-backends.ts); any other missing one fails.
            provide: { noGpuBackends: process.env[NO_GPU_BACKENDS_VAR] ?? '' },
            testTimeout: 180_000,
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
              instances: [{ browser: 'chromium' as const }],
            },
          },
        },
        {
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
            globalSetup: ['test/e2e/global-setup.ts'],
            testTimeout: 300_000,
            hookTimeout: 300_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
