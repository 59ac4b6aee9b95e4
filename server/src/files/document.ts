// Word and PDF files as text, for the CLI: the extracted text, which the parser reads as
// it reads any referat, and for each of its lines where it came from (a page and a line on
// that page, or a Word paragraph), so that a finding can be shown where the user can find
// it. The extraction is in docx.ts (mammoth) and pdf.ts (pdf.js); both libraries are
// loaded on first use, from the lazy bundles beside the CLI (see esbuild.mjs), and the
// language server never imports this folder's document readers.

export type DocumentFormat = 'docx' | 'pdf';

/** Which document reader takes a file whose bytes begin with a binary format's magic number (a .docx is a zip). */
export function documentFormatOf(magic: string | undefined): DocumentFormat | undefined {
  return magic === 'pdf' ? 'pdf' : magic === 'zip' ? 'docx' : undefined;
}

export type DocumentFailure =
  /** Not a Word document (a zip without word/document.xml, or no zip at all). */
  | 'not-docx'
  /** A Word document mammoth cannot read. */
  | 'bad-docx'
  /** A PDF pdf.js cannot read. */
  | 'bad-pdf'
  /** A PDF with a password. */
  | 'encrypted'
  /** A document without any text (a scanned PDF). */
  | 'no-text';

/** Where a piece of extracted text stands in the original: 1-based. */
export type Place = { kind: 'page'; page: number; line: number } | { kind: 'paragraph'; paragraph: number; line: number };

/** A run of one extracted line that comes from one place; `start` is its first UTF-16 column in the extracted line. */
export interface Segment {
  start: number;
  place: Place;
}

export interface ExtractedDocument {
  format: DocumentFormat;
  text: string;
  /** Per line of `text`: where its parts come from (a wrapped line joined again has several). Empty for a line the extraction added (a blank line between paragraphs). */
  segments: Segment[][];
  /** The number of pages (PDF) or paragraphs (Word). */
  units: number;
  /** Lines dropped as running headers and footers (PDF): their normalized text, e.g. "Side # af #". */
  dropped: string[];
}

export type ExtractResult = { ok: true; document: ExtractedDocument } | { ok: false; reason: DocumentFailure; detail?: string };

/** The place of a 0-based line and column of the extracted text; a line the extraction added takes the place of the next line that has one (or else the previous). */
export function placeOf(doc: ExtractedDocument, line: number, character: number): Place | null {
  const own = doc.segments[line];
  if (own !== undefined && own.length > 0) {
    let found = own[0] as Segment;
    for (const s of own) if (s.start <= character) found = s;
    return found.place;
  }
  for (let l = line + 1; l < doc.segments.length; l++) {
    const first = doc.segments[l]?.[0];
    if (first !== undefined) return first.place;
  }
  for (let l = line - 1; l >= 0; l--) {
    const first = doc.segments[l]?.[0];
    if (first !== undefined) return first.place;
  }
  return null;
}

/** Builds the text and its line map from lines, each with its segments. */
export class DocumentBuilder {
  private readonly lines: string[] = [];
  private readonly segments: Segment[][] = [];

  /** Adds a line (its segments' starts are columns in `text`). */
  line(text: string, segments: Segment[]): void {
    this.lines.push(text);
    this.segments.push(segments);
  }

  /** A blank line, unless the text is empty or already ends with one. */
  blank(): void {
    if (this.lines.length === 0 || this.lines[this.lines.length - 1] === '') return;
    this.line('', []);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  build(format: DocumentFormat, units: number, dropped: string[] = []): ExtractedDocument {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.segments.pop();
    }
    // The text ends with a line break, as a text file does.
    return { format, text: this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`, segments: [...this.segments, []], units, dropped };
  }
}
