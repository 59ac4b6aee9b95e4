// The parser: text of any dialect in, ReferatModel out. Two linear passes over the
// lines: the first finds punkt-heading candidates and settles which form the
// document uses; the second builds header, TOC, punkter and sections. It never
// throws on any input; text it does not understand stays body text.
import type { Attendance, CaseNumber, Debris, Field, Punkt, Range, ReferatModel, Section, SectionKind, Toc, TocEntry } from '../model';
import { looksLikeCaseNumberLine } from './caseNumbers';
import { findDates } from './dates';
import { parseHeader, parseMembers } from './header';
import { debrisKind, foldLatin1, isJsSpace, lineRange, lineStarts, setLineStarts, setSource, splitLines, stripBounds, type Stripped } from './lines';
import { matchPunktForm } from './punktForms';
import { maxAliasLength, sectionLookup, splitMergedHeading, type SectionAlias } from './sections';

export interface ParseOptions {
  /** Extra section headings (lower-case heading text → kind), e.g. "sagens kerne" → resume. */
  sectionAliases?: ReadonlyMap<string, SectionAlias>;
}

interface Candidate {
  /** First line of the punkt (a "• 1" line above the title, or the heading). */
  startLine: number;
  headingLine: number;
  form: string;
  strong: boolean;
  number: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  level: number | null;
  /** Lines that belong to the heading (the "Sag nr." line, a repeated title). */
  extra: number[];
}

const TOC_HEADING = /^(?:indholdsfortegnelse|punkter|dagsordenspunkter|oversigt over punkter)\s*:?$/i;
const TOC_ENTRY = /^(?:(\d{1,4})[.:]?\s+)?(.*?)(?:\s*\.{2,}\s*|\s*\t\s*|\s{2,})(\d{1,4})\s*$/;
const FIELD_START = /^(?:Sagsnr\.?|Sagsnummer|Sagsid\.?|Sags-id|Sagsbeh\.?|Sagsbehandler|Dok\.\s?nr\.?|Dokumentnr\.?|Sagsinitialer|Sagsansvarlig)(?=\s|:|$)/i;
const FIELD_ANY = /(?:^|[\s,;])(Sagsnr\.?|Sagsnummer|Sagsid\.?|Sags-id|Sagsbeh\.?|Sagsbehandler|Dok\.\s?nr\.?|Dokumentnr\.?|Sagsinitialer|Sagsansvarlig)(?=\s|:|$)\s*:?\s*/gi;
// These never nest under another section, whatever their Markdown level.
const TOP_ONLY: ReadonlySet<SectionKind> = new Set(['resume', 'indstilling', 'beslutning', 'bilag', 'punktoplysninger']);
const ATTENDANCE = /^(Fraværende med afbud|Fraværende|Afbud fra|Afbud)\s*:\s*(.*)$/i;
const AT_CLAUSE = /^(?:[-•*▪]\s*|\d{1,2}[.)]\s*)?at\b/i;
const INDSTILLER = /\bindstiller(?:\s+til\s+[^,.]{1,120})?\s*,?\s*(at\b.*)?$/;
const BESLUTNING_HEADING = /^Beslutning(?:er)?\b\s*(?:i\s+|på\s+|fra\s+)?(.*)$/i;
const DECISION_BLOCK = /^(.{3,100}?(?:udvalg(?:et)?|[Bb]yråd(?:et)?|[Kk]ommunalbestyrelsen|[Rr]egionsråd(?:et)?)),\s*(\d{1,2}-\d{1,2}-\d{4}),\s*pkt\.\s*\d{1,4}$/;

/** Line flags in pass 2. */
const DEBRIS = 1;
const CONSUMED = 2;

// What a line may be, for pass 2: each bit is a necessary condition of what it names.
const HINT_FIELD = 1;
const HINT_ATTENDANCE = 2;
const HINT_HEADING = 4;
const HINT_INDSTILLER = 8;

/** The line's hints; the Indstilling one too unless `indstiller` is false (it is then found by a search of the whole text). */
function lineHints(text: string, markdown: boolean, aliasMax: number, indstiller = true): number {
  let c0 = text.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) c0 += 32;
  let h = 0;
  // FIELD_START and ATTENDANCE are ASCII case-insensitive and anchored: the first letter decides.
  if (c0 === 115 /* s */ || c0 === 100 /* d */) h |= HINT_FIELD;
  if (c0 === 102 /* f */ || c0 === 97 /* a */) h |= HINT_ATTENDANCE;
  if (mayBeHeading(text, c0, markdown, aliasMax)) h |= HINT_HEADING;
  if (indstiller && text.length <= 600 && text.includes('indstiller')) h |= HINT_INDSTILLER;
  return h;
}

/**
 * A necessary condition for recogniseHeading to find a heading, from cheap tests only:
 * each disjunct is implied by one of its branches (a section alias no longer than the
 * longest one, "Beslutning …", "…, pkt. N", a glued "BilagBeslutning", a Markdown heading).
 */
function mayBeHeading(text: string, c0: number, markdown: boolean, aliasMax: number): boolean {
  const len = text.length;
  if (len > 200) return false;
  if (markdown) return true;
  let trimmed = len;
  while (trimmed > 0) {
    const c = text.charCodeAt(trimmed - 1);
    if (c !== 58 /* : */ && c !== 32 && c !== 9) break;
    trimmed--;
  }
  if (trimmed <= aliasMax) return true;
  if (c0 === 98 /* b, B */ && len <= 160) return true;
  const last = text.charCodeAt(len - 1);
  if (last >= 48 && last <= 57 && text.includes('pkt.')) return true;
  return len <= 60 && !text.includes(' ');
}

/** text.replace(/\s*:$/, ''): a final colon and the whitespace before it removed. */
function withoutColon(text: string): string {
  let e = text.length;
  if (e === 0 || text.charCodeAt(e - 1) !== 58) return text;
  e--;
  while (e > 0 && isJsSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(0, e);
}

export function fieldKey(label: string): string {
  const l = label.toLowerCase().replace(/[.\s:-]/g, '');
  if (l === 'sagsnr' || l === 'sagsnummer' || l === 'sagsid') return 'sagsnr';
  if (l === 'sagsbeh' || l === 'sagsbehandler') return 'sagsbeh';
  if (l === 'doknr' || l === 'dokumentnr') return 'doknr';
  return l;
}

/** A document's lines with what pass 1 found out about each. */
class LineView {
  constructor(
    readonly lines: readonly string[],
    /** bounds[3i] start, bounds[3i + 1] end of the line's text, bounds[3i + 2] its Markdown level (0: none). */
    readonly bounds: Int32Array,
    /** DEBRIS, CONSUMED. */
    readonly flags: Uint8Array,
    /** HINT_* bits: what pass 2 may find on the line. */
    readonly hints: Uint8Array,
  ) {}

  get n(): number {
    return this.lines.length;
  }

  /** The line's text without decoration; the line itself (no copy) when it has none. */
  txt(i: number): string {
    const line = this.lines[i] as string;
    const s = this.bounds[3 * i] as number;
    const e = this.bounds[3 * i + 1] as number;
    return s === 0 && e === line.length ? line : line.slice(s, e);
  }

  /** No text (a blank line, or decoration only: "##", "****"). */
  blank(i: number): boolean {
    return this.bounds[3 * i] === this.bounds[3 * i + 1];
  }

  /** The stripped line as an object, for the few lines that become part of the model. */
  st(i: number): Stripped {
    const level = this.bounds[3 * i + 2] as number;
    return { text: this.txt(i), start: this.bounds[3 * i] as number, end: this.bounds[3 * i + 1] as number, level: level === 0 ? null : level };
  }

  isDebris(i: number): boolean {
    return ((this.flags[i] as number) & DEBRIS) !== 0;
  }

  /** The first line with text at or after `from`, looking at most `limit` lines; -1 if none. */
  nextContent(from: number, limit: number): number {
    const n = this.lines.length;
    for (let j = from; j < n && j < from + limit; j++) {
      if (!this.blank(j) && !this.isDebris(j)) return j;
    }
    return -1;
  }
}

/** What a parse keeps beside its model (and out of it), to re-parse an edited version quickly. */
interface ParseState {
  input: string;
  text: string;
  aliases: ReadonlyMap<string, SectionAlias> | undefined;
  aliasMax: number;
  lookupSection: (text: string) => SectionAlias | undefined;
  view: LineView;
  /** Every line pass 1 read as part of a punkt heading, accepted or not, ascending. */
  candidateLines: number[];
  /** A strong heading form was found, so weak ones were not considered. */
  hasStrong: boolean;
  accepted: Candidate[];
  punktStart: number[];
  lineCase: (CaseNumber | null)[];
}

const states = new WeakMap<ReferatModel, ParseState>();

/**
 * The lines parseReferat split `input` into for this model (after a byte-order mark), or
 * undefined when the model was not parsed from this text. The model's JSON is unchanged.
 */
export function linesOfModel(model: ReferatModel, input: string): readonly string[] | undefined {
  const state = states.get(model);
  return state !== undefined && state.input === input ? state.view.lines : undefined;
}

export function parseReferat(input: string, options: ParseOptions = {}): ReferatModel {
  const aliases = options.sectionAliases;
  const aliasMax = maxAliasLength(aliases);
  const lookupSection = sectionLookup(aliases);
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const lines = splitLines(text);
  const n = lines.length;

  // ---- pass 1: candidates, debris, TOC heading, title line
  // Each line's text bounds and Markdown level are kept in one typed array rather than
  // an object and a string per line; what pass 2 may find on each line (HINT_* bits) is
  // read while the line is at hand, so that pass 2 leaves plain body lines untouched.
  // One buffer for bounds and line starts, one for flags and hints: few allocations per parse.
  const ints = new Int32Array(4 * n);
  const bytes = new Uint8Array(2 * n);
  const v = new LineView(lines, ints.subarray(0, 3 * n), bytes.subarray(0, n), bytes.subarray(n));
  const { bounds, flags, hints } = v;
  const debris: Debris[] = [];
  const candidates: Candidate[] = [];
  const candidateLines: number[] = [];
  const tocTitles: string[] = [];
  /** TOC_ENTRY on the lines read so (parseToc reads them again). */
  const tocEntries = new Map<number, RegExpExecArray | null>();
  let titleLine = -1;
  let tocLine = -1;
  let prevNonBlank = -1;
  let pendingBullet: { line: number; number: number; form: string } | null = null;
  // Where each line starts in the text, for searches over the whole text (see linesMatching).
  const starts = text.indexOf('\r') === -1 ? ints.subarray(3 * n) : null;
  let at = 0;

  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (starts !== null) {
      starts[i] = at;
      at += line.length + 1;
    }
    stripBounds(line, bounds, i);
    if (v.blank(i)) continue;
    const text = v.txt(i);
    const dk = debrisKind(text);
    if (dk !== null) {
      debris.push({ kind: dk, text, range: lineRange(i, bounds[3 * i] as number, bounds[3 * i + 1] as number) });
      flags[i] = DEBRIS;
      continue;
    }
    hints[i] = lineHints(text, bounds[3 * i + 2] !== 0, aliasMax, starts === null);
    if (titleLine === -1) {
      titleLine = i;
      prevNonBlank = i;
      continue;
    }
    if (candidates.length === 0) {
      if (tocLine === -1 && (TOC_HEADING.test(text) || /^Indholdsfortegnelse(?=\S)/.test(text))) {
        tocLine = i;
      }
      if (tocLine !== -1) {
        const toc = TOC_ENTRY.exec(text);
        tocEntries.set(i, toc);
        if (toc) tocTitles.push(normTitle(toc[2] as string));
      }
    }

    if (pendingBullet !== null) {
      const s = v.st(i);
      candidates.push({
        startLine: pendingBullet.line,
        headingLine: i,
        form: pendingBullet.form,
        strong: true,
        number: pendingBullet.number,
        title: s.text,
        titleStart: s.start,
        titleEnd: s.end,
        level: s.level,
        extra: [],
      });
      candidateLines.push(i);
      pendingBullet = null;
      prevNonBlank = i;
      continue;
    }
    const m = matchPunktForm(text);
    if (m !== null) {
      const s = v.st(i);
      if (m.form.placement === 'inline' && m.title !== null) {
        candidates.push({
          startLine: i,
          headingLine: i,
          form: m.form.id,
          strong: m.form.strong || (s.level !== null && m.form.id === 'punkt-no-colon'),
          number: m.number,
          title: m.title,
          titleStart: s.start + m.titleOffset,
          titleEnd: s.start + m.titleOffset + m.title.length,
          level: s.level,
          extra: [],
        });
      } else if (m.form.placement === 'number-below' && prevNonBlank > titleLine) {
        const t = v.st(prevNonBlank);
        const last = candidates[candidates.length - 1];
        if (last === undefined || last.headingLine !== prevNonBlank) {
          candidates.push({
            startLine: prevNonBlank,
            headingLine: prevNonBlank,
            form: m.form.id,
            strong: true,
            number: m.number,
            title: t.text,
            titleStart: t.start,
            titleEnd: t.end,
            level: t.level,
            extra: [i],
          });
          candidateLines.push(prevNonBlank);
        }
      } else if (m.form.placement === 'number-above') {
        pendingBullet = { line: i, number: m.number, form: m.form.id };
      }
      candidateLines.push(i);
    }
    prevNonBlank = i;
  }

  if (starts !== null) {
    setLineStarts(lines, starts);
    // The lines that may hold "… indstiller" (an Indstilling written as a paragraph), by one
    // search of the whole text rather than a search of every line.
    let line = 0;
    for (let pos = text.indexOf('indstiller'); pos !== -1; pos = text.indexOf('indstiller', pos + 1)) {
      while (line + 1 < n && (starts[line + 1] as number) <= pos) line++;
      if ((bounds[3 * line + 1] as number) - (bounds[3 * line] as number) <= 600) hints[line] = (hints[line] as number) | HINT_INDSTILLER;
    }
  }

  // ---- settle the dialect: strong forms win; weak ones need corroboration
  const hasStrong = candidates.some((c) => c.strong);
  // "Does some TOC title start this title?", by the prefixes of the title's length set:
  // linear in the punkter, where comparing each with every entry would be quadratic.
  const tocSet = new Set<string>();
  const tocLengths: number[] = [];
  for (const t of tocTitles) {
    if (t === '' || tocSet.has(t)) continue;
    tocSet.add(t);
    tocLengths.push(t.length);
  }
  const tocLengthList = [...new Set(tocLengths)].sort((a, b) => a - b);
  const startsWithTocTitle = (title: string): boolean => {
    for (const len of tocLengthList) {
      if (len > title.length) break;
      if (tocSet.has(title.slice(0, len))) return true;
    }
    return false;
  };
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (c.strong) {
      accepted.push(c);
      continue;
    }
    if (hasStrong) continue;
    const j = v.nextContent(c.headingLine + 1, 6);
    const below = j === -1 ? '' : v.txt(j);
    const corroborated =
      looksLikeCaseNumberLine(below) ||
      FIELD_START.test(below) ||
      /^Sag\s+nr/i.test(below) ||
      startsWithTocTitle(normTitle(c.title));
    if (corroborated) accepted.push(c);
  }

  // ---- case numbers on their own line, below or above each heading
  const consume = (i: number): void => {
    flags[i] = (flags[i] as number) | CONSUMED;
  };
  const punktStart: number[] = [];
  const lineCase: (CaseNumber | null)[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const c = accepted[k] as Candidate;
    for (const e of c.extra) consume(e);
    const below = headBelow(v, c, k + 1 < accepted.length ? (accepted[k + 1] as Candidate).startLine : n);
    for (const j of below.consumed) consume(j);
    let cn = below.cn;
    let start = c.startLine;
    if (cn === null) {
      // SBSYS puts the number on the line above the title.
      let a = c.startLine - 1;
      while (a >= 0 && (v.blank(a) || v.isDebris(a))) a--;
      const prevEnd = k > 0 ? (accepted[k - 1] as Candidate).headingLine : Math.max(titleLine, tocLine);
      if (a > prevEnd && looksLikeCaseNumberLine(v.txt(a)) && /^\d{2}\.\d{2}\.\d{2}-|^\d{2,3}[-/]\d|^\p{Lu}{2,6}-\d{4}-/u.test(v.txt(a))) {
        const s = v.st(a);
        cn = { value: s.text, range: lineRange(a, s.start, s.end), source: 'line-above' };
        consume(a);
        start = a;
      }
    }
    lineCase.push(cn);
    punktStart.push(start);
  }

  // ---- header and TOC
  const firstPunkt = punktStart.length > 0 ? (punktStart[0] as number) : n;
  const headerEnd = tocLine !== -1 && tocLine < firstPunkt ? tocLine : firstPunkt;
  const isDebris = (i: number): boolean => v.isDebris(i);
  const { header, kind, title } = parseHeader(lines, 0, headerEnd, isDebris);
  let toc: Toc | null = null;
  if (tocLine !== -1 && tocLine < firstPunkt) {
    const entry = (i: number, t: string): RegExpExecArray | null => {
      const known = tocEntries.get(i);
      return known !== undefined ? known : TOC_ENTRY.exec(t);
    };
    toc = parseToc(lines, (i) => v.st(i), (i) => v.blank(i), tocLine, firstPunkt, isDebris, entry);
  }

  // ---- pass 2: punkter and sections, one punkt at a time (lines before the first are the header's)
  const punkter: Punkt[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const end = k + 1 < accepted.length ? (punktStart[k + 1] as number) : n;
    punkter.push(buildPunkt(v, accepted[k] as Candidate, punktStart[k] as number, end, lineCase[k] ?? null, lookupSection));
  }

  const model: ReferatModel = { kind, title, header, toc, punkter, debris, lineCount: n, hasBom };
  states.set(model, { input, text, aliases, aliasMax, lookupSection, view: v, candidateLines, hasStrong, accepted, punktStart, lineCase });
  return model;
}

// ---- re-parsing an edited version
//
// An edit inside one punkt's body (typing, the common case) changes only that punkt:
// the other punkter, the header, the TOC and the debris keep their content and, if the
// edit added or removed lines, move by that many lines. reparseReferat re-reads just
// the changed lines and runs pass 2 for that one punkt; whenever the edit could reach
// further (a line that could be a punkt heading or its case number, debris, the header,
// lines near a heading), it parses the whole text. Either way the result equals
// parseReferat(input, options) (a property test compares them on random edits).

/** Lines after a heading that pass 1 and the case-number search may read, per heading line. */
const HEAD_WINDOW = 8;
/** Lines before a rejected weak heading whose text its corroboration may read. */
const CORROBORATION_WINDOW = 7;

/**
 * The model for `input`, re-using the parse of `previous` (a model parseReferat or
 * reparseReferat returned) when only part of the text changed. Equal to
 * parseReferat(input, options) in every case.
 */
export function reparseReferat(previous: ReferatModel | undefined, input: string, options: ParseOptions = {}): ReferatModel {
  const state = previous !== undefined ? states.get(previous) : undefined;
  if (previous !== undefined && state !== undefined && state.aliases === options.sectionAliases) {
    if (state.input === input) return previous;
    const model = incremental(previous, state, input);
    if (model !== null) return model;
  }
  return parseReferat(input, options);
}

/** Length of the common prefix of a and b, compared a block at a time. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (i + block <= max && a.slice(la - i - block, la - i) === b.slice(lb - i - block, lb - i)) i += block;
  }
  while (i < max && a.charCodeAt(la - 1 - i) === b.charCodeAt(lb - 1 - i)) i++;
  return i;
}

/** The last line that starts at or before `pos`. */
function lineAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether some value of the ascending list lies in [from, to]. */
function anyIn(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && (sorted[lo] as number) <= to;
}

/** The model of `input` from the previous parse, or null when the edit may reach beyond one punkt. */
function incremental(previous: ReferatModel, old: ParseState, input: string): ReferatModel | null {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  if (hasBom !== previous.hasBom) return null;
  const text = hasBom ? input.slice(1) : input;
  const oldText = old.text;
  const K = old.accepted.length;
  if (K === 0) return null;

  // The changed characters: [p, oldText.length - q) became [p, text.length - q).
  const p = commonPrefix(oldText, text);
  const q = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - p);
  const ov = old.view;
  const starts = lineStarts(ov.lines, oldText);
  // The changed lines, whole: old lines a..b0 become the lines of text[sa, blockEnd).
  const a = lineAt(starts, p);
  const e0 = oldText.length - q;
  const b0 = lineAt(starts, e0);
  const sa = starts[a] as number;
  const endB0 = (starts[b0] as number) + (ov.lines[b0] as string).length;
  if (e0 > endB0) return null; // inside a \r\n
  const delta = text.length - oldText.length;
  const blockEnd = endB0 + delta;
  // A \r and a \n that end up side by side at the edges would join into one line break.
  if (sa > 0 && text.charCodeAt(sa - 1) === 13 && text.charCodeAt(sa) === 10) return null;
  if (blockEnd > 0 && text.charCodeAt(blockEnd - 1) === 13 && text.charCodeAt(blockEnd) === 10) return null;
  const block = splitLines(text.slice(sa, blockEnd));
  const dl = block.length - (b0 - a + 1);

  // The punkt the change is in, well inside its body.
  let k = K - 1;
  while (k >= 0 && (old.punktStart[k] as number) > a) k--;
  if (k < 0) return null;
  const c = old.accepted[k] as Candidate;
  // Not in the heading itself, nor above it (a "• 1" line, a case number above).
  if (a <= c.headingLine) return null;
  // The lines a heading reads below it end here (each search looks HEAD_WINDOW lines ahead).
  let headEnd = c.headingLine + HEAD_WINDOW * (c.extra.length + 2);
  for (const e of c.extra) headEnd = Math.max(headEnd, e + HEAD_WINDOW);
  const nextStart = k + 1 < K ? (old.punktStart[k + 1] as number) : ov.n;
  if (b0 >= nextStart) return null;
  // No heading, number line or debris among the old lines, nor (when weak headings count)
  // one just above, whose corroboration reads the lines below it.
  if (anyIn(old.candidateLines, old.hasStrong ? a : a - CORROBORATION_WINDOW, b0)) return null;
  for (let i = a; i <= b0; i++) if ((ov.flags[i] as number) !== 0) return null;
  // A "Sag nr. 3" line takes the line with text before it for its title: the first line
  // with text after the change must not be one.
  for (let i = b0 + 1; i < ov.n; i++) {
    if (ov.blank(i) || ov.isDebris(i)) continue;
    if (anyIn(old.candidateLines, i, i)) return null;
    break;
  }

  // The new lines, read as pass 1 reads them: none may be a heading, a number line or debris.
  const n = ov.n + dl;
  const bl = block.length;
  const bounds = new Int32Array(3 * n);
  const flags = new Uint8Array(n);
  const hints = new Uint8Array(n);
  bounds.set(ov.bounds.subarray(0, 3 * a));
  bounds.set(ov.bounds.subarray(3 * (b0 + 1)), 3 * (a + bl));
  flags.set(ov.flags.subarray(0, a));
  flags.set(ov.flags.subarray(b0 + 1), a + bl);
  hints.set(ov.hints.subarray(0, a));
  hints.set(ov.hints.subarray(b0 + 1), a + bl);
  const lines = ov.lines.slice(0, a).concat(block, ov.lines.slice(b0 + 1));
  const v = new LineView(lines, bounds, flags, hints);
  for (let j = 0; j < bl; j++) {
    const i = a + j;
    stripBounds(lines[i] as string, bounds, i);
    if (v.blank(i)) continue;
    const t = v.txt(i);
    if (debrisKind(t) !== null || matchPunktForm(t) !== null) return null;
    hints[i] = lineHints(t, bounds[3 * i + 2] !== 0, old.aliasMax);
  }
  // An edit just below the heading must leave its repeated title and case number alone.
  if (a <= headEnd) {
    const nextLine = k + 1 < K ? (old.accepted[k + 1] as Candidate).startLine : ov.n;
    if (!sameHead(headBelow(ov, c, nextLine), headBelow(v, c, k + 1 < K ? nextLine + dl : n), a)) return null;
  }
  // The next punkt may take the last line above it for its case number: that line must
  // stay below the change, unchanged.
  if (k + 1 < K) {
    const nextLine = (old.accepted[k + 1] as Candidate).startLine + dl;
    let found = false;
    for (let i = a + bl; i < nextLine && !found; i++) found = !v.blank(i) && !v.isDebris(i);
    if (!found) return null;
  }

  let newStarts: Int32Array | undefined;
  if (text.indexOf('\r') === -1) {
    newStarts = new Int32Array(n);
    newStarts.set(starts.subarray(0, a));
    let at = sa;
    for (let j = 0; j < bl; j++) {
      newStarts[a + j] = at;
      at += (block[j] as string).length + 1;
    }
    for (let i = b0 + 1; i < ov.n; i++) newStarts[i + dl] = (starts[i] as number) + delta;
  }
  setSource(lines, text, newStarts, { from: ov.lines, a, b0, count: bl });

  // Punkter after the change move by dl lines; the one with the change is built anew.
  const accepted = old.accepted.slice(0, k + 1);
  const punktStart = old.punktStart.slice(0, k + 1);
  const lineCase = old.lineCase.slice(0, k + 1);
  const punkter = previous.punkter.slice(0, k);
  const end = k + 1 < K ? (old.punktStart[k + 1] as number) + dl : n;
  punkter.push(buildPunkt(v, c, old.punktStart[k] as number, end, old.lineCase[k] ?? null, old.lookupSection));
  for (let j = k + 1; j < K; j++) {
    const moved = dl === 0 ? (previous.punkter[j] as Punkt) : shifted(previous.punkter[j] as Punkt, dl);
    punkter.push(moved);
    const oc = old.accepted[j] as Candidate;
    accepted.push(dl === 0 ? oc : { ...oc, startLine: oc.startLine + dl, headingLine: oc.headingLine + dl, extra: oc.extra.map((e) => e + dl) });
    punktStart.push((old.punktStart[j] as number) + dl);
    // The punkt's own case number object, so that a later re-parse builds on the same one.
    lineCase.push(old.lineCase[j] === null ? null : (moved.caseNumbers[0] as CaseNumber));
  }
  const candidateLines = dl === 0 ? old.candidateLines : old.candidateLines.map((l) => (l > b0 ? l + dl : l));
  const debris = dl === 0 ? previous.debris : previous.debris.map((d) => (d.range.start.line > b0 ? shifted(d, dl) : d));

  const model: ReferatModel = {
    kind: previous.kind,
    title: previous.title,
    header: previous.header,
    toc: previous.toc,
    punkter,
    debris,
    lineCount: n,
    hasBom,
  };
  states.set(model, { input, text, aliases: old.aliases, aliasMax: old.aliasMax, lookupSection: old.lookupSection, view: v, candidateLines, hasStrong: old.hasStrong, accepted, punktStart, lineCase });
  return model;
}

/** A deep copy of part of a model with every position `dl` lines further down. */
function shifted<T>(value: T, dl: number): T {
  if (Array.isArray(value)) return value.map((x: unknown) => shifted(x, dl)) as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in obj) {
    const x = obj[key];
    out[key] = key === 'line' && typeof x === 'number' && typeof obj['character'] === 'number' ? x + dl : shifted(x, dl);
  }
  return out as T;
}

/**
 * What follows a heading: a repeated title and a case number on their own lines, which
 * belong to the heading (consumed). `nextStart` is the next heading's first line.
 */
function headBelow(v: LineView, c: Candidate, nextStart: number): { consumed: number[]; cn: CaseNumber | null } {
  const consumed: number[] = [];
  let j = v.nextContent(c.headingLine + 1, 8);
  while (j !== -1 && c.extra.includes(j)) j = v.nextContent(j + 1, 8);
  // A title repeated on the next line belongs to the heading.
  if (j !== -1 && sameTitle(v.txt(j), c.title)) {
    consumed.push(j);
    j = v.nextContent(j + 1, 8);
  }
  let cn: CaseNumber | null = null;
  if (j !== -1 && looksLikeCaseNumberLine(v.txt(j)) && j < nextStart) {
    const s = v.st(j);
    cn = { value: s.text, range: lineRange(j, s.start, s.end), source: 'line-below' };
    consumed.push(j);
  }
  return { consumed, cn };
}

/** Whether the heading reads the same lines after an edit that starts at line `a`: all of them before it. */
function sameHead(before: { consumed: number[]; cn: CaseNumber | null }, after: { consumed: number[]; cn: CaseNumber | null }, a: number): boolean {
  if (before.consumed.length !== after.consumed.length) return false;
  for (let i = 0; i < before.consumed.length; i++) {
    if (before.consumed[i] !== after.consumed[i] || (before.consumed[i] as number) >= a) return false;
  }
  if (before.cn === null || after.cn === null) return before.cn === after.cn;
  return before.cn.range.start.line === after.cn.range.start.line && before.cn.value === after.cn.value && before.cn.range.start.character === after.cn.range.start.character;
}

/**
 * Pass 2 for one punkt: its lines [start, end), the heading first. Each punkt depends
 * only on its own lines (and a few lines after them for an Indstilling's at-clause).
 */
function buildPunkt(v: LineView, c: Candidate, start: number, end: number, lineCase: CaseNumber | null, lookupSection: (text: string) => SectionAlias | undefined): Punkt {
  const { lines, bounds, flags, hints } = v;
  const hs = v.st(c.headingLine);
  const cls = c.title.charCodeAt(c.title.length - 1) === 41 /* ) */ ? /\(([A-ZÆØÅ])\)$/.exec(c.title) : null;
  const punkt: Punkt = {
    number: c.number,
    title: c.title,
    titleRange: lineRange(c.headingLine, c.titleStart, c.titleEnd),
    headingRange: lineRange(c.headingLine, hs.start, hs.end),
    range: { start: { line: start, character: 0 }, end: { line: c.headingLine, character: hs.end } },
    form: c.form,
    level: c.level,
    classMarker: cls ? (cls[1] as string) : null,
    closed: /^Lukket\s*:/i.test(c.title),
    caseNumbers: lineCase ? [lineCase] : [],
    fields: [],
    attendance: [],
    sections: [],
  };
  if (start === c.headingLine) punkt.range.start.character = hs.start;

  let lastContent = -1; // last non-blank, non-debris line seen
  const open: Section[] = []; // stack of open sections, outermost first
  const closeSectionsTo = (depth: number): void => {
    while (open.length > depth) {
      const sec = open.pop() as Section;
      sec.range.end = endOf(lines, Math.max(lastContent, sec.headingRange.start.line), sec.headingRange.end);
    }
  };
  const openSection = (sec: Section, sub: boolean): void => {
    // Nest by Markdown level; in plain text, sub-headings nest under Sagsfremstilling.
    let depth = open.length;
    if (TOP_ONLY.has(sec.kind)) {
      depth = 0;
    } else if (sec.level !== null) {
      while (depth > 0 && ((open[depth - 1] as Section).level ?? 0) >= sec.level) depth--;
    } else {
      depth = 0;
      if (sub && open.length > 0 && (open[0] as Section).kind === 'sagsfremstilling' && (open[0] as Section).level === null) depth = 1;
    }
    closeSectionsTo(depth);
    const parent = depth > 0 ? (open[depth - 1] as Section) : null;
    (parent ? parent.children : punkt.sections).push(sec);
    open.push(sec);
  };

  // Lines up to and including the heading are the heading's.
  let i = start;
  for (; i <= c.headingLine; i++) if (!v.blank(i) && !v.isDebris(i)) lastContent = i;
  for (; i < end; i++) {
    if (v.blank(i) || (flags[i] as number) !== 0) {
      // Blank, debris, or consumed by the heading (content all the same).
      if (!v.blank(i) && !v.isDebris(i)) lastContent = i;
      continue;
    }
    const hint = hints[i] as number;
    if (hint === 0) {
      // Plain body text: no field, attendance, heading or indstiller sentence can start here.
      countBody(open);
      lastContent = i;
      continue;
    }
    const text = v.txt(i);
    let c0 = text.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90) c0 += 32;

    // Fields such as "Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200".
    if ((hint & HINT_FIELD) !== 0 && FIELD_START.test(text)) {
      const fields = parseFields(i, v.st(i));
      for (const f of fields) {
        punkt.fields.push(f);
        if (f.key === 'sagsnr' && f.value !== '') {
          const value = (/^\S+/.exec(f.value) as RegExpExecArray)[0].replace(/[,;]$/, '');
          punkt.caseNumbers.push({
            value,
            range: { start: f.valueRange.start, end: { line: i, character: f.valueRange.start.character + value.length } },
            source: 'field',
            field: f.name,
          });
        }
      }
      countBody(open);
      lastContent = i;
      continue;
    }

    const att = (hint & HINT_ATTENDANCE) !== 0 ? ATTENDANCE.exec(text) : null;
    if (att) {
      const s = v.st(i);
      const labelLen = s.text.length - (att[2] as string).length;
      const a: Attendance = {
        kind: /afbud/i.test(att[1] as string) ? 'afbud' : 'fraværende',
        members: parseMembers(i, att[2] as string, s.start + labelLen),
        range: lineRange(i, s.start, s.end),
      };
      punkt.attendance.push(a);
      countBody(open);
      lastContent = i;
      continue;
    }

    const lv = bounds[3 * i + 2] as number;
    const heading =
      (hint & HINT_HEADING) !== 0 ? recogniseHeading(i, text, bounds[3 * i] as number, bounds[3 * i + 1] as number, lv === 0 ? null : lv, c0, lookupSection) : null;
    if (heading !== null) {
      for (const h of heading) openSection(h.section, h.sub);
      lastContent = i;
      continue;
    }

    // An Indstilling written as a paragraph: "Direktøren … indstiller" + at-lines.
    const top = open.length > 0 ? (open[0] as Section).kind : null;
    if (
      top !== 'indstilling' &&
      top !== 'beslutning' &&
      top !== 'bilag' &&
      (hint & HINT_INDSTILLER) !== 0 &&
      !hasOpen(open, 'indstilling') &&
      isIndstillerLine(text, () => {
        const j = v.nextContent(i + 1, 6);
        return j === -1 ? '' : v.txt(j);
      })
    ) {
      const sec = newSection('indstilling', text, lineRange(i, bounds[3 * i] as number, bounds[3 * i + 1] as number), null);
      sec.implicit = true;
      closeSectionsTo(0);
      punkt.sections.push(sec);
      open.push(sec);
      lastContent = i;
      continue;
    }

    countBody(open);
    lastContent = i;
  }
  closeSectionsTo(0);
  punkt.range.end = endOf(lines, Math.max(lastContent, punkt.headingRange.start.line), punkt.headingRange.end);
  return punkt;
}

function hasOpen(open: readonly Section[], kind: SectionKind): boolean {
  for (const s of open) if (s.kind === kind) return true;
  return false;
}

function countBody(open: readonly Section[]): void {
  const inner = open[open.length - 1];
  if (inner !== undefined) inner.bodyLines++;
}

function isIndstillerLine(text: string, next: () => string): boolean {
  if (text.length > 600 || !text.includes('indstiller') || !/^\p{Lu}/u.test(text)) return false;
  const m = INDSTILLER.exec(text);
  if (!m) return false;
  if (m[1] !== undefined) return true; // "… indstiller, at …"
  return AT_CLAUSE.test(next());
}

function newSection(kind: SectionKind, heading: string, headingRange: Range, level: number | null): Section {
  return {
    kind,
    heading,
    headingRange,
    range: { start: headingRange.start, end: headingRange.end },
    level,
    implicit: false,
    merged: false,
    bodyLines: 0,
    committee: null,
    date: null,
    children: [],
  };
}

/**
 * The section heading(s) on a line, or null. `c0` is the line's first character code,
 * lower-cased if ASCII; the cheap tests before each regular expression are necessary
 * conditions of it.
 */
function recogniseHeading(
  i: number,
  text: string,
  start: number,
  end: number,
  level: number | null,
  c0: number,
  lookupSection: (text: string) => SectionAlias | undefined,
): { section: Section; sub: boolean }[] | null {
  if (text.length > 200) return null;
  const alias = lookupSection(text);
  if (alias !== undefined) {
    return [{ section: newSection(alias.kind, withoutColon(text), lineRange(i, start, end), level), sub: alias.subOfSagsfremstilling === true }];
  }
  // "Beslutning i Beskæftigelsesudvalget den 12-08-2024", "Beslutning Udvalget for … den 28-11-2023"
  const b = c0 === 98 /* b */ && text.length <= 160 ? BESLUTNING_HEADING.exec(text) : null;
  if (b) {
    const dates = findDates(text);
    const last = dates[dates.length - 1];
    // The date must close the heading, or "Beslutning om … den 3. maj 2024." in prose would match.
    const d = last !== undefined && text.slice(last.end).trim().replace(/^:$/, '') === '' ? last : undefined;
    if (d !== undefined || (level !== null && (b[1] as string).length < 120)) {
      const sec = newSection('beslutning', withoutColon(text), lineRange(i, start, end), level);
      if (d !== undefined) {
        sec.date = { iso: d.iso, weekday: d.weekday, source: 'beslutning', text: d.text, range: lineRange(i, start + d.start, start + d.end) };
        const committee = text
          .slice((text.length - (b[1] as string).length), d.start)
          .replace(/\s*(?:,|den|d\.)?\s*$/, '')
          .trim();
        sec.committee = committee === '' ? null : committee;
      }
      return [{ section: sec, sub: false }];
    }
  }
  // "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42"
  const lastCode = text.charCodeAt(text.length - 1);
  const blk = lastCode >= 48 && lastCode <= 57 && text.includes('pkt.') ? DECISION_BLOCK.exec(text) : null;
  if (blk) {
    const sec = newSection('beslutning', withoutColon(text), lineRange(i, start, end), level);
    sec.committee = blk[1] as string;
    const d = findDates(text)[0];
    if (d) sec.date = { iso: d.iso, weekday: d.weekday, source: 'beslutning', text: d.text, range: lineRange(i, start + d.start, start + d.end) };
    return [{ section: sec, sub: false }];
  }
  const merged = splitMergedHeading(text);
  if (merged !== null) {
    return merged.parts.map((p) => {
      const sec = newSection(p.kind, p.text, lineRange(i, start + p.start, start + p.end), level);
      sec.merged = true;
      return { section: sec, sub: false };
    });
  }
  // Any other Markdown heading inside a punkt is a section of its own.
  if (level !== null) return [{ section: newSection('other', withoutColon(text), lineRange(i, start, end), level), sub: false }];
  return null;
}

function parseFields(i: number, s: Stripped): Field[] {
  const out: Field[] = [];
  const marks: { name: string; labelStart: number; valueStart: number }[] = [];
  FIELD_ANY.lastIndex = 0;
  for (let m = FIELD_ANY.exec(s.text); m !== null; m = FIELD_ANY.exec(s.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    marks.push({ name: (m[1] as string).replace(/:$/, ''), labelStart: m.index + lead, valueStart: m.index + m[0].length });
  }
  for (let k = 0; k < marks.length; k++) {
    const mk = marks[k] as (typeof marks)[number];
    const stop = k + 1 < marks.length ? (marks[k + 1] as (typeof marks)[number]).labelStart : s.text.length;
    let value = s.text.slice(mk.valueStart, stop).replace(/[\s,;]+$/, '');
    if (value === '-' || value === '–') value = '';
    out.push({
      name: mk.name,
      key: fieldKey(mk.name),
      value,
      range: lineRange(i, s.start + mk.labelStart, s.start + (value === '' ? mk.valueStart : mk.valueStart + value.length)),
      valueRange: lineRange(i, s.start + mk.valueStart, s.start + mk.valueStart + value.length),
    });
  }
  return out;
}

function parseToc(
  lines: readonly string[],
  st: (i: number) => Stripped,
  blank: (i: number) => boolean,
  from: number,
  to: number,
  isDebris: (i: number) => boolean,
  tocEntry: (i: number, text: string) => RegExpExecArray | null,
): Toc {
  const h = st(from);
  const entries: TocEntry[] = [];
  let last = from;
  // "Indholdsfortegnelse1. Fraværende": the first entry is glued to the heading.
  const glued = /^(Indholdsfortegnelse)(?=\S)/.exec(h.text);
  const headingText = glued ? (glued[1] as string) : h.text.replace(/\s*:$/, '');
  for (let i = from + 1; i < to; i++) {
    if (blank(i) || isDebris(i)) continue;
    const s = st(i);
    if (ATTENDANCE.test(s.text)) continue;
    const m = tocEntry(i, s.text);
    const numbered = m ? null : /^(\d{1,4})[.:]\s*(\S.*)$/.exec(s.text);
    const title = m ? (m[2] as string).replace(/[.\s]+$/, '') : numbered ? (numbered[2] as string) : s.text;
    const number = m && m[1] !== undefined ? Number(m[1]) : numbered ? Number(numbered[1]) : null;
    const titleAt = (lines[i] as string).indexOf(title, s.start);
    entries.push({
      number,
      title,
      page: m ? Number(m[3]) : null,
      range: lineRange(i, titleAt >= 0 ? titleAt : s.start, titleAt >= 0 ? titleAt + title.length : s.end),
    });
    last = i;
  }
  return {
    heading: { text: headingText, range: lineRange(from, h.start, h.start + headingText.length) },
    range: { start: { line: from, character: h.start }, end: { line: last, character: st(last).end } },
    entries,
  };
}

/** End position of line `line` (its last non-space character), never before `min`. */
function endOf(lines: readonly string[], line: number, min: { line: number; character: number }): { line: number; character: number } {
  const raw = lines[line] ?? '';
  let e = raw.length;
  while (e > 0 && isJsSpace(raw.charCodeAt(e - 1))) e--;
  if (line === min.line && e < min.character) e = min.character;
  return { line, character: e };
}

export function normTitle(t: string): string {
  if (plainTitle(t)) return t.toLowerCase();
  return t
    .toLowerCase()
    .replace(/\*\*/g, '')
    .replace(/[\s.…]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** normTitle(a) === normTitle(b), mostly decided by the first character. */
function sameTitle(a: string, b: string): boolean {
  if (plainTitle(a) && plainTitle(b)) {
    // normTitle is toLowerCase here: Latin-1 first characters that differ in lower case decide it.
    const fa = foldLatin1(a.charCodeAt(0));
    const fb = foldLatin1(b.charCodeAt(0));
    if (fa >= 0 && fb >= 0 && fa !== fb) return false;
    return a.toLowerCase() === b.toLowerCase();
  }
  return normTitle(a) === normTitle(b);
}

/**
 * Whether normTitle(t) is t.toLowerCase(): no "*", whitespace only as single spaces
 * between words, and no trailing dot or ellipsis.
 */
function plainTitle(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const last = t.charCodeAt(n - 1);
  if (last === 46 /* . */ || last === 0x2026 /* … */) return false;
  let prevSpace = true; // no space first
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c === 42 /* * */) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (isJsSpace(c)) {
      return false;
    } else {
      prevSpace = false;
    }
  }
  return !prevSpace; // no space last
}
