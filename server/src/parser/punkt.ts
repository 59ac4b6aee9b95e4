// Stage 4, punkt: one punkt's lines into its sections, fields, case numbers and
// attendance. Each punkt depends only on its own lines (and a few after an "…
// indstiller" sentence), so the incremental stage can rebuild one punkt alone.
import type { Attendance as ReadonlyAttendance, CaseNumber as ReadonlyCaseNumber, Field as ReadonlyField, Punkt as ReadonlyPunkt, Range, Section as ReadonlySection, SectionKind, Draft } from '../model';
import type { Dialect } from './dialect';
import type { Head } from './attach';
import { parseMembers } from './members';
import { isJsSpace, isSpace, lineRange, trimEndWhere } from './lines';
import { C_ATT, C_CASE, C_DEBRIS, C_FIELD, C_INDST, C_LABEL, C_SECTION, type LineView } from './scan';
import type { SectionHit } from './sectionHeadings';
import type { Heading } from './settle';

// Built mutably here, handed out readonly.
type Attendance = Draft<ReadonlyAttendance>;
type CaseNumber = Draft<ReadonlyCaseNumber>;
type Field = Draft<ReadonlyField>;
type Punkt = Draft<ReadonlyPunkt>;
type Section = Draft<ReadonlySection>;

// These never nest under another section, whatever their Markdown level.
const TOP_ONLY: ReadonlySet<SectionKind> = new Set(['resume', 'indstilling', 'beslutning', 'bilag', 'punktoplysninger']);
const AT_CLAUSE = /^(?:[-•*▪]\s*|\d{1,2}[.)]\s*)?at\b/i;
const INDSTILLER = /\bindstiller(?:\s+til\s+[^,.]{1,120})?\s*,?\s*(at\b.*)?$/;

export interface PunktContext {
  view: LineView;
  dialect: Dialect;
  /** The indentation most plain section headings have; a heading-like line deeper in is text (Jammerbugt's nested decision). */
  sectionIndent: number | null;
  /** The meeting date the header gives (ISO), or null. */
  meeting: string | null;
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

function countBody(open: readonly Section[]): void {
  const inner = open[open.length - 1];
  if (inner !== undefined) inner.bodyLines++;
}

function hasOpen(open: readonly Section[], kind: SectionKind): boolean {
  for (const s of open) if (s.kind === kind) return true;
  return false;
}

/** End position of line `line` (its last non-space character), never before `min`. */
function endOf(lines: readonly string[], line: number, min: { line: number; character: number }): { line: number; character: number } {
  const raw = lines[line] ?? '';
  let e = raw.length;
  while (e > 0 && isSpace(raw.charCodeAt(e - 1))) e--;
  if (line === min.line && e < min.character) e = min.character;
  return { line, character: e };
}

function isIndstillerLine(text: string, next: () => string): boolean {
  if (text.length > 600 || !text.includes('indstiller') || !/^\p{Lu}/u.test(text)) return false;
  const m = INDSTILLER.exec(text);
  if (!m) return false;
  if (m[1] !== undefined) return true; // "… indstiller, at …"
  return AT_CLAUSE.test(next());
}

/** The fields on a line ("Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200 Åbent"); `from` is where in the text to start looking. */
export function parseFields(i: number, text: string, start: number, dialect: Dialect, from = 0): Field[] {
  const out: Field[] = [];
  const marks: { name: string; labelStart: number; valueStart: number }[] = [];
  const re = dialect.fieldAny;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    marks.push({ name: (m[1] as string).replace(/:$/, ''), labelStart: m.index + lead, valueStart: m.index + m[0].length });
  }
  for (let k = 0; k < marks.length; k++) {
    const mk = marks[k] as (typeof marks)[number];
    const stop = k + 1 < marks.length ? (marks[k + 1] as (typeof marks)[number]).labelStart : text.length;
    let value = trimEndWhere(text.slice(mk.valueStart, stop), (c) => c === 44 || c === 59 || isJsSpace(c));
    if (value === '-' || value === '–') value = '';
    out.push({
      name: mk.name,
      key: dialect.fieldKey(mk.name),
      value,
      range: lineRange(i, start + mk.labelStart, start + (value === '' ? mk.valueStart : mk.valueStart + value.length)),
      valueRange: lineRange(i, start + mk.valueStart, start + mk.valueStart + value.length),
    });
  }
  return out;
}

/** The case numbers a field gives: the first word of a Sagsnr. or Dok.nr. value. */
function fieldCaseNumbers(fields: readonly Field[], dialect: Dialect, out: CaseNumber[]): void {
  for (const f of fields) {
    const role = dialect.fieldRole(f.key);
    if (role === null || f.value === '') continue;
    const value = (/^\S+/.exec(f.value) as RegExpExecArray)[0].replace(/[,;]$/, '');
    if (role === 'dokument' && !/\d/.test(value)) continue;
    const line = f.valueRange.start.line;
    const cn: CaseNumber = {
      value,
      range: { start: f.valueRange.start, end: { line, character: f.valueRange.start.character + value.length } },
      source: 'field',
      field: f.name,
    };
    if (role === 'dokument') cn.document = true;
    out.push(cn);
  }
}

function headLast(h: Heading): number {
  let last = h.headingLine;
  for (const e of h.extra) if (e > last) last = e;
  return last;
}

/** Sections from a hit on line i at text offset `start` (a glued heading gives several). */
function sectionsOf(hit: SectionHit, i: number, start: number, level: number | null, meeting: string | null): Section[] {
  if (hit.form === 'merged' && hit.parts !== undefined) {
    return hit.parts.map((p) => {
      const sec = newSection(p.alias.kind, p.text, lineRange(i, start + p.start, start + p.end), level);
      sec.merged = true;
      return sec;
    });
  }
  const sec = newSection(hit.alias.kind, hit.heading, lineRange(i, start + hit.start, start + hit.end), level);
  if (hit.alias.container === true) sec.container = true;
  if (hit.form === 'inline') sec.inline = true;
  if (hit.form === 'decision') {
    // "Økonomiudvalget 2018-21, 28. oktober 2019, pkt. 452:" before a meeting on 5 November: an earlier committee's decision.
    const iso = hit.date?.iso ?? null;
    if (hit.decision?.nests === true && meeting !== null && iso !== null && iso < meeting) sec.kind = 'tidligere-behandling';
    sec.committee = hit.committee ?? null;
    if (hit.date !== undefined) {
      const d = hit.date;
      sec.date = { iso: d.iso, weekday: d.weekday, source: 'beslutning', text: d.text, range: lineRange(i, start + hit.start + d.start, start + hit.start + d.end) };
    }
  }
  return [sec];
}

/** Inline headings in the rest of a flattened line (Esbjerg: "… Åben sag Indledning {tekst} Sagsfremstilling {tekst}"). */
function inlineSections(text: string, from: number, i: number, start: number, dialect: Dialect): Section[] {
  const out: Section[] = [];
  const re = /(?:^|\s)(\p{Lu}\p{Ll}+(?: \p{Ll}+)?)(?=\s)/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (const cand of [m[1] as string, (m[1] as string).split(' ')[0] as string]) {
      const alias = dialect.lookupSection(cand);
      if (alias === undefined || alias.inline !== true) continue;
      const at = m.index + m[0].length - (m[1] as string).length;
      const sec = newSection(alias.kind, cand, lineRange(i, start + at, start + at + cand.length), null);
      sec.inline = true;
      sec.bodyLines = 1;
      out.push(sec);
      break;
    }
  }
  return out;
}

/**
 * Builds one punkt from its lines [head.start, end), the heading first. `lineCase` is
 * the case number the attach stage gave it.
 */
export function buildPunkt(ctx: PunktContext, h: Heading, head: Head, end: number): Punkt {
  const { view, dialect, sectionIndent } = ctx;
  const { lines } = view;
  const hs = { start: view.start(h.headingLine), end: view.end(h.headingLine) };
  const title = h.title;
  const cls = title.charCodeAt(title.length - 1) === 41 /* ) */ ? /\(([A-ZÆØÅ])\)$/.exec(title) : null;
  const punkt: Punkt = {
    number: h.number,
    title,
    titleRange: lineRange(h.headingLine, h.titleStart, h.titleEnd),
    headingRange: lineRange(h.headingLine, hs.start, hs.end),
    range: { start: { line: head.start, character: 0 }, end: { line: h.headingLine, character: hs.end } },
    form: h.form.id,
    level: h.level,
    classMarker: cls ? (cls[1] as string) : null,
    // "Lukket: Eventuelt", "Orienteringssag: Faglig tvist (Lukket)", "Lukket punkt. Anlæg".
    closed: /^Lukket\b\s*[:.]|^Lukket punkt\b|\(lukket\)\s*$/i.test(title),
    caseNumbers: head.cn ? [head.cn] : [],
    fields: [],
    attendance: [],
    sections: [],
  };
  if (head.start === h.headingLine) punkt.range.start.character = hs.start;

  let lastContent = -1;
  const open: Section[] = [];
  const closeSectionsTo = (depth: number): void => {
    while (open.length > depth) {
      const sec = open.pop() as Section;
      sec.range.end = endOf(lines, Math.max(lastContent, sec.headingRange.start.line), sec.headingRange.end);
    }
  };
  const openSection = (sec: Section, hit: SectionHit): void => {
    let depth = open.length;
    const top = open[0];
    const sub = hit.alias.subOfSagsfremstilling === true;
    if (hit.form === 'decision' && hit.decision?.nests === true && top !== undefined && top.kind === 'beslutning' && top.committee === null && top.date === null && !top.merged) {
      // "Forretningsudvalgets beslutning den …:" under "POLITISK BEHANDLING" or "Beslutning".
      depth = 1;
    } else if (TOP_ONLY.has(sec.kind)) {
      depth = 0;
    } else if (sec.level !== null) {
      while (depth > 0 && ((open[depth - 1] as Section).level ?? 0) >= sec.level) depth--;
    } else {
      depth = 0;
      // In plain text a sub-heading nests under a Sagsfremstilling it directly follows.
      if (sub && top !== undefined && top.kind === 'sagsfremstilling' && top.level === null && (top.bodyLines === 0 || open.length > 1)) depth = 1;
    }
    closeSectionsTo(depth);
    const parent = depth > 0 ? (open[depth - 1] as Section) : null;
    (parent ? parent.children : punkt.sections).push(sec);
    open.push(sec);
  };

  // A flattened PDF page: fields and sections follow the title on the heading line.
  if (h.restOffset < hs.end && h.headingLine === h.startLine) {
    const text = view.txt(h.headingLine);
    const from = h.restOffset - hs.start;
    const fields = parseFields(h.headingLine, text, hs.start, dialect, Math.max(0, from - 1));
    punkt.fields.push(...fields);
    fieldCaseNumbers(fields, dialect, punkt.caseNumbers);
    for (const sec of inlineSections(text, from, h.headingLine, hs.start, dialect)) {
      closeSectionsTo(0);
      punkt.sections.push(sec);
      open.push(sec);
    }
  }

  // At-clauses after a line that announces them, outside an Indstilling or a Beslutning: a recommendation without a heading.
  const recommends = (i: number, known: string | null, open: readonly Section[]): void => {
    if (punkt.recommendation !== undefined) return;
    // Only a line that starts with "a", a digit or a bullet can be an at-clause.
    const c0 = (lines[i] as string).charCodeAt(view.start(i));
    if ((c0 | 32) !== 97 && !(c0 >= 48 && c0 <= 57) && c0 !== 45 && c0 !== 42 && c0 !== 0x2022 && c0 !== 0x25aa) return;
    if (hasOpen(open, 'indstilling') || hasOpen(open, 'beslutning')) return;
    const text = known ?? view.txt(i);
    if (!AT_CLAUSE.test(text)) return;
    // A numbered at-clause ("At 1) …", "1. at …") is a recommendation by its form.
    if (/^(?:at\s+\d{1,2}\)|\d{1,2}[.)]\s*at\b)/i.test(text)) {
      punkt.recommendation = lineRange(i, view.start(i), view.end(i));
      return;
    }
    // Unnumbered at-bullets after a colon are also how a Sagsfremstilling lists aims ("med
    // henblik på: - At sikre …"): only outside a named section do they stand for the recommendation.
    if (open.some((sec) => sec.kind !== 'other')) return;
    const prev = view.prevContent(i, 3);
    if (prev === -1 || prev === h.headingLine) return;
    const before = view.txt(prev);
    if (before.endsWith(':') || /,\s*at$/.test(before) || AT_CLAUSE.test(before)) punkt.recommendation = lineRange(i, view.start(i), view.end(i));
  };

  let i = head.start;
  const last = headLast(h);
  for (; i <= last; i++) if (!view.empty(i)) lastContent = i;
  const consumed = head.consumed;
  let skipTo = -1;
  for (; i < end; i++) {
    if (view.blank(i)) continue;
    const c = view.cls[i] as number;
    if ((c & C_DEBRIS) !== 0) continue;
    if (i <= skipTo || consumed.includes(i)) {
      lastContent = i;
      continue;
    }
    if (c === 0) {
      recommends(i, null, open);
      countBody(open);
      lastContent = i;
      continue;
    }
    const text = view.txt(i);
    const start = view.start(i);

    if ((c & C_LABEL) !== 0) {
      // "Sagsnummer" and its value on the next line.
      const v = view.nextContent(i + 1, 3, end);
      if (v !== -1 && view.is(v, C_CASE)) {
        const name = text.replace(/\s*:$/, '');
        const value = view.txt(v);
        const f: Field = { name, key: dialect.fieldKey(name), value, range: { start: { line: i, character: start }, end: { line: v, character: view.end(v) } }, valueRange: lineRange(v, view.start(v), view.end(v)) };
        punkt.fields.push(f);
        fieldCaseNumbers([f], dialect, punkt.caseNumbers);
        skipTo = v;
        countBody(open);
        lastContent = i;
        continue;
      }
    }
    if ((c & C_FIELD) !== 0) {
      const fields = parseFields(i, text, start, dialect);
      punkt.fields.push(...fields);
      fieldCaseNumbers(fields, dialect, punkt.caseNumbers);
      countBody(open);
      lastContent = i;
      continue;
    }
    const hit = (c & C_SECTION) !== 0 ? view.hits.get(i) : undefined;
    if ((c & C_ATT) !== 0 && hit === undefined) {
      const att = dialect.attendance.exec(text) as RegExpExecArray;
      const labelLen = text.length - (att[2] as string).length;
      const a: Attendance = {
        kind: /afbud/i.test(att[1] as string) ? 'afbud' : 'fraværende',
        members: parseMembers(i, att[2] as string, start + labelLen),
        range: lineRange(i, start, view.end(i)),
      };
      punkt.attendance.push(a);
      countBody(open);
      lastContent = i;
      continue;
    }
    if (hit !== undefined) {
      const level = view.level(i);
      const nested = hit.form !== 'markdown' && level === null && sectionIndent !== null && (view.indent[i] as number) > sectionIndent + 1;
      if (!nested) {
        const secs = sectionsOf(hit, i, start, level, ctx.meeting);
        for (const sec of secs) openSection(sec, hit);
        if (hit.form === 'inline') countBody(open);
        lastContent = i;
        continue;
      }
    }

    // An Indstilling written as a paragraph: "Direktøren … indstiller" + at-lines.
    const top = open.length > 0 ? (open[0] as Section).kind : null;
    if (
      (c & C_INDST) !== 0 &&
      top !== 'indstilling' &&
      top !== 'beslutning' &&
      top !== 'bilag' &&
      !hasOpen(open, 'indstilling') &&
      isIndstillerLine(text, () => {
        const j = view.nextContent(i + 1, 6);
        return j === -1 ? '' : view.txt(j);
      })
    ) {
      const sec = newSection('indstilling', text, lineRange(i, start, view.end(i)), null);
      sec.implicit = true;
      closeSectionsTo(0);
      punkt.sections.push(sec);
      open.push(sec);
      lastContent = i;
      continue;
    }
    recommends(i, text, open);
    countBody(open);
    lastContent = i;
  }
  closeSectionsTo(0);
  // A punkt with an Indstilling of its own has no recommendation beside it.
  if (punkt.recommendation !== undefined && hasKind(punkt.sections, 'indstilling')) delete punkt.recommendation;
  punkt.range.end = endOf(lines, Math.max(lastContent, punkt.headingRange.start.line), punkt.headingRange.end);
  return punkt;
}

/** The indentation of most plain section headings after `from`, or null when there are none. */
export function sectionIndentOf(view: LineView, from: number): number | null {
  const counts = new Map<number, number>();
  for (const [i, hit] of view.hits) {
    if (i < from || hit.form !== 'alias' || view.level(i) !== null) continue;
    const ind = view.indent[i] as number;
    counts.set(ind, (counts.get(ind) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [ind, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && ind < best)) {
      best = ind;
      bestCount = count;
    }
  }
  return best;
}

/** A decision heading's date, when a header has none to give (the meeting date is then read from the punkter). */
export function decisionDates(punkter: readonly ReadonlyPunkt[]): { iso: string; committee: string | null }[] {
  const out: { iso: string; committee: string | null }[] = [];
  const visit = (ss: readonly ReadonlySection[]): void => {
    for (const s of ss) {
      if (s.kind === 'beslutning' && s.date?.iso != null) out.push({ iso: s.date.iso, committee: s.committee });
      visit(s.children);
    }
  };
  for (const p of punkter) visit(p.sections);
  return out;
}

function hasKind(sections: readonly Section[], kind: Section['kind']): boolean {
  return sections.some((sec) => sec.kind === kind || hasKind(sec.children, kind));
}
