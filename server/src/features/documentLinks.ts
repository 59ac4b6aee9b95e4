// Document links for bilag: a line under a Bilag heading that names a file lying next
// to the document ("Budgetnotat 2025" → "Budgetnotat 2025.pdf") becomes a link. Pure:
// the server lists the folder and passes a lookup.
import type { DocumentLink } from 'vscode-languageserver';
import type { Range, ReferatModel, Section } from '../model';
import type { Locale } from '../l10n/locale';
import { messages } from '../l10n/messages';
import type { LineSource } from './text';

export interface BilagName {
  name: string;
  range: Range;
}

const BULLET = /^(?:[-*•·▪–]|\d{1,3}[.)])\s+/;
const NONE = /^(?:ingen(?: bilag)?|intet|-)\.?$/i;
/** Bilag lists are short; a long section is not scanned past this many lines. */
const MAX_LINES = 200;

/** The names listed under every Bilag heading, with where each stands. */
export function bilagNames(model: ReferatModel, text: LineSource): BilagName[] {
  const out: BilagName[] = [];
  const visit = (s: Section): void => {
    if (s.kind === 'bilag' && !s.merged) {
      const from = s.headingRange.start.line + 1;
      const to = Math.min(s.range.end.line, from + MAX_LINES);
      for (let l = from; l <= to; l++) {
        const raw = text.lineAt(l);
        if (raw.length > 300 || raw.includes('](')) continue;
        let start = raw.length - raw.trimStart().length;
        const bullet = BULLET.exec(raw.slice(start));
        if (bullet !== null) start += bullet[0].length;
        const end = raw.trimEnd().length;
        const name = raw.slice(start, end);
        if (name === '' || NONE.test(name)) continue;
        out.push({ name, range: { start: { line: l, character: start }, end: { line: l, character: end } } });
      }
    }
    for (const c of s.children) visit(c);
  };
  for (const p of model.punkter) for (const s of p.sections) visit(s);
  return out;
}

/** The lookup key of a file or bilag name: Unicode NFC, lower case. */
export function fileKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Keys for the files in a folder: the full name and the name without its extension
 * (the first file in sorted order wins a shared base name). Values are the file names.
 */
export function folderLookup(fileNames: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  const sorted = [...fileNames].sort();
  for (const f of sorted) map.set(fileKey(f), f);
  for (const f of sorted) {
    const dot = f.lastIndexOf('.');
    if (dot > 0) {
      const base = fileKey(f.slice(0, dot));
      if (!map.has(base)) map.set(base, f);
    }
  }
  return map;
}


/** Links for the names that match a file; `target` turns a file name into its URI. */
export function bilagLinks(
  names: readonly BilagName[],
  files: ReadonlyMap<string, string>,
  target: (fileName: string) => string,
  locale: Locale = 'da',
): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const b of names) {
    const key = fileKey(b.name);
    const file = files.get(key) ?? files.get(key.replace(/\.$/, ''));
    if (file !== undefined) out.push({ range: b.range, target: target(file), tooltip: messages(locale).bilagTooltip });
  }
  return out;
}
