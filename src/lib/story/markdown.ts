// A small Markdown reader for the data card: headings, paragraphs, lists, tables and code blocks
// become plain data that Svelte renders as text (never as HTML), with `code` and **bold** spans.

/** A run of inline text. */
export interface Span {
  text: string;
  code?: boolean;
  bold?: boolean;
}

/** A block of the document. */
export type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; items: Span[][] }
  | { kind: 'table'; head: Span[][]; rows: Span[][][] }
  | { kind: 'code'; text: string };

/** Splits inline text into plain, `code` and **bold** spans. */
export function spans(text: string): Span[] {
  const out: Span[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], code: true });
    else out.push({ text: m[2] ?? '', bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The cells of a table row "| a | b |". */
function cells(line: string): Span[][] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => spans(c.trim()));
}

/** Parses Markdown text into blocks. */
export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith('```')) body.push(lines[i++] as string);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
    } else if (/^#{1,6}\s/.test(line)) {
      const level = (line.match(/^#+/)?.[0].length ?? 1) as number;
      blocks.push({ kind: 'heading', level, spans: spans(line.replace(/^#+\s*/, '')) });
      i++;
    } else if (line.trim().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) rows.push(lines[i++] as string);
      const body = rows.filter((r, k) => !(k === 1 && /^[\s|:-]+$/.test(r)));
      blocks.push({ kind: 'table', head: cells(body[0] ?? ''), rows: body.slice(1).map(cells) });
    } else if (/^\s*[-*]\s/.test(line)) {
      const items: Span[][] = [];
      while (i < lines.length && /^\s*([-*]\s|\s{2,}\S)/.test(lines[i] as string)) {
        const l = lines[i++] as string;
        if (/^\s*[-*]\s/.test(l)) items.push(spans(l.replace(/^\s*[-*]\s/, '')));
        else items[items.length - 1]?.push({ text: ' ' + l.trim() });
      }
      blocks.push({ kind: 'list', items });
    } else {
      const para: string[] = [];
      while (i < lines.length && (lines[i] as string).trim() !== '' && !/^(#|```|\s*[-*]\s|\s*\|)/.test(lines[i] as string)) para.push((lines[i++] as string).trim());
      blocks.push({ kind: 'paragraph', spans: spans(para.join(' ')) });
    }
  }
  return blocks;
}
