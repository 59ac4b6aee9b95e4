// Regenerate the Indholdsfortegnelse from the punkter, keeping the document's entry
// style: numbering prefix, dot leaders and page numbers where they are known (an
// entry that still matches its punkt keeps its page). Only the TOC's entry lines are
// replaced; lines inside it that are no entries (an attendance line) are kept. Pure.
import type { Punkt, ReferatModel, TocEntry } from '../model';
import { similar, tocKey } from '../rules/toc-mismatch';
import type { TextEdit } from '../rules/types';
import type { LineSource } from './text';

/** How far ahead an entry is looked for when pairing punkter with old entries. */
const LOOKAHEAD = 8;
const MIN_PREFIX = 8;

interface EntryStyle {
  /** Text before the title, with `{n}` for the punkt number ("{n}. "), or a plain prefix. */
  prefix: string;
  numbered: boolean;
  /** Between title and page number (".....\t"). */
  leader: string;
  paged: boolean;
  /** What follows the title when there is no page ("**" of a bold entry). */
  tail: string;
  /** Between entries: "\n" or a blank line. */
  blankBetween: boolean;
}

function styleOf(entries: readonly TocEntry[], text: LineSource): EntryStyle {
  const paged = entries.some((e) => e.page !== null);
  const leaders = new Map<string, number>();
  let model: TocEntry = entries[0] as TocEntry;
  let best = 0;
  for (const e of entries) {
    if (paged && e.page === null) continue;
    const raw = text.lineAt(e.range.start.line);
    const suffix = raw.slice(e.range.end.character);
    const leader = paged ? suffix.replace(/\d{1,4}\s*$/, '') : suffix;
    const n = (leaders.get(leader) ?? 0) + 1;
    leaders.set(leader, n);
    if (n > best) {
      best = n;
      model = e;
    }
  }
  const raw = text.lineAt(model.range.start.line);
  let prefix = raw.slice(0, model.range.start.character);
  let numbered = false;
  if (model.number !== null) {
    const at = prefix.lastIndexOf(String(model.number));
    if (at >= 0) {
      prefix = `${prefix.slice(0, at)}{n}${prefix.slice(at + String(model.number).length)}`;
      numbered = true;
    }
  }
  const suffix = raw.slice(model.range.end.character);
  let gaps = 0;
  let blanks = 0;
  for (let i = 1; i < entries.length; i++) {
    const d = (entries[i] as TocEntry).range.start.line - (entries[i - 1] as TocEntry).range.end.line;
    gaps++;
    if (d >= 2) blanks++;
  }
  return {
    prefix,
    numbered,
    leader: paged ? suffix.replace(/\d{1,4}\s*$/, '') : '',
    paged,
    tail: paged ? '' : suffix.trimEnd(),
    blankBetween: gaps > 0 && blanks * 2 > gaps,
  };
}

function matches(entryKey: string, punktKey: string): boolean {
  if (entryKey === punktKey) return true;
  if (entryKey.length >= MIN_PREFIX && punktKey.startsWith(entryKey)) return true;
  return similar(entryKey, punktKey);
}

interface Pairing {
  /** The page an old entry gives the punkt, or null. */
  page: number | null;
  /** An old one-line entry that says exactly this already; it is kept verbatim. */
  same: TocEntry | null;
}

/** Pairs each punkt with the old entry that still names it (in order, with a short lookahead). */
function pair(punkter: readonly Punkt[], entries: readonly TocEntry[]): Pairing[] {
  const keys = entries.map((e) => tocKey(e.title));
  const out: Pairing[] = [];
  let i = 0;
  for (const p of punkter) {
    const key = tocKey(p.title);
    let found: Pairing = { page: null, same: null };
    for (let k = i; k < entries.length && k < i + LOOKAHEAD; k++) {
      const e = entries[k] as TocEntry;
      const next = entries[k + 1];
      // A wrapped entry: this line has no page, the next one has.
      if (e.page === null && next !== undefined && next.page !== null && next.range.start.line === e.range.end.line + 1) {
        if (matches(tocKey(`${e.title} ${next.title}`), key)) {
          found = { page: next.page, same: null };
          i = k + 2;
          break;
        }
      }
      if (matches(keys[k] as string, key)) {
        const exact = keys[k] === key && (e.number === null || e.number === p.number);
        found = { page: e.page, same: exact ? e : null };
        i = k + 1;
        break;
      }
    }
    out.push(found);
  }
  return out;
}

function entryLine(p: Punkt, page: number | null, style: EntryStyle): string {
  const prefix = style.numbered
    ? p.number !== null
      ? style.prefix.replace('{n}', String(p.number))
      : style.prefix.replace(/\{n\}[.:]?\s*/, '')
    : style.prefix;
  const title = p.title.trim();
  if (style.paged) return page !== null ? `${prefix}${title}${style.leader}${page}` : `${prefix}${title}`;
  return `${prefix}${title}${style.tail}`;
}

/**
 * The edit that rewrites the TOC from the punkter, or null when there is no TOC, no
 * punkt, or the TOC already says exactly that.
 */
export function regenerateToc(model: ReferatModel, text: LineSource): TextEdit | null {
  const toc = model.toc;
  if (toc === null || model.punkter.length === 0) return null;
  const eol = text.eol;
  if (toc.entries.length === 0) {
    const line = toc.heading.range.end.line;
    const at = { line, character: text.lineAt(line).length };
    return { range: { start: at, end: at }, newText: eol + eol + model.punkter.map((p) => p.title.trim()).join(eol) };
  }
  const style = styleOf(toc.entries, text);
  const pairs = pair(model.punkter, toc.entries);
  const lines = model.punkter.map((p, i) => {
    const { page, same } = pairs[i] as Pairing;
    // An entry that already says this keeps its own line (its own leader, its page).
    if (same !== null && (!style.paged || same.page !== null)) return text.lineAt(same.range.start.line);
    return entryLine(p, page, style);
  });

  const first = (toc.entries[0] as TocEntry).range.start.line;
  const last = (toc.entries[toc.entries.length - 1] as TocEntry).range.end.line;
  // Lines in the span that are not entries (and not blank) are kept, after the entries.
  const entryLines = new Set<number>();
  for (const e of toc.entries) for (let l = e.range.start.line; l <= e.range.end.line; l++) entryLines.add(l);
  const kept: string[] = [];
  const current: string[] = [];
  for (let l = first; l <= last; l++) {
    const raw = text.lineAt(l);
    current.push(raw);
    if (!entryLines.has(l) && raw.trim() !== '') kept.push(raw);
  }
  const sep = style.blankBetween ? eol + eol : eol;
  let newText = lines.join(sep);
  if (kept.length > 0) newText += sep + kept.join(sep);
  if (newText === current.join(eol)) return null;
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: text.lineAt(last).length } },
    newText,
  };
}
