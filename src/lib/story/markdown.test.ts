import { expect, test } from 'vitest';
import { parseMarkdown, spans } from './markdown.ts';

test('spans split code and bold, and keep markup characters as text', () => {
  expect(spans('a `b` **c** <img src=x>')).toEqual([
    { text: 'a ' },
    { text: 'b', code: true },
    { text: ' ' },
    { text: 'c', bold: true },
    { text: ' <img src=x>' },
  ]);
});

test('headings, paragraphs, lists, tables and code become blocks', () => {
  const md = ['# Title', '', 'One line', 'continues.', '', '- a', '- b', '', '| k | v |', '|---|---|', '| x | `1` |', '', '```', 'code', '```'].join('\n');
  const blocks = parseMarkdown(md);
  expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'code']);
  expect(blocks[1]).toEqual({ kind: 'paragraph', spans: [{ text: 'One line continues.' }] });
  const table = blocks[3];
  expect(table?.kind === 'table' && table.rows[0]?.[1]).toEqual([{ text: '1', code: true }]);
});
