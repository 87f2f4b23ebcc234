import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './generate.ts';

/** Runs the command, collecting what it writes. */
async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { stdout: () => undefined, stderr: (s) => (err += s) });
  return { code, err };
}

describe('npm run generate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clickcycle-'));

  it('writes a CSV with a header and one line per row', async () => {
    const out = join(dir, 'a.csv');
    const r = await run(['--seed', 'cli', '--rows', '500', '--skew', '0.01', '--noise', '0.1', '--drift', '0.5', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(501);
    expect(lines[0]?.startsWith('day,hour,query_category,query_text')).toBe(true);
  });

  it('adds a weight column with --neg-keep, and is byte-identical for the same seed', async () => {
    const a = join(dir, 'b.csv');
    const b = join(dir, 'c.csv');
    expect((await run(['--rows', '20000', '--neg-keep', '0.1', '--out', a])).code).toBe(0);
    expect((await run(['--rows', '20000', '--neg-keep', '0.1', '--out', b])).code).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(text.split('\n')[0]?.endsWith(',weight')).toBe(true);
    expect(readFileSync(b, 'utf8')).toBe(text);
  });

  it.each([
    [[]],
    [['--rows', '10']],
    [['--rows', 'ten', '--out', 'x.csv']],
    [['--rows', '10', '--out', 'x.csv', '--skew', '2']],
    [['--rows', '10', '--out', 'x.csv', '--neg-keep', '0']],
    [['--rows', '10', '--out', 'x.csv', '--bogus', '1']],
    [['--rows', '10', '--out']],
    [['--rows', '10', '--out', 'x.csv', '--days', '50-10']],
  ])('prints usage and exits 2 on bad arguments %j', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage:');
  });
});
