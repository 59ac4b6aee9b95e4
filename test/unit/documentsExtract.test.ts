// The Word and PDF readers in pieces: mammoth's HTML as text (files/docx.ts) and pdf.js's
// text items as lines, pages and paragraphs (files/pdf.ts), on small made-up inputs where
// each rule can be seen alone; documents.test.ts runs whole corpus documents through them.
import { describe, expect, it } from 'vitest';
import { placeOf, type ExtractedDocument } from '../../server/src/files/document';
import { htmlToDocument } from '../../server/src/files/docx';
import { linesOf, pagesToDocument, type PdfLine } from '../../server/src/files/pdf';

function doc(result: ReturnType<typeof htmlToDocument>): ExtractedDocument {
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('Word: mammoth HTML as text', () => {
  it('a heading is a line of its own with # marks, a paragraph is one line and a blank line', () => {
    const d = doc(htmlToDocument('<h1>Punkt 1: Budget</h1><p>24/1001</p><h2>Indstilling</h2><p>Direktøren indstiller, <strong>at</strong> budgettet godkendes.</p>'));
    expect(d.text).toBe('# Punkt 1: Budget\n\n24/1001\n\n## Indstilling\n\nDirektøren indstiller, at budgettet godkendes.\n');
  });

  it('list items keep their numbers, counted per list, nested lists indented; bullets become "- "', () => {
    const d = doc(htmlToDocument('<ol><li>at A<ol><li>a</li><li>b</li></ol></li><li>at B</li></ol><p>x</p><ol><li>ny</li></ol><ul><li>Carsten Bjerg</li><li>Rita Byskov</li></ul>'));
    expect(d.text).toBe('1. at A\n   1. a\n   2. b\n2. at B\n\nx\n\n1. ny\n\n- Carsten Bjerg\n- Rita Byskov\n');
  });

  it('a soft line break is a new line of the same paragraph; entities are decoded; a table row is one line with tabs', () => {
    const d = doc(htmlToDocument('<p>Mødedato<br />Tirsdag &amp; onsdag &lt;x&gt; &#8211; &#x2013;</p><table><tr><td><p>Sagsnr.</p></td><td><p>24/1001</p></td></tr></table><p>Slut</p>'));
    expect(d.text).toBe('Mødedato\nTirsdag & onsdag <x> – –\n\nSagsnr.\t24/1001\n\nSlut\n');
    expect(placeOf(d, 1, 0)).toEqual({ kind: 'paragraph', paragraph: 1, line: 2 });
    expect(placeOf(d, 3, 0)).toEqual({ kind: 'paragraph', paragraph: 2, line: 1 });
    // The cells' paragraphs count: "Slut" is the fourth.
    expect(placeOf(d, 5, 0)).toEqual({ kind: 'paragraph', paragraph: 4, line: 1 });
  });

  it('empty paragraphs count as Word counts them, but leave no line; a blank line takes the next line’s place', () => {
    const d = doc(htmlToDocument('<p></p><p>Referat</p><p></p><p></p><p>Punkt 1: Budget</p>'));
    expect(d.text).toBe('Referat\n\nPunkt 1: Budget\n');
    expect(placeOf(d, 0, 0)).toEqual({ kind: 'paragraph', paragraph: 2, line: 1 });
    expect(placeOf(d, 1, 0)).toEqual({ kind: 'paragraph', paragraph: 5, line: 1 });
    expect(placeOf(d, 2, 3)).toEqual({ kind: 'paragraph', paragraph: 5, line: 1 });
  });

  it('a document without text is no-text', () => {
    expect(htmlToDocument('<p></p><p> </p>')).toEqual({ ok: false, reason: 'no-text' });
  });
});

/** A text item as pdf.js gives it, in 10 pt unless told; width by 5 pt a character. */
const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): { str: string; transform: number[]; width: number; height: number } => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
  height: size,
});

const line = (text: string, y: number, x0 = 50, x1 = x0 + text.length * 5, size = 10): PdfLine => ({ text, y, x0, x1, size });

describe('PDF: lines from text items', () => {
  it('items on one baseline (within 40 % of the size) are one line, left to right; a gap is a space, a wide gap a tab', () => {
    const lines = linesOf([item('Status', 50, 700), item('3', 500, 700.5), item('Punkt', 50, 680), item('1:', 79, 681), item('Budget', 92, 680), item(' ', 120, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['Status\t3', 'Punkt 1: Budget']);
  });

  it('items that touch are one word; whitespace items are measured, not copied', () => {
    expect(linesOf([item('Besk', 50, 700), item('æftigelse', 70, 700), item('     ', 115, 700), item('udvalget', 116, 700)]).map((l) => l.text)).toEqual(['Beskæftigelse udvalget']);
  });
});

describe('PDF: pages to text', () => {
  const text = (pages: PdfLine[][]): string => {
    const r = pagesToDocument(pages, 595);
    if (!r.ok) throw new Error(r.reason);
    return r.document.text;
  };

  it('a line that the next word would not fit after is joined to the next; a short line is not; a gap is a blank line', () => {
    const pages = [[line('Udvalget godkendte forslaget og bad om', 700, 50, 540), line('en ny sag.', 687), line('Beslutning', 661), line('Godkendt.', 648)]];
    expect(text(pages)).toBe('Udvalget godkendte forslaget og bad om en ny sag.\n\nBeslutning\nGodkendt.\n');
    // On an A4 page whose lines all end far before the margin, none is full.
    const short = [[line('Deltagere', 700), line('Carsten Bjerg', 687), line('Rita Byskov', 674)]];
    expect(pagesToDocument(short, 595)).toMatchObject({ ok: true, document: { text: 'Deltagere\nCarsten Bjerg\nRita Byskov\n' } });
  });

  it('a running header and a footer with the page number are dropped when on 2/3 of the pages; other lines stay', () => {
    const titles = ['Budget', 'Anlæg', 'Eventuelt'];
    const page = (n: number, header: boolean): PdfLine[] => [
      ...(header ? [line('Økonomiudvalget 12-03-2024', 800)] : []),
      line(`Punkt ${n}: ${titles[n - 1] ?? ''}`, 760),
      line(`Side ${n} af 3`, 40),
    ];
    const r = pagesToDocument([page(1, true), page(2, true), page(3, false)], 595);
    // Each page is full to the bottom of the text area: its break is no blank line.
    expect(r.ok && r.document.text).toBe('Punkt 1: Budget\nPunkt 2: Anlæg\nPunkt 3: Eventuelt\n');
    expect(r.ok && r.document.dropped.sort()).toEqual(['Side # af #', 'Økonomiudvalget #-#-#']);
    // On one page of three, the header is text.
    expect(text([page(1, true), page(2, false), page(3, false)])).toMatch(/^Økonomiudvalget 12-03-2024\n/);
    // One page has no running lines.
    expect(text([page(1, true)])).toBe('Økonomiudvalget 12-03-2024\n\nPunkt 1: Budget\n\nSide 1 af 3\n');
    // A page that ends above the others' last line ends a paragraph.
    expect(text([[line('Punkt 1: Budget', 760), line('Tekst.', 747)], [line('Punkt 2: Anlæg', 760), line('Mere.', 747), line('Slut.', 734)]])).toBe('Punkt 1: Budget\nTekst.\n\nPunkt 2: Anlæg\nMere.\nSlut.\n');
  });

  it('numbers at the top of every page that do not go with the page are no page numbers: punkter that each begin a page stay', () => {
    const pages = [12, 13, 15].map((n, i) => [line(`${n}.`, 760), line(`Sag ${n}`, 747), line(`Side ${i + 1} af 3`, 40)]);
    expect(text(pages)).toBe('12.\nSag 12\n13.\nSag 13\n15.\nSag 15\n');
  });

  it('a larger size is a heading: "# " for the largest, "## " for the next', () => {
    const pages = [[line('Referat', 800, 50, 120, 16), line('Punkt 1: Budget', 774, 50, 200, 12), line('Tekst i brødtekst, som fylder mest.', 748), line('Mere tekst.', 735), line('Og mere.', 722)]];
    const r = pagesToDocument(pages, 595);
    expect(r.ok && r.document.text).toBe('# Referat\n\n## Punkt 1: Budget\n\nTekst i brødtekst, som fylder mest.\nMere tekst.\nOg mere.\n');
  });

  it('every line remembers its page and its line there, a joined line each part', () => {
    const r = pagesToDocument(
      [
        [line('Hoved', 800), line('Referat', 760), line('Udvalget godkendte forslaget og bad', 747, 50, 540)],
        [line('Hoved', 800), line('om en ny sag.', 760), line('Slut.', 734)],
      ],
      595,
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.document.text).toBe('Referat\nUdvalget godkendte forslaget og bad om en ny sag.\n\nSlut.\n');
    expect(placeOf(r.document, 1, 0)).toEqual({ kind: 'page', page: 1, line: 3 });
    expect(placeOf(r.document, 1, 40)).toEqual({ kind: 'page', page: 2, line: 2 });
    expect(placeOf(r.document, 3, 0)).toEqual({ kind: 'page', page: 2, line: 3 });
  });
});
