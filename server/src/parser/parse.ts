// The parser: text of any dialect in, ReferatModel out, in stages that each have one job:
//   scan    what each line may be (one pass, pre-filters from the dialect tables)
//   settle  which candidate lines are punkt headings, on evidence
//   attach  the case numbers and repeated titles around each heading
//   toc     the table of contents before the first punkt
//   header  kind, committee, date, place and members
//   punkt   each punkt's sections, fields and attendance
//   finish  what the punkter tell about the whole (a referat, the date of a decision)
// It never throws on any input; text it does not understand stays body text, and the
// model records what it recognised so that a rule can say when it read nothing.
import type { DocumentKind, Punkt as ReadonlyPunkt, ReferatModel, Section, UnheadedBlock as ReadonlyUnheadedBlock, Draft } from '../model';
import { attach, type Head } from './attach';
import { dialectFor, type Dialect, type DialectOptions } from './dialect';
import { parseHeader, type HeaderResult } from './header';
import { readPeople } from './people';
import { lineRange, splitLines } from './lines';
import { buildPunkt, decisionDates, parseFields, sectionIndentOf, type PunktContext } from './punkt';
import { C_CASE, C_EVIDENCE, C_FIELD, scan, type Candidate, type LineView } from './scan';
import { settle, type Heading, type Settled } from './settle';
import { parseToc } from './toc';

// Built mutably here, handed out readonly.
type Punkt = Draft<ReadonlyPunkt>;
type UnheadedBlock = Draft<ReadonlyUnheadedBlock>;

export type ParseOptions = DialectOptions;

/** What a parse keeps beside its model (and out of it), to re-parse an edited version quickly. */
export interface ParseState {
  input: string;
  text: string;
  options: ParseOptions;
  dialect: Dialect;
  view: LineView;
  candidates: Candidate[];
  settled: Settled;
  heads: Head[];
  header: HeaderResult;
  ctx: PunktContext;
}

const states = new WeakMap<ReferatModel, ParseState>();

export function stateOf(model: ReferatModel): ParseState | undefined {
  return states.get(model);
}

export function remember(model: ReferatModel, state: ParseState): void {
  states.set(model, state);
}

/**
 * The lines parseReferat split `input` into for this model (after a byte-order mark), or
 * undefined when the model was not parsed from this text. The model's JSON is unchanged.
 */
export function linesOfModel(model: ReferatModel, input: string): readonly string[] | undefined {
  const state = states.get(model);
  return state !== undefined && state.input === input ? state.view.lines : undefined;
}

/** A committee's name for comparing: lower case, no period, no genitive or article ending. */
function committeeKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\(?\d{4}\s*[-–]\s*\d{2,4}\)?\s*$/, '')
    .replace(/(?:ets|ens|et|en|s)$/, '')
    .trim();
}

/**
 * A decision of this meeting: one that names no body, or the meeting's committee. A
 * Byråd's dagsorden carries the Økonomiudvalg's decisions ("Beslutning i Økonomiudvalget
 * den …"), which make it no referat. "Hjørring Byråd" and "Byrådet" are one body.
 */
function isOwn(s: Section, own: string | null): boolean {
  if (s.committee === null || own === null) return true;
  const key = committeeKey(s.committee);
  return key === own || own.endsWith(` ${key}`) || key.endsWith(` ${own}`);
}

function hasDecision(sections: readonly Section[], own: string | null): boolean {
  for (const s of sections) {
    if (s.kind === 'beslutning' && isOwn(s, own) && (s.bodyLines > 0 || s.children.some((c) => c.kind !== 'beslutning' && c.kind !== 'tidligere-behandling'))) return true;
    if (hasDecision(s.children, own)) return true;
  }
  return false;
}

function has(sections: readonly Section[], kind: Section['kind'], own: string | null = null): boolean {
  for (const s of sections) if ((s.kind === kind && (kind !== 'beslutning' || isOwn(s, own))) || has(s.children, kind, own)) return true;
  return false;
}

/**
 * The kind the header's words give, corrected by what the punkter hold: a document whose
 * punkter carry this meeting's decisions is no dagsorden. `committee` is the header's.
 */
export function finishKind(headerKind: DocumentKind, punkter: readonly ReadonlyPunkt[], committee: string | null = null): DocumentKind {
  const own = committee === null ? null : committeeKey(committee);
  const decisions = punkter.some((p) => hasDecision(p.sections, own));
  if (headerKind === 'dagsorden' || headerKind === 'unknown') {
    if (decisions) return 'referat';
    if (headerKind === 'unknown' && punkter.length > 0) {
      const withDecision = punkter.filter((p) => has(p.sections, 'beslutning', own)).length;
      // Minutes being written (from a dagsorden with no kind word): most punkter have their Beslutning heading, still empty.
      if (withDecision * 2 >= punkter.length && withDecision > 0) return 'referat';
      // A dagsorden: complete punkter with an Indstilling and no Beslutning anywhere.
      const complete = punkter.slice(0, -1);
      if (punkter.length >= 2 && withDecision === 0 && complete.some((p) => has(p.sections, 'indstilling'))) return 'dagsorden';
    }
  }
  return headerKind;
}

/** Header facts the header did not give, from the punkter's decision headings (København, Region Hovedstaden, Glostrup). */
export function finishHeader(h: HeaderResult, punkter: readonly ReadonlyPunkt[]): HeaderResult['header'] {
  if (h.header.committee !== null && h.header.meetingDate !== null) return h.header;
  const header = { ...h.header };
  if (header.committee === null) {
    for (const p of punkter) {
      const s = firstDecision(p.sections);
      if (s !== null && s.committee !== null) {
        header.committee = { text: s.committee, range: s.headingRange };
        break;
      }
    }
  }
  if (header.meetingDate === null) {
    const dates = decisionDates(punkter);
    const own = header.committee !== null ? committeeKey(header.committee.text) : null;
    const pick = dates.find((d) => own !== null && d.committee !== null && committeeKey(d.committee) === own) ?? dates[0];
    if (pick !== undefined) header.meetingDate = pick.iso;
  }
  return header;
}

function firstDecision(sections: readonly Section[]): Section | null {
  for (const s of sections) {
    if (s.kind === 'beslutning' && s.committee !== null) return s;
    const c = firstDecision(s.children);
    if (c !== null) return c;
  }
  return null;
}

/** Cases with no heading (Aabenraa): a Sagsnr./Sagsid. field and the section headings after it, up to the next. */
function unheadedBlocks(view: LineView, dialect: Dialect): UnheadedBlock[] {
  const out: UnheadedBlock[] = [];
  let current: UnheadedBlock | null = null;
  for (let i = 0; i < view.n; i++) {
    if (view.is(i, C_FIELD)) {
      const fields = parseFields(i, view.txt(i), view.start(i), dialect).filter((f) => dialect.fieldRole(f.key) === 'sag' && f.value !== '');
      if (fields.length > 0) {
        current = {
          caseNumbers: fields.map((f) => ({ value: (/^\S+/.exec(f.value) as RegExpExecArray)[0].replace(/[,;]$/, ''), range: f.valueRange, source: 'field' as const, field: f.name })),
          range: lineRange(i, view.start(i), view.end(i)),
          sections: 0,
        };
        out.push(current);
        continue;
      }
    }
    if (current !== null && !view.empty(i)) {
      if (view.is(i, C_EVIDENCE)) current.sections++;
      current.range = { start: current.range.start, end: { line: i, character: view.end(i) } };
    }
  }
  return out.filter((b) => b.sections > 0);
}

function countRecognised(view: LineView, candidates: number): Draft<ReferatModel['recognised']> {
  let sections = 0;
  let cases = 0;
  for (let i = 0; i < view.n; i++) {
    const c = view.cls[i] as number;
    if ((c & C_EVIDENCE) !== 0) sections++;
    if ((c & (C_CASE | C_FIELD)) !== 0) cases++;
  }
  return { headingForm: null, candidates, sectionHeadings: sections, caseNumbers: cases };
}

export function parseReferat(input: string, options: ParseOptions = {}): ReferatModel {
  const dialect = dialectFor(options);
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const lines = splitLines(text);
  const n = lines.length;

  const { view, candidates, debris } = scan(lines, text, dialect);
  const settled = settle(view, candidates, dialect.fieldIn);
  const headings = settled.headings;
  const heads = attach(view, headings, settled.tocHead);
  const firstStart = heads.length > 0 ? (heads[0] as Head).start : n;

  let toc = null;
  let tocLines = new Set<number>();
  if (settled.tocHead !== -1 && settled.tocHead < firstStart) {
    const r = parseToc(view, settled.tocHead, firstStart, dialect);
    toc = r.toc;
    tocLines = r.lines;
  }
  const header = parseHeader(view, firstStart, (i) => tocLines.has(i), dialect);
  const ctx: PunktContext = { view, dialect, sectionIndent: sectionIndentOf(view, firstStart), meeting: header.header.meetingDate };
  const punkter: Punkt[] = [];
  for (let k = 0; k < headings.length; k++) {
    const end = k + 1 < heads.length ? (heads[k + 1] as Head).start : n;
    punkter.push(buildPunkt(ctx, headings[k] as Heading, heads[k] as Head, end));
  }
  const recognised = countRecognised(view, candidates.length);
  recognised.headingForm = settled.headingForm;
  const finished = finishHeader(header, punkter);
  const model: ReferatModel = {
    kind: finishKind(header.kind, punkter, header.header.committee?.text ?? null),
    title: header.title,
    header: finished,
    toc,
    punkter,
    debris,
    blocks: punkter.length === 0 ? unheadedBlocks(view, dialect) : [],
    recognised,
    people: readPeople(lines, punkter, finished),
    lineCount: n,
    hasBom,
  };
  states.set(model, { input, text, options, dialect, view, candidates, settled, heads, header, ctx });
  return model;
}

export { reparseReferat } from './incremental';
export { normTitle } from './settle';
