// A PDF as referat text, from pdf.js's text items and their positions:
// - lines: items whose baselines lie within 40 % of the font size of each other are one
//   line, read left to right; a gap between two items becomes a space (a tab where it is
//   wider than two font sizes: a column or a leader to a page number);
// - paragraphs: a vertical gap of more than 1.5 times the usual line spacing is a blank
//   line; a line that ends so near the right edge of the text that the next line's first
//   word would not have fit is a wrapped line, and is joined to the next with a space (also
//   across a page break), unless it holds a tab;
// - page headers and footers: a line among the top two or bottom two of a page whose text
//   (with every number as #) stands at the same height on at least 2/3 of the pages, on two
//   pages or more, is dropped ("Side 3 af 12", the committee and date on every page);
// - a page break is a blank line where the page ended a line or more above the bottom of
//   the text area or the next begins below its top (unless a wrapped line goes on), else
//   nothing.
// Every line remembers its page and its line on that page (the n-th line of text from the
// top, headers included, as the reader counts them). pdf.js runs with its worker in this
// thread and is loaded on first use (dist/lazy/pdfjs*.js beside the CLI bundle).
import * as fs from 'fs';
import * as path from 'path';
import { DocumentBuilder, type ExtractResult, type Segment } from './document';
import { lazyDir } from '../lazyRequire';

/** The parts of pdf.js this reader uses. */
interface PdfJs {
  getDocument(src: { data: Uint8Array; verbosity?: number; isEvalSupported?: boolean; disableFontFace?: boolean; useSystemFonts?: boolean }): {
    promise: Promise<PdfDocument>;
    destroy(): Promise<void>;
  };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  /** The page box: [x0, y0, x1, y1]. */
  view: readonly number[];
}
interface TextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
}

let lib: Promise<PdfJs> | undefined;
function pdfjs(): Promise<PdfJs> {
  lib ??= load();
  return lib;
}

async function load(): Promise<PdfJs> {
  // The bundle loads the copies built beside it (see esbuild.mjs); the sources under test load the package.
  const dir = lazyDir();
  const bundled = fs.existsSync(path.join(dir, 'pdfjs.js'));
  // Requires and imports on purpose: loaded on first use, never by the language server.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const main = (bundled ? require(path.join(dir, 'pdfjs.js')) : await import(PACKAGE)) as PdfJs;
  // pdf.js's "fake worker": the worker's message handler, run in this thread.
  const worker = (bundled ? require(path.join(dir, 'pdfjs-worker.js')) : await import(PACKAGE_WORKER)) as { WorkerMessageHandler: unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
  return main;
}

// Held in variables: the CLI bundle must not inline these (esbuild.mjs bundles them apart).
const PACKAGE: string = 'pdfjs-dist/legacy/build/pdf.mjs';
const PACKAGE_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** One rebuilt line of a page. */
export interface PdfLine {
  text: string;
  /** Baseline, from the bottom of the page. */
  y: number;
  x0: number;
  x1: number;
  /** Font size. */
  size: number;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  const { getDocument } = await pdfjs();
  // pdf.js may take the buffer over: give it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' };
    return { ok: false, reason: 'bad-pdf', detail: (error instanceof Error ? error.message : String(error)).slice(0, 120) };
  }
  try {
    const pages: PdfLine[][] = [];
    let width = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      width = Math.max(width, (page.view[2] ?? 0) - (page.view[0] ?? 0));
      pages.push(linesOf((await page.getTextContent()).items.filter(isTextItem)));
    }
    return pagesToDocument(pages, width);
  } finally {
    await doc.destroy();
  }
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item && typeof (item as TextItem).str === 'string';
}

/** The text items of one page as lines, top to bottom. Exported for tests. */
export function linesOf(items: readonly TextItem[]): PdfLine[] {
  const pieces = items
    .filter((i) => i.str !== '')
    .map((i) => {
      const [, , c = 0, d = 0, x = 0, y = 0] = i.transform;
      const size = Math.hypot(c, d) || i.height || 1;
      // Trailing spaces are part of an item's width, not of the text's extent.
      const str = i.str.replace(/\s+$/, '');
      return { str, x, y, width: str === '' ? 0 : (i.width * str.length) / i.str.length, size, space: str === '' };
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof pieces)[] = [];
  for (const p of pieces) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row !== undefined && first !== undefined && Math.abs(first.y - p.y) <= 0.4 * Math.min(first.size, p.size)) row.push(p);
    else rows.push([p]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let size = 0;
    // A whitespace item (pdf.js writes one for a space, and across a gap) is a space: its width is measured, not copied.
    let spaced = false;
    let first: (typeof row)[number] | undefined;
    for (const p of row) {
      if (p.space) {
        spaced = true;
        continue;
      }
      const gap = p.x - end;
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(p.str)) {
        if (gap > 2 * p.size) text += '\t';
        else if (spaced || gap > 0.15 * p.size) text += ' ';
      }
      spaced = false;
      first ??= p;
      text += p.str;
      end = Math.max(end, p.x + p.width);
      size = Math.max(size, p.size);
    }
    text = text.replace(/\s+$/, '');
    if (first === undefined || text.trim() === '') continue;
    lines.push({ text, y: first.y, x0: first.x, x1: end, size });
  }
  return lines;
}

/** "Side 3 af 12" and "Side 4 af 12" are one running line: numbers as #, spaces as one. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** How many lines at the top and the bottom of a page may be a running header or footer. */
const RUNNING_LINES = 2;

/** The lines of each page that repeat at the same height on at least 2/3 of the pages (at least two). */
function runningLines(pages: readonly PdfLine[][]): Set<PdfLine> {
  const dropped = new Set<PdfLine>();
  if (pages.length < 2) return dropped;
  const needed = Math.max(2, Math.ceil((pages.length * 2) / 3));
  for (const end of ['top', 'bottom'] as const) {
    const byKey = new Map<string, { line: PdfLine; page: number }[]>();
    pages.forEach((lines, page) => {
      const candidates = end === 'top' ? lines.slice(0, RUNNING_LINES) : lines.slice(-RUNNING_LINES);
      const seen = new Set<string>();
      for (const line of candidates) {
        const key = runningKey(line.text);
        if (seen.has(key)) continue;
        seen.add(key);
        byKey.set(key, [...(byKey.get(key) ?? []), { line, page }]);
      }
    });
    for (const group of byKey.values()) {
      if (group.length < needed) continue;
      // At one height: the running line of a template, not two pages that happen to begin alike.
      const ys = group.map((g) => g.line.y).sort((a, b) => a - b);
      const median = ys[Math.floor(ys.length / 2)] as number;
      const level = group.filter((g) => Math.abs(g.line.y - median) <= g.line.size);
      if (level.length >= needed && numbersRun(level)) for (const g of level) dropped.add(g.line);
    }
  }
  return dropped;
}

/**
 * Whether the lines' numbers are the same on every page, or one of them goes with the page
 * ("Side 3 af 12", "- 4 -"): not punkter that begin each page ("12.", "13.", "15.").
 */
function numbersRun(group: readonly { line: PdfLine; page: number }[]): boolean {
  const numbers = group.map((g) => (g.line.text.match(/\d+/g) ?? []).map(Number));
  const count = numbers[0]?.length ?? 0;
  for (let k = 0; k < count; k++) {
    const column = numbers.map((n) => n[k] ?? NaN);
    if (column.every((n) => n === column[0])) continue;
    const offset = (column[0] ?? 0) - (group[0]?.page ?? 0);
    if (column.every((n, i) => n - (group[i]?.page ?? 0) === offset)) return true;
    return false;
  }
  return true;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Heading marks by font size: the size most of the text is set in is the body's; each
 * larger size (by a tenth or more) is a heading level, the largest "# ", the next "## " and
 * so on, as a Word heading is read (docx.ts). A PDF has no other sign of a heading.
 */
function headingMarks(lines: readonly PdfLine[]): Map<PdfLine, string> {
  const weight = new Map<number, number>();
  const sizeOf = (l: PdfLine): number => Math.round(l.size * 2) / 2;
  for (const l of lines) weight.set(sizeOf(l), (weight.get(sizeOf(l)) ?? 0) + l.text.length);
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const larger = [...weight.keys()].filter((size) => size >= body * 1.1).sort((a, b) => b - a).slice(0, 6);
  const marks = new Map<PdfLine, string>();
  for (const l of lines) {
    const level = larger.indexOf(sizeOf(l));
    if (level >= 0) marks.set(l, `${'#'.repeat(level + 1)} `);
  }
  return marks;
}

/** The pages' lines as one text: running headers and footers dropped, paragraphs and wrapped lines rebuilt. Exported for tests. */
export function pagesToDocument(pages: readonly PdfLine[][], pageWidth: number): ExtractResult {
  const running = runningLines(pages);
  const body = pages.map((lines) => lines.map((line, i) => ({ line, place: i + 1 })).filter((l) => !running.has(l.line)));
  const all = body.flat().map((b) => b.line);
  if (all.length === 0) return { ok: false, reason: 'no-text' };
  const marks = headingMarks(all);
  // The usual distance of two lines of one paragraph: gaps under 1.8 font sizes (a blank line is more).
  const spacings: number[] = [];
  for (const page of body) {
    for (let i = 1; i < page.length; i++) {
      const a = (page[i - 1] as (typeof page)[number]).line;
      const gap = a.y - (page[i] as (typeof page)[number]).line.y;
      if (gap > 0 && gap < 1.8 * a.size) spacings.push(gap);
    }
  }
  const spacing = median(spacings) ?? (median(all.map((l) => l.size)) ?? 10) * 1.2;
  // The right edge of the text: nearly the widest line (one line that runs into the margin does not move it).
  // Where even that ends far before the right margin (the left one, mirrored), no line is full: none is joined.
  const ends = all.map((l) => l.x1).sort((a, b) => a - b);
  const left = Math.min(...all.map((l) => l.x0));
  const widest = ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.98))] as number;
  const right = pageWidth > 0 && widest < left + 0.85 * (pageWidth - 2 * left) ? Infinity : widest;
  const top = Math.max(...all.map((l) => l.y));
  const bottom = Math.min(...all.map((l) => l.y));

  const out = new DocumentBuilder();
  let text = '';
  let segments: Segment[] = [];
  let prev: PdfLine | null = null;
  const flush = (): void => {
    if (text !== '') out.line(text, segments);
    text = '';
    segments = [];
  };
  body.forEach((page, p) => {
    page.forEach(({ line, place }, i) => {
      if (prev !== null) {
        // A heading is a line of its own; a heading that wraps is joined as a paragraph is.
        const joins = marks.get(prev) === marks.get(line) && wrapped(prev, line, right);
        // Within a page a blank line is a gap; at a page break, a page that ends a line or more above the
        // lowest line of the text, or one that begins below the highest, unless a wrapped line goes on.
        const blank = i > 0 ? prev.y - line.y > 1.5 * spacing : !joins && (prev.y - bottom > 0.9 * spacing || top - line.y > 0.9 * spacing);
        if (!blank && joins) {
          text += ' ';
        } else {
          flush();
          if (blank) out.blank();
        }
      }
      if (text === '') text = marks.get(line) ?? '';
      segments.push({ start: text.length, place: { kind: 'page', page: p + 1, line: place } });
      text += line.text;
      prev = line;
    });
  });
  flush();
  return { ok: true, document: out.build('pdf', pages.length, [...new Set([...running].map((l) => runningKey(l.text)))]) };
}

/** Whether `line` was wrapped before `next`: the next line's first word would not have fit after it, and neither is a column row or a list item. */
function wrapped(line: PdfLine, next: PdfLine, right: number): boolean {
  if (line.text.includes('\t') || next.text.includes('\t')) return false;
  // A bullet begins an item ("-" and numbers do not tell: "2025 - 2028", "20. plads" wrap too).
  if (/^\s*[•▪◦·]\s/.test(next.text)) return false;
  const word = /^\S+/.exec(next.text)?.[0] ?? '';
  // The word's width, from the next line's mean width per character, a quarter more for capitals and wide letters.
  const perChar = (next.x1 - next.x0) / Math.max(1, next.text.length);
  return line.x1 + 1.25 * perChar * (word.length + 1) > right;
}
