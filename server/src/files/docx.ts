// A Word document (.docx) as referat text: mammoth turns the document into simple HTML,
// and that becomes Markdown-like text, which the parser reads as it reads a .referat.md.
// - a Heading 1–6 paragraph is a line of its own, "# " to "###### " in front;
// - every other paragraph is one line, with a blank line after it; a soft line break
//   (Shift+Enter) starts a new line in the same paragraph;
// - list items keep their numbers: Word's automatic numbers are counted per list, from 1
//   ("1. ", "2. ", nested lists indented by three spaces), bullets become "- ";
// - a table row is one line, its cells separated by a tab;
// - bold, italics and links are plain text; images, comments and empty paragraphs are dropped.
// Every line remembers its paragraph: the n-th paragraph of the document's body, counting
// headings, list items, table cells' paragraphs and empty paragraphs, as Word has them.
// mammoth is loaded on first use (dist/lazy/mammoth.js beside the CLI bundle).
import type * as Mammoth from 'mammoth';
import { lazyRequire } from '../lazyRequire';
import { DocumentBuilder, type ExtractResult, type Segment } from './document';

/** mammoth, loaded when a Word file is first read (never by the language server). */
const mammoth = lazyRequire<typeof Mammoth>('mammoth');

export async function extractDocx(bytes: Uint8Array): Promise<ExtractResult> {
  let html: string;
  try {
    html = (await mammoth().convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false })).value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Not a zip, or a zip without word/document.xml (an .xlsx, an .odt …).
    if (/main document part|end of central directory|corrupted zip/i.test(message)) return { ok: false, reason: 'not-docx' };
    return { ok: false, reason: 'bad-docx', detail: message.slice(0, 120) };
  }
  return htmlToDocument(html);
}

/** A paragraph being collected: its lines (split at <br>) and its number. */
interface Open {
  paragraph: number;
  lines: string[];
  prefix: string;
  /** Whether a blank line follows it (not between the items of one list). */
  blankAfter: boolean;
}

/** mammoth's HTML (a small, regular subset) as text with a paragraph per line. Exported for tests. */
export function htmlToDocument(html: string): ExtractResult {
  const out = new DocumentBuilder();
  let paragraphs = 0;
  const state: { open: Open | null } = { open: null };
  /** The lists around the current point: ordered or not, and the next number. */
  const lists: { ordered: boolean; next: number }[] = [];
  let row: { paragraph: number; cells: string[] } | null = null;
  let cell: string[] | null = null;

  const flush = (): void => {
    const p = state.open;
    if (p === null) return;
    state.open = null;
    const lines = p.lines.map((l) => l.replace(/[ \t\u00a0]+$/, ''));
    if (cell !== null) {
      cell.push(lines.join(' ').trim());
      return;
    }
    if (lines.every((l) => l.trim() === '')) return;
    lines.forEach((l, i) => {
      const text = i === 0 ? `${p.prefix}${l}` : l;
      const segments: Segment[] = [{ start: 0, place: { kind: 'paragraph', paragraph: p.paragraph, line: i + 1 } }];
      out.line(text, segments);
    });
    if (p.blankAfter) out.blank();
  };
  const start = (prefix: string, blankAfter: boolean): Open => {
    flush();
    paragraphs++;
    state.open = { paragraph: paragraphs, lines: [''], prefix, blankAfter };
    return state.open;
  };
  const append = (text: string): void => {
    let p = state.open;
    if (p === null) {
      // Text outside a paragraph (mammoth writes none; a table cell's bare text, to be safe).
      if (text.trim() === '') return;
      p = start('', true);
    }
    p.lines[p.lines.length - 1] += text;
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g)) {
    if (m[3] !== undefined) {
      append(decodeEntities(m[3]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      if (closing) flush();
      else {
        out.blank();
        start(`${'#'.repeat(Number(tag.slice(1)))} `, true);
      }
    } else if (tag === 'p') {
      if (closing) flush();
      else start('', true);
    } else if (tag === 'ol' || tag === 'ul') {
      if (closing) {
        flush();
        lists.pop();
        if (lists.length === 0) out.blank();
      } else {
        flush();
        lists.push({ ordered: tag === 'ol', next: 1 });
      }
    } else if (tag === 'li') {
      if (closing) flush();
      else {
        const list = lists[lists.length - 1];
        const indent = '   '.repeat(Math.max(0, lists.length - 1));
        const marker = list === undefined || !list.ordered ? '- ' : `${list.next++}. `;
        start(`${indent}${marker}`, false);
      }
    } else if (tag === 'tr') {
      if (closing) {
        flush();
        if (row !== null && row.cells.some((c) => c !== '')) {
          out.line(row.cells.join('\t'), [{ start: 0, place: { kind: 'paragraph', paragraph: row.paragraph, line: 1 } }]);
        }
        row = null;
      } else row = { paragraph: paragraphs + 1, cells: [] };
    } else if (tag === 'td' || tag === 'th') {
      if (closing) {
        flush();
        if (row !== null && cell !== null) row.cells.push(cell.join(' ').trim());
        cell = null;
      } else cell = [];
    } else if (tag === 'table') {
      flush();
      out.blank();
    } else if (tag === 'br') {
      state.open?.lines.push('');
    }
    // strong, em, u, s, a, sub, sup: their text is kept as it is; img has none.
  }
  flush();
  const doc = out.build('docx', paragraphs);
  if (doc.text.trim() === '') return { ok: false, reason: 'no-text' };
  return { ok: true, document: doc };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? all;
  });
}
