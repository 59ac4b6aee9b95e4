// Word and PDF files made from a referat's text, for the tests of files/docx.ts and
// files/pdf.ts: made here, from the corpus, so that no binary fixture is checked in and
// no browser is needed (npm test runs before any is installed).
// - docxFromText: one Word paragraph per non-blank line (Word spaces paragraphs; it has no
//   blank lines). Markdown headings ("# Punkt 1: …") and, in a plain text, the lines the
//   parser reads as punkt and section headings become Heading 1 and Heading 2 paragraphs
//   (sub-sections Heading 3); "• " lines become a bulleted list; **bold** becomes bold runs.
// - pdfFromText: A4 pages in Helvetica 10 pt, long lines wrapped at the right margin, a
//   blank line as a line of space, a tab as a jump to the right margin (a TOC's page
//   number), a running header on every page and a footer "Side N af M".
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReferatModel } from '../../server/src/model';

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** The 0-based lines the parser reads as punkt headings (level 1) and section headings (level 2, their sub-sections 3). */
export function headingLines(model: ReferatModel): Map<number, number> {
  const levels = new Map<number, number>();
  for (const p of model.punkter) {
    for (let l = p.headingRange.start.line; l <= p.headingRange.end.line; l++) levels.set(l, 1);
    const walk = (sections: typeof p.sections, level: number): void => {
      for (const s of sections) {
        if (!s.implicit && s.heading.trim() !== '') levels.set(s.range.start.line, level);
        walk(s.children, level + 1);
      }
    };
    walk(p.sections, 2);
  }
  return levels;
}

/** Runs for a line, with **bold** as bold runs. */
function runs(text: string): TextRun[] {
  return text.split(/(\*\*[^*]+\*\*)/).filter((t) => t !== '').map((t) => (t.startsWith('**') && t.endsWith('**') ? new TextRun({ text: t.slice(2, -2), bold: true }) : new TextRun(t)));
}

/** The Word file, and for each source line (0-based) the paragraph it became (1-based). */
export async function docxFromText(text: string, model: ReferatModel | null): Promise<{ bytes: Buffer; paragraphs: Map<number, number> }> {
  const levels = model === null ? new Map<number, number>() : headingLines(model);
  const children: Paragraph[] = [];
  const paragraphs = new Map<number, number>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    paragraphs.set(i, children.length + 1);
    const md = /^(#{1,6}) +(.*)$/.exec(line);
    const level = md !== null ? (md[1] as string).length : levels.get(i);
    const body = md !== null ? (md[2] as string) : line;
    const bullet = /^\s*[•]\s+(.*)$/.exec(body);
    if (level !== undefined) children.push(new Paragraph({ heading: HEADING[level - 1] ?? HeadingLevel.HEADING_6, children: runs(body) }));
    else if (bullet !== null) children.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runs(bullet[1] as string) }));
    else children.push(new Paragraph({ children: runs(body) }));
  });
  const numbering = { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] };
  const doc = new Document({ numbering, sections: [{ children }] });
  return { bytes: await Packer.toBuffer(doc), paragraphs };
}

export interface PdfOptions {
  /** The running header printed at the top of every page. */
  header: string;
  /** Footer "Side N af M" (default) or none. */
  footer?: boolean;
  fontSize?: number;
}

/** How much larger a Markdown heading of each level is printed than the body. */
const HEADING_POINTS = [6, 4, 2, 1, 1, 1];
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** Where the generator drew each source line (0-based): its pieces (a wrapped line has several), each from column `start`, at a page and a line on it (1-based; the header is line 1). */
export type DrawnPlaces = Map<number, { start: number; page: number; line: number }[]>;

export async function pdfFromText(text: string, opts: PdfOptions): Promise<{ bytes: Uint8Array; places: DrawnPlaces }> {
  const size = opts.fontSize ?? 10;
  const leading = size * 1.3;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let lineSize = size;
  // pdf-lib measures a no-break space as nothing; it is drawn (and read back) as wide as a space.
  const width = (s: string): number => font.widthOfTextAtSize(s.replace(/\u00a0/g, ' '), lineSize);
  const right = A4.width - MARGIN;
  const top = A4.height - MARGIN - 2 * leading;
  const bottom = MARGIN + 2 * leading;
  let page = pdf.addPage([A4.width, A4.height]);
  let y = top;
  const places: DrawnPlaces = new Map();
  let pageNumber = 1;
  let row = 1;
  let rowY = NaN;
  let source = 0;
  const advance = (): void => {
    y -= leading;
    if (y < bottom) {
      page = pdf.addPage([A4.width, A4.height]);
      pageNumber++;
      row = 1;
      y = top;
    }
  };
  const draw = (s: string, x: number, start = 0): void => {
    if (s === '') return;
    page.drawText(s, { x, y, size: lineSize, font });
    if (y !== rowY) {
      row++;
      rowY = y;
      places.set(source, [...(places.get(source) ?? []), { start, page: pageNumber, line: row }]);
    }
  };
  let first = true;
  for (const [i, raw] of text.replace(/\s+$/, '').split(/\r\n|\r|\n/).entries()) {
    source = i;
    // Markdown's marks are not printed: **bold** is plain here, a "# " heading is a line in a larger size.
    const md = /^(#{1,6}) +(.*)$/.exec(raw);
    const line = (md === null ? raw : (md[2] as string)).replace(/\s+$/, '').replace(/\*\*([^*]+)\*\*/g, '$1');
    lineSize = md === null ? size : size + (HEADING_POINTS[(md[1] as string).length - 1] ?? 1);
    if (!first) advance();
    first = false;
    if (line === '') continue;
    if (/^[^\t]+\t\d+$/.test(line)) {
      // A TOC line: the title, and the page number after the tab at the right margin.
      const [head = '', tail = ''] = line.split('\t');
      draw(head, MARGIN);
      draw(tail, right - width(tail));
      continue;
    }
    if (line.includes('\t')) {
      // A row of columns: the cells spread over the line (a run of tabs is one step), each at least 3 font sizes after the last.
      const cells = line.split(/\t+/);
      const step = (right - MARGIN) / cells.length;
      let x = MARGIN;
      cells.forEach((cell, k) => {
        x = Math.max(x, MARGIN + k * step);
        draw(cell, x);
        x += width(cell) + 3 * size;
      });
      continue;
    }
    // Wrapped at the right margin, word by word.
    let current = '';
    let start = 0;
    let at = 0;
    for (const word of line.split(/(?<= )/)) {
      if (current !== '' && width(current + word.trimEnd()) > right - MARGIN) {
        draw(current.trimEnd(), MARGIN, start);
        advance();
        start = at;
        current = word.trimStart() === '' ? '' : word;
      } else current += word;
      at += word.length;
    }
    draw(current.trimEnd(), MARGIN, start);
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    p.drawText(opts.header, { x: MARGIN, y: A4.height - MARGIN + leading, size: size - 1, font });
    if (opts.footer !== false) {
      const footer = `Side ${i + 1} af ${pages.length}`;
      p.drawText(footer, { x: A4.width / 2 - font.widthOfTextAtSize(footer, size - 1) / 2, y: MARGIN - leading, size: size - 1, font });
    }
  });
  return { bytes: await pdf.save(), places };
}

