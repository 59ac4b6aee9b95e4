// Whether a text is minutes, for files whose name does not say so ("Referat ØU
// 14-05-2024.txt", "dagsorden.md"). The head of the text is parsed by the parser
// itself, so the evidence is the parser's tables: punkt headings, section headings,
// case numbers and fields, and the kind words of the header. No list of its own.
import { parseReferat, type ParseOptions } from './parse';

/** The head that is read: minutes show their first punkt well before this. */
export const SNIFF_CHARS = 24 * 1024;

export interface Sniff {
  minutes: boolean;
  /** Why, in no language: for tests and a debug log. */
  evidence: string;
}

export function sniffMinutes(text: string, options: ParseOptions = {}): Sniff {
  let head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  // Cut at a line end, so that the last punkt heading is not read half.
  const cut = head.length < text.length ? Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) : -1;
  if (cut > 0) head = head.slice(0, cut);
  const model = parseReferat(withoutFences(head), options);
  const r = model.recognised;
  const withEvidence = model.punkter.filter((p) => p.caseNumbers.length > 0 || p.sections.some((s) => !s.implicit)).length;
  // A punkt with a case number or a known section heading; or two punkter in a document
  // whose header names its kind; or cases without headings (a Sagsid. field and sections).
  if (withEvidence >= 1 && (withEvidence >= 2 || r.sectionHeadings + r.caseNumbers >= 2)) return { minutes: true, evidence: `${withEvidence} punkter with case numbers or sections` };
  if (model.kind !== 'unknown' && model.punkter.length >= 2) return { minutes: true, evidence: `kind ${model.kind}, ${model.punkter.length} punkter` };
  if (model.blocks.length >= 1) return { minutes: true, evidence: `${model.blocks.length} cases without headings` };
  return { minutes: false, evidence: `${model.punkter.length} punkter, ${r.sectionHeadings} section headings, ${r.caseNumbers} case numbers, kind ${model.kind}` };
}

/** Markdown code fences blanked: documentation that shows example minutes is no minutes. */
function withoutFences(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const lines = text.split(/\r\n|\r|\n/);
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).trimStart();
    const mark = t.startsWith('```') ? '```' : t.startsWith('~~~') ? '~~~' : null;
    if (fence === null && mark !== null) fence = mark;
    else if (fence !== null && mark === fence) fence = null;
    else if (fence === null) continue;
    lines[i] = '';
  }
  return lines.join('\n');
}
