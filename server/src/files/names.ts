// Which file names are referat files: shared by the CLI's folder walk and the workspace index.
// A .referat* name says so; a .txt or .md file is minutes only if its content says so
// (parser/sniff.ts), which the walk's callers check after reading its head. Pure: the
// browser's walk (web/clientFiles.ts) chooses by the same rules as the disk's.
import picomatch from 'picomatch';

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

/** Folders never searched (besides hidden ones, whose name starts with "."). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out', 'build', '__pycache__']);

/** A walk stops after this many referat files. */
export const MAX_WALK_FILES = 20_000;

export function skipsFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** Globs over the path relative to the walked root ("/" between folders): `include` takes any name, `exclude` drops. */
export interface WalkFilter {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Also take Word and PDF files whose name says they are minutes (isMinutesDocumentName; the CLI reads them). */
  documents?: boolean;
}

function globTest(globs: readonly string[] | undefined): ((rel: string) => boolean) | null {
  if (globs === undefined || globs.length === 0) return null;
  // dot: a glob may name hidden files; nocase: Windows and macOS users write names as they see them.
  const m = picomatch([...globs], { dot: true, nocase: true });
  return (rel) => m(rel);
}

/**
 * What a walk does with a file, by its path relative to the root ("/" between folders) and
 * its name: the disk walk (files/walk.ts) and the browser's walk over the editor's files
 * (web/clientFiles.ts) take the same files. 'name' and 'content' as fileNameKind; null: left out.
 */
export function walkChoice(filter: WalkFilter): (rel: string, name: string) => 'name' | 'content' | null {
  const included = globTest(filter.include);
  const excluded = globTest(filter.exclude);
  return (rel, name) => {
    if (excluded?.(rel) === true) return null;
    return included?.(rel) === true || (filter.documents === true && isMinutesDocumentName(name)) ? 'name' : fileNameKind(name);
  };
}
