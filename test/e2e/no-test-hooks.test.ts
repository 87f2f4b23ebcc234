// Nothing for tests ships to readers: the production build that the walks use (test/e2e/serve.ts)
// is searched, every file of it (the page, the app's and the workers' chunks, the service worker,
// the manifest), for the test hooks that break the lab and serving workers and for their fault checks, and for
// the lab worker's methods only tests and the bench call (workers/lab/seams-api.ts). They are built
// only with __TEST_HOOKS__ and __LAB_SEAMS__ on (vite.config.ts); this fails on a build made with either on.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, inject, test } from 'vitest';

/** What only a test build holds: the hooks' names on the worker API and on `window`, the flag
 * itself (replaced at build time), and the errors the fault checks throw. */
const IN_CODE = [
  'breakWorker',
  'injectFault',
  '__clickcycleLab',
  '__clickcycleServing',
  'setMinStallMs',
  '__TEST_HOOKS__',
  '__LAB_SEAMS__',
  // The seams' method names that nothing else in the build uses (comlink calls them by name, so a
  // build that held them would hold these strings; tfjs has its own listModels, predict and memory,
  // so those seams are found by their modules below).
  'benchTraining',
  'benchPlain',
  'benchGenerate',
  'buildFeatures',
  'disposeModel',
  'disposeDataset',
  'injected fault',
  'injected crash',
  'injected start failure',
  /new ArrayBuffer\((2\s*\*\*\s*52|4503599627370496)\)/,
];
/** The source maps hold the source of every module in the build (so its comments and the flag's
 * name too): the modules that define the hooks must not be among them. */
const IN_MAPS = ['breakWorker', 'injectFault', '__clickcycleLab', '__clickcycleServing', 'setMinStallMs'];
/** The modules of the hooks and seams: no source map may list them among the modules it maps
 * (their names alone occur in api.ts's own source, which imports them for a test build). */
const HOOK_MODULES = ['workers/lab/test-hooks.ts', 'workers/lab/seams-api.ts', 'workers/lab/bench-api.ts', 'workers/lab/bench.ts', 'workers/lab/bench-plain.ts'];

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Which of `modules` a source map lists among its sources. */
function mappedModules(map: string, modules: readonly string[]): string[] {
  const sources = (JSON.parse(map) as { sources: string[] }).sources;
  return modules.filter((m) => sources.some((s) => s.endsWith(m)));
}

/** The patterns that occur in `text`. */
function found(text: string, patterns: (string | RegExp)[]): string[] {
  return patterns.filter((p) => (typeof p === 'string' ? text.includes(p) : p.test(text))).map(String);
}

test('the production build contains no test hook', () => {
  const dir = inject('distDir');
  const files = filesUnder(dir).filter((f) => !f.endsWith('.wasm'));
  const code = files.filter((f) => !f.endsWith('.map'));
  const maps = files.filter((f) => f.endsWith('.map'));
  // The search reads the real build: the page, both workers' chunks and their maps, and the lab
  // worker's API chunk holds its API's method names (comlink calls them by name, so they survive minifying).
  expect(code).toContain('index.html');
  const labWorker = code.filter((f) => /^assets\/lab\.worker-[\w-]+\.js$/.test(f));
  expect(labWorker).toHaveLength(1);
  expect(code.filter((f) => /^assets\/serving\.worker-[\w-]+\.js$/.test(f))).toHaveLength(1);
  expect(maps).toContain(`${labWorker[0]}.map`);
  // The entry is a loader only (workers/lab.worker.ts): the API is the chunk it imports.
  const api = readFileSync(join(dir, labWorker[0]!), 'utf8').match(/import\(\s*[`'"]\.\/(api-[\w-]+\.js)[`'"]\s*\)/)?.[1];
  expect(api, 'the lab worker entry imports its API chunk').toBeDefined();
  expect(readFileSync(join(dir, 'assets', api!), 'utf8')).toContain('baselinePolicy');

  const hits = [
    ...code.flatMap((f) => found(readFileSync(join(dir, f), 'utf8'), IN_CODE).map((p) => `${f}: ${p}`)),
    ...maps.flatMap((f) => found(readFileSync(join(dir, f), 'utf8'), IN_MAPS).map((p) => `${f}: ${p}`)),
    ...maps.flatMap((f) => mappedModules(readFileSync(join(dir, f), 'utf8'), HOOK_MODULES).map((m) => `${f}: maps ${m}`)),
  ];
  console.log(`searched ${code.length} files and ${maps.length} source maps of ${dir}: ${hits.length} hits`);
  expect(hits).toEqual([]);
});
