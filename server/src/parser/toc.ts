// Stage 6, TOC: the entries between the TOC heading and the first punkt. The forms seen:
// "Title.....\t3" (dot leaders and a page), "342 Title" and "3. Title" (numbered),
// "åbent 3 Title", a number alone on the line before its title, titles wrapped onto a
// next line in lower case, group headings ("Åbne dagsordenspunkter") and a page column
// ("Side" and one page number per line) after the entries.
import type { Toc as ReadonlyToc, TocEntry as ReadonlyTocEntry, Draft } from '../model';
import { TOC_GROUPS } from './dialect/header';
import { findDates } from './dates';
import type { Dialect } from './dialect';
import { isJsSpace, lineRange, trimEndWhere } from './lines';
import { C_ATT, C_CASE, C_DEBRIS, C_TOC, type LineView } from './scan';

// Built mutably here, handed out readonly.
type Toc = Draft<ReadonlyToc>;
type TocEntry = Draft<ReadonlyTocEntry>;

/** The part before the page number: an optional entry number, then the title. */
const ENTRY_HEAD = /^(?:(\d{1,4})[.:]?\s+)?([^]*)$/;

/**
 * A trailing page number behind a leader: "Budget.....\t3", "Budget   3", "Budget\t3".
 * `cut` is where the leader starts (the title is before it). One walk back from the end:
 * the regex this replaces backtracked in cubic time over a run of spaces inside a line.
 */
export function pageSuffix(s: string): { cut: number; page: number } | null {
  let e = s.length;
  while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
  let d = e;
  while (d > 0 && e - d < 5 && isDigit(s.charCodeAt(d - 1))) d--;
  if (e - d < 1 || e - d > 4 || (d > 0 && isDigit(s.charCodeAt(d - 1)))) return null;
  // The leader as the old pattern read it: whitespace (with a tab, or two or more), or a
  // run of two or more dots followed by whitespace.
  let w = d;
  let tab = false;
  while (w > 0 && isJsSpace(s.charCodeAt(w - 1))) {
    if (s.charCodeAt(w - 1) === 9) tab = true;
    w--;
  }
  let dots = w;
  while (dots > 0 && s.charCodeAt(dots - 1) === 46) dots--;
  const page = Number(s.slice(d, e));
  if (w - dots >= 2) return { cut: dots, page };
  if (tab || d - w >= 2) return { cut: w, page };
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The old TOC_ENTRY's groups: [whole, entry number, title, page], or null. */
function tocEntry(s: string): [string, string | undefined, string, string] | null {
  const suffix = pageSuffix(s);
  if (suffix === null) return null;
  const head = ENTRY_HEAD.exec(s.slice(0, suffix.cut)) as RegExpExecArray;
  return [s, head[1], head[2] as string, String(suffix.page)];
}
const NUMBERED = /^(?:(?:åbent|lukket)\s+)?(\d{1,4})[.:]?\s+(\S.*)$/i;
const GROUPS = new Set(TOC_GROUPS.map((g) => g.toLowerCase()));
const HEADER_LABEL = /^(?:Deltagere|Medlemmer|Mødedeltagere|Indkaldelse|Fraværende|Afbud|Mødedato|Dato|Mødested)\s*:?\s*$/i;

export interface TocResult {
  toc: Toc;
  /** The lines the entries are on (the header stage skips them). */
  lines: Set<number>;
}

/** A committee name alone, a date alone, or "Møde i <udvalg> den <dato>". */
function headerish(text: string, dialect: Dialect): boolean {
  if (text.length > 80) return false;
  if (dialect.isCommittee(dialect.normaliseCommittee(text))) return true;
  const d = findDates(text)[0];
  if (d === undefined) return false;
  const rest = (text.slice(0, d.start) + text.slice(d.end)).replace(/\b(?:den|d\.|kl\.?\s*\d{1,2}[.:]\d{2})\b/gi, '').trim();
  return rest === '' || /^møde i\b/i.test(rest);
}

export function parseToc(view: LineView, from: number, to: number, dialect: Dialect): TocResult {
  const lines = new Set<number>();
  lines.add(from);
  const h = view.txt(from);
  const hs = view.start(from);
  // "Indholdsfortegnelse1. Fraværende": the first entry is glued to the heading.
  const glued = /^(Indholdsfortegnelse)(?=\S)/.exec(h);
  const headingText = glued ? (glued[1] as string) : h.replace(/\s*:$/, '');
  const entries: TocEntry[] = [];
  let last = from;
  let pendingNumber: number | null = null;
  let pages = -1;
  for (let i = from + 1; i < to; i++) {
    if (view.empty(i) || view.is(i, C_DEBRIS)) continue;
    const s = view.txt(i);
    const start = view.start(i);
    if (HEADER_LABEL.test(s)) break;
    // "Fraværende: Bo Ek" among the entries is no entry.
    if (view.is(i, C_ATT)) continue;
    if (view.is(i, C_CASE)) break;
    if (view.is(i, C_TOC) || GROUPS.has(s.toLowerCase())) {
      lines.add(i);
      continue;
    }
    // The page column: "Side", then a page number per entry.
    if (/^Side$/i.test(s)) {
      pages = 0;
      lines.add(i);
      continue;
    }
    if (pages >= 0) {
      if (!/^\d{1,4}$/.test(s)) break;
      const e = entries[pages];
      if (e !== undefined && e.page === null) e.page = Number(s);
      pages++;
      lines.add(i);
      continue;
    }
    if (/^\d{1,4}$/.test(s)) {
      pendingNumber = Number(s);
      lines.add(i);
      continue;
    }
    const m = tocEntry(s);
    const numbered = m ? null : NUMBERED.exec(s);
    // A running page header on a TOC page ("Økonomiudvalget", "den 10. juni 2013", "Møde i Økonomiudvalget den …").
    if (m === null && numbered === null && pendingNumber === null && headerish(s, dialect)) {
      lines.add(i);
      continue;
    }
    const first = s.charAt(0);
    const continuation = m === null && numbered === null && entries.length > 0 && first !== first.toUpperCase() && i <= last + 3;
    if (continuation) {
      const prev = entries[entries.length - 1] as TocEntry;
      prev.title = `${prev.title} ${s}`;
      prev.range = { start: prev.range.start, end: { line: i, character: start + s.length } };
      lines.add(i);
      last = i;
      continue;
    }
    const title = m ? trimEndWhere(m[2] as string, (c) => c === 46 || isJsSpace(c)) : numbered ? (numbered[2] as string) : s;
    let number = m && m[1] !== undefined ? Number(m[1]) : numbered ? Number(numbered[1]) : null;
    if (number === null && pendingNumber !== null) number = pendingNumber;
    pendingNumber = null;
    const titleAt = (view.lines[i] as string).indexOf(title, start);
    entries.push({
      number,
      title,
      page: m ? Number(m[3]) : null,
      range: lineRange(i, titleAt >= 0 ? titleAt : start, titleAt >= 0 ? titleAt + title.length : view.end(i)),
    });
    lines.add(i);
    last = i;
  }
  return {
    toc: {
      heading: { text: headingText, range: lineRange(from, hs, hs + headingText.length) },
      range: { start: { line: from, character: hs }, end: { line: last, character: view.end(last) } },
      entries,
    },
    lines,
  };
}
