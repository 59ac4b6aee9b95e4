// The parser: text of any dialect in, ReferatModel out. Two linear passes over the
// lines: the first finds punkt-heading candidates and settles which form the
// document uses; the second builds header, TOC, punkter and sections. It never
// throws on any input; text it does not understand stays body text.
import type { Attendance, CaseNumber, Debris, Field, Punkt, Range, ReferatModel, Section, SectionKind, Toc, TocEntry } from '../model';
import { looksLikeCaseNumberLine } from './caseNumbers';
import { findDates } from './dates';
import { parseHeader, parseMembers } from './header';
import { debrisKind, lineRange, splitLines, strip, type Stripped } from './lines';
import { matchPunktForm } from './punktForms';
import { lookupSection, splitMergedHeading, type SectionAlias } from './sections';

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

export function fieldKey(label: string): string {
  const l = label.toLowerCase().replace(/[.\s:-]/g, '');
  if (l === 'sagsnr' || l === 'sagsnummer' || l === 'sagsid') return 'sagsnr';
  if (l === 'sagsbeh' || l === 'sagsbehandler') return 'sagsbeh';
  if (l === 'doknr' || l === 'dokumentnr') return 'doknr';
  return l;
}

export function parseReferat(input: string, options: ParseOptions = {}): ReferatModel {
  const aliases = options.sectionAliases;
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const lines = splitLines(text);
  const n = lines.length;

  // ---- pass 1: candidates, debris, TOC heading, title line
  const stripped: (Stripped | undefined)[] = new Array(n);
  const st = (i: number): Stripped => {
    let s = stripped[i];
    if (s === undefined) {
      s = strip(lines[i] as string);
      stripped[i] = s;
    }
    return s;
  };
  const debris: Debris[] = [];
  const debrisLines = new Set<number>();
  const candidates: Candidate[] = [];
  const tocTitles: string[] = [];
  let titleLine = -1;
  let tocLine = -1;
  let prevNonBlank = -1;
  let pendingBullet: { line: number; number: number; form: string } | null = null;

  for (let i = 0; i < n; i++) {
    const s = st(i);
    if (s.text === '') continue;
    const dk = debrisKind(s.text);
    if (dk !== null) {
      debris.push({ kind: dk, text: s.text, range: lineRange(i, s.start, s.end) });
      debrisLines.add(i);
      continue;
    }
    if (titleLine === -1) {
      titleLine = i;
      prevNonBlank = i;
      continue;
    }
    if (tocLine === -1 && candidates.length === 0 && (TOC_HEADING.test(s.text) || /^Indholdsfortegnelse(?=\S)/.test(s.text))) {
      tocLine = i;
    }
    if (tocLine !== -1 && candidates.length === 0) {
      const toc = TOC_ENTRY.exec(s.text);
      if (toc) tocTitles.push(normTitle(toc[2] as string));
    }

    if (pendingBullet !== null) {
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
    const m = matchPunktForm(s.text);
    if (m !== null) {
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

  // ---- settle the dialect: strong forms win; weak ones need corroboration
  const hasStrong = candidates.some((c) => c.strong);
  const nextContent = (from: number, limit: number): number => {
    for (let j = from; j < n && j < from + limit; j++) {
      if (st(j).text !== '' && !debrisLines.has(j)) return j;
    }
    return -1;
  };
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (c.strong) {
      accepted.push(c);
      continue;
    }
    if (hasStrong) continue;
    const j = nextContent(c.headingLine + 1, 6);
    const below = j === -1 ? '' : st(j).text;
    const corroborated =
      looksLikeCaseNumberLine(below) ||
      FIELD_START.test(below) ||
      /^Sag\s+nr/i.test(below) ||
      tocTitles.some((t) => t !== '' && normTitle(c.title).startsWith(t));
    if (corroborated) accepted.push(c);
  }

  // ---- case numbers on their own line, below or above each heading
  const consumed = new Set<number>();
  const punktStart: number[] = [];
  const lineCase: (CaseNumber | null)[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const c = accepted[k] as Candidate;
    for (const e of c.extra) consumed.add(e);
    let j = nextContent(c.headingLine + 1, 8);
    while (j !== -1 && c.extra.includes(j)) j = nextContent(j + 1, 8);
    // A title repeated on the next line belongs to the heading.
    if (j !== -1 && normTitle(st(j).text) === normTitle(c.title)) {
      consumed.add(j);
      j = nextContent(j + 1, 8);
    }
    let cn: CaseNumber | null = null;
    if (j !== -1 && looksLikeCaseNumberLine(st(j).text) && (k + 1 >= accepted.length || j < (accepted[k + 1] as Candidate).startLine)) {
      const s = st(j);
      cn = { value: s.text, range: lineRange(j, s.start, s.end), source: 'line-below' };
      consumed.add(j);
    }
    let start = c.startLine;
    if (cn === null) {
      // SBSYS puts the number on the line above the title.
      let a = c.startLine - 1;
      while (a >= 0 && (st(a).text === '' || debrisLines.has(a))) a--;
      const prevEnd = k > 0 ? (accepted[k - 1] as Candidate).headingLine : Math.max(titleLine, tocLine);
      if (a > prevEnd && looksLikeCaseNumberLine(st(a).text) && /^\d{2}\.\d{2}\.\d{2}-|^\d{2,3}[-/]\d|^\p{Lu}{2,6}-\d{4}-/u.test(st(a).text)) {
        const s = st(a);
        cn = { value: s.text, range: lineRange(a, s.start, s.end), source: 'line-above' };
        consumed.add(a);
        start = a;
      }
    }
    lineCase.push(cn);
    punktStart.push(start);
  }

  // ---- header and TOC
  const firstPunkt = punktStart.length > 0 ? (punktStart[0] as number) : n;
  const headerEnd = tocLine !== -1 && tocLine < firstPunkt ? tocLine : firstPunkt;
  const { header, kind, title } = parseHeader(lines, 0, headerEnd, (i) => debrisLines.has(i));
  let toc: Toc | null = null;
  if (tocLine !== -1 && tocLine < firstPunkt) toc = parseToc(lines, st, tocLine, firstPunkt, debrisLines);

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
  const openSection = (sec: Section): void => {
    if (punkt === null) return;
    // Nest by Markdown level; in plain text, sub-headings nest under Sagsfremstilling.
    let depth = open.length;
    if (TOP_ONLY.has(sec.kind)) {
      depth = 0;
    } else if (sec.level !== null) {
      while (depth > 0 && ((open[depth - 1] as Section).level ?? 0) >= sec.level) depth--;
    } else {
      depth = 0;
      if (subOf(sec) && open.length > 0 && (open[0] as Section).kind === 'sagsfremstilling' && (open[0] as Section).level === null) depth = 1;
    }
    closeSectionsTo(depth);
    const parent = depth > 0 ? (open[depth - 1] as Section) : null;
    (parent ? parent.children : punkt.sections).push(sec);
    open.push(sec);
  };
  const subKinds = new WeakSet<Section>();
  const subOf = (s: Section): boolean => subKinds.has(s);

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
      for (; i <= c.headingLine; i++) if (st(i).text !== '' && !debrisLines.has(i)) lastContent = i;
      i--;
      continue;
    }
    const s = st(i);
    if (s.text === '' || debrisLines.has(i)) continue;
    if (punkt === null || consumed.has(i)) {
      if (punkt !== null) lastContent = i;
      continue;
    }
    const current = punkt;

    // Fields such as "Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200".
    if (FIELD_START.test(s.text)) {
      const fields = parseFields(i, s);
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

    const att = ATTENDANCE.exec(s.text);
    if (att) {
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

    const heading = recogniseHeading(i, s, aliases);
    if (heading !== null) {
      for (const h of heading) {
        if (h.sub) subKinds.add(h.section);
        openSection(h.section);
      }
      lastContent = i;
      continue;
    }

    // An Indstilling written as a paragraph: "Direktøren … indstiller" + at-lines.
    const top = open.length > 0 ? (open[0] as Section).kind : null;
    if (top !== 'indstilling' && top !== 'beslutning' && top !== 'bilag' && !hasOpen(open, 'indstilling') && isIndstillerLine(s.text, () => {
      const j = nextContent(i + 1, 6);
      return j === -1 ? '' : st(j).text;
    })) {
      const sec = newSection('indstilling', s.text, lineRange(i, s.start, s.end), null);
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

  return { kind, title, header, toc, punkter, debris, lineCount: n, hasBom };
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
  if (text.length > 600 || !/^\p{Lu}/u.test(text) || !text.includes('indstiller')) return false;
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

function recogniseHeading(i: number, s: Stripped, aliases: ReadonlyMap<string, SectionAlias> | undefined): { section: Section; sub: boolean }[] | null {
  const text = s.text;
  if (text.length > 200) return null;
  const heading = text.replace(/\s*:$/, '');
  const range = lineRange(i, s.start, s.end);
  const alias = lookupSection(text, aliases);
  if (alias !== undefined) {
    return [{ section: newSection(alias.kind, heading, range, s.level), sub: alias.subOfSagsfremstilling === true }];
  }
  // "Beslutning i Beskæftigelsesudvalget den 12-08-2024", "Beslutning Udvalget for … den 28-11-2023"
  const b = BESLUTNING_HEADING.exec(text);
  if (b && text.length <= 160) {
    const dates = findDates(text);
    const last = dates[dates.length - 1];
    // The date must close the heading, or "Beslutning om … den 3. maj 2024." in prose would match.
    const d = last !== undefined && text.slice(last.end).trim().replace(/^:$/, '') === '' ? last : undefined;
    if (d !== undefined || (s.level !== null && (b[1] as string).length < 120)) {
      const sec = newSection('beslutning', heading, range, s.level);
      if (d !== undefined) {
        sec.date = { iso: d.iso, weekday: d.weekday, source: 'beslutning', text: d.text, range: lineRange(i, s.start + d.start, s.start + d.end) };
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
  const blk = DECISION_BLOCK.exec(text);
  if (blk) {
    const sec = newSection('beslutning', heading, range, s.level);
    sec.committee = blk[1] as string;
    const d = findDates(text)[0];
    if (d) sec.date = { iso: d.iso, weekday: d.weekday, source: 'beslutning', text: d.text, range: lineRange(i, s.start + d.start, s.start + d.end) };
    return [{ section: sec, sub: false }];
  }
  const merged = splitMergedHeading(text);
  if (merged !== null) {
    return merged.parts.map((p) => {
      const sec = newSection(p.kind, p.text, lineRange(i, s.start + p.start, s.start + p.end), s.level);
      sec.merged = true;
      return { section: sec, sub: false };
    });
  }
  // Any other Markdown heading inside a punkt is a section of its own.
  if (s.level !== null) return [{ section: newSection('other', heading, range, s.level), sub: false }];
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

function parseToc(lines: readonly string[], st: (i: number) => Stripped, from: number, to: number, debris: Set<number>): Toc {
  const h = st(from);
  const entries: TocEntry[] = [];
  let last = from;
  // "Indholdsfortegnelse1. Fraværende": the first entry is glued to the heading.
  const glued = /^(Indholdsfortegnelse)(?=\S)/.exec(h.text);
  const headingText = glued ? (glued[1] as string) : h.text.replace(/\s*:$/, '');
  for (let i = from + 1; i < to; i++) {
    const s = st(i);
    if (s.text === '' || debris.has(i)) continue;
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
  while (e > 0 && /\s/.test(raw[e - 1] as string)) e--;
  if (line === min.line && e < min.character) e = min.character;
  return { line, character: e };
}

export function normTitle(t: string): string {
  return t
    .toLowerCase()
    .replace(/\*\*/g, '')
    .replace(/[\s.…]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
