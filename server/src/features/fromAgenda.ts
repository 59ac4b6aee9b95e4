// "Opret referat fra dagsorden" / `referat new --from`: the referat a secretary starts
// from the dagsorden, in the agenda's own layout. The kind word in the header becomes the
// referat's ("DAGSORDEN" → "REFERAT", "Åben dagsorden" → "Åbent referat"), and each punkt
// that takes a decision gets an empty Beslutning where the layout puts it (after the
// Indstilling, or at the end of the punkt), written as the punkt's other headings are.
// Nothing else changes: every other line stays byte for byte, with its line ending.
// Pure: text and model in, text out.
import type { Punkt, ReferatModel, Section } from '../model';
import { MONTHS } from '../parser/dates';
import { DECISION_FORMS } from '../parser/dialect/decisions';
import { KIND_NOISE } from '../parser/dialect/header';
import { lineBreakOf } from '../parser/lines';
import { insertionPoint } from '../rules/missing-section';
import { DEFAULT_OPTIONS, isNoDecisionItem } from '../rules/options';
import { committeeKey } from '../rules/sameMeeting';
import type { RuleOptions } from '../rules/types';

export type FromAgendaResult =
  | {
      ok: true;
      text: string;
      /** Lines of the new text (0-based) that were inserted. */
      inserted: number[];
      /** Lines of the agenda (0-based) whose kind word was changed. */
      changed: number[];
      /** Lines of the new text where each new Beslutning is to be written (an empty line). */
      decisions: number[];
    }
  | { ok: false; reason: 'minutes' | 'no-punkter' };

// ---- the kind word

/** The kind signal's form (parser/dialect/header.ts, KIND_SIGNALS): "dagsorden", also in a compound ("Tillægsdagsorden"). */
const KIND_WORD = /(?<![\p{L}\p{N}])(\p{L}{0,12}?)(dagsorden)(?![\p{L}\p{N}])/giu;
/** "Åben dagsorden" / "Dagsorden åben": the adjective agrees with the neuter "referat". */
const OPEN_BEFORE = /(?<![\p{L}\p{N}])(åben)(\s+)$/iu;
const OPEN_AFTER = /^(\s+)(åben)(?![\p{L}\p{N}])/iu;
/** The parser reads the kind from header lines this long or shorter. */
const KIND_LINE_MAX = 150;

/** `word` in the case of `model`: UPPER, Capital or lower. */
function inCaseOf(model: string, word: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (model.charAt(0) !== model.charAt(0).toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** The line with its kind word(s) made the referat's, or null when it has none (phrases such as "Godkendelse af dagsorden" are no kind word). */
export function referatKindLine(line: string): string | null {
  if (line.length > KIND_LINE_MAX || !/dagsorden/i.test(line)) return null;
  // The noise phrases are masked (same length), so that their words stay as they are.
  let masked = line;
  for (const n of KIND_NOISE) masked = masked.replace(new RegExp(n.re.source, n.re.flags.includes('g') ? n.re.flags : `${n.re.flags}g`), (m) => '\u0000'.repeat(m.length));
  let out = '';
  let at = 0;
  let changed = false;
  for (const m of masked.matchAll(KIND_WORD)) {
    const start = m.index;
    const prefix = line.slice(start, start + (m[1] as string).length);
    const word = line.slice(start + prefix.length, start + m[0].length);
    let before = line.slice(at, start);
    const open = OPEN_BEFORE.exec(before);
    if (open !== null && prefix === '') before = before.slice(0, open.index) + inCaseOf(open[1] as string, 'åbent') + (open[2] as string);
    out += before + prefix + inCaseOf(word, 'referat');
    at = start + m[0].length;
    const after = OPEN_AFTER.exec(line.slice(at));
    if (after !== null && prefix === '') {
      out += (after[1] as string) + inCaseOf(after[2] as string, 'åbent');
      at += after[0].length;
    }
    changed = true;
  }
  return changed ? out + line.slice(at) : null;
}

// ---- the decision heading

/** "Beskæftigelsesudvalget (2022-2025)" → "Beskæftigelsesudvalget": decision headings name the body without its period. */
function bodyName(committee: string): string {
  return committee.replace(/\s*\(?\b\d{4}\s*[-–]\s*\d{2,4}\)?\s*$/u, '').trim();
}

/** The meeting date written as `example` writes a date ("14-12-2017", "8. november 2022", "03.10.2023"). */
function dateLike(example: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const pad = (n: number, like: string): string => (like.length === 2 ? String(n).padStart(2, '0') : String(n));
  const numeric = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(example.trim());
  if (numeric !== null) return `${pad(d, numeric[1] as string)}${numeric[2] as string}${pad(m, numeric[3] as string)}${numeric[2] as string}${y}`;
  const named = /^(\d{1,2})\.\s*(\p{L}+)\s+\d{4}$/u.exec(example.trim());
  if (named !== null) return `${pad(d, named[1] as string)}. ${inCaseOf(named[2] as string, MONTHS[m - 1] as string)} ${y}`;
  return `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
}

/** "Byråd" as "Byrådet" when the example names its body in the definite form ("Økonomiudvalget"). */
function definiteLike(example: string, name: string): string {
  const upper = name === name.toUpperCase();
  if (/(?:udvalg|råd|nævn)et$/iu.test(example) && /(?:udvalg|råd|nævn)$/iu.test(name)) return name + (upper ? 'ET' : 'et');
  if (/bestyrelsen$/iu.test(example) && /bestyrelse$/iu.test(name)) return name + (upper ? 'N' : 'n');
  return name;
}

/** Decision headings that name the body and the date and open a decision of their own (not "Økonomiudvalget, 28. oktober 2019, pkt. 452:"). */
const NAMED_FORMS = DECISION_FORMS.filter((f) => f.id === 'beslutning-organ-dato' || f.id === 'organs-beslutning-dato');

/** A decision heading: this meeting's, or an earlier body's nested one (the parser makes that Tidligere behandling). */
function isDecision(s: Section): boolean {
  return s.kind === 'beslutning' || (s.kind === 'tidligere-behandling' && s.committee !== null);
}

function* allSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}

/**
 * Another body's decision in the agenda ("Beslutning i Økonomiudvalget den 05-03-2024",
 * "Miljø- og klimaudvalgets beslutning den 2. november 2022:") rewritten for this meeting:
 * the same line with this committee and date. Null when the agenda has none, or the
 * meeting's committee or date is unknown.
 */
function namedDecisionHeading(model: ReferatModel, lines: readonly string[]): string | null {
  const committee = model.header.committee === null ? '' : bodyName(model.header.committee.text);
  const iso = model.header.meetingDate;
  if (committee === '' || iso === null) return null;
  for (const p of model.punkter) {
    for (const s of allSections(p.sections)) {
      if (!isDecision(s) || s.committee === null || s.date === null || s.merged || s.inline === true) continue;
      if (!NAMED_FORMS.some((f) => f.re.test(s.heading))) continue;
      const line = s.headingRange.start.line;
      const raw = lines[line] ?? '';
      if (s.date.range.start.line !== line) continue;
      const at = raw.toLowerCase().indexOf(s.committee.toLowerCase());
      if (at < 0 || at > s.date.range.start.character) continue;
      const written = raw.slice(at, at + s.committee.length);
      const definite = definiteLike(s.committee, committee);
      const name = inCaseOf(written, definite) === definite.toUpperCase() ? definite.toUpperCase() : definite;
      return raw.slice(0, at) + name + raw.slice(at + s.committee.length, s.date.range.start.character) + dateLike(s.date.text, iso) + raw.slice(s.date.range.end.character);
    }
  }
  return null;
}

/** A heading written as the document writes its section headings: the text around it (indentation, "• ", "## ", "**"), its case and colon. */
interface Style {
  prefix: string;
  suffix: string;
  upper: boolean;
  colon: boolean;
  /** A blank line between the heading and its text, and before the heading. */
  gapAfter: boolean;
  gapBefore: boolean;
}

const blank = (s: string | undefined): boolean => s !== undefined && s.trim() === '';

/** A heading that stands alone on its line, at its start: one whose form can be copied. */
function styleOf(s: Section, lines: readonly string[]): Style | null {
  if (s.implicit || s.merged || s.inline === true) return null;
  const line = s.headingRange.start.line;
  const raw = lines[line] ?? '';
  const prefix = raw.slice(0, s.headingRange.start.character);
  // Only decoration before it: a heading inside a flattened PDF line is no model.
  if (!/^[\s•*#>-]*$/u.test(prefix)) return null;
  const suffix = raw.slice(s.headingRange.end.character);
  if (!/^[\s*_:]*$/u.test(suffix)) return null;
  const letters = s.heading.replace(/[^\p{L}]/gu, '');
  return {
    prefix,
    suffix,
    upper: letters.length > 1 && letters === letters.toUpperCase(),
    colon: s.heading.trimEnd().endsWith(':'),
    gapAfter: blank(lines[line + 1]),
    gapBefore: line > 0 && blank(lines[line - 1]),
  };
}

/** The punkt's Indstilling heading, else its first copyable heading; else the nearest punkt's. */
function styleFor(model: ReferatModel, index: number, lines: readonly string[]): Style | null {
  const tryPunkt = (p: Punkt | undefined): Style | null => {
    if (p === undefined) return null;
    const all = [...allSections(p.sections)];
    for (const s of [...all.filter((x) => x.kind === 'indstilling'), ...p.sections]) {
      const style = styleOf(s, lines);
      if (style !== null) return style;
    }
    return null;
  };
  for (let d = 0; d < model.punkter.length; d++) {
    const style = tryPunkt(model.punkter[index - d]) ?? tryPunkt(model.punkter[index + d]);
    if (style !== null) return style;
  }
  return null;
}

function headingLine(style: Style | null, punkt: Punkt): string {
  if (style === null) return punkt.level !== null ? `${'#'.repeat(Math.min(punkt.level + 1, 6))} Beslutning` : 'Beslutning';
  const word = (style.upper ? 'BESLUTNING' : 'Beslutning') + (style.colon ? ':' : '');
  return style.prefix + word + style.suffix.replace(/^:/, '');
}

// ---- where the Beslutning goes

/** This meeting's decision is there already (an empty "Beslutning" to fill in, or one naming this committee and date). */
function hasOwnDecision(p: Punkt, model: ReferatModel): boolean {
  const own = model.header.committee === null ? null : committeeKey(bodyName(model.header.committee.text));
  for (const s of allSections(p.sections)) {
    if (s.kind !== 'beslutning') continue;
    if (s.committee === null && s.date === null && s.children.length === 0) return true;
    if (s.committee !== null && own !== null && committeeKey(s.committee) === own && (s.date === null || s.date.iso === model.header.meetingDate)) return true;
  }
  return false;
}

/** An umbrella over other bodies' decisions ("POLITISK BEHANDLING"): this meeting's goes first under it. */
function umbrella(p: Punkt): Section | null {
  return p.sections.find((s) => s.kind === 'beslutning' && s.children.some(isDecision)) ?? null;
}

interface Insertion {
  /** Insert before this line of the agenda (lines.length: at the end). */
  at: number;
  lines: string[];
  /** Index in `lines` of the line to write the decision on. */
  write: number;
}

function insertionFor(p: Punkt, index: number, model: ReferatModel, lines: readonly string[], named: string | null): Insertion {
  const style = styleFor(model, index, lines);
  const gapAfter = style?.gapAfter ?? true;
  const gapBefore = style?.gapBefore ?? true;
  const heading = named ?? headingLine(style, p);
  const over = umbrella(p);
  const earlier = p.sections.filter((s) => s.kind === 'beslutning');
  // Under an umbrella, right below its heading (before the earlier bodies' decisions); after
  // the earlier bodies' decisions ("Beslutning i Økonomiudvalget …"); else where the profile order puts it.
  const where = over !== null ? { under: over } : earlier.length > 0 ? { after: earlier[earlier.length - 1] as Section } : insertionPoint(p, 'beslutning');
  if ('before' in where) {
    // Before the section that follows a Beslutning (Bilag): heading, the line to write on, the gap.
    const at = where.before.headingRange.start.line;
    const block = [heading, ...(gapAfter ? [''] : []), '', ...(gapBefore ? [''] : [])];
    return { at, lines: block, write: gapAfter ? 2 : 1 };
  }
  const last = 'under' in where ? where.under.headingRange.start.line : 'after' in where ? where.after.range.end.line : p.range.end.line;
  const at = last + 1;
  const block = [...(gapBefore ? [''] : []), heading, ...(gapAfter ? [''] : []), ''];
  const write = block.length - 1;
  // Keep the gap before what follows (the next section or punkt) when there is no blank line there.
  if (gapBefore && at < lines.length && !blank(lines[at])) block.push('');
  return { at, lines: block, write };
}

// ---- the whole

/** The lines of a text with their line endings, as the parser splits them (CRLF, LF, CR). */
function splitKeeping(text: string): { lines: string[]; ends: string[] } {
  const lines: string[] = [];
  const ends: string[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    lines.push(text.slice(at, m.index));
    ends.push(m[0]);
    at = m.index + m[0].length;
  }
  lines.push(text.slice(at));
  ends.push('');
  return { lines, ends };
}

/**
 * The referat of a dagsorden. Refuses minutes (a referat or beslutningsprotokol: the parser
 * reads a document whose punkter hold this meeting's decisions as one) and a text with no
 * punkter. A document of unknown kind (no kind word, too short to tell) is taken as a dagsorden.
 */
export function referatFromAgenda(text: string, model: ReferatModel, options: RuleOptions = DEFAULT_OPTIONS): FromAgendaResult {
  if (model.kind === 'referat' || model.kind === 'beslutningsprotokol') return { ok: false, reason: 'minutes' };
  if (model.punkter.length === 0) return { ok: false, reason: 'no-punkter' };
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const { lines, ends } = splitKeeping(bom === '' ? text : text.slice(1));
  const eol = lineBreakOf(text);

  // The header: the lines before the first punkt (and the case number above it), outside the TOC.
  const first = model.punkter[0] as Punkt;
  const headerEnd = Math.min(first.range.start.line, ...first.caseNumbers.map((c) => c.range.start.line));
  const changed: number[] = [];
  const newLines = [...lines];
  for (let i = 0; i < headerEnd; i++) {
    if (model.toc !== null && i >= model.toc.range.start.line && i <= model.toc.range.end.line) continue;
    const line = referatKindLine(lines[i] as string);
    if (line === null) continue;
    newLines[i] = line;
    changed.push(i);
  }

  const named = namedDecisionHeading(model, lines);
  const insertions: Insertion[] = [];
  model.punkter.forEach((p, i) => {
    if (isNoDecisionItem(p, options) || hasOwnDecision(p, model)) return;
    insertions.push(insertionFor(p, i, model, lines, named));
  });
  const before = new Map<number, Insertion[]>();
  for (const ins of insertions) before.set(ins.at, [...(before.get(ins.at) ?? []), ins]);

  let out = bom;
  let line = 0;
  const inserted: number[] = [];
  const decisions: number[] = [];
  const emit = (s: string, end: string): void => {
    out += s + end;
    line++;
  };
  const emitInsertions = (at: number, last: boolean): void => {
    for (const ins of before.get(at) ?? []) {
      ins.lines.forEach((s, k) => {
        if (k === ins.write) decisions.push(line);
        inserted.push(line);
        // The text's last line keeps having no line ending when it had none.
        emit(s, last && k === ins.lines.length - 1 && (before.get(at)?.at(-1) ?? ins) === ins ? '' : eol);
      });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    emitInsertions(i, false);
    const isLast = i === lines.length - 1;
    // A line that gets lines after it at the end of the text needs an ending of its own.
    const end = isLast && before.has(lines.length) && ends[i] === '' ? eol : (ends[i] as string);
    emit(newLines[i] as string, end);
  }
  if (before.has(lines.length)) emitInsertions(lines.length, ends[lines.length - 1] === '');
  return { ok: true, text: out, inserted, changed, decisions };
}
