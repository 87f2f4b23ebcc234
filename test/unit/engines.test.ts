// The README says which Node to use (package.json "engines"); every installed package must accept
// it, or `npm ci` warns and a package may use an API that Node lacks (@sparticuz/chromium ≥ 147.0.1
// asks for Node 22.17 while this project supports 20.19).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string }; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

test('the README names the same minimum Node as package.json', () => {
  const min = semver.minVersion(pkg.engines.node)!.version; // "20.19.0"
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  expect(readme).toContain(`Node.js ${min.replace(/\.0$/, '')} or newer`);
});

test('every package installed on Linux x64 accepts the oldest Node the project supports', () => {
  const min = semver.minVersion(pkg.engines.node)!.version;
  const refused: string[] = [];
  for (const [path, p] of Object.entries(lock.packages)) {
    const wanted = p.engines?.node;
    if (!path || !wanted) continue;
    // Optional platform packages for other systems are never installed here.
    if (p.optional && ((p.os && !p.os.includes('linux')) || (p.cpu && !p.cpu.includes('x64')))) continue;
    if (!semver.satisfies(min, wanted)) refused.push(`${path} wants node ${wanted}`);
  }
  expect(refused).toEqual([]);
});
