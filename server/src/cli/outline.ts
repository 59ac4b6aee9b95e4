// `referat outline`: ReferatModel → a plain JSON outline, and a text rendering of it.
// Pure: no file system, no process. JSON ranges are 0-based LSP ranges; the text
// rendering shows 1-based line numbers.
import { lastCoveredLine } from '../features/ranges';
import type { DocumentFormat, Place } from '../files/document';
import { formatPunktLabel } from '../features/labels';
import type { Locale } from '../l10n/locale';
import { cliMessages, type CliMessages } from '../l10n/cli';
import type {
  CaseNumberSource,
  DocumentKind,
  Punkt,
  Range,
  ReferatModel,
  Section,
  SectionKind,
} from '../model';

export interface OutlineCaseNumber {
  value: string;
  source: CaseNumberSource;
  /** Present (true) for a document number (Dok.nr.) listed beside the case numbers. */
  document?: true;
  range: Range;
}

export interface OutlineSection {
  kind: SectionKind;
  heading: string;
  /** Present (true) only for an Indstilling written without a heading. */
  implicit?: true;
  range: Range;
  /** Present only when the section has sub-sections. */
  sections?: OutlineSection[];
}

export interface OutlinePunkt {
  number: number | null;
  title: string;
  caseNumbers: OutlineCaseNumber[];
  range: Range;
  sections: OutlineSection[];
}

export interface Outline {
  file: string;
  /** Present for a Word or PDF file: the ranges are in its extracted text. */
  format?: DocumentFormat;
  kind: DocumentKind;
  committee: string | null;
  /** YYYY-MM-DD or null. */
  meetingDate: string | null;
  members: { name: string; party: string | null }[];
  toc: { title: string; page: number | null }[];
  punkter: OutlinePunkt[];
  /** Present only when the document has cases with no punkt heading (a case-number field and its sections). */
  blocks?: { caseNumbers: string[]; range: Range; sections: number }[];
}

export function buildOutline(file: string, model: ReferatModel, format?: DocumentFormat): Outline {
  return {
    file,
    ...(format === undefined ? {} : { format }),
    kind: model.kind,
    committee: model.header.committee?.text ?? null,
    meetingDate: model.header.meetingDate,
    members: model.header.members.map((m) => ({ name: m.name, party: m.party })),
    toc: (model.toc?.entries ?? []).map((e) => ({ title: e.title, page: e.page })),
    punkter: model.punkter.map(outlinePunkt),
    ...(model.blocks.length > 0 ? { blocks: model.blocks.map((b) => ({ caseNumbers: b.caseNumbers.map((c) => c.value), range: copyRange(b.range), sections: b.sections })) } : {}),
  };
}

function outlinePunkt(punkt: Punkt): OutlinePunkt {
  return {
    number: punkt.number,
    title: punkt.title,
    caseNumbers: punkt.caseNumbers.map((c) => ({ value: c.value, source: c.source, ...(c.document === true ? { document: true as const } : {}), range: copyRange(c.range) })),
    range: copyRange(punkt.range),
    sections: punkt.sections.map(outlineSection),
  };
}

function outlineSection(section: Section): OutlineSection {
  return {
    kind: section.kind,
    heading: section.heading,
    ...(section.implicit ? { implicit: true as const } : {}),
    range: copyRange(section.range),
    ...(section.children.length > 0 ? { sections: section.children.map(outlineSection) } : {}),
  };
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** One outline as an object, several (or any from a directory) as an array; 2-space indent. */
export function renderJson(outlines: readonly Outline[], single: boolean): string {
  return `${JSON.stringify(single && outlines.length === 1 ? outlines[0] : outlines, null, 2)}\n`;
}

/** Where a position of an outline's extracted text is in its Word or PDF file. */
export type Locate = (line: number, character: number) => Place | null;

/**
 * Outlines as indented trees, separated by a blank line, in the given language. For a
 * Word or PDF file, `locate` gives the places in it ("side 3, linje 4-12", "afsnit 7-40").
 */
export function renderText(outlines: readonly Outline[], locale: Locale = 'da', locate?: (o: Outline) => Locate | undefined): string {
  const words = cliMessages(locale);
  return outlines.map((o) => renderOne(o, words, locate?.(o))).join('\n');
}

type OutlineWords = CliMessages['cli']['outline'];

function renderOne(o: Outline, words: CliMessages, locate: Locate | undefined): string {
  const w = words.cli.outline;
  const lines: string[] = [o.file];
  const span = (r: Range): string => (locate === undefined ? lineSpan(r, w) : placeSpan(r, locate, words));
  lines.push(`  ${w.kind}: ${w.kinds[o.kind] ?? o.kind}`);
  lines.push(`  ${w.committee}: ${o.committee ?? w.unknown}`);
  lines.push(`  ${w.meetingDate}: ${o.meetingDate ?? w.unknown}`);
  const members = o.members.map((m) => (m.party === null ? m.name : `${m.name} (${m.party})`));
  lines.push(`  ${w.members}: ${members.length === 0 ? w.noneFound : members.join(', ')}`);
  if (o.toc.length > 0) {
    lines.push(`  ${w.toc(o.toc.length)}:`);
    for (const e of o.toc) lines.push(`    ${e.title}${e.page === null ? '' : ` (${w.page(e.page)})`}`);
  }
  if (o.punkter.length === 0) {
    lines.push(`  ${w.punkterLabel}: ${w.noneFound}`);
    if (o.blocks !== undefined) {
      lines.push(`  ${w.blocks(o.blocks.length)}:`);
      for (const b of o.blocks) lines.push(`    [${b.caseNumbers.join(', ')}]  ${w.sections(b.sections)}  (${span(b.range)})`);
    }
  } else {
    lines.push(`  ${w.punkter(o.punkter.length)}:`);
    for (const p of o.punkter) {
      const cases = p.caseNumbers.length === 0 ? '' : `  [${p.caseNumbers.map((c) => c.value).join(', ')}]`;
      lines.push(`    ${formatPunktLabel(p.number, p.title)}${cases}  (${span(p.range)})`);
      renderSections(p.sections, '      ', lines, w, span);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderSections(sections: readonly OutlineSection[], indent: string, lines: string[], w: OutlineWords, span: (r: Range) => string): void {
  for (const s of sections) {
    const name = s.implicit === true ? `${w.implicitIndstilling} ${w.noHeading}` : s.heading.trim() || w.noHeading;
    lines.push(`${indent}- ${name}  (${span(s.range)})`);
    if (s.sections !== undefined) renderSections(s.sections, `${indent}  `, lines, w, span);
  }
}

/** A range's first and last place in a Word or PDF file: "side 3:linje 4 - side 5:linje 2", "side 3:linje 4-12", "afsnit 7-40". */
function placeSpan(r: Range, locate: Locate, words: CliMessages): string {
  const first = locate(r.start.line, r.start.character);
  const last = locate(Math.max(r.start.line, lastCoveredLine(r)), 0);
  if (first === null || last === null) return lineSpan(r, words.cli.outline);
  if (first.kind === 'paragraph' && last.kind === 'paragraph') return words.place({ ...first, line: 1 }) + (last.paragraph > first.paragraph ? `-${last.paragraph}` : '');
  if (first.kind === 'page' && last.kind === 'page' && first.page === last.page) return words.place(first) + (last.line > first.line ? `-${last.line}` : '');
  return `${words.place(first)} - ${words.place(last)}`;
}

/** "linje 12" or "linje 12-18" (in the given words), 1-based. */
export function lineSpan(r: Range, w: OutlineWords = cliMessages('da').cli.outline): string {
  const first = r.start.line + 1;
  const last = Math.max(first, lastCoveredLine(r) + 1);
  return w.lines(first, last);
}
