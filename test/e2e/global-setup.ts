import type { TestProject } from 'vitest/node';
import { buildAndServe, type ServedBuild } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served production build. */
    baseUrl: string;
    /** The folder of the production build (test/e2e/no-test-hooks.test.ts searches it). */
    distDir: string;
  }
}

let served: ServedBuild | undefined;

/** Builds the production app once and serves it, so the end-to-end tests walk what users get. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  served = await buildAndServe('production');
  project.provide('baseUrl', served.url);
  project.provide('distDir', served.outDir);
  return async () => {
    await served?.close();
  };
}
