// Stage 1, scan: one pass over the lines that tells what each line may be (a punkt
// heading candidate, a section heading, a case number, a field, debris, …). Every test
// is behind a cheap pre-filter derived from the dialect tables, so a plain body line
// costs a few character comparisons. Nothing here decides; the settle stage does.
import type { Debris } from '../model';
import { looksLikeCaseNumberLine } from './dialect/caseNumbers';
import { debrisKind, gluedPrefix, COOKIE_CONSENT } from './dialect/debris';
import type { Dialect } from './dialect';
import { P_ATTENDANCE, P_DEBRIS, P_FIELD, P_PUNKT, P_SECTION, P_TOC } from './dialect/prefixes';
import type { PunktMatch } from './dialect/punktForms';
import { foldLatin1, lineRange, setLineStarts, stripBounds } from './lines';
import { recogniseSection, type SectionHit } from './sectionHeadings';

// Line classes (bits of LineView.cls).
export const C_DEBRIS = 1;
/** Matches a punkt heading form. */
export const C_CAND = 2;
/** A section heading (cls alone does not say which: see LineView.hits). */
export const C_SECTION = 4;
/** A case number standing alone on the line. */
export const C_CASE = 8;
/** Starts with a field label ("Sagsnr.: …"). */
export const C_FIELD = 16;
/** A field label alone, its value on the next line ("Sagsnummer"). */
export const C_LABEL = 32;
/** "Afbud: …", "Fraværende: …". */
export const C_ATT = 64;
/** Holds "indstiller" (an Indstilling written as a paragraph may start here). */
export const C_INDST = 128;
/** Opens a table of contents. */
export const C_TOC = 256;
/** A section heading that counts as evidence for a punkt heading above it (not a bare Markdown heading). */
export const C_EVIDENCE = 512;

/** The classes the settle, attach, header and TOC stages read: an edit that touches none of them stays inside one punkt. */
export const STRUCTURAL = C_DEBRIS | C_CAND | C_SECTION | C_CASE | C_FIELD | C_LABEL | C_TOC;

export interface Candidate {
  line: number;
  match: PunktMatch;
  /** Markdown level of the line, or null. */
  level: number | null;
  indent: number;
}

/** Lines from the top and the bottom in which a cookie banner is looked for. */
const COOKIE_LINES = 80;

/** A document's lines and what the scan found out about each. */
export class LineView {
  constructor(
    readonly lines: readonly string[],
    /** bounds[3i] start, bounds[3i + 1] end of the line's text, bounds[3i + 2] its Markdown level (0: none). */
    readonly bounds: Int32Array,
    /** Leading whitespace of the raw line. */
    readonly indent: Uint16Array,
    /** C_* bits. */
    readonly cls: Uint16Array,
    /** The section heading found on a line with C_SECTION. */
    readonly hits: Map<number, SectionHit>,
  ) {}

  get n(): number {
    return this.lines.length;
  }

  txt(i: number): string {
    const line = this.lines[i] as string;
    const s = this.bounds[3 * i] as number;
    const e = this.bounds[3 * i + 1] as number;
    return s === 0 && e === line.length ? line : line.slice(s, e);
  }

  start(i: number): number {
    return this.bounds[3 * i] as number;
  }

  end(i: number): number {
    return this.bounds[3 * i + 1] as number;
  }

  level(i: number): number | null {
    const l = this.bounds[3 * i + 2] as number;
    return l === 0 ? null : l;
  }

  blank(i: number): boolean {
    return this.bounds[3 * i] === this.bounds[3 * i + 1];
  }

  is(i: number, c: number): boolean {
    return ((this.cls[i] as number) & c) !== 0;
  }

  /** Blank or debris: a line with nothing to read. */
  empty(i: number): boolean {
    return this.bounds[3 * i] === this.bounds[3 * i + 1] || ((this.cls[i] as number) & C_DEBRIS) !== 0;
  }

  /** The first line with text at or after `from`, looking at most `limit` lines and never at `stop` or beyond; -1 if none. */
  nextContent(from: number, limit: number, stop = this.lines.length): number {
    const end = Math.min(stop, from + limit);
    for (let j = from; j < end; j++) if (!this.empty(j)) return j;
    return -1;
  }

  /** The last line with text before `from`, looking at most `limit` lines back; -1 if none. */
  prevContent(from: number, limit: number): number {
    for (let j = from - 1; j >= 0 && j >= from - limit; j--) if (!this.empty(j)) return j;
    return -1;
  }

  /** Blank lines between line `i` and the next line with text (counting debris as blank). */
  gapAfter(i: number): number {
    let g = 0;
    for (let j = i + 1; j < this.lines.length && this.empty(j); j++) g++;
    return g;
  }
}

export interface ScanResult {
  view: LineView;
  candidates: Candidate[];
  debris: Debris[];
}

function leadingSpace(line: string): number {
  let k = 0;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
    k++;
  }
  return k;
}

/** Whether a line's text starts with a bullet and a space: the bullet's length with the space, else 0. */
export function bulletPrefix(text: string): number {
  const c = text.charCodeAt(0);
  if (c !== 0x2022 && c !== 0xb7 && c !== 0x25aa) return 0;
  let k = 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k > 1 && k < text.length ? k : 0;
}

/** Whether line i may hold a cookie banner written as a sentence: one stands at the top or the bottom of a web page. */
function cookieLine(text: string, i: number, n: number): boolean {
  return (i < COOKIE_LINES || i >= n - COOKIE_LINES) && text.length <= 600 && text.includes('ookie') && COOKIE_CONSENT.test(text) && /cookie/i.test(text);
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A long line (over 200 characters): prose, a flattened PDF page (a digit first), a field line or an attendance list. */
function classifyLong(view: LineView, i: number, text: string, dialect: Dialect, out: ScanResult, wholeText: string | null): number {
  const c0 = text.charCodeAt(0);
  if (cookieLine(text, i, view.n)) {
    out.debris.push({ kind: 'cookie', text, range: lineRange(i, view.start(i), view.end(i)) });
    return C_DEBRIS;
  }
  if (c0 >= 48 && c0 <= 57) {
    const m = dialect.matchPunkt(text);
    if (m !== null) {
      out.candidates.push({ line: i, match: m, level: view.level(i), indent: view.indent[i] as number });
      return C_CAND;
    }
  }
  const lc = lowerAscii(c0);
  let c = 0;
  if (dialect.fieldFirst[lc >= 128 ? foldLatin1(lc) & 255 : lc] === 1 && dialect.fieldStart.test(text)) c = C_FIELD;
  else if ((lc === 102 || lc === 97) && dialect.attendance.test(text)) c = C_ATT;
  return c | indstiller(text, wholeText);
}

/** Whether a line ends as a decision label of another form may: a digit (a date, "pkt. 452"), a colon, or the word "beslutning". */
function endsLikeLabel(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if ((last >= 48 && last <= 57) || last === 58) return true;
  return (last === 103 || last === 71) && /beslutning$/i.test(text.slice(-10));
}

/**
 * A line of at most 200 characters: every class is possible. The words the line begins
 * with decide which tables it is tried against (dialect.prefixes).
 */
function classifyShort(view: LineView, i: number, text: string, dialect: Dialect, out: ScanResult, wholeText: string | null): number {
  const bullet = bulletPrefix(text);
  const bare = bullet > 0 ? text.slice(bullet) : text;
  const fam = dialect.prefixes.walk(bare);
  const dk = (fam & P_DEBRIS) !== 0 || bare.charCodeAt(bare.length - 1) === 111 /* o: "… Kommunes logo" */ ? debrisKind(bare) : null;
  if (dk !== null || cookieLine(text, i, view.n)) {
    out.debris.push({ kind: dk ?? 'cookie', text, range: lineRange(i, view.start(i), view.end(i)) });
    return C_DEBRIS;
  }
  const len = text.length;
  const c0 = text.charCodeAt(0);
  const digit = c0 >= 48 && c0 <= 57;
  // A case number first: "00.34.00-S00-5-14" is no "00. Title" heading.
  if (len <= 42 && len >= 4 && looksLikeCaseNumberLine(text)) return C_CASE;
  const m = digit || bullet > 0 || (fam & P_PUNKT) !== 0 || dialect.anyForms || c0 === 0x2022 || c0 === 0xb7 || c0 === 0x25aa ? dialect.matchPunkt(text) : null;
  if (m !== null) {
    const level = view.level(i);
    out.candidates.push({ line: i, match: m, level, indent: view.indent[i] as number });
    if (level === null) return C_CAND;
    // A Markdown heading that is no punkt ("#### 1. Første") is a section all the same.
    view.hits.set(i, { form: 'markdown', alias: { kind: 'other' }, heading: text, start: 0, end: text.length, evidence: false });
    return C_CAND | C_SECTION;
  }
  if ((fam & P_FIELD) !== 0 && dialect.fieldStart.test(text)) {
    return (dialect.fieldAlone.test(text) ? C_LABEL | C_FIELD : C_FIELD) | indstiller(text, wholeText);
  }
  let c = 0;
  if ((fam & P_ATTENDANCE) !== 0 && dialect.attendance.test(text)) {
    c = C_ATT;
    // "Afbud:" alone heads a list of names (Glostrup): a section when the table has it.
    if (!/:\s*\S/.test(text)) c |= section(view, i, text, bare, bullet, dialect);
    if ((c & C_SECTION) !== 0) c &= ~C_ATT;
  } else if ((fam & P_TOC) !== 0 && dialect.isTocHeading(text)) {
    c = C_TOC;
  } else if ((fam & P_SECTION) !== 0 || view.level(i) !== null || endsLikeLabel(bare)) {
    c = section(view, i, text, bare, bullet, dialect);
  }
  return c | indstiller(text, wholeText);
}

function section(view: LineView, i: number, text: string, bare: string, bullet: number, dialect: Dialect): number {
  const hit = recogniseSection(text, bare, bullet, view.level(i), dialect);
  if (hit === null) return 0;
  view.hits.set(i, hit);
  return C_SECTION | (hit.evidence ? C_EVIDENCE : 0);
}

/**
 * Scans lines [from, to) into `view` (which holds the whole document): classes, candidates
 * and debris. The lines have no entry in view.hits yet (a full scan, or an incremental
 * one's new lines). `wholeText` is the text the lines were split from when the caller does
 * the "indstiller" search over the whole text at once (a full parse); else each line is
 * searched.
 */
export function scanLines(view: LineView, from: number, to: number, dialect: Dialect, out: ScanResult, wholeText: string | null): void {
  const { lines, bounds, indent, cls } = view;
  for (let i = from; i < to; i++) {
    const line = lines[i] as string;
    stripBounds(line, bounds, i);
    if (view.blank(i)) {
      cls[i] = 0;
      indent[i] = 0;
      continue;
    }
    indent[i] = Math.min(leadingSpace(line), 65535);
    let text = view.txt(i);
    // "UdskrivSagsid.: …": a control glued to the front; the rest of the line is read.
    if (text.charCodeAt(0) === 85 /* U */) {
      const g = gluedPrefix(text);
      if (g > 0) {
        const s = bounds[3 * i] as number;
        out.debris.push({ kind: 'export-control', text: text.slice(0, g), range: lineRange(i, s, s + g), glued: true });
        bounds[3 * i] = s + g;
        text = text.slice(g);
      }
    }
    cls[i] = text.length > 200 ? classifyLong(view, i, text, dialect, out, wholeText) : classifyShort(view, i, text, dialect, out, wholeText);
  }
}

/** C_INDST when the line is searched here (no whole-text search) and holds "indstiller". */
function indstiller(text: string, wholeText: string | null): number {
  return wholeText === null && text.length <= 600 && text.includes('indstiller') ? C_INDST : 0;
}

/** A full scan of a document's lines. */
export function scan(lines: readonly string[], text: string, dialect: Dialect): ScanResult {
  const n = lines.length;
  const view = new LineView(lines, new Int32Array(3 * n), new Uint16Array(n), new Uint16Array(n), new Map<number, SectionHit>());
  const out: ScanResult = { view, candidates: [], debris: [] };
  const lf = text.indexOf('\r') === -1;
  scanLines(view, 0, n, dialect, out, lf ? text : null);
  if (lf) {
    // Where each line starts, for searches over the whole text (see linesMatching); and the
    // lines that may hold "… indstiller" by one search of the text rather than one per line.
    const starts = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += (lines[i] as string).length + 1;
    }
    setLineStarts(lines, starts);
    let line = 0;
    for (let pos = text.indexOf('indstiller'); pos !== -1; pos = text.indexOf('indstiller', pos + 1)) {
      while (line + 1 < n && (starts[line + 1] as number) <= pos) line++;
      if (view.end(line) - view.start(line) <= 600 && !view.is(line, C_DEBRIS | C_CAND)) view.cls[line] = (view.cls[line] as number) | C_INDST;
    }
  }
  return out;
}
