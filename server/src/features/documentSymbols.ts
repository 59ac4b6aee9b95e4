// Outline: ReferatModel → hierarchical LSP DocumentSymbols. Pure; no runtime LSP imports.
//
// Shape (always one root, also when the document has no title):
//   Møde/title (Namespace)
//     Indholdsfortegnelse (Array)            – when the document has one
//     Punkt 46: Godkendelse af dagsorden (Class)
//       Indstilling (Field)
//         <nested sections> (Field)
//
// Guards: every name is non-empty and every selectionRange lies inside its range
// (VS Code rejects the whole outline otherwise).
import type { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Position, Punkt, Range, ReferatModel, Section, Toc } from '../model';
import { SECTION_NAMES } from '../parser/dialect/sections';
import { missingSections } from '../rules/missing-section';
import { DEFAULT_OPTIONS, isNoDecisionItem, isStandingItem } from '../rules/options';
import type { RuleOptions } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { messages } from '../l10n/messages';
import {
  formatPunktLabel,
  IMPLICIT_INDSTILLING_NAME,
  MEETING_FALLBACK_NAME,
  NO_HEADING,
  TOC_FALLBACK_NAME,
} from './labels';
import { clampRange, copyPosition, maxPosition, normalizeRange } from './ranges';

/** LSP SymbolKind values, kept local so the pure core has no runtime LSP dependency. */
export const SYMBOL_KINDS = {
  meeting: 3, // Namespace
  toc: 18, // Array
  punkt: 5, // Class
  section: 8, // Field
} as const satisfies Record<string, SymbolKind>;

export interface OutlineOptions {
  /** Which sections a punkt needs (the missing-section rule's options). */
  rules?: RuleOptions;
  locale?: Locale;
}

export function documentSymbols(model: ReferatModel, outline: OutlineOptions = {}): DocumentSymbol[] {
  const rules = outline.rules ?? DEFAULT_OPTIONS;
  const required = rules.requiredSections[model.kind];
  const missingText = messages(outline.locale ?? 'da').missingSections;
  const missingOf = (p: Punkt): string[] =>
    missingSections(p, required, isStandingItem(p, rules), isNoDecisionItem(p, rules)).map((k) => SECTION_NAMES[k]);
  const range: Range = { start: { line: 0, character: 0 }, end: documentEnd(model) };
  const selection = model.title?.range ?? model.header.committee?.range ?? { start: range.start, end: range.start };
  const children: DocumentSymbol[] = [];
  if (model.toc !== null) children.push(tocSymbol(model.toc));
  for (const punkt of model.punkter) children.push(punktSymbol(punkt, missingOf(punkt), missingText));
  return [
    symbol({
      name: nonEmpty(model.title?.text, MEETING_FALLBACK_NAME),
      detail: meetingDetail(model),
      kind: SYMBOL_KINDS.meeting,
      range,
      selectionRange: selection,
      children,
    }),
  ];
}

/** "Punkt 46: Godkendelse af dagsorden", or the bare title when the punkt has no number. */
export function punktLabel(punkt: Punkt): string {
  return formatPunktLabel(punkt.number, punkt.title);
}

/**
 * Flattens the tree for clients without hierarchicalDocumentSymbolSupport. Children
 * follow their parent, and containerName names the parent.
 */
export function toSymbolInformation(symbols: DocumentSymbol[], uri: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container: string | undefined): void => {
    for (const s of list) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container !== undefined) info.containerName = container;
      out.push(info);
      if (s.children !== undefined) walk(s.children, s.name);
    }
  };
  walk(symbols, undefined);
  return out;
}

function tocSymbol(toc: Toc): DocumentSymbol {
  const n = toc.entries.length;
  return symbol({
    name: nonEmpty(toc.heading.text, TOC_FALLBACK_NAME),
    detail: n === 1 ? '1 post' : `${n} poster`,
    kind: SYMBOL_KINDS.toc,
    range: toc.range,
    selectionRange: toc.heading.range,
  });
}

/** "24/19987 · mangler Beslutning": case numbers, then the required sections it lacks. */
function punktDetail(punkt: Punkt, missing: readonly string[], missingText: (names: readonly string[]) => string): string {
  const parts: string[] = [];
  const cases = punkt.caseNumbers.map((c) => c.value).join(', ');
  if (cases !== '') parts.push(cases);
  if (missing.length > 0) parts.push(missingText(missing));
  return parts.join(' · ');
}

function punktSymbol(punkt: Punkt, missing: readonly string[], missingText: (names: readonly string[]) => string): DocumentSymbol {
  return symbol({
    name: punktLabel(punkt),
    detail: punktDetail(punkt, missing, missingText),
    kind: SYMBOL_KINDS.punkt,
    range: punkt.range,
    selectionRange: punkt.titleRange,
    children: punkt.sections.map(sectionSymbol),
  });
}

function sectionSymbol(section: Section): DocumentSymbol {
  const implicit = section.implicit;
  return symbol({
    name: implicit ? IMPLICIT_INDSTILLING_NAME : nonEmpty(section.heading, NO_HEADING),
    detail: implicit ? NO_HEADING : '',
    kind: SYMBOL_KINDS.section,
    range: section.range,
    selectionRange: section.headingRange,
    children: section.children.map(sectionSymbol),
  });
}

interface SymbolInput {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

/** Builds a DocumentSymbol with fresh range objects, no empty detail and no empty children. */
function symbol(input: SymbolInput): DocumentSymbol {
  const range = normalizeRange(input.range);
  const out: DocumentSymbol = {
    name: input.name,
    kind: input.kind,
    range,
    selectionRange: clampRange(input.selectionRange, range),
  };
  if (input.detail !== '') out.detail = input.detail;
  if (input.children !== undefined && input.children.length > 0) out.children = input.children;
  return out;
}

function meetingDetail(model: ReferatModel): string {
  const parts: string[] = [];
  const committee = model.header.committee?.text.trim();
  if (committee !== undefined && committee !== '') parts.push(committee);
  if (model.header.meetingDate !== null) parts.push(model.header.meetingDate);
  return parts.join(', ');
}

function nonEmpty(text: string | undefined, fallback: string): string {
  const t = text?.trim() ?? '';
  return t === '' ? fallback : t;
}

/**
 * The end of the whole-document range, from the model alone: the start of the last line,
 * or further when some range in the model reaches further (a last line with text).
 */
export function documentEnd(model: ReferatModel): Position {
  let end: Position = { line: Math.max(0, model.lineCount - 1), character: 0 };
  const extend = (r: Range | undefined): void => {
    if (r !== undefined) end = maxPosition(end, maxPosition(r.start, r.end));
  };
  extend(model.title?.range);
  const h = model.header;
  extend(h.committee?.range);
  extend(h.place?.range);
  extend(h.time?.range);
  for (const d of h.dates) extend(d.range);
  for (const m of h.members) extend(m.range);
  for (const m of h.absent) extend(m.range);
  extend(model.toc?.range);
  for (const p of model.punkter) extend(p.range);
  for (const d of model.debris) extend(d.range);
  return copyPosition(end);
}

