// The walkthrough contract as the components write it: a story role goes on data-role (or the
// Metric's role prop), never into data-model, which names a run (v1, v2, …); a metric whose
// contract name ends in _ms carries milliseconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { STORY_ROLES } from '../../src/lib/story/roles.ts';

const root = resolve(import.meta.dirname, '../..');

/** Every .svelte file under src/. */
function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? svelteFiles(p) : name.endsWith('.svelte') ? [p] : [];
  });
}

const files = svelteFiles(resolve(root, 'src')).map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

test('no component puts a story role into data-model or a Metric model prop', () => {
  expect(files.length).toBeGreaterThan(30);
  const roles = STORY_ROLES.join('|');
  const bad = new RegExp(`(?:data-model|\\bmodel)=(?:"(?:${roles})"|\\{'(?:${roles})'\\})`, 'g');
  const found = files.flatMap(({ file, text }) => [...text.matchAll(bad)].map((m) => `${file}: ${m[0]}`));
  expect(found).toEqual([]);
  // The rule catches what it should: the form the steps used before.
  expect('model="ctr_policy"').toMatch(new RegExp(bad.source));
});

test('metrics named *_ms are given in milliseconds', () => {
  const tags = files.flatMap(({ file, text }) => [...text.matchAll(/<Metric\b[^>]*\bname="(\w+_ms)"[^>]*>/g)].map((m) => ({ file, tag: m[0] })));
  expect(tags.length).toBeGreaterThan(0);
  for (const { file, tag } of tags) {
    expect(tag, file).toMatch(/kind="millis"/);
    expect(tag, file).not.toMatch(/\/ ?1000/);
  }
});
