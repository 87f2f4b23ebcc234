// Every package the app's own code imports (what Vite bundles for readers: src/ and workers/,
// tests and the Node CLI aside) is a runtime dependency in package.json, never a dev dependency:
// `npm ci --omit=dev` followed by a build must still find it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Source files bundled into the app: .ts and .svelte under src/ and workers/, without tests and src/cli. */
function appFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return relative(root, p) === join('src', 'cli') ? [] : appFiles(p);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

/** The package a bare import names ('@scope/name' or 'name'), or null for a relative or virtual import. */
function packageOf(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('virtual:') || spec.startsWith('node:')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
}

test('every package the app imports is a runtime dependency', () => {
  const imported = new Map<string, string>();
  for (const f of [...appFiles(resolve(root, 'src')), ...appFiles(resolve(root, 'workers'))]) {
    // Type-only imports vanish from the bundle.
    const text = readFileSync(f, 'utf8').replace(/^\s*(?:import|export) type [^;]*;/gm, '');
    for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
      const name = packageOf((m[1] ?? m[2] ?? m[3]) as string);
      if (name && !imported.has(name)) imported.set(name, relative(root, f));
    }
  }
  // The scan finds the packages it must (a broken regex would find none and pass).
  for (const known of ['@tensorflow/tfjs-core', 'comlink', 'd3-scale', 'idb', 'hyparquet-writer']) expect(imported.has(known), known).toBe(true);
  const misplaced = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (imported by ${file})${name in pkg.devDependencies ? ' is a dev dependency' : ' is not in package.json'}`);
  // Types-only and build-time packages Svelte and Vite provide to the bundle.
  const allowed = new Set(['svelte', 'workbox-window', 'vite']);
  expect(misplaced.filter((m) => !allowed.has(m.split(' ')[0] as string))).toEqual([]);
});
