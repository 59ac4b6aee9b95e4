// Which file names are referat files: shared by the CLI's folder walk and the workspace index.
// A .referat* name says so; a .txt or .md file is minutes only if its content says so
// (parser/sniff.ts), which the walk's callers check after reading its head.

export const REFERAT_SUFFIXES = ['.referat', '.referat.txt', '.referat.md'] as const;

export function isReferatFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return REFERAT_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}

/** Names whose content decides: "Referat ØU 14-05-2024.txt", "dagsorden.md". */
export const CONTENT_SUFFIXES = ['.txt', '.md'] as const;

/** 'name': a referat by its name; 'content': a text file to sniff; null: not ours. */
export function fileNameKind(name: string): 'name' | 'content' | null {
  if (isReferatFileName(name)) return 'name';
  const lower = name.toLowerCase();
  return CONTENT_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length) ? 'content' : null;
}

/** Word and PDF files, read through their text (files/extract.ts); the CLI's folder walk only. */
export const DOCUMENT_SUFFIXES = ['.docx', '.pdf'] as const;
/**
 * A Word or PDF file in a folder is taken when its name says what it is ("Referat BEU
 * 18-08-2022.pdf", "dagsorden-oeu.docx"): a folder of minutes also holds their bilag,
 * which are PDFs too, and reading every PDF to find out would cost more than the lint.
 */
const DOCUMENT_NAME_WORD = /referat|dagsorden|beslutningsprotokol/i;

export function isMinutesDocumentName(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length) && DOCUMENT_NAME_WORD.test(name);
}
