// The parser: text of any dialect in, ReferatModel out. Two linear passes over the
// lines: the first finds punkt-heading candidates and settles which form the
// document uses; the second builds header, TOC, punkter and sections. It never
// throws on any input; text it does not understand stays body text.
import type { Attendance, CaseNumber, Debris, Field, Punkt, Range, ReferatModel, Section, SectionKind, Toc, TocEntry } from '../model';
import { looksLikeCaseNumberLine } from './caseNumbers';
import { findDates } from './dates';
import { parseHeader, parseMembers } from './header';
import { debrisKind, foldLatin1, isJsSpace, lineRange, setLineStarts, splitLines, stripBounds, type Stripped } from './lines';
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

function lineHints(text: string, markdown: boolean, aliasMax: number): number {
  let c0 = text.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) c0 += 32;
  let h = 0;
  // FIELD_START and ATTENDANCE are ASCII case-insensitive and anchored: the first letter decides.
  if (c0 === 115 /* s */ || c0 === 100 /* d */) h |= HINT_FIELD;
  if (c0 === 102 /* f */ || c0 === 97 /* a */) h |= HINT_ATTENDANCE;
  if (mayBeHeading(text, c0, markdown, aliasMax)) h |= HINT_HEADING;
  if (text.length <= 600 && text.includes('indstiller')) h |= HINT_INDSTILLER;
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

/** Each model's lines, for the rule engine: the lines are split once per version. */
const parsedLines = new WeakMap<ReferatModel, { input: string; lines: readonly string[] }>();

/**
 * The lines parseReferat split `input` into for this model (after a byte-order mark), or
 * undefined when the model was not parsed from this text. The model's JSON is unchanged.
 */
export function linesOfModel(model: ReferatModel, input: string): readonly string[] | undefined {
  const entry = parsedLines.get(model);
  return entry !== undefined && entry.input === input ? entry.lines : undefined;
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
  // Each line's text bounds and Markdown level, kept in one typed array rather than an
  // object per line: bounds[3i] start, bounds[3i + 1] end (0 for a blank line), bounds[3i + 2] level.
  const bounds = new Int32Array(3 * n);
  /** The line's text without decoration; the line itself (no copy) when it has none. */
  const txt = (i: number): string => {
    const line = lines[i] as string;
    const s = bounds[3 * i] as number;
    const e = bounds[3 * i + 1] as number;
    return s === 0 && e === line.length ? line : line.slice(s, e);
  };
  /** No text (a blank line, or decoration only: "##", "****"). */
  const blank = (i: number): boolean => bounds[3 * i] === bounds[3 * i + 1];
  /** The stripped line as an object, for the few lines that become part of the model. */
  const st = (i: number): Stripped => {
    const level = bounds[3 * i + 2] as number;
    return { text: txt(i), start: bounds[3 * i] as number, end: bounds[3 * i + 1] as number, level: level === 0 ? null : level };
  };
  const debris: Debris[] = [];
  // Per-line flags: debris, or consumed by a heading (its case number, a repeated title).
  const flags = new Uint8Array(n);
  const isDebris = (i: number): boolean => ((flags[i] as number) & DEBRIS) !== 0;
  const candidates: Candidate[] = [];
  const tocTitles: string[] = [];
  let titleLine = -1;
  let tocLine = -1;
  let prevNonBlank = -1;
  let pendingBullet: { line: number; number: number; form: string } | null = null;
  // What pass 2 may find on each line (HINT_* bits), read while the line is at hand, so
  // that pass 2 leaves plain body lines untouched.
  const hints = new Uint8Array(n);
  // Where each line starts in the text, for searches over the whole text (see linesMatching).
  const noCr = text.indexOf('\r') === -1;
  const starts = noCr ? new Int32Array(n) : null;
  let at = 0;

  for (let i = 0; i < n; i++) {
    const line = lines[i] as string;
    if (starts !== null) {
      starts[i] = at;
      at += line.length + 1;
    }
    stripBounds(line, bounds, i);
    if (blank(i)) continue;
    const text = txt(i);
    const dk = debrisKind(text);
    if (dk !== null) {
      debris.push({ kind: dk, text, range: lineRange(i, bounds[3 * i] as number, bounds[3 * i + 1] as number) });
      flags[i] = DEBRIS;
      continue;
    }
    hints[i] = lineHints(text, bounds[3 * i + 2] !== 0, aliasMax);
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
        if (toc) tocTitles.push(normTitle(toc[2] as string));
      }
    }

    if (pendingBullet !== null) {
      const s = st(i);
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
      pendingBullet = null;
      prevNonBlank = i;
      continue;
    }
    const m = matchPunktForm(text);
    if (m !== null) {
      const s = st(i);
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
        const t = st(prevNonBlank);
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
        }
      } else if (m.form.placement === 'number-above') {
        pendingBullet = { line: i, number: m.number, form: m.form.id };
      }
    }
    prevNonBlank = i;
  }

  if (starts !== null) setLineStarts(lines, starts);

  // ---- settle the dialect: strong forms win; weak ones need corroboration
  const hasStrong = candidates.some((c) => c.strong);
  const nextContent = (from: number, limit: number): number => {
    for (let j = from; j < n && j < from + limit; j++) {
      if (!blank(j) && !isDebris(j)) return j;
    }
    return -1;
  };
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
    const j = nextContent(c.headingLine + 1, 6);
    const below = j === -1 ? '' : txt(j);
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
    let j = nextContent(c.headingLine + 1, 8);
    while (j !== -1 && c.extra.includes(j)) j = nextContent(j + 1, 8);
    // A title repeated on the next line belongs to the heading.
    if (j !== -1 && sameTitle(txt(j), c.title)) {
      consume(j);
      j = nextContent(j + 1, 8);
    }
    let cn: CaseNumber | null = null;
    if (j !== -1 && looksLikeCaseNumberLine(txt(j)) && (k + 1 >= accepted.length || j < (accepted[k + 1] as Candidate).startLine)) {
      const s = st(j);
      cn = { value: s.text, range: lineRange(j, s.start, s.end), source: 'line-below' };
      consume(j);
    }
    let start = c.startLine;
    if (cn === null) {
      // SBSYS puts the number on the line above the title.
      let a = c.startLine - 1;
      while (a >= 0 && (blank(a) || isDebris(a))) a--;
      const prevEnd = k > 0 ? (accepted[k - 1] as Candidate).headingLine : Math.max(titleLine, tocLine);
      if (a > prevEnd && looksLikeCaseNumberLine(txt(a)) && /^\d{2}\.\d{2}\.\d{2}-|^\d{2,3}[-/]\d|^\p{Lu}{2,6}-\d{4}-/u.test(txt(a))) {
        const s = st(a);
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
  const { header, kind, title } = parseHeader(lines, 0, headerEnd, isDebris);
  let toc: Toc | null = null;
  if (tocLine !== -1 && tocLine < firstPunkt) toc = parseToc(lines, st, blank, tocLine, firstPunkt, isDebris);

  // ---- pass 2: punkter and sections
  const punkter: Punkt[] = [];
  let lastContent = -1; // last non-blank, non-debris line seen
  let open: Section[] = []; // stack of open sections, outermost first
  let punkt: Punkt | null = null;
  let k = 0;

  const closeSectionsTo = (depth: number): void => {
    while (open.length > depth) {
      const sec = open.pop() as Section;
      sec.range.end = endOf(lines, Math.max(lastContent, sec.headingRange.start.line), sec.headingRange.end);
    }
  };
  const openSection = (sec: Section, sub: boolean): void => {
    if (punkt === null) return;
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

  for (let i = 0; i < n; i++) {
    if (k < accepted.length && i === punktStart[k]) {
      if (punkt !== null) {
        closeSectionsTo(0);
        punkt.range.end = endOf(lines, Math.max(lastContent, punkt.headingRange.start.line), punkt.headingRange.end);
      }
      const c = accepted[k] as Candidate;
      const hs = st(c.headingLine);
      const cls = /\(([A-ZÆØÅ])\)$/.exec(c.title);
      punkt = {
        number: c.number,
        title: c.title,
        titleRange: lineRange(c.headingLine, c.titleStart, c.titleEnd),
        headingRange: lineRange(c.headingLine, hs.start, hs.end),
        range: { start: { line: punktStart[k] as number, character: 0 }, end: { line: c.headingLine, character: hs.end } },
        form: c.form,
        level: c.level,
        classMarker: cls ? (cls[1] as string) : null,
        closed: /^Lukket\s*:/i.test(c.title),
        caseNumbers: lineCase[k] ? [lineCase[k] as CaseNumber] : [],
        fields: [],
        attendance: [],
        sections: [],
      };
      if (punktStart[k] === c.headingLine) punkt.range.start.character = hs.start;
      punkter.push(punkt);
      open = [];
      k++;
      // Lines up to and including the heading are the heading's.
      for (; i <= c.headingLine; i++) if (!blank(i) && !isDebris(i)) lastContent = i;
      i--;
      continue;
    }
    if (blank(i) || (flags[i] as number) !== 0) {
      // Blank, debris, or consumed by the heading (content all the same).
      if (punkt !== null && !blank(i) && !isDebris(i)) lastContent = i;
      continue;
    }
    if (punkt === null) continue;
    const current = punkt;
    const hint = hints[i] as number;
    if (hint === 0) {
      // Plain body text: no field, attendance, heading or indstiller sentence can start here.
      countBody(open);
      lastContent = i;
      continue;
    }
    const text = txt(i);
    let c0 = text.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90) c0 += 32;

    // Fields such as "Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200".
    if ((hint & HINT_FIELD) !== 0 && FIELD_START.test(text)) {
      const fields = parseFields(i, st(i));
      for (const f of fields) {
        current.fields.push(f);
        if (f.key === 'sagsnr' && f.value !== '') {
          const v = /^\S+/.exec(f.value) as RegExpExecArray;
          current.caseNumbers.push({
            value: v[0].replace(/[,;]$/, ''),
            range: { start: f.valueRange.start, end: { line: i, character: f.valueRange.start.character + v[0].replace(/[,;]$/, '').length } },
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
      const s = st(i);
      const labelLen = s.text.length - (att[2] as string).length;
      const a: Attendance = {
        kind: /afbud/i.test(att[1] as string) ? 'afbud' : 'fraværende',
        members: parseMembers(i, att[2] as string, s.start + labelLen),
        range: lineRange(i, s.start, s.end),
      };
      current.attendance.push(a);
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
        const j = nextContent(i + 1, 6);
        return j === -1 ? '' : txt(j);
      })
    ) {
      const sec = newSection('indstilling', text, lineRange(i, bounds[3 * i] as number, bounds[3 * i + 1] as number), null);
      sec.implicit = true;
      closeSectionsTo(0);
      current.sections.push(sec);
      open.push(sec);
      lastContent = i;
      continue;
    }

    countBody(open);
    lastContent = i;
  }
  if (punkt !== null) {
    closeSectionsTo(0);
    const p: Punkt = punkt;
    p.range.end = endOf(lines, Math.max(lastContent, p.headingRange.start.line), p.headingRange.end);
  }

  const model: ReferatModel = { kind, title, header, toc, punkter, debris, lineCount: n, hasBom };
  parsedLines.set(model, { input, lines });
  return model;
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

function parseToc(lines: readonly string[], st: (i: number) => Stripped, blank: (i: number) => boolean, from: number, to: number, isDebris: (i: number) => boolean): Toc {
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
    const m = TOC_ENTRY.exec(s.text);
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
